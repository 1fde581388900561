#pragma once

#include "caller.h"
#include "loginrequest.h"
#include "loginresponse.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>

namespace otrack {

// Logins, token refresh and logout over the server's store (tables staff, devices, tokens,
// login_failures). Runs on a pool thread.
//
// Failed logins are counted in login_failures per account ("account:<school>/<username>") and
// per client address ("address:<ip>"), so that every server instance over one database shares
// the limits: at most kMaxAccountFailures per account and kMaxAddressFailures per address in
// kFailureWindowMs; beyond that a login answers RateLimited (429 with Retry-After) without
// checking the password. A wrong password, an unknown user and an unknown school give the same
// Unauthenticated error, and cost the same scrypt time.
class AccountStore {
public:
    static constexpr qint64 kAccessTokenLifetimeMs = 15 * 60 * 1000;
    static constexpr qint64 kRefreshTokenLifetimeMs = 30ll * 24 * 60 * 60 * 1000;
    static constexpr qint64 kFailureWindowMs = 15 * 60 * 1000;
    static constexpr int kMaxAccountFailures = 5;
    static constexpr int kMaxAddressFailures = 20;

    explicit AccountStore(QSqlDatabase db) : m_db(std::move(db)) { }

    // On RateLimited, *retryAfterSeconds (when given) is how long to wait (at least 1).
    // A revoked device: Unauthenticated with Authenticator::kDeviceRevokedMessage. A suspended
    // school: Forbidden (only once the password is right).
    Result<LoginResponse> login(const LoginRequest &request, const QString &clientAddress, qint64 nowMs,
                                int *retryAfterSeconds = nullptr);

    // Rotates: the presented refresh token is revoked and a new pair issued. Presenting an
    // already rotated (revoked) refresh token revokes every token of that user on that device:
    // someone else may hold a copy.
    Result<LoginResponse> refresh(const QString &refreshToken, qint64 nowMs);

    // Revokes every token of the caller on the caller's device.
    Status logout(const Caller &caller, qint64 nowMs);

private:
    Result<int> recentFailures(const QString &subject, qint64 nowMs, qint64 *oldest);
    Status recordFailure(const QString &accountSubject, const QString &addressSubject, qint64 nowMs);
    // Inserts a new access and refresh token for the user's device into `response`.
    Status issueTokens(LoginResponse &response, const QString &schoolId, const QString &userId, const QString &deviceId,
                       qint64 nowMs);

    QSqlDatabase m_db;
};

}  // namespace otrack
