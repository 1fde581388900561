#pragma once

#include "model.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace otrack {

// 200 answer of POST /v1/auth/login and /v1/auth/refresh (docs/protocol.md, Auth):
//   {"access_token": "...", "access_expires_at": ms, "refresh_token": "...",
//    "refresh_expires_at": ms,
//    "user": {"id", "username", "display_name", "role", "epoch"},
//    "school": {"id", "name", "status"},
//    "device_key": "<base64 of 32 bytes>"}          (login only)
// Tokens are opaque to the client; send the access token as "Authorization: Bearer <token>".
struct LoginResponse {
    QString accessToken;
    qint64 accessExpiresAt = 0;  // ms since the epoch (server clock)
    QString refreshToken;
    qint64 refreshExpiresAt = 0;
    Staff user;
    qint64 epoch = 1;
    School school;
    QString deviceKey;  // empty in a refresh answer

    QJsonObject toJson() const;
    QByteArray encode() const;
    static Result<LoginResponse> fromJson(const QJsonObject &json);
    static Result<LoginResponse> decode(const QByteArray &bytes);
};

}  // namespace otrack
