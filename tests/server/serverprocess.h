#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace otrack::test {

// otrack-server run as a child process, as scripts and IT staff run it.
class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess();

    // Starts `otrack-server ARGS` and waits for "listening on 127.0.0.1:PORT" (true) or the
    // process's end (false; see exitCode() and errorOutput()).
    bool start(const QStringList &arguments);
    // SIGTERM, then waits; returns the exit code (-1 if it did not stop or crashed).
    int stop();

    quint16 port() const { return m_port; }
    QString stdoutText() const { return QString::fromLocal8Bit(m_stdout); }
    QString errorOutput();
    int exitCode() const { return m_process.exitCode(); }
    QProcess &process() { return m_process; }

    static QString binary();

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    quint16 m_port = 0;
};

}  // namespace otrack::test
