#pragma once

#include "result.h"
#include "serverdatabase.h"

#include <QSqlDatabase>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace otrack {

// The one writer of pushes to a SQLite store: a thread with its own connection that runs
// every push waiting at a given moment in one transaction (group commit).
//
// SQLite lets one connection write at a time, and what a write costs is mostly its commit
// (the changed pages written to the WAL) and pages read again: each connection's page cache is
// emptied whenever another connection commits. One writer keeps its cache warm, and a group of
// pushes shares one commit, in which the pages they have in common (the tables' last pages,
// a class's pupils) are written once.
//
// The writer also checkpoints the WAL, between groups (kCheckpointInterval, or when idle). A
// checkpoint that runs beside a stream of commits never catches up with them, and the WAL only
// starts again from its beginning once a checkpoint has copied all of it: run elsewhere, it
// lets the WAL grow by every write (to hundreds of MB under load, each frame a new block of
// the file). Here no commit runs during it, so it completes and the WAL stays small.
//
// Each job runs in its own savepoint: a job that fails is rolled back alone and the others
// commit. If the commit itself fails, every job of the group is told so; nothing of the group
// was written, and each caller answers that the request may be retried.
class SqliteWriter {
public:
    using Job = std::function<Status(QSqlDatabase)>;
    using Opener = std::function<Result<std::unique_ptr<ServerDatabase>>()>;

    // `open` makes the writer's connection, on the writer's thread.
    explicit SqliteWriter(Opener open);
    // Runs the jobs already queued, then stops.
    ~SqliteWriter();
    SqliteWriter(const SqliteWriter &) = delete;
    SqliteWriter &operator=(const SqliteWriter &) = delete;

    // Runs `job` on the writer's connection inside its transaction, and returns once that
    // transaction has committed: the job's own failure, the commit's, or success.
    Status run(Job job);

    // Whether the writer has its connection and so checkpoints the WAL: until then (or if it
    // never gets one) other connections keep SQLite's automatic checkpoints.
    bool checkpoints() const { return m_checkpointing; }

    // Jobs waiting for the next transaction (not counting the group being written).
    std::size_t queueLength();

    // At most this many jobs share a transaction, so that one group's wait stays short.
    static constexpr int kMaxGroup = 64;
    // How often the writer checkpoints, busy or idle.
    static constexpr std::chrono::milliseconds kCheckpointInterval{100};

private:
    struct Pending {
        Job job;
        Status result;
        bool done = false;
    };

    void loop();
    void runGroup(QSqlDatabase db, const std::deque<Pending *> &group);
    Status openIfNeeded();
    void checkpoint();

    Opener m_open;
    std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_finished;
    std::deque<Pending *> m_queue;
    bool m_stopping = false;
    std::unique_ptr<ServerDatabase> m_database;  // used on the writer's thread only
    std::atomic<bool> m_checkpointing{false};
    std::thread m_thread;
};

}  // namespace otrack
