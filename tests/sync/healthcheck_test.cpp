// The client's TLS policy against the real server on loopback.
#include "healthcheck.h"
#include "serverendpoint.h"
#include "serverprocess.h"
#include "tempdir.h"
#include "testpki.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

#include <optional>

using otrack::HealthCheck;
using otrack::HealthStatus;
using otrack::ServerEndpoint;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct RunningServer {
    otrack::test::TempDir dir;
    otrack::test::TestPki pki = otrack::test::makeTestPki(dir.path());
    otrack::test::ServerProcess process;

    RunningServer()
    {
        const bool started
            = process.start({s("serve"), s("--listen"), s("127.0.0.1:0"), s("--cert"), pki.serverCertificate,
                             s("--key"), pki.serverKey, s("--db"), s("sqlite://") + dir.file(s("server.db"))});
        INFO(process.errorOutput().toStdString());
        REQUIRE(started);
    }
    QString url() const { return s("https://127.0.0.1:%1").arg(process.port()); }
};

HealthStatus check(const ServerEndpoint &endpoint)
{
    HealthCheck health;
    std::optional<HealthStatus> result;
    QObject::connect(&health, &HealthCheck::finished, [&result](const HealthStatus &status) { result = status; });
    QSignalSpy spy(&health, &HealthCheck::finished);
    health.start(endpoint, 30000);
    REQUIRE(spy.wait(40000));
    REQUIRE(spy.count() == 1);
    REQUIRE(result.has_value());
    return *result;
}

}  // namespace

TEST_CASE("health over TLS with the pinned CA: the server is reachable", "[sync][tls]")
{
    RunningServer server;
    auto endpoint = ServerEndpoint::create(server.url(), server.pki.caCertificate);
    REQUIRE(endpoint.ok());
    const HealthStatus status = check(*endpoint);
    INFO(otrack::outcomeName(status.outcome) << ": " << status.detail.toStdString());
    REQUIRE(status.ok());
    REQUIRE(status.health.has_value());
    CHECK(status.health->protocol == 1);
    CHECK(status.health->database == s("sqlite"));
    CHECK(status.httpStatus == 200);
    CHECK(server.process.stop() == 0);
}

TEST_CASE("health without the CA is a certificate error with its reason", "[sync][tls]")
{
    RunningServer server;
    auto endpoint = ServerEndpoint::create(server.url());
    REQUIRE(endpoint.ok());
    const HealthStatus status = check(*endpoint);
    INFO(status.detail.toStdString());
    CHECK(status.outcome == HealthStatus::Outcome::CertificateError);
    REQUIRE_FALSE(status.certificateErrors.isEmpty());
    CHECK_FALSE(status.health.has_value());
    CHECK(status.httpStatus == 0);  // no HTTP exchange happened
}

TEST_CASE("health with another CA pinned is still a certificate error", "[sync][tls]")
{
    RunningServer server;
    auto endpoint = ServerEndpoint::create(server.url(), server.pki.otherCaCertificate);
    REQUIRE(endpoint.ok());
    const HealthStatus status = check(*endpoint);
    CHECK(status.outcome == HealthStatus::Outcome::CertificateError);
    CHECK_FALSE(status.certificateErrors.isEmpty());
}

TEST_CASE("an http:// URL is refused before anything is sent", "[sync][tls]")
{
    QTcpServer listener;  // a plain-text listener that would see any attempt
    REQUIRE(listener.listen(QHostAddress::LocalHost, 0));
    auto endpoint = ServerEndpoint::create(s("http://127.0.0.1:%1").arg(listener.serverPort()));
    REQUIRE_FALSE(endpoint.ok());
    CHECK(endpoint.error().code == otrack::ErrorCode::InvalidArgument);
    CHECK_FALSE(listener.waitForNewConnection(500));
}

TEST_CASE("health against a port that speaks no TLS fails as unreachable or TLS error", "[sync][tls]")
{
    QTcpServer listener;
    REQUIRE(listener.listen(QHostAddress::LocalHost, 0));
    // Accept and answer plain text, as a misconfigured proxy would.
    QObject::connect(&listener, &QTcpServer::newConnection, [&listener] {
        QTcpSocket *socket = listener.nextPendingConnection();
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
        socket->disconnectFromHost();
    });
    auto endpoint = ServerEndpoint::create(s("https://127.0.0.1:%1").arg(listener.serverPort()));
    REQUIRE(endpoint.ok());
    const HealthStatus status = check(*endpoint);
    INFO(otrack::outcomeName(status.outcome) << ": " << status.detail.toStdString());
    CHECK_FALSE(status.ok());
    CHECK((status.outcome == HealthStatus::Outcome::TlsError || status.outcome == HealthStatus::Outcome::Unreachable));
}

TEST_CASE("health against a closed port: unreachable", "[sync][tls]")
{
    quint16 port = 0;
    {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    auto endpoint = ServerEndpoint::create(s("https://127.0.0.1:%1").arg(port));
    REQUIRE(endpoint.ok());
    const HealthStatus status = check(*endpoint);
    CHECK(status.outcome == HealthStatus::Outcome::Unreachable);
}
