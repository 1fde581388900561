#include "serverdatabase.h"
#include "serverschema.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>

using namespace otrack;

namespace {

// Runs the same checks on SQLite and on PostgreSQL: the schema must mean the same on both.
void checkFreshSchema(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    REQUIRE(parsed.ok());
    auto db = ServerDatabase::open(parsed.value(), QStringLiteral("schema-test"));
    REQUIRE(db.ok());
    QSqlDatabase connection = db.value()->connection();

    CHECK(ServerSchema::currentVersion(connection).value() == 0);
    auto migrated = ServerSchema::migrate(connection, parsed->kind());
    INFO((migrated.ok() ? std::string() : migrated.error().message.toStdString()));
    REQUIRE(migrated.ok());
    CHECK(ServerSchema::currentVersion(connection).value() == ServerSchema::latestVersion());
    for (const char *table : {"schools", "staff", "devices", "tokens", "pupils", "marks", "mark_events", "push_results",
                              "purges", "legal_documents", "acceptances", "audit_events"})
        CHECK(connection.tables().contains(QLatin1String(table)));

    // Migrating again changes nothing.
    REQUIRE(ServerSchema::migrate(connection, parsed->kind()).ok());
    CHECK(ServerSchema::currentVersion(connection).value() == ServerSchema::latestVersion());

    // The auto-increment columns work on both engines.
    QSqlQuery query(connection);
    REQUIRE(query.exec(QStringLiteral("INSERT INTO audit_events (school_id, actor_id, action, entity, entity_id, at) "
                                      "VALUES ('s', 'a', 'test', 'school', 's', 1)")));
    REQUIRE(query.exec(QStringLiteral("INSERT INTO audit_events (school_id, actor_id, action, entity, entity_id, at) "
                                      "VALUES ('s', 'a', 'test', 'school', 's', 2)")));
    REQUIRE(query.exec(QStringLiteral("SELECT MAX(id) - MIN(id) FROM audit_events")));
    REQUIRE(query.next());
    CHECK(query.value(0).toInt() == 1);

    // A database from a newer otrack-server is refused, not downgraded.
    REQUIRE(query.exec(QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) "
                                      "VALUES (%1, 'from the future', 0)")
                           .arg(ServerSchema::latestVersion() + 1)));
    auto refused = ServerSchema::migrate(connection, parsed->kind());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::NewerVersion);
}

// A store at schema 1 with data in it moves to the latest version with its data intact, and
// gains step 2's index (used by erasure).
void checkUpgradeFromVersion1(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    REQUIRE(parsed.ok());
    auto db = ServerDatabase::open(parsed.value(), QStringLiteral("schema-upgrade-test"));
    REQUIRE(db.ok());
    QSqlDatabase connection = db.value()->connection();
    REQUIRE(ServerSchema::migrate(connection, parsed->kind(), 1).ok());
    CHECK(ServerSchema::currentVersion(connection).value() == 1);
    QSqlQuery query(connection);
    REQUIRE(query.exec(QStringLiteral("INSERT INTO audit_events (school_id, actor_id, action, entity, entity_id, at) "
                                      "VALUES ('s', 'a', 'add_pupil', 'pupil', 'p', 1)")));

    auto migrated = ServerSchema::migrate(connection, parsed->kind());
    INFO((migrated.ok() ? std::string() : migrated.error().message.toStdString()));
    REQUIRE(migrated.ok());
    CHECK(ServerSchema::currentVersion(connection).value() == ServerSchema::latestVersion());
    REQUIRE(query.exec(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE entity = 'pupil' AND entity_id = 'p'")));
    REQUIRE(query.next());
    CHECK(query.value(0).toInt() == 1);
    const QString indexes = parsed->kind() == DatabaseUrl::Kind::Postgresql
        ? QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'audit_events_by_entity'")
        : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'audit_events_by_entity'");
    REQUIRE(query.exec(indexes));
    REQUIRE(query.next());
    CHECK(query.value(0).toInt() == 1);
}

}  // namespace

TEST_CASE("a version 1 server schema is upgraded with its data on SQLite")
{
    otrack::test::TempDir dir;
    checkUpgradeFromVersion1(QStringLiteral("sqlite://") + dir.file(QStringLiteral("server.db")));
}

TEST_CASE("a version 1 server schema is upgraded with its data on PostgreSQL")
{
    otrack::test::TestPostgresDatabase pg;
    checkUpgradeFromVersion1(pg.url());
}

TEST_CASE("the server schema is created and upgraded on SQLite")
{
    otrack::test::TempDir dir;
    checkFreshSchema(QStringLiteral("sqlite://") + dir.file(QStringLiteral("server.db")));
}

TEST_CASE("the server schema is created and upgraded on PostgreSQL")
{
    otrack::test::TestPostgresDatabase pg;
    checkFreshSchema(pg.url());
}
