#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace otrack {

class ConnectionPool;

// The retention job of `otrack-server serve` (docs/data.md, Retention): every `interval` it
// applies each active school's retention rule (PupilRetention::applyAll) on a pool thread, so
// requests are not held up. The first run comes a minute after start (sooner for a shorter
// interval), so a server that is restarted more often than `interval` still runs it. A run
// still going when the next is due is not doubled. Several instances over one database may
// all run it: erasing an erased pupil changes nothing.
class RetentionScheduler : public QObject {
    Q_OBJECT

public:
    RetentionScheduler(ConnectionPool &pool, std::chrono::seconds interval, QObject *parent = nullptr);

signals:
    // After each run: the pupils erased in it (0 when none were due, or the run failed).
    void ran(int erased);

private:
    void runOnce();

    ConnectionPool &m_pool;
    QTimer m_timer;
    std::chrono::milliseconds m_interval;
    bool m_running = false;
};

}  // namespace otrack
