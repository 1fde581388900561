#pragma once

#include "databaseurl.h"
#include "result.h"

#include <QSqlDatabase>

namespace otrack {

// The central store's schema, for SQLite and PostgreSQL alike (docs/server.md, Schema).
// Numbered, forward-only migrations recorded in schema_migrations; each step runs in one
// transaction (both engines have transactional DDL), so a failed step leaves the previous
// version. Times are integer milliseconds since the epoch (UTC) and flags are 0/1 integers,
// so that the same SQL serves both engines.
class ServerSchema {
public:
    static int latestVersion();
    static Result<int> currentVersion(QSqlDatabase db);
    // Creates or upgrades the schema, to `upTo` (tests of old versions) or the latest. Refuses a
    // database newer than this build (NewerVersion).
    static Status migrate(QSqlDatabase db, DatabaseUrl::Kind kind, int upTo = latestVersion());
};

}  // namespace otrack
