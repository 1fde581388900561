#include "accountstore.h"

#include "serverdatabase.h"
#include "writetransaction.h"

#include "authenticator.h"
#include "passwordhash.h"
#include "schooladmin.h"
#include "securebytes.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// The one answer for every wrong school, user or password: it must not tell which.
Error badCredentials()
{
    return Error{ErrorCode::Unauthenticated, u"the school, username or password is not right"_s};
}

// Runs `work` (returning Status) in a write transaction: committed if it succeeds, rolled
// back otherwise.
template <typename Work>
Status inWriteTransaction(QSqlDatabase db, const QString &what, Work work)
{
    WriteTransaction transaction(db);
    if (Status begun = transaction.begin(what); !begun)
        return begun;
    if (Status done = work(); !done)
        return done;
    return transaction.commit();
}

}  // namespace

Result<int> AccountStore::recentFailures(const QString &subject, qint64 nowMs, qint64 *oldest)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"SELECT COUNT(*), MIN(at) FROM login_failures WHERE subject = ? AND at > ?"_s,
                           {subject, nowMs - kFailureWindowMs}, u"counting failed logins"_s);
        !s)
        return s.error();
    if (!query.next())
        return sqlError(query.lastError(), u"counting failed logins"_s);
    if (oldest)
        *oldest = query.value(1).toLongLong();
    return query.value(0).toInt();
}

Status AccountStore::recordFailure(const QString &accountSubject, const QString &addressSubject, qint64 nowMs)
{
    return inWriteTransaction(m_db, u"recording a failed login"_s, [&]() -> Status {
        QSqlQuery query(m_db);
        for (const QString &subject : {accountSubject, addressSubject}) {
            // Old rows go as new ones come: the table holds only the window.
            if (Status s = execSql(query, u"DELETE FROM login_failures WHERE subject = ? AND at <= ?"_s,
                                   {subject, nowMs - kFailureWindowMs}, u"recording a failed login"_s);
                !s)
                return s;
            if (Status s = execSql(query, u"INSERT INTO login_failures (subject, at) VALUES (?, ?)"_s, {subject, nowMs},
                                   u"recording a failed login"_s);
                !s)
                return s;
        }
        return {};
    });
}

Status AccountStore::issueTokens(LoginResponse &response, const QString &schoolId, const QString &userId,
                                 const QString &deviceId, qint64 nowMs)
{
    const QByteArray access = Authenticator::newToken();
    const QByteArray refresh = Authenticator::newToken();
    QSqlQuery query(m_db);
    const QString sql = u"INSERT INTO tokens (token_hash, kind, school_id, user_id, device_id, expires_at, revoked) "
                        u"VALUES (?, ?, ?, ?, ?, ?, 0)"_s;
    if (Status s = execSql(
            query, sql,
            {Authenticator::hashToken(access), u"access"_s, schoolId, userId, deviceId, nowMs + kAccessTokenLifetimeMs},
            u"issuing tokens"_s);
        !s)
        return s;
    if (Status s = execSql(query,
                           {Authenticator::hashToken(refresh), u"refresh"_s, schoolId, userId, deviceId,
                            nowMs + kRefreshTokenLifetimeMs},
                           u"issuing tokens"_s);
        !s)
        return s;
    // Expired tokens of this device go as new ones come.
    if (Status s = execSql(query, u"DELETE FROM tokens WHERE user_id = ? AND device_id = ? AND expires_at < ?"_s,
                           {userId, deviceId, nowMs}, u"removing expired tokens"_s);
        !s)
        return s;
    response.accessToken = QString::fromLatin1(access);
    response.accessExpiresAt = nowMs + kAccessTokenLifetimeMs;
    response.refreshToken = QString::fromLatin1(refresh);
    response.refreshExpiresAt = nowMs + kRefreshTokenLifetimeMs;
    return {};
}

Result<LoginResponse> AccountStore::login(const LoginRequest &request, const QString &clientAddress, qint64 nowMs,
                                          int *retryAfterSeconds)
{
    QSqlQuery query(m_db);
    // The school by id or name; then the account.
    if (Status s = execSql(query,
                           u"SELECT id, name, urn, status FROM schools WHERE id = ? OR name = ? "
                           u"ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END"_s,
                           {request.school, request.school, request.school}, u"finding the school"_s);
        !s)
        return s.error();
    School school;
    const bool schoolFound = query.next();
    if (schoolFound)
        school = School{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                        schoolStatusFromString(query.value(3).toString()).value_or(SchoolStatus::Suspended)};

    const QString accountSubject
        = u"account:%1/%2"_s.arg(schoolFound ? school.id : request.school.toLower(), request.username.toLower());
    const QString addressSubject = u"address:"_s + clientAddress;
    qint64 oldestAccount = 0, oldestAddress = 0;
    auto accountFailures = recentFailures(accountSubject, nowMs, &oldestAccount);
    if (!accountFailures)
        return accountFailures.error();
    auto addressFailures = recentFailures(addressSubject, nowMs, &oldestAddress);
    if (!addressFailures)
        return addressFailures.error();
    if (accountFailures.value() >= kMaxAccountFailures || addressFailures.value() >= kMaxAddressFailures) {
        // Wait until the oldest failure that counts leaves the window.
        qint64 until = 0;
        if (accountFailures.value() >= kMaxAccountFailures)
            until = oldestAccount + kFailureWindowMs;
        if (addressFailures.value() >= kMaxAddressFailures)
            until = qMax(until, oldestAddress + kFailureWindowMs);
        if (retryAfterSeconds)
            *retryAfterSeconds = static_cast<int>(qMax<qint64>(1, (until - nowMs + 999) / 1000));
        return Error{ErrorCode::RateLimited, u"too many failed logins: try again later"_s};
    }

    Staff user;
    QString passwordHash;
    qint64 epoch = 1;
    bool disabled = false;
    if (schoolFound) {
        if (Status s = execSql(query,
                               u"SELECT id, username, display_name, role, password_hash, epoch, disabled FROM staff "
                               u"WHERE school_id = ? AND username = ?"_s,
                               {school.id, request.username}, u"finding the account"_s);
            !s)
            return s.error();
        if (query.next()) {
            user = Staff{query.value(0).toString(), school.id, query.value(1).toString(), query.value(2).toString(),
                         roleFromString(query.value(3).toString()).value_or(Role::ReadOnly)};
            passwordHash = query.value(4).toString();
            epoch = query.value(5).toLongLong();
            disabled = query.value(6).toInt() != 0;
        }
    }
    // Unknown accounts cost a dummy verification: the timing does not tell them apart.
    const bool passwordOk = user.id.isEmpty() ? (passwordhash::verifyDummy(request.password), false)
                                              : passwordhash::verify(request.password, passwordHash);
    if (!passwordOk || disabled) {
        if (Status recorded = recordFailure(accountSubject, addressSubject, nowMs); !recorded)
            return recorded.error();
        return badCredentials();
    }
    if (school.status == SchoolStatus::Suspended)
        return Error{ErrorCode::Forbidden, u"the school's account is suspended"_s};

    LoginResponse response;
    response.user = user;
    response.epoch = epoch;
    response.school = school;

    Status status = inWriteTransaction(m_db, u"a login"_s, [&]() -> Status {
        if (Status s = execSql(query, u"UPDATE devices SET last_seen_at = ? WHERE user_id = ? AND device_id = ?"_s,
                               {nowMs, user.id, request.deviceId}, u"updating the device"_s);
            !s)
            return s;
        if (Status s
            = execSql(query, u"SELECT device_key, revoked_at FROM devices WHERE user_id = ? AND device_id = ?"_s,
                      {user.id, request.deviceId}, u"finding the device"_s);
            !s)
            return s;
        if (query.next()) {
            if (!query.value(1).isNull() || query.value(0).toString().isEmpty())
                return Error{ErrorCode::Unauthenticated, QString::fromLatin1(Authenticator::kDeviceRevokedMessage)};
            response.deviceKey = query.value(0).toString();
        } else {
            response.deviceKey = QString::fromLatin1(SecureBytes::random(32).toQByteArray().toBase64());
            if (Status s = execSql(query,
                                   u"INSERT INTO devices (school_id, user_id, device_id, device_key, created_at, "
                                   u"last_seen_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                                   {school.id, user.id, request.deviceId, response.deviceKey, nowMs, nowMs},
                                   u"registering the device"_s);
                !s)
                return s;
            if (Status audited
                = SchoolAdmin::audit(m_db, school.id, user.id, u"register_device"_s, u"device"_s, request.deviceId);
                !audited)
                return audited;
        }
        if (Status issued = issueTokens(response, school.id, user.id, request.deviceId, nowMs); !issued)
            return issued;
        // A good login clears the account's failures (not the address's).
        if (Status s = execSql(query, u"DELETE FROM login_failures WHERE subject = ?"_s, {accountSubject},
                               u"clearing failed logins"_s);
            !s)
            return s;
        return SchoolAdmin::audit(m_db, school.id, user.id, u"login"_s, u"device"_s, request.deviceId);
    });
    if (!status)
        return status.error();
    return response;
}

Result<LoginResponse> AccountStore::refresh(const QString &refreshToken, qint64 nowMs)
{
    const Error refused{ErrorCode::Unauthenticated, u"the refresh token is not valid"_s};
    const QString hash = Authenticator::hashToken(refreshToken.toLatin1());
    QSqlQuery query(m_db);
    if (Status s
        = execSql(query,
                  u"SELECT t.school_id, t.user_id, t.device_id, t.expires_at, t.revoked, s.username, s.display_name, "
                  u"s.role, s.epoch, s.disabled, d.revoked_at, sc.name, sc.urn, sc.status "
                  u"FROM tokens t JOIN staff s ON s.id = t.user_id AND s.school_id = t.school_id "
                  u"JOIN schools sc ON sc.id = t.school_id "
                  u"LEFT JOIN devices d ON d.user_id = t.user_id AND d.device_id = t.device_id "
                  u"WHERE t.token_hash = ? AND t.kind = 'refresh'"_s,
                  {hash}, u"checking a refresh token"_s);
        !s)
        return s.error();
    if (!query.next())
        return refused;
    const QString schoolId = query.value(0).toString();
    const QString userId = query.value(1).toString();
    const QString deviceId = query.value(2).toString();
    if (!query.value(10).isNull())
        return Error{ErrorCode::Unauthenticated, QString::fromLatin1(Authenticator::kDeviceRevokedMessage)};
    if (query.value(4).toInt() != 0) {
        // Already rotated: a copy is in someone's hands. End every session of this device.
        if (Status s = execSql(query, u"UPDATE tokens SET revoked = 1 WHERE user_id = ? AND device_id = ?"_s,
                               {userId, deviceId}, u"revoking tokens"_s);
            !s)
            return s.error();
        if (Status audited
            = SchoolAdmin::audit(m_db, schoolId, userId, u"refresh_token_reused"_s, u"device"_s, deviceId);
            !audited)
            return audited.error();
        return refused;
    }
    if (query.value(3).toLongLong() <= nowMs || query.value(9).toInt() != 0)
        return refused;
    LoginResponse response;
    response.user = Staff{userId, schoolId, query.value(5).toString(), query.value(6).toString(),
                          roleFromString(query.value(7).toString()).value_or(Role::ReadOnly)};
    response.epoch = query.value(8).toLongLong();
    response.school = School{schoolId, query.value(11).toString(), query.value(12).toString(),
                             schoolStatusFromString(query.value(13).toString()).value_or(SchoolStatus::Suspended)};
    if (response.school.status == SchoolStatus::Suspended)
        return Error{ErrorCode::Forbidden, u"the school's account is suspended"_s};

    Status status = inWriteTransaction(m_db, u"a token refresh"_s, [&]() -> Status {
        // Compare-and-set: of two concurrent refreshes with one token, only one rotates it.
        if (Status s = execSql(query, u"UPDATE tokens SET revoked = 1 WHERE token_hash = ? AND revoked = 0"_s, {hash},
                               u"rotating the refresh token"_s);
            !s)
            return s;
        if (query.numRowsAffected() != 1)
            return refused;
        return issueTokens(response, schoolId, userId, deviceId, nowMs);
    });
    if (!status)
        return status.error();
    return response;
}

Status AccountStore::logout(const Caller &caller, qint64 nowMs)
{
    Q_UNUSED(nowMs);
    return inWriteTransaction(m_db, u"a logout"_s, [&]() -> Status {
        QSqlQuery query(m_db);
        if (Status s
            = execSql(query, u"UPDATE tokens SET revoked = 1 WHERE school_id = ? AND user_id = ? AND device_id = ?"_s,
                      {caller.schoolId, caller.userId, caller.deviceId}, u"revoking tokens"_s);
            !s)
            return s;
        return SchoolAdmin::audit(m_db, caller.schoolId, caller.userId, u"logout"_s, u"device"_s, caller.deviceId);
    });
}

}  // namespace otrack
