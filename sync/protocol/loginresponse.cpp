#include "loginresponse.h"

#include "jsondecode.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace otrack {

QJsonObject LoginResponse::toJson() const
{
    QJsonObject json{
        {u"access_token"_s, accessToken},
        {u"access_expires_at"_s, accessExpiresAt},
        {u"refresh_token"_s, refreshToken},
        {u"refresh_expires_at"_s, refreshExpiresAt},
        {u"user"_s,
         QJsonObject{{u"id"_s, user.id},
                     {u"username"_s, user.username},
                     {u"display_name"_s, user.displayName},
                     {u"role"_s, toString(user.role)},
                     {u"epoch"_s, epoch}}},
        {u"school"_s,
         QJsonObject{{u"id"_s, school.id}, {u"name"_s, school.name}, {u"status"_s, toString(school.status)}}},
    };
    if (!deviceKey.isEmpty())
        json.insert(u"device_key"_s, deviceKey);
    return json;
}

QByteArray LoginResponse::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<LoginResponse> LoginResponse::fromJson(const QJsonObject &json)
{
    using namespace protocol;
    LoginResponse response;
    auto access = requireString(json, u"access_token"_s);
    auto accessExpires = requireInteger(json, u"access_expires_at"_s);
    auto refresh = requireString(json, u"refresh_token"_s);
    auto refreshExpires = requireInteger(json, u"refresh_expires_at"_s);
    auto user = requireObject(json, u"user"_s);
    auto school = requireObject(json, u"school"_s);
    auto deviceKey = optionalString(json, u"device_key"_s);
    for (const Error *error :
         {access ? nullptr : &access.error(), accessExpires ? nullptr : &accessExpires.error(),
          refresh ? nullptr : &refresh.error(), refreshExpires ? nullptr : &refreshExpires.error(),
          user ? nullptr : &user.error(), school ? nullptr : &school.error(), deviceKey ? nullptr : &deviceKey.error()})
        if (error)
            return *error;
    response.accessToken = access.value();
    response.accessExpiresAt = accessExpires.value();
    response.refreshToken = refresh.value();
    response.refreshExpiresAt = refreshExpires.value();
    response.deviceKey = deviceKey->value_or(QString());

    auto userId = requireString(*user, u"id"_s);
    auto username = requireString(*user, u"username"_s);
    auto displayName = requireString(*user, u"display_name"_s);
    auto role = requireString(*user, u"role"_s);
    auto epoch = requireInteger(*user, u"epoch"_s);
    if (!userId || !username || !displayName || !role || !epoch)
        return Error{ErrorCode::InvalidArgument, u"field 'user' is incomplete"_s};
    const auto parsedRole = roleFromString(role.value());
    if (!parsedRole)
        return Error{ErrorCode::InvalidArgument, u"field 'user.role' is not a known role"_s};
    response.user = Staff{userId.value(), QString(), username.value(), displayName.value(), *parsedRole};
    response.epoch = epoch.value();

    auto schoolId = requireString(*school, u"id"_s);
    auto schoolName = requireString(*school, u"name"_s);
    auto status = requireString(*school, u"status"_s);
    if (!schoolId || !schoolName || !status)
        return Error{ErrorCode::InvalidArgument, u"field 'school' is incomplete"_s};
    const auto parsedStatus = schoolStatusFromString(status.value());
    if (!parsedStatus)
        return Error{ErrorCode::InvalidArgument, u"field 'school.status' is not a known status"_s};
    response.school = School{schoolId.value(), schoolName.value(), QString(), *parsedStatus};
    response.user.schoolId = response.school.id;
    return response;
}

Result<LoginResponse> LoginResponse::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(json.value());
}

}  // namespace otrack
