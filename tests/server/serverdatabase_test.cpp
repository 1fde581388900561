#include "serverdatabase.h"

#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSqlQuery>

using otrack::DatabaseUrl;
using otrack::ErrorCode;
using otrack::ServerDatabase;

namespace {

DatabaseUrl sqliteUrl(const QString &path)
{
    auto url = DatabaseUrl::parse(QStringLiteral("sqlite://") + path);
    REQUIRE(url.ok());
    return url.value();
}

}  // namespace

TEST_CASE("a new SQLite server database opens in WAL mode and answers", "[server][db]")
{
    otrack::test::TempDir dir;
    auto db = ServerDatabase::open(sqliteUrl(dir.file(QStringLiteral("server.db"))));
    REQUIRE(db.ok());
    CHECK(db.value()->ping().ok());
    QSqlQuery query(db.value()->connection());
    REQUIRE(query.exec(QStringLiteral("PRAGMA journal_mode")));
    REQUIRE(query.next());
    CHECK(query.value(0).toString() == QStringLiteral("wal"));
    CHECK(QFile::exists(dir.file(QStringLiteral("server.db"))));
}

TEST_CASE("a SQLite database in a missing folder is refused with a clear reason", "[server][db]")
{
    otrack::test::TempDir dir;
    auto db = ServerDatabase::open(sqliteUrl(dir.file(QStringLiteral("missing/server.db"))));
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == ErrorCode::NotFound);
    CHECK(db.error().message.contains(QStringLiteral("does not exist")));
}

TEST_CASE("a file that is not a SQLite database is refused", "[server][db]")
{
    otrack::test::TempDir dir;
    otrack::test::writeFile(dir.file(QStringLiteral("junk.db")), QByteArray(8192, 'x'));
    auto db = ServerDatabase::open(sqliteUrl(dir.file(QStringLiteral("junk.db"))));
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == ErrorCode::Damaged);
}

TEST_CASE("an unreachable PostgreSQL is refused at open and not at the first request", "[server][db]")
{
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    auto url = DatabaseUrl::parse(QStringLiteral("postgresql://otrack@127.0.0.1:1/otrack?connect_timeout=2"));
    REQUIRE(url.ok());
    auto db = ServerDatabase::open(url.value());
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == ErrorCode::StorageFailure);
    CHECK(db.error().message.contains(QStringLiteral("postgresql://otrack@127.0.0.1:1/otrack")));
}
