#include "serveoptions.h"

#include <catch2/catch.hpp>

using otrack::ListenAddress;
using otrack::ServeOptions;

namespace {

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result.append(QString::fromUtf8(item));
    return result;
}

}  // namespace

TEST_CASE("the listen address takes IPv4 or bracketed IPv6 or localhost with a port", "[server][options]")
{
    auto v4 = ListenAddress::parse(QStringLiteral("127.0.0.1:8443"));
    REQUIRE(v4.ok());
    CHECK(v4->address == QHostAddress(QHostAddress::LocalHost));
    CHECK(v4->port == 8443);
    CHECK(ListenAddress::format(v4->address, v4->port) == QStringLiteral("127.0.0.1:8443"));

    auto v6 = ListenAddress::parse(QStringLiteral("[::1]:0"));
    REQUIRE(v6.ok());
    CHECK(v6->address == QHostAddress(QHostAddress::LocalHostIPv6));
    CHECK(v6->port == 0);
    CHECK(ListenAddress::format(v6->address, 9) == QStringLiteral("[::1]:9"));

    auto local = ListenAddress::parse(QStringLiteral("localhost:1"));
    REQUIRE(local.ok());
    CHECK(local->address == QHostAddress(QHostAddress::LocalHost));

    for (const char *bad : {"127.0.0.1", "127.0.0.1:", ":8443", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:+5",
                            "127.0.0.1:http", "::1:8443", "example.org:443", "127.1:8443", "999.0.0.1:1"}) {
        INFO(bad);
        CHECK_FALSE(ListenAddress::parse(QString::fromUtf8(bad)).ok());
    }
}

TEST_CASE("serve needs all of listen and cert and key and db", "[server][options]")
{
    auto options = ServeOptions::parse(
        args({"--listen", "127.0.0.1:0", "--cert", "c.pem", "--key", "k.pem", "--db", "sqlite:///tmp/otrack.db"}));
    REQUIRE(options.ok());
    CHECK(options->port == 0);
    CHECK(options->certificateFile == QStringLiteral("c.pem"));
    CHECK(options->keyFile == QStringLiteral("k.pem"));
    CHECK(options->database.databaseName() == QStringLiteral("/tmp/otrack.db"));

    CHECK_FALSE(ServeOptions::parse(args({"--listen", "127.0.0.1:0", "--cert", "c", "--key", "k"})).ok());
    CHECK_FALSE(ServeOptions::parse(args({"--cert", "c", "--key", "k", "--db", "sqlite:///x.db"})).ok());
    CHECK_FALSE(ServeOptions::parse(args({"--listen", "127.0.0.1:0", "--cert", "c", "--key", "k", "--db",
                                          "sqlite:///x.db", "--verbose"}))
                    .ok());
    CHECK_FALSE(ServeOptions::parse(
                    args({"--listen", "127.0.0.1:0", "--cert", "c", "--key", "k", "--db", "sqlite:///x.db", "extra"}))
                    .ok());
    CHECK_FALSE(ServeOptions::parse(args({"--listen", "127.0.0.1:0", "--listen", "127.0.0.1:1", "--cert", "c", "--key",
                                          "k", "--db", "sqlite:///x.db"}))
                    .ok());
    auto badDb = ServeOptions::parse(args({"--listen", "127.0.0.1:0", "--cert", "c", "--key", "k", "--db", "x.db"}));
    REQUIRE_FALSE(badDb.ok());
    CHECK(badDb.error().message.startsWith(QStringLiteral("--db:")));
}

TEST_CASE("serve takes optional connection limits with safe defaults", "[server][options]")
{
    const QStringList required
        = args({"--listen", "127.0.0.1:0", "--cert", "c.pem", "--key", "k.pem", "--db", "sqlite:///tmp/otrack.db"});
    auto defaults = ServeOptions::parse(required);
    REQUIRE(defaults.ok());
    CHECK(defaults->limits.maxBodyBytes == 4 * 1024 * 1024);
    CHECK(defaults->limits.idleTimeout == std::chrono::seconds(60));
    CHECK(defaults->limits.requestTimeout == std::chrono::seconds(30));
    CHECK(defaults->limits.maxConnections == 512);

    auto set = ServeOptions::parse(required
                                   + args({"--max-body-bytes", "65536", "--idle-timeout", "5", "--request-timeout", "2",
                                           "--max-connections", "10"}));
    REQUIRE(set.ok());
    CHECK(set->limits.maxBodyBytes == 65536);
    CHECK(set->limits.idleTimeout == std::chrono::seconds(5));
    CHECK(set->limits.requestTimeout == std::chrono::seconds(2));
    CHECK(set->limits.maxConnections == 10);

    for (auto bad :
         {args({"--max-body-bytes", "0"}), args({"--max-body-bytes", "4MiB"}), args({"--max-body-bytes", "-5"}),
          args({"--idle-timeout", "0"}), args({"--request-timeout", "1.5"}), args({"--request-timeout", "+3"}),
          args({"--max-connections", "0"}), args({"--idle-timeout", "5", "--idle-timeout", "6"})}) {
        INFO(bad.join(u' ').toStdString());
        auto parsed = ServeOptions::parse(required + bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().message.startsWith(bad.constFirst()));
    }
}
