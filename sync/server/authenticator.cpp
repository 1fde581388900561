#include "authenticator.h"

#include "securebytes.h"
#include "serverdatabase.h"
#include "statementcache.h"

#include <QCryptographicHash>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

Error unauthenticated(const QString &message)
{
    return Error{ErrorCode::Unauthenticated, message};
}

}  // namespace

QByteArray Authenticator::newToken()
{
    return SecureBytes::random(32).toQByteArray().toBase64(QByteArray::Base64UrlEncoding
                                                           | QByteArray::OmitTrailingEquals);
}

QString Authenticator::hashToken(const QByteArray &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

bool Authenticator::isDeviceRevoked(const Error &error)
{
    return error.code == ErrorCode::Unauthenticated && error.message.startsWith(QLatin1String(kDeviceRevokedMessage));
}

Result<Caller> Authenticator::authenticate(QSqlDatabase db, const QByteArray &authorizationHeader, qint64 nowMs)
{
    static const QByteArray kScheme = QByteArrayLiteral("bearer ");
    const QByteArray header = authorizationHeader.trimmed();
    if (header.isEmpty())
        return unauthenticated(u"an access token is required"_s);
    if (header.size() <= kScheme.size() || header.left(kScheme.size()).toLower() != kScheme)
        return unauthenticated(u"the Authorization header must be 'Bearer <access token>'"_s);
    const QByteArray token = header.mid(kScheme.size()).trimmed();
    // A token is 43 base64url characters; anything else cannot be one of ours.
    if (token.size() != 43)
        return unauthenticated(u"the access token is not valid"_s);

    // Every request asks this: the statement is prepared once per connection.
    auto statement
        = StatementCache::get(db,
                              u"SELECT t.school_id, t.user_id, t.device_id, t.expires_at, t.revoked, s.role, "
                              u"s.epoch, s.disabled, d.revoked_at FROM tokens t "
                              u"JOIN staff s ON s.id = t.user_id AND s.school_id = t.school_id "
                              u"LEFT JOIN devices d ON d.user_id = t.user_id AND d.device_id = t.device_id "
                              u"WHERE t.token_hash = ? AND t.kind = 'access'"_s);
    if (!statement)
        return statement.error();
    QSqlQuery &query = **statement;
    if (Status s = execSql(query, {hashToken(token)}, u"checking an access token"_s); !s)
        return s.error();
    const auto finished = qScopeGuard([&] { query.finish(); });
    if (!query.next())
        return unauthenticated(u"the access token is not valid"_s);
    if (!query.value(8).isNull())
        return unauthenticated(QString::fromLatin1(kDeviceRevokedMessage));
    if (query.value(4).toInt() != 0)
        return unauthenticated(u"the access token has been revoked"_s);
    if (query.value(3).toLongLong() <= nowMs)
        return unauthenticated(u"the access token has expired"_s);
    if (query.value(7).toInt() != 0)
        return unauthenticated(u"the account is disabled"_s);
    const auto role = roleFromString(query.value(5).toString());
    if (!role)
        return unauthenticated(u"the account has no valid role"_s);
    return Caller{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), *role,
                  query.value(6).toLongLong()};
}

}  // namespace otrack
