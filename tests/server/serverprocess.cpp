#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace otrack::test {

QString ServerProcess::binary()
{
    return QStringLiteral(OTRACK_SERVER_BINARY);
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

bool ServerProcess::start(const QStringList &arguments)
{
    m_process.start(binary(), arguments);
    if (!m_process.waitForStarted(10000))
        return false;
    static const QRegularExpression line(QStringLiteral("^listening on 127\\.0\\.0\\.1:(\\d+)\\n"));
    const QDeadlineTimer deadline(60000);  // sanitizer builds start slowly
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(200);
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
        const auto match = line.match(QString::fromLocal8Bit(m_stdout));
        if (match.hasMatch()) {
            m_port = static_cast<quint16>(match.captured(1).toUInt());
            return true;
        }
        if (m_process.state() == QProcess::NotRunning) {
            m_stdout += m_process.readAllStandardOutput();
            m_stderr += m_process.readAllStandardError();
            return false;
        }
    }
    return false;
}

int ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    m_process.terminate();  // SIGTERM
    if (!m_process.waitForFinished(30000))
        return -1;
    m_stdout += m_process.readAllStandardOutput();
    m_stderr += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QString ServerProcess::errorOutput()
{
    m_stderr += m_process.readAllStandardError();
    return QString::fromLocal8Bit(m_stderr);
}

}  // namespace otrack::test
