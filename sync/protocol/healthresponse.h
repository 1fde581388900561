#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace otrack {

// GET /v1/health -> 200 {"status": "ok", "protocol": 1, "database": "sqlite"}
// Answered without authentication, so it carries nothing about any school.
struct HealthResponse {
    QString status;  // "ok"
    int protocol = 0;  // the server's protocol version
    QString database;  // "sqlite" or "postgresql"

    static constexpr char kStatusOk[] = "ok";
    static constexpr char kDatabaseSqlite[] = "sqlite";
    static constexpr char kDatabasePostgresql[] = "postgresql";

    bool isOk() const;

    QJsonObject toJson() const;
    QByteArray encode() const;

    static Result<HealthResponse> fromJson(const QJsonObject &json);
    static Result<HealthResponse> decode(const QByteArray &bytes);

    bool operator==(const HealthResponse &) const = default;
};

}  // namespace otrack
