#include "healthresponse.h"

#include "jsondecode.h"

#include <QJsonDocument>

#include <limits>

using namespace Qt::StringLiterals;

namespace otrack {

bool HealthResponse::isOk() const
{
    return status == QLatin1String(kStatusOk);
}

QJsonObject HealthResponse::toJson() const
{
    return QJsonObject{{u"status"_s, status}, {u"protocol"_s, protocol}, {u"database"_s, database}};
}

QByteArray HealthResponse::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<HealthResponse> HealthResponse::fromJson(const QJsonObject &json)
{
    auto status = protocol::requireString(json, u"status"_s);
    if (!status)
        return status.error();
    if (status->isEmpty())
        return Error{ErrorCode::InvalidArgument, u"field 'status' is empty"_s};
    auto version = protocol::requireInteger(json, u"protocol"_s);
    if (!version)
        return version.error();
    if (*version < 1 || *version > std::numeric_limits<int>::max())
        return Error{ErrorCode::InvalidArgument, u"field 'protocol' is out of range"_s};
    auto database = protocol::requireString(json, u"database"_s);
    if (!database)
        return database.error();
    if (*database != QLatin1String(kDatabaseSqlite) && *database != QLatin1String(kDatabasePostgresql))
        return Error{ErrorCode::InvalidArgument, u"field 'database': unknown kind"_s};
    return HealthResponse{*status, static_cast<int>(*version), *database};
}

Result<HealthResponse> HealthResponse::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(*json);
}

}  // namespace otrack
