#pragma once

#include "backoff.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace otrack {

class SyncEngine;

// When the app syncs (docs/sync.md, Scheduling): on a timer, on demand, a little after each
// local edit (debounced, so a burst of typing is one sync), and when the network comes back:
// QNetworkInformation tells where a backend loads; otherwise the retries after a failure are
// the probes. Failures that time may cure (offline, server errors) are retried with
// exponential backoff and jitter; states only a person can change (sign in, upgrade, revoked,
// certificate) wait for the timer or a request.
class SyncScheduler : public QObject {
    Q_OBJECT

public:
    using Duration = std::chrono::milliseconds;

    struct Timing {
        Duration interval = std::chrono::minutes(5);
        Duration debounce = std::chrono::seconds(2);
        Duration retryInitial = std::chrono::seconds(2);
        Duration retryMaximum = std::chrono::minutes(5);
    };

    SyncScheduler(SyncEngine *engine, Timing timing, quint32 seed, QObject *parent = nullptr);

    // Starts the timer, watches the network where Qt can, and syncs once now.
    void start();
    // Syncs now, or right after the sync that is running.
    void requestSync();
    // A teacher saved an edit: sync after the debounce delay.
    void localEditMade();

    // Whether QNetworkInformation loaded a backend that reports reachability.
    bool watchesNetwork() const { return m_watchesNetwork; }
    // The delay of the pending retry, or -1 when none is scheduled (for tests and the UI).
    qint64 retryDelayMs() const { return m_retry.isActive() ? m_retry.interval() : -1; }

private:
    void onFinished();

    SyncEngine *m_engine;
    Timing m_timing;
    Backoff m_backoff;
    QTimer m_periodic;
    QTimer m_debounce;
    QTimer m_retry;
    bool m_again = false;
    bool m_watchesNetwork = false;
};

}  // namespace otrack
