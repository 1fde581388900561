// otrack-server as IT staff and scripts run it: a real process, real TLS on loopback.
#include "serverprocess.h"
#include "tempdir.h"
#include "testpki.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpServer>

using otrack::test::ServerProcess;
using otrack::test::TempDir;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList serveArgs(const otrack::test::TestPki &pki, const QString &db, const QString &listen = s("127.0.0.1:0"))
{
    return {s("serve"), s("--listen"), listen,    s("--cert"),        pki.serverCertificate,
            s("--key"), pki.serverKey, s("--db"), s("sqlite://") + db};
}

int runToEnd(const QStringList &arguments, QString *stderrText)
{
    QProcess process;
    process.start(ServerProcess::binary(), arguments);
    REQUIRE(process.waitForFinished(60000));
    *stderrText = QString::fromLocal8Bit(process.readAllStandardError());
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return process.exitCode();
}

}  // namespace

TEST_CASE("serve prints one line with the port and answers health over TLS and stops on SIGTERM", "[server][cli][tls]")
{
    TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    ServerProcess server;
    const bool started = server.start(serveArgs(pki, dir.file(s("server.db"))));
    INFO(server.errorOutput().toStdString());
    REQUIRE(started);
    REQUIRE(server.port() != 0);
    CHECK(server.stdoutText() == s("listening on 127.0.0.1:%1\n").arg(server.port()));

    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(s("https://127.0.0.1:%1/v1/health").arg(server.port())));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(pki.caCertificate));
    request.setSslConfiguration(tls);
    QNetworkReply *reply = network.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    REQUIRE(done.wait(30000));
    INFO(reply->errorString().toStdString());
    REQUIRE(reply->error() == QNetworkReply::NoError);
    CHECK(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    CHECK(reply->header(QNetworkRequest::ContentTypeHeader).toString() == s("application/json"));
    CHECK(reply->rawHeader("Cache-Control") == "no-store");
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    CHECK(body.value(s("status")).toString() == s("ok"));
    CHECK(body.value(s("protocol")).toInt() == 1);
    CHECK(body.value(s("database")).toString() == s("sqlite"));
    delete reply;

    CHECK(server.stop() == 0);
    CHECK(server.errorOutput().contains(s("shutting down")));
    // The WAL file is folded back on a clean close.
    CHECK_FALSE(QFile::exists(dir.file(s("server.db-wal"))));
}

TEST_CASE("the server refuses TLS 1.1 and accepts TLS 1.2", "[server][cli][tls]")
{
    TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    ServerProcess server;
    REQUIRE(server.start(serveArgs(pki, dir.file(s("server.db")))));
    const QString connect = s("127.0.0.1:%1").arg(server.port());

    // The client is told to allow TLS 1.1 (security level 0), so a failure is the server's.
    QProcess old;
    old.setProcessChannelMode(QProcess::MergedChannels);
    old.start(s("openssl"),
              {s("s_client"), s("-connect"), connect, s("-tls1_1"), s("-cipher"), s("DEFAULT@SECLEVEL=0"), s("-CAfile"),
               pki.caCertificate});
    old.closeWriteChannel();
    REQUIRE(old.waitForFinished(30000));
    const QString oldOutput = QString::fromLocal8Bit(old.readAll());
    INFO(oldOutput.toStdString());
    CHECK(old.exitCode() != 0);
    CHECK(oldOutput.contains(s("alert protocol version")));
    CHECK(oldOutput.contains(s("Cipher is (NONE)")));
    CHECK(oldOutput.contains(s("no peer certificate available")));

    QProcess modern;
    modern.setProcessChannelMode(QProcess::MergedChannels);
    modern.start(s("openssl"),
                 {s("s_client"), s("-connect"), connect, s("-tls1_2"), s("-CAfile"), pki.caCertificate,
                  s("-verify_return_error")});
    modern.closeWriteChannel();
    REQUIRE(modern.waitForFinished(30000));
    const QString modernOutput = QString::fromLocal8Bit(modern.readAll());
    INFO(modernOutput.toStdString());
    CHECK(modern.exitCode() == 0);
    CHECK(modernOutput.contains(s("Protocol  : TLSv1.2")));
    CHECK(modernOutput.contains(s("Verify return code: 0 (ok)")));

    CHECK(server.stop() == 0);
}

TEST_CASE("serve fails with its documented exit codes", "[server][cli]")
{
    TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    QString err;

    SECTION("bad command line: 2")
    {
        CHECK(runToEnd({}, &err) == 2);
        CHECK(runToEnd({s("frobnicate")}, &err) == 2);
        CHECK(err.contains(s("unknown command")));
        CHECK(runToEnd({s("serve"), s("--listen"), s("127.0.0.1:0")}, &err) == 2);
        CHECK(err.contains(s("is required")));
        CHECK(runToEnd({s("serve"), s("--listen"), s("127.0.0.1:0"), s("--cert"), pki.serverCertificate, s("--key"),
                        pki.serverKey, s("--db"), s("sqlite:relative.db")},
                       &err)
              == 2);
    }
    SECTION("help documents the exit codes: 0")
    {
        QProcess help;
        help.start(ServerProcess::binary(), {s("--help")});
        REQUIRE(help.waitForFinished(30000));
        CHECK(help.exitCode() == 0);
        const QString text = QString::fromLocal8Bit(help.readAllStandardOutput());
        CHECK(text.contains(s("Exit codes:")));
        CHECK(text.contains(s("5  the address cannot be bound")));
    }
    SECTION("a key that does not match the certificate: 3")
    {
        const QStringList args{s("serve"),
                               s("--listen"),
                               s("127.0.0.1:0"),
                               s("--cert"),
                               pki.serverCertificate,
                               s("--key"),
                               dir.file(s("ca.key")),
                               s("--db"),
                               s("sqlite://") + dir.file(s("x.db"))};
        CHECK(runToEnd(args, &err) == 3);
        CHECK(err.contains(s("does not belong to the certificate")));
        CHECK_FALSE(QFile::exists(dir.file(s("x.db"))));  // nothing opened before TLS is sound
    }
    SECTION("a missing certificate: 3")
    {
        const QStringList args{s("serve"),
                               s("--listen"),
                               s("127.0.0.1:0"),
                               s("--cert"),
                               dir.file(s("none.crt")),
                               s("--key"),
                               pki.serverKey,
                               s("--db"),
                               s("sqlite://") + dir.file(s("x.db"))};
        CHECK(runToEnd(args, &err) == 3);
        CHECK(err.contains(s("cannot read the certificate file")));
    }
    SECTION("a database in a missing folder: 4")
    {
        CHECK(runToEnd(serveArgs(pki, dir.file(s("no/such/folder/x.db"))), &err) == 4);
        CHECK(err.contains(s("does not exist")));
    }
    SECTION("a port already in use: 5")
    {
        QTcpServer taken;
        REQUIRE(taken.listen(QHostAddress::LocalHost, 0));
        CHECK(runToEnd(serveArgs(pki, dir.file(s("x.db")), s("127.0.0.1:%1").arg(taken.serverPort())), &err) == 5);
        CHECK(err.contains(s("cannot listen")));
    }
}
