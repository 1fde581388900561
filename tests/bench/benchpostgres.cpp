#include "benchpostgres.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>

#include <unistd.h>

namespace otrack::bench {

BenchPostgres::BenchPostgres(QString folder) : m_folder(std::move(folder))
{
    QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
    if (!versions.isEmpty())
        m_bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(versions.constLast());
}

BenchPostgres::~BenchPostgres()
{
    if (m_running)
        run(m_bin + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_folder + QStringLiteral("/data"), QStringLiteral("-m"), QStringLiteral("fast"),
             QStringLiteral("-w"), QStringLiteral("stop")});
}

QString BenchPostgres::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // As scripts/test-postgres: the server refuses to run as root, so root runs it as postgres.
    if (::geteuid() == 0)
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program}
                          + arguments);
    else
        process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return program + QStringLiteral(": ") + process.errorString();
    if (!process.waitForFinished(120000))
        return program + QStringLiteral(" did not finish");
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(process.readAll()).trimmed();
    return {};
}

QString BenchPostgres::start()
{
    if (m_bin.isEmpty())
        return QStringLiteral("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin)");
    if (::geteuid() != 0 && qEnvironmentVariable("USER") != QStringLiteral("postgres"))
        return QStringLiteral("starting a private PostgreSQL needs root (to run it as postgres)");
    const QString data = m_folder + QStringLiteral("/data");
    QDir().mkpath(m_folder);
    if (::geteuid() == 0)
        QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres:"), m_folder});
    if (QString failed = run(m_bin + QStringLiteral("/initdb"),
                             {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"),
                              QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                              QStringLiteral("--locale=C.UTF-8")});
        !failed.isEmpty())
        return failed;
    QString failure;
    for (int attempt = 0; attempt < 5; ++attempt) {
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return QStringLiteral("no free loopback port");
            m_port = probe.serverPort();
        }
        failure = run(m_bin + QStringLiteral("/pg_ctl"),
                      {QStringLiteral("-D"), data, QStringLiteral("-l"), m_folder + QStringLiteral("/server.log"),
                       QStringLiteral("-o"),
                       QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c max_connections=100 "
                                      "-c shared_buffers=256MB")
                           .arg(m_port)
                           .arg(m_folder),
                       QStringLiteral("-w"), QStringLiteral("start")});
        if (failure.isEmpty()) {
            m_running = true;
            return {};
        }
    }
    return failure;
}

QString BenchPostgres::createDatabase(const QString &name, QString *error)
{
    *error = run(m_bin + QStringLiteral("/createdb"),
                 {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
                  QStringLiteral("-U"), QStringLiteral("postgres"), name});
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(name);
}

QString BenchPostgres::startWithDatabase(const QString &name, QString *url)
{
    if (QString why = start(); !why.isEmpty())
        return why;
    QString error;
    *url = createDatabase(name, &error);
    return error;
}

}  // namespace otrack::bench
