#include "shutdownsignals.h"

#include "logging.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <QCoreApplication>
#include <QMetaObject>
#include <windows.h>
#endif

using namespace Qt::StringLiterals;

namespace otrack {

#ifdef Q_OS_UNIX

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int number)
{
    const unsigned char byte = static_cast<unsigned char>(number);
    const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
    (void)written;  // nothing else is safe to do in a signal handler
}

}  // namespace

ShutdownSignals::ShutdownSignals(QObject *parent) : QObject(parent)
{
    if (g_signalPipe[0] != -1 || ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        qCWarning(lcServer) << "cannot install the shutdown signal handlers";
        return;
    }
    struct sigaction action { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (::sigaction(SIGTERM, &action, nullptr) != 0 || ::sigaction(SIGINT, &action, nullptr) != 0) {
        qCWarning(lcServer) << "cannot install the shutdown signal handlers";
        return;
    }
    m_notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        unsigned char byte = 0;
        if (::read(g_signalPipe[1], &byte, 1) != 1)
            return;
        Q_EMIT shutdownRequested(byte == SIGTERM ? u"SIGTERM"_s : u"SIGINT"_s);
    });
    m_installed = true;
}

ShutdownSignals::~ShutdownSignals()
{
    if (m_installed) {
        std::signal(SIGTERM, SIG_DFL);
        std::signal(SIGINT, SIG_DFL);
    }
    delete m_notifier;
    if (g_signalPipe[0] != -1) {
        ::close(g_signalPipe[0]);
        ::close(g_signalPipe[1]);
        g_signalPipe[0] = g_signalPipe[1] = -1;
    }
}

#elif defined(Q_OS_WIN)

namespace {

ShutdownSignals *g_instance = nullptr;

BOOL WINAPI onConsoleEvent(DWORD)
{
    // Runs on a thread of its own: hand over to the main thread.
    if (g_instance)
        QMetaObject::invokeMethod(
            g_instance, [] { Q_EMIT g_instance->shutdownRequested(u"console close"_s); }, Qt::QueuedConnection);
    return TRUE;
}

}  // namespace

ShutdownSignals::ShutdownSignals(QObject *parent) : QObject(parent)
{
    if (g_instance)
        return;
    g_instance = this;
    m_installed = SetConsoleCtrlHandler(onConsoleEvent, TRUE) != 0;
}

ShutdownSignals::~ShutdownSignals()
{
    if (m_installed)
        SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    if (g_instance == this)
        g_instance = nullptr;
}

#else

ShutdownSignals::ShutdownSignals(QObject *parent) : QObject(parent)
{
}
ShutdownSignals::~ShutdownSignals() = default;

#endif

}  // namespace otrack
