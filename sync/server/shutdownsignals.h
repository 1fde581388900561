#pragma once

#include <QObject>

class QSocketNotifier;

namespace otrack {

// Turns SIGTERM and SIGINT (Ctrl+C, or the console close events on Windows) into a Qt signal
// delivered on the main thread, so the server stops its listeners and closes its database
// cleanly. The POSIX handler only writes one byte to a socket pair (async-signal-safe).
// One instance per process.
class ShutdownSignals : public QObject {
    Q_OBJECT

public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

    bool isInstalled() const { return m_installed; }

Q_SIGNALS:
    // `signalName` is "SIGTERM", "SIGINT" or "console close".
    void shutdownRequested(const QString &signalName);

private:
    bool m_installed = false;
    QSocketNotifier *m_notifier = nullptr;
};

}  // namespace otrack
