#include "loginrequest.h"

#include "jsondecode.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// `trim`: surrounding spaces are typing noise, so they go before the checks: a name of spaces
// only is refused here rather than decoded into an empty name.
Result<QString> boundedString(const QJsonObject &json, const QString &field, int maxLength, bool trim = false)
{
    auto value = protocol::requireString(json, field);
    if (!value)
        return value.error();
    const QString text = trim ? value->trimmed() : value.value();
    if (text.isEmpty())
        return Error{ErrorCode::InvalidArgument, u"field '%1' must not be empty"_s.arg(field)};
    if (text.size() > maxLength)
        return Error{ErrorCode::InvalidArgument,
                     u"field '%1' is longer than %2 characters"_s.arg(field).arg(maxLength)};
    return text;
}

}  // namespace

QJsonObject LoginRequest::toJson() const
{
    return {{u"school"_s, school}, {u"username"_s, username}, {u"password"_s, password}, {u"device_id"_s, deviceId}};
}

QByteArray LoginRequest::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<LoginRequest> LoginRequest::fromJson(const QJsonObject &json)
{
    LoginRequest request;
    auto school = boundedString(json, u"school"_s, kMaxSchoolLength, true);
    if (!school)
        return school.error();
    auto username = boundedString(json, u"username"_s, kMaxUsernameLength, true);
    if (!username)
        return username.error();
    auto password = boundedString(json, u"password"_s, kMaxPasswordLength);
    if (!password)
        return password.error();
    auto deviceId = boundedString(json, u"device_id"_s, kMaxDeviceIdLength);
    if (!deviceId)
        return deviceId.error();
    for (QChar c : deviceId.value()) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'-' || c == u'_' || c == u'.';
        if (!allowed)
            return Error{ErrorCode::InvalidArgument,
                         u"field 'device_id' may hold only letters, digits, '-', '_' and '.'"_s};
    }
    request.school = school.value();
    request.username = username.value();
    request.password = password.value();
    request.deviceId = deviceId.value();
    return request;
}

Result<LoginRequest> LoginRequest::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(json.value());
}

QJsonObject RefreshRequest::toJson() const
{
    return {{u"refresh_token"_s, refreshToken}};
}

QByteArray RefreshRequest::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<RefreshRequest> RefreshRequest::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    auto token = boundedString(json.value(), u"refresh_token"_s, 256);
    if (!token)
        return token.error();
    return RefreshRequest{token.value()};
}

}  // namespace otrack
