#pragma once

#include "databaseurl.h"
#include "result.h"
#include "serverdatabase.h"
#include "sqlitewriter.h"

#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QTcpSocket>
#include <QThreadPool>

#include <atomic>
#include <memory>

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

    // Runs `work(QSqlDatabase)` on a pool thread (`failed(Error)` instead when no connection
    // can be had), then `done(result)` on the thread that made the pool, by a queued call to an
    // object that lives as long as the pool.
    template <typename Work, typename Failed, typename Done>
    void run(Work work, Failed failed, Done done)
    {
        m_threads.start([this, work = std::move(work), failed = std::move(failed), done = std::move(done)]() {
            auto db = connection();
            auto result = std::make_shared<decltype(work(std::declval<QSqlDatabase>()))>(db ? work(db.value())
                                                                                            : failed(db.error()));
            QMetaObject::invokeMethod(
                m_replies.get(), [done, result]() { done(std::move(*result)); }, Qt::QueuedConnection);
        });
    }

    // run() for a route: sends the QHttpServerResponse that `work` returns with `responder`,
    // unless the client has gone by then (its socket deleted; checked on the socket's thread).
    //
    // Why not return a QFuture to Qt HTTP Server: 6.4 finishes a future response through a
    // QFuture continuation, and that crashed the server (in QFutureInterfaceBase::reportStarted)
    // when a client's connection was cut while its request was being worked on.
    template <typename Work, typename Failed>
    void respond(QHttpServerResponder &&responder, Work work, Failed failed)
    {
        auto reply = std::make_shared<PendingReply>(std::move(responder));
        run(std::move(work), std::move(failed), [reply](QHttpServerResponse response) {
            if (reply->socket)
                response.write(std::move(reply->responder));
        });
    }

    void waitForDone() { m_threads.waitForDone(); }

private:
    struct PendingReply {
        explicit PendingReply(QHttpServerResponder &&held) : socket(held.socket()), responder(std::move(held)) { }
        QPointer<QTcpSocket> socket;
        QHttpServerResponder responder;
    };

    Result<std::unique_ptr<ServerDatabase>> open(const QString &name);

    DatabaseUrl m_url;
    QThreadPool m_threads;
    const int m_poolId;
    static std::atomic<int> s_nextPoolId;

    std::unique_ptr<SqliteWriter> m_writer;
    // Lives on the thread that made the pool (the handler thread): answers are sent from there.
    std::unique_ptr<QObject> m_replies;
};

}  // namespace otrack
