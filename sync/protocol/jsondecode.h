#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace otrack::protocol {

// Strict helpers for decoding what came off the wire. A peer's bytes are untrusted: every
// failure is an Error{InvalidArgument} whose message names the offending field, never a crash.

// Bodies larger than this are refused before parsing.
inline constexpr qsizetype kMaxJsonBytes = 4 * 1024 * 1024;

Result<QJsonObject> parseJsonObject(const QByteArray &bytes);

// An InvalidArgument error with this message.
Error invalid(const QString &message);
// The same error with `path` put before the field it names, for errors inside nested objects
// and arrays: "field 'value'" becomes "field 'ops[1].value'".
Error prefixed(const Error &error, const QString &path);

Result<QString> requireString(const QJsonObject &object, const QString &field);
Result<qint64> requireInteger(const QJsonObject &object, const QString &field);
Result<QJsonObject> requireObject(const QJsonObject &object, const QString &field);
Result<bool> requireBool(const QJsonObject &object, const QString &field);
// Absent or null gives std::nullopt; present with another type is an error.
Result<std::optional<QString>> optionalString(const QJsonObject &object, const QString &field);
// The same, for text a person reads: 1 to maxLength characters, not only blanks (absent is fine
// for optionalText).
Result<QString> requireText(const QJsonObject &object, const QString &field, int maxLength);
Result<std::optional<QString>> optionalText(const QJsonObject &object, const QString &field, int maxLength);

}  // namespace otrack::protocol
