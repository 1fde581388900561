// The transport limits (guardedsslserver.h) against a real SyncServer over TLS on 127.0.0.1,
// driven by raw TLS sockets that send what a hostile or broken client would.

#include "apierror.h"
#include "connectionlimits.h"
#include "serverdatabase.h"
#include "serverprocess.h"
#include "serverschema.h"
#include "syncserver.h"
#include "testpki.h"
#include "tlsidentity.h"

#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

using namespace otrack;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The server runs on this thread: waiting must keep the event loop turning.
bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds limit)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > limit.count())
            return false;
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void pause(std::chrono::milliseconds duration)
{
    waitFor([] { return false; }, duration);
}

ConnectionLimits testLimits()
{
    ConnectionLimits limits;
    limits.maxBodyBytes = 64 * 1024;
    limits.idleTimeout = 1s;
    limits.requestTimeout = 1s;
    limits.maxConnections = 16;
    return limits;
}

struct LimitsServer {
    explicit LimitsServer(const ConnectionLimits &limits = testLimits())
    {
        static int instances = 0;
        pki = test::makeTestPki(dir.path());
        auto url = DatabaseUrl::parse(u"sqlite://"_s + dir.file(u"server.db"_s));
        REQUIRE(url.ok());
        auto database = ServerDatabase::open(*url, u"limits-%1"_s.arg(++instances));
        REQUIRE(database.ok());
        REQUIRE(ServerSchema::migrate((*database)->connection(), url->kind()).ok());
        auto identity = TlsIdentity::load(pki.serverCertificate, pki.serverKey);
        REQUIRE(identity.ok());
        server = std::make_unique<SyncServer>(std::move(*database), limits);
        auto bound = server->listen(*identity, QHostAddress(QHostAddress::LocalHost), 0);
        REQUIRE(bound.ok());
        port = *bound;
    }

    test::TempDir dir;
    test::TestPki pki;
    std::unique_ptr<SyncServer> server;
    quint16 port = 0;
};

struct Answer {
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// One TLS connection that sends exactly the bytes it is given and reads raw answers.
class RawClient {
public:
    explicit RawClient(const LimitsServer &server) : RawClient(server.port, server.pki.caCertificate) { }
    RawClient(quint16 port, const QString &caFile)
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(caFile));
        m_socket.setSslConfiguration(tls);
        QObject::connect(&m_socket, &QIODevice::readyRead, &m_socket, [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
        REQUIRE(waitFor([this] { return m_socket.isEncrypted(); }, 5s));
    }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    // The next whole answer (head and Content-Length body), or nullopt after `limit`.
    std::optional<Answer> answer(std::chrono::milliseconds limit = 5s)
    {
        std::optional<Answer> result;
        waitFor(
            [&] {
                const qsizetype headEnd = m_received.indexOf("\r\n\r\n");
                if (headEnd < 0)
                    return false;
                Answer answer;
                answer.head = m_received.left(headEnd + 2);
                answer.status = answer.head.mid(9, 3).toInt();
                const qsizetype at = answer.head.toLower().indexOf("\r\ncontent-length:");
                const qsizetype length = at < 0
                    ? 0
                    : answer.head.mid(at + 17, answer.head.indexOf('\r', at + 2) - at - 17).trimmed().toInt();
                if (m_received.size() < headEnd + 4 + length)
                    return false;
                answer.body = m_received.mid(headEnd + 4, length);
                m_received.remove(0, headEnd + 4 + length);
                result = answer;
                return true;
            },
            limit);
        return result;
    }

    // Whether the server closed the connection within `limit`.
    bool closedWithin(std::chrono::milliseconds limit)
    {
        return waitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, limit);
    }

    QSslSocket &socket() { return m_socket; }

private:
    QSslSocket m_socket;
    QByteArray m_received;
};

const QByteArray kHealth = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

QByteArray postHead(qint64 contentLength, const QByteArray &extraHeaders = {})
{
    return "POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraHeaders
        + "Content-Length: " + QByteArray::number(contentLength) + "\r\n\r\n";
}

// A refusal: the status, the project's JSON error shape with `code`, and "Connection: close".
void checkRefusal(const std::optional<Answer> &answer, int status, const char *code)
{
    REQUIRE(answer.has_value());
    INFO(answer->head.toStdString() << answer->body.toStdString());
    CHECK(answer->status == status);
    CHECK(answer->head.toLower().contains("\r\ncontent-type: application/json\r\n"));
    CHECK(answer->head.toLower().contains("\r\nconnection: close\r\n"));
    auto error = ApiError::decode(answer->body);
    REQUIRE(error.ok());
    CHECK(error->code == QString::fromLatin1(code));
    CHECK_FALSE(error->message.isEmpty());
}

// Another client is served normally.
void checkStillServing(const LimitsServer &server)
{
    RawClient other(server);
    other.send(kHealth);
    auto answer = other.answer();
    REQUIRE(answer.has_value());
    CHECK(answer->status == 200);
}

}  // namespace

TEST_CASE("an oversized Content-Length is answered 413 before the body is sent", "[server][limits]")
{
    LimitsServer server;
    RawClient client(server);
    // Every request on a keep-alive connection is held to the limits, not only the first.
    for (int i = 0; i < 2; ++i) {
        client.send(kHealth);
        auto answer = client.answer();
        REQUIRE(answer.has_value());
        CHECK(answer->status == 200);
    }
    // A 64 MiB claim, after which only 4 KiB follows: the answer cannot wait for the body.
    client.send(postHead(64 * 1024 * 1024, "Expect: 100-continue\r\n") + QByteArray(4096, '{'));
    auto answer = client.answer();
    checkRefusal(answer, 413, ApiError::kTooLarge);
    // What still comes is read and thrown away, and the connection is closed.
    client.send(QByteArray(256 * 1024, '{'));
    CHECK(client.closedWithin(5s));
    checkStillServing(server);
}

TEST_CASE("a body at the limit is served and the connection kept", "[server][limits]")
{
    LimitsServer server;
    RawClient client(server);
    const QByteArray body = R"({"school":"x","username":"y","password":"z","pad":")" + QByteArray(64 * 1024 - 100, 'p');
    const QByteArray padded = body + QByteArray(64 * 1024 - body.size() - 2, ' ') + "\"}";
    REQUIRE(padded.size() == 64 * 1024);
    client.send(postHead(padded.size(), "OTrack-Protocol: 1\r\n") + padded);
    auto answer = client.answer();
    REQUIRE(answer.has_value());
    CHECK(answer->status != 413);
    CHECK(answer->status < 500);
    client.send(kHealth);
    answer = client.answer();
    REQUIRE(answer.has_value());
    CHECK(answer->status == 200);
}

TEST_CASE("over-long request lines and headers are answered 431", "[server][limits]")
{
    LimitsServer server;
    {
        // The request line never ends: refused once it passes the limit.
        RawClient client(server);
        client.send("GET /v1/health?" + QByteArray(20 * 1024, 'a'));
        checkRefusal(client.answer(), 431, ApiError::kHeadersTooLarge);
        CHECK(client.closedWithin(5s));
    }
    {
        RawClient client(server);
        QByteArray head = "GET /v1/health HTTP/1.1\r\n";
        for (int i = 0; i < 20; ++i)
            head += "X-Pad-" + QByteArray::number(i) + ": " + QByteArray(1000, 'p') + "\r\n";
        client.send(head + "\r\n");
        checkRefusal(client.answer(), 431, ApiError::kHeadersTooLarge);
        CHECK(client.closedWithin(5s));
    }
    {
        // Just under the limit, with a body: Qt HTTP Server frames it as the guard did, so the
        // next request on the connection is answered too.
        RawClient client(server);
        QByteArray extra;
        for (int i = 0; i < 2; ++i)
            extra += "X-Pad-" + QByteArray::number(i) + ": " + QByteArray(7000, 'p') + "\r\n";
        client.send(postHead(2, extra) + "{}");
        auto first = client.answer();
        REQUIRE(first.has_value());
        CHECK(first->status != 431);
        client.send(kHealth);
        auto second = client.answer();
        REQUIRE(second.has_value());
        CHECK(second->status == 200);
    }
    checkStillServing(server);
}

TEST_CASE("chunked bodies are answered 411", "[server][limits]")
{
    LimitsServer server;
    RawClient client(server);
    client.send("POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n");
    checkRefusal(client.answer(), 411, ApiError::kLengthRequired);
    CHECK(client.closedWithin(5s));
}

TEST_CASE("a malformed request line is answered 400 and the connection closed", "[server][limits]")
{
    LimitsServer server;
    RawClient client(server);
    client.send("HELLO THERE\r\n\r\n");
    checkRefusal(client.answer(), 400, ApiError::kBadRequest);
    CHECK(client.closedWithin(5s));
}

TEST_CASE("bytes beyond the declared Content-Length are read as the next request", "[server][limits]")
{
    LimitsServer server;
    RawClient client(server);
    client.send(postHead(2) + "{}");
    auto first = client.answer();
    REQUIRE(first.has_value());
    CHECK(first->status < 500);
    // A body longer than declared: what is left over is garbage in place of a request line.
    client.send(postHead(2) + "{}, \"smuggled\": true}\r\n\r\n");
    checkRefusal(client.answer(), 400, ApiError::kBadRequest);
    CHECK(client.closedWithin(5s));
    checkStillServing(server);
}

TEST_CASE("a slowloris request is answered 408 and closed after the request timeout", "[server][limits]")
{
    LimitsServer server;
    RawClient slow(server);
    QElapsedTimer clock;
    clock.start();
    const QByteArray request = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + QByteArray(100, 's');
    // One byte every 50 ms: always something new, never a whole request.
    bool servedMeanwhile = false;
    for (qsizetype i = 0; i < request.size() && slow.socket().state() == QAbstractSocket::ConnectedState; ++i) {
        slow.send(request.mid(i, 1));
        pause(50ms);
        if (i == 5) {
            checkStillServing(server);
            servedMeanwhile = true;
        }
    }
    CHECK(servedMeanwhile);
    checkRefusal(slow.answer(), 408, ApiError::kRequestTimeout);
    CHECK(slow.closedWithin(5s));
    CHECK(clock.elapsed() < 4000);
}

TEST_CASE("keep-alive requests in a row are served and an idle connection is closed", "[server][limits]")
{
    LimitsServer server;
    RawClient client(server);
    // Pauses shorter than the idle timeout, adding up to more than it: each answer starts it again.
    for (int i = 0; i < 5; ++i) {
        client.send(kHealth);
        auto answer = client.answer();
        REQUIRE(answer.has_value());
        CHECK(answer->status == 200);
        CHECK(answer->body.contains("\"status\":\"ok\""));
        pause(400ms);
    }
    QElapsedTimer clock;
    clock.start();
    CHECK(client.closedWithin(5s));
    CHECK(clock.elapsed() >= 400);  // the idle second, less the last pause
    CHECK_FALSE(client.answer(100ms).has_value());  // closed quietly, without an answer
}

TEST_CASE("pipelined small requests are all answered", "[server][limits]")
{
    LimitsServer server;
    RawClient client(server);
    client.send(kHealth + kHealth + postHead(2) + "{}" + kHealth);
    for (int i = 0; i < 4; ++i) {
        auto answer = client.answer();
        REQUIRE(answer.has_value());
        CHECK(answer->status == (i == 2 ? 426 : 200));
    }
}

TEST_CASE("a connection that never starts TLS is closed", "[server][limits]")
{
    LimitsServer server;
    QTcpSocket silent;
    silent.connectToHost(u"127.0.0.1"_s, server.port);
    REQUIRE(waitFor([&] { return silent.state() == QAbstractSocket::ConnectedState; }, 5s));
    QElapsedTimer clock;
    clock.start();
    CHECK(waitFor([&] { return silent.state() == QAbstractSocket::UnconnectedState; }, 5s));
    CHECK(clock.elapsed() < 3000);
    checkStillServing(server);

    // Encrypted but never a request: the idle timeout.
    RawClient quiet(server);
    CHECK(quiet.closedWithin(5s));
}

TEST_CASE("connections beyond the maximum are closed at once", "[server][limits]")
{
    ConnectionLimits limits = testLimits();
    limits.maxConnections = 2;
    limits.idleTimeout = 30s;
    LimitsServer server(limits);
    auto first = std::make_unique<RawClient>(server);
    RawClient second(server);

    QSslSocket third;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(server.pki.caCertificate));
    third.setSslConfiguration(tls);
    third.connectToHostEncrypted(u"127.0.0.1"_s, server.port);
    CHECK(waitFor([&] { return third.state() == QAbstractSocket::UnconnectedState; }, 5s));
    CHECK_FALSE(third.isEncrypted());

    second.send(kHealth);
    auto answer = second.answer();
    REQUIRE(answer.has_value());
    CHECK(answer->status == 200);

    // One leaves: room for another.
    first.reset();
    pause(200ms);
    checkStillServing(server);
}

TEST_CASE("otrack-server serve applies the limit options", "[server][limits][cli]")
{
    test::TempDir dir;
    const auto pki = test::makeTestPki(dir.path());
    test::ServerProcess server;
    REQUIRE(server.start({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--cert"_s, pki.serverCertificate, u"--key"_s,
                          pki.serverKey, u"--db"_s, u"sqlite://"_s + dir.file(u"server.db"_s), u"--max-body-bytes"_s,
                          u"2048"_s, u"--idle-timeout"_s, u"1"_s}));
    RawClient quiet(server.port(), pki.caCertificate);
    RawClient client(server.port(), pki.caCertificate);
    client.send(postHead(2049));
    checkRefusal(client.answer(), 413, ApiError::kTooLarge);
    CHECK(quiet.closedWithin(5s));
    CHECK(server.stop() == 0);
}
