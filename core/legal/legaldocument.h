#pragma once

#include "result.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVersionNumber>

#include <optional>

namespace otrack {

enum class LegalKind { DataProcessingTerms, TermsAndConditions, PrivacyPolicy, CookiePolicy };

// The names used in files, the database and on the wire.
QString toString(LegalKind kind);
std::optional<LegalKind> legalKindFromString(const QString &text);

// One version of one legal document: a UTF-8 Markdown file that starts with a header
// (docs/legal.md):
//   ---
//   kind: privacy_policy
//   version: 1.0
//   effective-date: 2026-09-01
//   audience: staff
//   title: Privacy Policy
//   summary: What changed since the previous version, in one line.
//   ---
// Its identity is the SHA-256 of the exact file bytes, header included, so an acceptance
// names precisely the text that was shown.
class LegalDocument {
public:
    // Who must accept a document: every staff member, and/or the school's signatory.
    static inline const QString kAudienceStaff = QStringLiteral("staff");
    static inline const QString kAudienceSignatory = QStringLiteral("signatory");

    // InvalidArgument, naming the line and field, when the header is malformed.
    static Result<LegalDocument> parse(const QByteArray &text);
    // A version is a dotted number ("1", "1.2", "2.0.1"); versions of a kind are ordered by it.
    // Null for anything else. The server publishes by the same rule.
    static QVersionNumber versionNumberOf(const QString &version);

    LegalKind kind() const { return m_kind; }
    const QString &version() const { return m_version; }
    const QVersionNumber &versionNumber() const { return m_versionNumber; }
    QDate effectiveDate() const { return m_effectiveDate; }
    const QStringList &audience() const { return m_audience; }
    bool isFor(const QString &audience) const { return m_audience.contains(audience); }
    const QString &title() const { return m_title; }
    const QString &summary() const { return m_summary; }
    // The Markdown after the header.
    const QString &body() const { return m_body; }
    // The exact bytes the identity is computed over.
    const QByteArray &text() const { return m_text; }
    // Lower-case hex SHA-256 of text().
    const QString &sha256() const { return m_sha256; }

    // True when this version supersedes `other` of the same kind.
    bool isNewerThan(const LegalDocument &other) const;

private:
    LegalDocument() = default;

    LegalKind m_kind = LegalKind::DataProcessingTerms;
    QString m_version;
    QVersionNumber m_versionNumber;
    QDate m_effectiveDate;
    QStringList m_audience;
    QString m_title;
    QString m_summary;
    QString m_body;
    QByteArray m_text;
    QString m_sha256;
};

// Lower-case hex SHA-256 of `bytes`: a document's identity and the ledger's row hashes.
QString sha256Hex(const QByteArray &bytes);

}  // namespace otrack
