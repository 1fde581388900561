#pragma once

#include "publisheddocument.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace otrack {

// 200 answer of GET /v1/legal/documents (docs/protocol.md, Legal documents):
//   {"documents": [PublishedDocument without body, ...], "to_accept": ["privacy_policy", ...]}
// `documents` holds the current (latest published) version of each kind, in kind order.
// `to_accept` names the kinds whose current version this caller has not accepted yet: while
// it is not empty, push and pull answer 403 legal_acceptance_required.
struct LegalDocumentsResponse {
    QList<PublishedDocument> documents;
    QList<LegalKind> toAccept;

    QJsonObject toJson() const;
    QByteArray encode() const;
    static Result<LegalDocumentsResponse> fromJson(const QJsonObject &json);
    static Result<LegalDocumentsResponse> decode(const QByteArray &bytes);

    bool operator==(const LegalDocumentsResponse &) const = default;
};

}  // namespace otrack
