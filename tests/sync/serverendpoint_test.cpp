#include "migrations.h"
#include "serverendpoint.h"

#include "protocolversion.h"
#include "tempdir.h"
#include "testpki.h"

#include <catch2/catch.hpp>

using otrack::ErrorCode;
using otrack::ServerEndpoint;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

}  // namespace

TEST_CASE("an https URL with a host makes an endpoint", "[sync][endpoint]")
{
    auto endpoint = ServerEndpoint::create(s("https://otrack.example.sch.uk:8443/"));
    REQUIRE(endpoint.ok());
    CHECK(endpoint->baseUrl().toString() == s("https://otrack.example.sch.uk:8443"));
    CHECK(endpoint->url(s("/v1/health")).toString() == s("https://otrack.example.sch.uk:8443/v1/health"));
    CHECK(endpoint->displayName() == s("otrack.example.sch.uk:8443"));

    auto behindProxy = ServerEndpoint::create(s("HTTPS://host/otrack/"));
    REQUIRE(behindProxy.ok());
    CHECK(behindProxy->url(s("/v1/health")).toString() == s("https://host/otrack/v1/health"));
    CHECK(behindProxy->displayName() == s("host:443"));
}

TEST_CASE("plain http and other unsafe addresses are refused", "[sync][endpoint]")
{
    auto http = ServerEndpoint::create(s("http://127.0.0.1:8080"));
    REQUIRE_FALSE(http.ok());
    CHECK(http.error().code == ErrorCode::InvalidArgument);
    CHECK(http.error().message.contains(s("http://")));
    CHECK(http.error().message.contains(s("https://")));

    for (const char *bad : {"", "127.0.0.1:8443", "ftp://host/", "https://", "https:///path", "https://user:pass@host/",
                            "https://host/?x=1", "https://host/#frag", "ws://host/"}) {
        INFO("'" << bad << "'");
        auto endpoint = ServerEndpoint::create(s(bad));
        REQUIRE_FALSE(endpoint.ok());
        CHECK(endpoint.error().code == ErrorCode::InvalidArgument);
    }
}

TEST_CASE("the TLS policy is TLS 1.2 or later with the peer verified against system CAs plus the pinned CA",
          "[sync][endpoint]")
{
    otrack::test::TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    auto endpoint = ServerEndpoint::create(s("https://127.0.0.1:1"), pki.caCertificate);
    REQUIRE(endpoint.ok());
    REQUIRE(endpoint->pinnedCertificates().size() == 1);
    const QSslConfiguration tls = endpoint->sslConfiguration();
    CHECK(tls.protocol() == QSsl::TlsV1_2OrLater);
    CHECK(tls.peerVerifyMode() == QSslSocket::VerifyPeer);
    CHECK(tls.caCertificates().contains(endpoint->pinnedCertificates().constFirst()));
    CHECK(tls.caCertificates().size() == QSslConfiguration::systemCaCertificates().size() + 1);

    const QNetworkRequest request = endpoint->request(s("/v1/health"));
    CHECK(request.rawHeader(otrack::protocol::kProtocolHeader) == "1");
    CHECK(request.rawHeader(otrack::protocol::kSchemaHeader)
          == QByteArray::number(otrack::protocol::kClientSchemaVersion));
    // The header tells the server which store this build writes: its latest migration.
    CHECK(otrack::protocol::kClientSchemaVersion == otrack::storeMigrations().back().version);
    CHECK(request.rawHeader(otrack::protocol::kClientHeader).startsWith("otrack/"));
    CHECK(request.sslConfiguration().protocol() == QSsl::TlsV1_2OrLater);
}

TEST_CASE("a pinned CA file must exist and hold a PEM certificate", "[sync][endpoint]")
{
    otrack::test::TempDir dir;
    auto missing = ServerEndpoint::create(s("https://127.0.0.1:1"), dir.file(s("nope.pem")));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);

    otrack::test::writeFile(dir.file(s("junk.pem")), "not a certificate\n");
    auto junk = ServerEndpoint::create(s("https://127.0.0.1:1"), dir.file(s("junk.pem")));
    REQUIRE_FALSE(junk.ok());
    CHECK(junk.error().code == ErrorCode::InvalidArgument);
}
