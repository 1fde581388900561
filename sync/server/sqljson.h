#pragma once

#include <QJsonValue>
#include <QVariant>

namespace otrack {

// A QtSql value as JSON: NULL as null, integers and reals as numbers, anything else as text.
// The same on SQLite and PostgreSQL, whose drivers type the same column differently.
QJsonValue sqlValueToJson(const QVariant &value);

}  // namespace otrack
