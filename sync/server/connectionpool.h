#pragma once

#include "databaseurl.h"
#include "result.h"
#include "serverdatabase.h"
#include "sqlitewriter.h"

#include <QFuture>
#include <QSqlDatabase>
#include <QtConcurrent/QtConcurrentRun>
#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace otrack {

// Qt HTTP Server 6.4 runs every handler on the main thread, so a handler that waited on the
// database would stall every other client. Handlers hand their database work to this pool
// and return a QFuture; each pool thread has its own QtSql connection (a QSqlDatabase may
// only be used on the thread that opened it), opened on first use and kept while the
// thread lives.
//
// On SQLite the pool also has the store's one writer of pushes (sqlitewriter.h), and the pool's
// connections do not checkpoint the WAL themselves (by default the commit
// that crosses 1,000 WAL pages copies them into the database and syncs it, tens of
// milliseconds on that request): a background thread of the pool runs PASSIVE checkpoints
// instead, which never block readers or writers.
class ConnectionPool {
public:
    ConnectionPool(DatabaseUrl url, int threads);
    ~ConnectionPool();

    const DatabaseUrl &url() const { return m_url; }

    // The calling thread's connection. Call only from a pool thread (or a test's own thread).
    Result<QSqlDatabase> connection();
    // SQLite: the writer that every push goes through. PostgreSQL: null (pushes write on their
    // own connections; the database orders them).
    SqliteWriter *writer() { return m_writer.get(); }

    // Runs `work(QSqlDatabase)` on a pool thread; `failed(Error)` answers when no connection
    // can be had.
    template <typename Work, typename Failed>
    auto run(Work work, Failed failed) -> QFuture<decltype(work(std::declval<QSqlDatabase>()))>
    {
        return QtConcurrent::run(&m_threads, [this, work = std::move(work), failed = std::move(failed)]() {
            auto db = connection();
            return db ? work(db.value()) : failed(db.error());
        });
    }

    void waitForDone() { m_threads.waitForDone(); }

    // How often the SQLite checkpointer runs.
    static constexpr int kCheckpointIntervalMs = 100;

private:
    void checkpointLoop();
    Result<std::unique_ptr<ServerDatabase>> open(const QString &name);

    DatabaseUrl m_url;
    QThreadPool m_threads;
    const int m_poolId;
    static std::atomic<int> s_nextPoolId;

    // Set once the checkpointer has its connection: until then (or if it never gets one)
    // connections keep SQLite's own automatic checkpoints, so the WAL cannot grow unchecked.
    std::atomic<bool> m_checkpointing{false};
    std::mutex m_stopMutex;
    std::condition_variable m_stopRequested;
    bool m_stopping = false;
    std::thread m_checkpointer;
    std::unique_ptr<SqliteWriter> m_writer;
};

}  // namespace otrack
