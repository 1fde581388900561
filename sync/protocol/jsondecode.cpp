#include "jsondecode.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace otrack::protocol {

namespace {

Error wrongType(const QString &field, const char *expected)
{
    return invalid(QStringLiteral("field '%1': expected %2").arg(field, QLatin1String(expected)));
}

// JSON lets "\ud800" through, a lone surrogate: not text. The database would store something
// else than what was acknowledged (the mark's note would read back changed), so refuse it.
Result<QString> unicodeText(const QString &field, const QJsonValue &value)
{
    QString text = value.toString();
    if (!text.isValidUtf16())
        return invalid(QStringLiteral("field '%1': not valid Unicode (a lone surrogate)").arg(field));
    return text;
}

}  // namespace

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

Error prefixed(const Error &error, const QString &path)
{
    if (path.isEmpty())
        return error;
    QString message = error.message;
    message.replace(QStringLiteral("field '"), QStringLiteral("field '") + path + u'.');
    return Error{error.code, message};
}

Result<bool> requireBool(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return invalid(QStringLiteral("field '%1' is missing").arg(field));
    if (!value.isBool())
        return wrongType(field, "a boolean");
    return value.toBool();
}

Result<QJsonObject> parseJsonObject(const QByteArray &bytes)
{
    if (bytes.size() > kMaxJsonBytes)
        return invalid(QStringLiteral("JSON body too large (%1 bytes)").arg(bytes.size()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(
            QStringLiteral("malformed JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return invalid(QStringLiteral("expected a JSON object"));
    return document.object();
}

Result<QString> requireString(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return invalid(QStringLiteral("field '%1' is missing").arg(field));
    if (!value.isString())
        return wrongType(field, "a string");
    return unicodeText(field, value);
}

Result<qint64> requireInteger(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return invalid(QStringLiteral("field '%1' is missing").arg(field));
    if (!value.isDouble())
        return wrongType(field, "an integer");
    const double number = value.toDouble();
    // Integers beyond 2^53 cannot be told apart in a double; refuse rather than round.
    constexpr double kMaxExact = 9007199254740992.0;
    if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > kMaxExact)
        return wrongType(field, "an integer");
    return static_cast<qint64>(number);
}

Result<QJsonObject> requireObject(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return invalid(QStringLiteral("field '%1' is missing").arg(field));
    if (!value.isObject())
        return wrongType(field, "an object");
    return value.toObject();
}

Result<std::optional<QString>> optionalString(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::optional<QString>{};
    if (!value.isString())
        return wrongType(field, "a string");
    auto text = unicodeText(field, value);
    if (!text)
        return text.error();
    return std::optional<QString>{text.value()};
}

// A string of 1 to maxLength characters, not only blanks.
Result<QString> requireText(const QJsonObject &json, const QString &field, int maxLength)
{
    auto text = requireString(json, field);
    if (!text)
        return text.error();
    if (text->trimmed().isEmpty() || text->size() > maxLength)
        return invalid(QStringLiteral("field '%1' must be 1 to %2 characters").arg(field).arg(maxLength));
    return text;
}

Result<std::optional<QString>> optionalText(const QJsonObject &json, const QString &field, int maxLength)
{
    auto text = optionalString(json, field);
    if (!text)
        return text.error();
    if (*text && ((*text)->trimmed().isEmpty() || (*text)->size() > maxLength))
        return invalid(QStringLiteral("field '%1' must be 1 to %2 characters, or absent").arg(field).arg(maxLength));
    return text;
}

}  // namespace otrack::protocol
