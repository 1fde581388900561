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

namespace otrack {

// Qt HTTP Server 6.4 runs every handler on the main thread, so a handler that waited on the
// database would stall every other client. Handlers hand their database work to this pool
// and return a QFuture; each pool thread has its own QtSql connection (a QSqlDatabase may
// only be used on the thread that opened it), opened on first use and kept while the
// thread lives.
//
// On SQLite the pool also has the store's one writer of pushes (sqlitewriter.h), which also
// checkpoints the WAL for every connection; the pool's connections leave it to the writer
// once it runs (otherwise the commit that crosses 1,000 WAL pages would copy them into the
// database and sync it, tens of milliseconds on that request).
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

private:
    Result<std::unique_ptr<ServerDatabase>> open(const QString &name);

    DatabaseUrl m_url;
    QThreadPool m_threads;
    const int m_poolId;
    static std::atomic<int> s_nextPoolId;

    std::unique_ptr<SqliteWriter> m_writer;
};

}  // namespace otrack
