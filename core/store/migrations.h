#pragma once

#include "database.h"
#include "result.h"

#include <span>

namespace otrack {

// A numbered, forward-only schema step. Versions start at 1 and have no gaps; a migration,
// once released, is never edited: a change is a new migration (CONTRIBUTING.md).
struct Migration {
    int version;
    const char *description;
    const char *sql;
};

// The client store's migrations, in order.
std::span<const Migration> storeMigrations();

// The schema version a database is at (PRAGMA user_version; 0 for an empty file).
Result<int> schemaVersion(Database &db);

// Brings the database up to the last of `migrations`, each step in its own transaction that
// also sets user_version, so a crash or failure leaves the database at a whole version.
// A database already beyond the last version is refused with NewerVersion and not touched.
Status migrate(Database &db, std::span<const Migration> migrations);

}  // namespace otrack
