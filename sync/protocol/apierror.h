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

    QJsonObject toJson() const;
    QByteArray encode() const;

    static Result<ApiError> fromJson(const QJsonObject &json);
    static Result<ApiError> decode(const QByteArray &bytes);

    bool operator==(const ApiError &) const = default;
};

}  // namespace otrack
