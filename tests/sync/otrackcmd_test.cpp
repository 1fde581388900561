// otrackcmd end to end: the real binary against a real otrack-server over TLS, its output and
// its exit codes as a script sees them.
#include "demoserver.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>

using namespace Qt::StringLiterals;
using otrack::test::DemoServer;
using otrack::test::TempDir;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

class Cmd {
public:
    Cmd(const DemoServer &server, const DemoServer::Account &account, const QString &dataDir)
        : m_server(server), m_account(account), m_dataDir(dataDir), m_url(server.url()),
          m_ca(server.pki().caCertificate)
    {
    }
    void setUrl(const QString &url) { m_url = url; }
    void setCa(const QString &ca) { m_ca = ca; }

    Run run(const QStringList &command, const std::optional<QString> &password = std::nullopt)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OTRACK_PASSWORD"_s, password.value_or(m_account.password));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(OTRACK_CMD_BINARY),
                      QStringList{u"--data-dir"_s, m_dataDir, u"--server"_s, m_url, u"--ca"_s, m_ca, u"--school"_s,
                                  m_server.schoolName(), u"--user"_s, m_account.username}
                          + command);
        REQUIRE(process.waitForStarted(10000));
        REQUIRE(process.waitForFinished(180000));
        REQUIRE(process.exitStatus() == QProcess::NormalExit);
        Run run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
        UNSCOPED_INFO("otrackcmd " << command.join(u' ').toStdString() << " -> " << run.exitCode << "\n"
                                   << run.out.toStdString() << run.err.toStdString());
        return run;
    }

    QJsonObject status()
    {
        const Run r = run({u"status"_s, u"--json"_s});
        REQUIRE(r.exitCode == 0);
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        REQUIRE(error.error == QJsonParseError::NoError);
        REQUIRE(json.isObject());
        return json.object();
    }

private:
    const DemoServer &m_server;
    DemoServer::Account m_account;
    QString m_dataDir;
    QString m_url;
    QString m_ca;
};

// A pupil from `otrackcmd pupils` output, an objective and the first term: a cell to mark.
QStringList someCell(DemoServer &server, const QString &pupilsOutput)
{
    const QString pupil = pupilsOutput.section(u'\n', 0, 0).section(u'\t', 0, 0);
    REQUIRE_FALSE(pupil.isEmpty());
    return {pupil, server.sql(u"SELECT id FROM objectives ORDER BY framework_id, position LIMIT 1"_s),
            server.sql(u"SELECT id FROM terms ORDER BY academic_year, position LIMIT 1"_s)};
}

quint16 closedPort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

}  // namespace

TEST_CASE("otrackcmd signs in syncs marks offline and pushes", "[sync][otrackcmd]")
{
    DemoServer server;
    TempDir dir;
    Cmd cmd(server, server.account(u"teacher"_s), dir.path());

    CHECK(cmd.run({u"status"_s}).exitCode == 7);  // no store yet
    REQUIRE(cmd.run({u"login"_s}).exitCode == 0);
    QJsonObject status = cmd.status();
    CHECK(status.value(u"signed_in"_s).toBool());
    CHECK(status.value(u"state"_s).toString() == u"idle"_s);
    CHECK(status.value(u"last_synced"_s).isNull());

    REQUIRE(cmd.run({u"sync"_s}).exitCode == 0);
    status = cmd.status();
    CHECK(status.value(u"pending"_s).toInt() == 0);
    CHECK(status.value(u"cursor"_s).toInteger() > 0);
    CHECK(status.value(u"initial_sync_done"_s).toBool());
    CHECK_FALSE(status.value(u"last_synced"_s).isNull());

    const Run pupils = cmd.run({u"pupils"_s});
    REQUIRE(pupils.exitCode == 0);
    CHECK(pupils.out.split(u'\n', Qt::SkipEmptyParts).size() == 30);
    REQUIRE(cmd.run({u"marks"_s}).exitCode == 0);
    const QStringList cell = someCell(server, pupils.out);

    // Offline: the server is down, the mark is still saved locally.
    server.stop();
    const Run marked = cmd.run({u"mark"_s, cell[0], cell[1], cell[2], u"GDS"_s});
    REQUIRE(marked.exitCode == 0);
    CHECK(marked.out.startsWith(u"saved\t"_s));
    CHECK(cmd.status().value(u"pending"_s).toInt() == 1);
    CHECK(cmd.run({u"sync"_s}).exitCode == 3);
    CHECK(cmd.status().value(u"pending"_s).toInt() == 1);

    server.restart();
    REQUIRE(cmd.run({u"sync"_s}).exitCode == 0);
    CHECK(cmd.status().value(u"pending"_s).toInt() == 0);
    CHECK(server.sql(u"SELECT value FROM marks WHERE pupil_id = '%1' AND objective_id = '%2' AND term_id = '%3'"_s.arg(
              cell[0], cell[1], cell[2]))
          == u"GDS"_s);
    CHECK(cmd.run({u"conflicts"_s}).out.isEmpty());
    CHECK(cmd.run({u"logout"_s}).exitCode == 0);
    CHECK_FALSE(cmd.status().value(u"signed_in"_s).toBool());
}

TEST_CASE("otrackcmd exit codes tell the failures apart", "[sync][otrackcmd]")
{
    DemoServer server;
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    Cmd cmd(server, teacher, dir.path());

    // A failed first sign-in leaves no store behind.
    CHECK(cmd.run({u"login"_s}, u"wrong password"_s).exitCode == 4);
    CHECK_FALSE(QDirIterator(dir.path(), QDir::Files, QDirIterator::Subdirectories).hasNext());
    CHECK(cmd.run({u"status"_s}).exitCode == 7);
    CHECK(cmd.run({u"login"_s}, QString()).exitCode == 4);
    CHECK(cmd.run({u"frobnicate"_s}).exitCode == 2);
    CHECK(cmd.run({u"resolve"_s, u"x"_s}).exitCode == 2);

    REQUIRE(cmd.run({u"login"_s}).exitCode == 0);
    REQUIRE(cmd.run({u"sync"_s}).exitCode == 0);
    CHECK(cmd.run({u"status"_s}, u"wrong password"_s).exitCode == 4);
    const QStringList cell = someCell(server, cmd.run({u"pupils"_s}).out);
    CHECK(cmd.run({u"mark"_s, cell[0], cell[1], cell[2], u"NOT-ON-SCALE"_s}).exitCode == 11);
    CHECK(cmd.run({u"mark"_s, u"no-such-pupil"_s, cell[1], cell[2], u"EXP"_s}).exitCode == 11);
    CHECK(cmd.run({u"resolve"_s, u"no-such-conflict"_s, u"mine"_s}).exitCode == 11);
    CHECK(cmd.status().value(u"pending"_s).toInt() == 0);

    cmd.setUrl(server.url(closedPort()));
    CHECK(cmd.run({u"sync"_s}).exitCode == 3);
    cmd.setUrl(server.url());
    cmd.setCa(server.pki().otherCaCertificate);
    const Run untrusted = cmd.run({u"sync"_s});
    CHECK(untrusted.exitCode == 5);
    CHECK(untrusted.err.contains(u"certificate"_s));
    cmd.setCa(server.pki().caCertificate);
    cmd.setUrl(u"http://127.0.0.1:%1"_s.arg(server.port()));
    const Run plain = cmd.run({u"sync"_s});
    CHECK(plain.exitCode == 2);
    CHECK(plain.err.contains(u"https"_s));
    cmd.setUrl(server.url());

    server.admin(
        {u"revoke-device"_s, server.schoolName(), teacher.username, cmd.status().value(u"device_id"_s).toString()});
    CHECK(cmd.run({u"sync"_s}).exitCode == 10);
    CHECK(cmd.run({u"status"_s}).exitCode == 7);
}
