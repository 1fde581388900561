#pragma once

#include "legaldocument.h"
#include "result.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace otrack {

// One published version of a legal document (docs/protocol.md, Legal documents):
//   {"kind", "version", "title", "effective_date": "YYYY-MM-DD", "audience", "summary",
//    "sha256", "published_at": ms, "body"?}
// A version's identity is the SHA-256 of its exact text: `sha256` is the lower-case hex digest
// of `body` encoded as UTF-8. `summary` says what changed since the previous version. Lists
// leave the body out; fetching one version includes it. The body is the document's whole file
// (core/legal's LegalDocument::parse reads its header); the server keeps it byte for byte.
struct PublishedDocument {
    LegalKind kind = LegalKind::PrivacyPolicy;
    QString version;
    QString title;
    QString body;
    QString sha256;
    QDate effectiveDate;
    QString audience;
    QString summary;
    qint64 publishedAt = 0;  // ms since the epoch, server clock

    static constexpr int kMaxVersionLength = 64;
    static constexpr int kMaxTitleLength = 200;
    static constexpr int kMaxAudienceLength = 200;
    static constexpr int kMaxSummaryLength = 2000;
    static constexpr int kMaxBodyBytes = 1024 * 1024;

    // The lower-case hex SHA-256 of `text` encoded as UTF-8 (sha256Hex, core/legal).
    static QString sha256Of(const QString &text);
    // A dotted number of at most kMaxVersionLength characters (LegalDocument::versionNumberOf):
    // the client orders versions by it, and versions appear in URLs.
    static bool isValidVersion(const QString &version);
    static bool isSha256Hex(const QString &text);

    enum class Body { Include, Omit };
    QJsonObject toJson(Body body) const;
    QByteArray encode() const;  // with the body, unless it is empty
    // The body is optional; when present, `sha256` must be its digest. `path` prefixes field
    // names in errors ("documents[2]").
    static Result<PublishedDocument> fromJson(const QJsonObject &json, const QString &path = QString());
    static Result<PublishedDocument> decode(const QByteArray &bytes);

    bool operator==(const PublishedDocument &) const = default;
};

}  // namespace otrack
