#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace otrack {

// POST /v1/auth/login (docs/protocol.md, Auth):
//   {"school": "<name or id>", "username": "...", "password": "...", "device_id": "..."}
// `device_id` is made by the client once per user per PC (a UUID); the server hands out that
// device's key for it. Unknown fields are ignored.
struct LoginRequest {
    QString school;
    QString username;
    QString password;
    QString deviceId;

    static constexpr int kMaxSchoolLength = 200;
    static constexpr int kMaxUsernameLength = 200;
    static constexpr int kMaxPasswordLength = 1024;
    static constexpr int kMaxDeviceIdLength = 64;

    QJsonObject toJson() const;
    QByteArray encode() const;

    // InvalidArgument naming the field ("field 'username' ...") when a field is missing, of the
    // wrong type, empty or too long.
    static Result<LoginRequest> fromJson(const QJsonObject &json);
    static Result<LoginRequest> decode(const QByteArray &bytes);

    bool operator==(const LoginRequest &) const = default;
};

// POST /v1/auth/refresh: {"refresh_token": "..."}. Answered like a login, without device_key.
struct RefreshRequest {
    QString refreshToken;

    QJsonObject toJson() const;
    QByteArray encode() const;
    static Result<RefreshRequest> decode(const QByteArray &bytes);

    bool operator==(const RefreshRequest &) const = default;
};

}  // namespace otrack
