#include "demoserver.h"

#include <catch2/catch.hpp>

#include <QProcess>

using namespace Qt::StringLiterals;

namespace otrack::test {

DemoServer::DemoServer(int marks) : m_pki(makeTestPki(m_dir.path())), m_database(m_dir.file(u"server.db"_s))
{
    const QString out
        = admin({u"demo"_s, u"--fast-passwords"_s, u"--marks"_s, QString::number(marks), u"--name"_s, m_schoolName});
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(u'\t');
        if (fields.value(0) == u"school"_s)
            m_schoolId = fields.value(1);
        else if (!line.startsWith(u'#') && fields.size() >= 3)
            m_accounts.append({fields.at(0), fields.at(1), fields.at(2), fields.value(3)});
    }
    REQUIRE_FALSE(m_schoolId.isEmpty());
    REQUIRE_FALSE(m_accounts.isEmpty());
    start();
}

void DemoServer::start()
{
    // A new process object each time: ServerProcess reads the port from all the output it
    // has seen, so a reused one would report the first run's port.
    m_process = std::make_unique<ServerProcess>();
    m_process->process().setStandardErrorFile(m_dir.file(u"server.log"_s), QIODevice::Append);
    const QString listen = u"127.0.0.1:%1"_s.arg(m_fixedPort);
    const bool started = m_process->start({u"serve"_s, u"--listen"_s, listen, u"--cert"_s, m_pki.serverCertificate,
                                           u"--key"_s, m_pki.serverKey, u"--db"_s, u"sqlite://"_s + m_database});
    INFO(readFile(m_dir.file(u"server.log"_s)).toStdString());
    REQUIRE(started);
    m_fixedPort = m_process->port();
}

QString DemoServer::logEnd() const
{
    return QString::fromUtf8(readFile(m_dir.file(u"server.log"_s)).right(6000));
}

void DemoServer::requireRunning()
{
    // A server that crashed says why at the end of its log (an ASan report, say).
    INFO("otrack-server is not running; the end of its log:\n" << logEnd().toStdString());
    REQUIRE(m_process->process().state() == QProcess::Running);
}

void DemoServer::stop()
{
    const int exitCode = m_process->stop();
    INFO("otrack-server exited with " << exitCode << "; the end of its log:\n" << logEnd().toStdString());
    REQUIRE(exitCode == 0);
}

void DemoServer::restart(Port port)
{
    stop();
    if (port == Port::Any)
        m_fixedPort = 0;
    start();
}

QString DemoServer::url() const
{
    return url(port());
}

QString DemoServer::url(quint16 port) const
{
    return u"https://127.0.0.1:%1"_s.arg(port);
}

DemoServer::Account DemoServer::account(const QString &role) const
{
    for (const Account &a : m_accounts)
        if (a.role == role)
            return a;
    FAIL("no demo account with role " << role.toStdString());
    return {};
}

QString DemoServer::admin(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(ServerProcess::binary(), QStringList{u"admin"_s, u"--db"_s, u"sqlite://"_s + m_database} + arguments);
    REQUIRE(process.waitForStarted(10000));
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120000));
    INFO(QString::fromLocal8Bit(process.readAllStandardError()).toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString DemoServer::sql(const QString &statements)
{
    QProcess process;
    process.start(u"sqlite3"_s, {u"-batch"_s, u"-cmd"_s, u".timeout 10000"_s, m_database, statements});
    REQUIRE(process.waitForStarted(10000));
    REQUIRE(process.waitForFinished(60000));
    INFO(QString::fromLocal8Bit(process.readAllStandardError()).toStdString());
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

void DemoServer::erasePupil(const QString &pupilId)
{
    admin({u"erase-pupil"_s, u"--school"_s, m_schoolId, u"--pupil"_s, pupilId, u"--yes"_s});
}

}  // namespace otrack::test
