#include "localstore.h"
#include "markstore.h"
#include "migrations.h"
#include "rosterstore.h"

#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using namespace otrack;
using otrack::test::TempDir;

namespace {

std::unique_ptr<Database> plainDatabase(const QString &path)
{
    auto db = Database::open(path, Database::OpenMode::CreateNew);
    REQUIRE(db.ok());
    return std::move(db.value());
}

bool hasTable(Database &db, const char *name)
{
    auto q = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1");
    REQUIRE(q.ok());
    q->bind(1, QString::fromLatin1(name));
    REQUIRE(q->next().value());
    return q->int64(0) == 1;
}

}  // namespace

TEST_CASE("store migrations are numbered from 1 without gaps")
{
    int expected = 1;
    for (const Migration &m : storeMigrations())
        CHECK(m.version == expected++);
}

TEST_CASE("migrating an empty database reaches the latest version and is idempotent")
{
    TempDir dir;
    auto db = plainDatabase(dir.file(QStringLiteral("m.db")));
    REQUIRE(migrate(*db, storeMigrations()).ok());
    CHECK(schemaVersion(*db).value() == storeMigrations().back().version);
    CHECK(hasTable(*db, "marks"));
    CHECK(hasTable(*db, "outbox"));
    REQUIRE(migrate(*db, storeMigrations()).ok());
    CHECK(schemaVersion(*db).value() == storeMigrations().back().version);
}

TEST_CASE("a failing migration rolls back whole and leaves the previous version")
{
    TempDir dir;
    auto db = plainDatabase(dir.file(QStringLiteral("m.db")));
    const Migration steps[] = {
        {1, "one", "CREATE TABLE a (x INTEGER);"},
        {2, "two, broken half-way", "CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (1); THIS IS NOT SQL;"},
    };
    auto migrated = migrate(*db, steps);
    REQUIRE_FALSE(migrated.ok());
    CHECK(migrated.error().message.contains(QStringLiteral("migration 2")));
    CHECK(schemaVersion(*db).value() == 1);
    CHECK(hasTable(*db, "a"));
    CHECK_FALSE(hasTable(*db, "b"));
    CHECK(db->scalar("SELECT count(*) FROM a").value() == QStringLiteral("0"));
}

TEST_CASE("a database newer than the migrations is refused untouched")
{
    TempDir dir;
    auto db = plainDatabase(dir.file(QStringLiteral("m.db")));
    REQUIRE(db->exec("PRAGMA user_version = 9").ok());
    const Migration steps[] = {{1, "one", "CREATE TABLE a (x INTEGER);"}};
    CHECK(migrate(*db, steps).error().code == ErrorCode::NewerVersion);
    CHECK_FALSE(hasTable(*db, "a"));
}

// Each committed fixture store (tests/store/fixtures/vN, made by make_store_fixture at
// schema N) must open with today's code and migrate to the latest version with its data.
TEST_CASE("every committed fixture store from an older or current schema opens and upgrades")
{
    const QDir fixtures(QStringLiteral(OTRACK_STORE_FIXTURES));
    const QStringList versions = fixtures.entryList({QStringLiteral("v*")}, QDir::Dirs);
    REQUIRE_FALSE(versions.isEmpty());
    // Every schema version up to the latest has its fixture, so every upgrade path is tested.
    CHECK(versions.size() == storeMigrations().back().version);
    for (const QString &version : versions) {
        INFO("fixture " << version.toStdString());
        TempDir dir;
        for (const QString &file : QDir(fixtures.filePath(version)).entryList(QDir::Files))
            REQUIRE(QFile::copy(fixtures.filePath(version + u'/' + file), dir.file(file)));
        auto store = LocalStore::openWithPassword(dir.path(), QStringLiteral("fixture-password"));
        REQUIRE(store.ok());
        CHECK(store.value()->schemaVersion() == storeMigrations().back().version);

        Database &db = store.value()->database();
        const QString school = QStringLiteral("school-00000001");
        auto pupils = RosterStore(db, school).pupilsInGroup(QStringLiteral("group-00000001"));
        REQUIRE(pupils.ok());
        CHECK(pupils->size() == 5);
        MarkStore marks(db, school, QStringLiteral("staff-00000001"));
        CHECK(marks
                  .grid(QStringLiteral("group-00000001"), QStringLiteral("framework-00000001"),
                        QStringLiteral("term-00000001"))
                  ->size()
              == 20);
        CHECK(marks.pendingCount().value() == 20);
    }
}
