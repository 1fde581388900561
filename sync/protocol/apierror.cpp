#include "apierror.h"

#include "jsondecode.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace otrack {

QJsonObject ApiError::toJson() const
{
    QJsonObject error{{u"code"_s, code}, {u"message"_s, message}};
    if (!field.isEmpty())
        error.insert(u"field"_s, field);
    return QJsonObject{{u"error"_s, error}};
}

QByteArray ApiError::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<ApiError> ApiError::fromJson(const QJsonObject &json)
{
    auto error = protocol::requireObject(json, u"error"_s);
    if (!error)
        return error.error();
    auto errorCode = protocol::requireString(*error, u"code"_s);
    if (!errorCode)
        return Error{ErrorCode::InvalidArgument, u"error."_s + errorCode.error().message};
    if (errorCode->isEmpty())
        return Error{ErrorCode::InvalidArgument, u"field 'error.code' is empty"_s};
    auto message = protocol::requireString(*error, u"message"_s);
    if (!message)
        return Error{ErrorCode::InvalidArgument, u"error."_s + message.error().message};
    auto field = protocol::optionalString(*error, u"field"_s);
    if (!field)
        return Error{ErrorCode::InvalidArgument, u"error."_s + field.error().message};
    return ApiError{*errorCode, *message, field->value_or(QString())};
}

Result<ApiError> ApiError::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(*json);
}

}  // namespace otrack
