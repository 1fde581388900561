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

Result<QString> requireString(const QJsonObject &object, const QString &field);
Result<qint64> requireInteger(const QJsonObject &object, const QString &field);
Result<QJsonObject> requireObject(const QJsonObject &object, const QString &field);
// Absent or null gives std::nullopt; present with another type is an error.
Result<std::optional<QString>> optionalString(const QJsonObject &object, const QString &field);

}  // namespace otrack::protocol
