#pragma once

#include "legaldocument.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace otrack {

// One staff member's acceptance of one version of one document: a row of the append-only
// ledger. Rows chain by hash (docs/legal.md, The ledger): rowHash covers prevHash and every
// field below, so changing any field, or removing a row, breaks the chain.
struct Acceptance {
    // The prevHash of the first row.
    static inline const QString kGenesisHash = QString(64, QLatin1Char('0'));

    QString id;  // UUID made by the client
    QString schoolId;
    QString userId;
    LegalKind kind = LegalKind::DataProcessingTerms;
    QString version;
    QString sha256;  // the document's identity: SHA-256 of its exact text
    QString acceptedAt;  // UTC, ISO 8601 with milliseconds, as stored: 2026-09-01T08:30:00.000Z
    QString deviceId;
    QString appVersion;
    std::optional<QString> signatoryName;  // only when a school signatory signs
    std::optional<QString> signatoryPosition;
    QString prevHash;
    QString rowHash;

    // The exact bytes rowHash is the SHA-256 of: a fixed tag line, then prevHash and each
    // field in the order declared above, each written as "<UTF-8 byte count>:<bytes>\n", and
    // an absent signatory field as "-\n". The length prefixes make the encoding unambiguous
    // whatever a field holds (newlines, colons).
    QByteArray canonicalForm() const;
    QString computeRowHash() const;
};

}  // namespace otrack
