#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace otrack {

// The body of every error answer, on every endpoint:
//   {"error": {"code": "...", "message": "...", "field": "..."}}
// `code` is stable and machine-readable (clients branch on it), `message` is English for logs
// and developers (the client shows its own translated sentence), `field` names the request
// field at fault and is left out when no single field is.
struct ApiError {
    QString code;
    QString message;
    QString field;

    // Stable codes shared by both ends.
    static constexpr char kBadRequest[] = "bad_request";
    static constexpr char kNotFound[] = "not_found";
    static constexpr char kUpgradeRequired[] = "upgrade_required";
    static constexpr char kDatabaseUnavailable[] = "database_unavailable";
    static constexpr char kInternal[] = "internal";
    // 401 for a device that an administrator revoked: the client wipes its local store.
    static constexpr char kDeviceRevoked[] = "device_revoked";
    // Refusals of the transport guard (guardedsslserver.h), each followed by closing the
    // connection: 413 body over the limit, 431 request line and headers over the limit,
    // 411 Transfer-Encoding instead of Content-Length, 408 request not complete in time.
    static constexpr char kTooLarge[] = "too_large";
    static constexpr char kHeadersTooLarge[] = "headers_too_large";
    static constexpr char kLengthRequired[] = "length_required";
    static constexpr char kRequestTimeout[] = "request_timeout";
    // 403 on push and pull for a staff member who has not accepted the current version of
    // every published legal document; the message names the missing kinds. The client shows
    // the acceptance dialog.
    static constexpr char kLegalAcceptanceRequired[] = "legal_acceptance_required";

    QJsonObject toJson() const;
    QByteArray encode() const;

    static Result<ApiError> fromJson(const QJsonObject &json);
    static Result<ApiError> decode(const QByteArray &bytes);

    bool operator==(const ApiError &) const = default;
};

}  // namespace otrack
