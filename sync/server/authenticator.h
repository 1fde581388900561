#pragma once

#include "caller.h"
#include "result.h"

#include <QByteArray>
#include <QSqlDatabase>

namespace otrack {

// Proves who is calling from the request's "Authorization: Bearer <access token>" header.
// Tokens are random 32 bytes (base64url, no padding) and stored only as their SHA-256 (hex) in
// `tokens`. Run on a pool thread: it reads the database.
class Authenticator {
public:
    // The start of the message of the Unauthenticated error for a revoked device. Answers carry
    // the ApiError code protocol::kDeviceRevokedCode ("device_revoked") instead of
    // "unauthenticated" (authErrorResponse in requestcheck.h): the client wipes its store.
    static constexpr char kDeviceRevokedMessage[] = "device_revoked: this device has been revoked";

    // Ok: the caller (school, user, device, role, epoch). Unauthenticated when the header is
    // missing or malformed, the token unknown, not an access token, expired or revoked, the
    // staff member disabled or the device revoked (message starts with kDeviceRevokedMessage).
    // StorageFailure when the database fails.
    static Result<Caller> authenticate(QSqlDatabase db, const QByteArray &authorizationHeader, qint64 nowMs);

    // True when `error` is the revoked-device refusal.
    static bool isDeviceRevoked(const Error &error);

    // A new random token: 32 bytes from the OS CSPRNG, base64url without padding (43 chars).
    static QByteArray newToken();
    // What `tokens.token_hash` holds for a token: lower-case hex SHA-256 of its text.
    static QString hashToken(const QByteArray &token);
};

}  // namespace otrack
