#include "databaseurl.h"

#include <catch2/catch.hpp>

using otrack::DatabaseUrl;
using otrack::ErrorCode;

namespace {

DatabaseUrl parsed(const char *text)
{
    auto url = DatabaseUrl::parse(QString::fromUtf8(text));
    INFO(text << (url ? "" : " -> " + url.error().message.toStdString()));
    REQUIRE(url.ok());
    return url.value();
}

}  // namespace

TEST_CASE("a sqlite URL names an absolute file", "[server][dburl]")
{
    const DatabaseUrl url = parsed("sqlite:///var/lib/otrack/otrack.db");
    CHECK(url.kind() == DatabaseUrl::Kind::Sqlite);
    CHECK(url.qtDriver() == QStringLiteral("QSQLITE"));
    CHECK(url.kindName() == QStringLiteral("sqlite"));
    CHECK(url.databaseName() == QStringLiteral("/var/lib/otrack/otrack.db"));
    CHECK(url.redacted() == QStringLiteral("sqlite:///var/lib/otrack/otrack.db"));

    CHECK(parsed("sqlite:///tmp/a%20b.db").databaseName() == QStringLiteral("/tmp/a b.db"));
    CHECK(parsed("SQLITE:///tmp/x/../y.db").databaseName() == QStringLiteral("/tmp/y.db"));
}

TEST_CASE("a postgresql URL gives host and port and user and database", "[server][dburl]")
{
    DatabaseUrl url = parsed("postgresql://otrack@db.internal:6543/otrack_prod");
    CHECK(url.kind() == DatabaseUrl::Kind::Postgresql);
    CHECK(url.qtDriver() == QStringLiteral("QPSQL"));
    CHECK(url.kindName() == QStringLiteral("postgresql"));
    CHECK(url.host() == QStringLiteral("db.internal"));
    CHECK(url.port() == 6543);
    CHECK(url.userName() == QStringLiteral("otrack"));
    CHECK(url.password().isEmpty());
    CHECK(url.databaseName() == QStringLiteral("otrack_prod"));
    CHECK(url.connectOptions().isEmpty());

    url = parsed("postgres://u@127.0.0.1/db");
    CHECK(url.port() == 5432);
    CHECK(url.kind() == DatabaseUrl::Kind::Postgresql);

    url = parsed("postgresql://u@localhost/db?host=/run/postgresql&sslmode=verify-full&connect_timeout=5");
    CHECK(url.host() == QStringLiteral("/run/postgresql"));
    CHECK(url.connectOptions() == QStringLiteral("sslmode=verify-full;connect_timeout=5"));
}

TEST_CASE("a password in a postgresql URL never appears in the redacted form", "[server][dburl]")
{
    const DatabaseUrl url = parsed("postgresql://otrack:s3cr%40t@db:5432/otrack");
    CHECK(url.password() == QStringLiteral("s3cr@t"));
    CHECK_FALSE(url.redacted().contains(QStringLiteral("s3cr")));
    CHECK(url.redacted() == QStringLiteral("postgresql://otrack:***@db:5432/otrack"));
}

TEST_CASE("bad database URLs are refused with a reason", "[server][dburl]")
{
    const char *bad[] = {
        "",
        "   ",
        "otrack.db",  // no scheme
        "/var/lib/otrack.db",  // a path, not a URL
        "sqlite://otrack.db",  // two slashes: a host, not a path
        "sqlite:relative.db",  // not absolute
        "sqlite:///tmp/",  // a folder
        "sqlite:///tmp/x.db?mode=ro",  // no options for sqlite
        "mysql://u@h/db",  // unsupported
        "postgresql://u@h",  // no database
        "postgresql://u@h/",  // no database
        "postgresql://u@h/db/extra",  // not a name
        "postgresql:///db",  // no host
        "postgresql://u@h/db?sslmode=",  // empty option
        "postgresql://u@h/db?options=-c%20x",  // not an allowed option
        "postgresql://u@h:99999/db",  // port out of range
        "postgresql://u@h/db?sslmode=a;b",  // would inject a second option
    };
    for (const char *text : bad) {
        auto url = DatabaseUrl::parse(QString::fromUtf8(text));
        INFO("'" << text << "'");
        REQUIRE_FALSE(url.ok());
        CHECK(url.error().code == ErrorCode::InvalidArgument);
        CHECK_FALSE(url.error().message.isEmpty());
    }
}
