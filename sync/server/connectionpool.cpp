#include "connectionpool.h"

#include "logging.h"
#include "serverdatabase.h"

#include <QHash>
#include <QSqlQuery>
#include <QThread>
#include <QThreadStorage>

#include <memory>

using namespace Qt::StringLiterals;

namespace otrack {

std::atomic<int> ConnectionPool::s_nextPoolId{1};

namespace {

// One open connection per (thread, pool); QThreadStorage closes them when the thread ends.
QThreadStorage<QHash<int, std::shared_ptr<ServerDatabase>> *> t_connections;

}  // namespace

ConnectionPool::ConnectionPool(DatabaseUrl url, int threads) : m_url(std::move(url)), m_poolId(s_nextPoolId++)
{
    m_threads.setMaxThreadCount(threads);
    // Threads (and their connections) live as long as the pool: reconnecting is slow.
    m_threads.setExpiryTimeout(-1);
    if (m_url.kind() == DatabaseUrl::Kind::Sqlite) {
        m_checkpointer = std::thread([this] { checkpointLoop(); });
        m_writer = std::make_unique<SqliteWriter>([this]() -> Result<std::unique_ptr<ServerDatabase>> {
            auto opened = open(u"otrack-pool-%1-writer"_s.arg(m_poolId));
            if (!opened)
                return opened;
            // The writer's cache stays warm (no other connection writes pushes), so it may
            // hold most of a large school's hot pages.
            QSqlQuery cache(opened.value()->connection());
            if (!cache.exec(u"PRAGMA cache_size=-262144"_s))
                return sqlError(cache.lastError(), u"sizing the writer's cache"_s);
            return opened;
        });
    }
}

ConnectionPool::~ConnectionPool()
{
    m_threads.waitForDone();
    m_writer.reset();
    if (m_checkpointer.joinable()) {
        {
            std::lock_guard lock(m_stopMutex);
            m_stopping = true;
        }
        m_stopRequested.notify_all();
        m_checkpointer.join();
    }
}

void ConnectionPool::checkpointLoop()
{
    {
        auto opened = ServerDatabase::open(m_url, u"otrack-pool-%1-checkpointer"_s.arg(m_poolId));
        if (!opened) {
            qCWarning(lcServer) << "no checkpointer connection; requests checkpoint the WAL themselves:"
                                << opened.error().message;
            return;
        }
        QSqlDatabase db = opened.value()->connection();
        m_checkpointing = true;
        std::unique_lock lock(m_stopMutex);
        while (!m_stopRequested.wait_for(lock, std::chrono::milliseconds(kCheckpointIntervalMs),
                                         [this] { return m_stopping; })) {
            lock.unlock();
            // PASSIVE copies what no reader still needs and never waits for anyone; when
            // nothing is new it only reads the WAL index. A failure is retried next time.
            QSqlQuery checkpoint(db);
            if (!checkpoint.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s))
                qCWarning(lcServer) << "WAL checkpoint failed:" << checkpoint.lastError().text();
            lock.lock();
        }
    }
}

Result<std::unique_ptr<ServerDatabase>> ConnectionPool::open(const QString &name)
{
    auto opened = ServerDatabase::open(m_url, name);
    if (!opened)
        return opened;
    if (m_checkpointing) {
        QSqlQuery off(opened.value()->connection());
        if (!off.exec(u"PRAGMA wal_autocheckpoint=0"_s))
            return sqlError(off.lastError(), u"handing checkpoints to the checkpointer"_s);
    }
    return opened;
}

Result<QSqlDatabase> ConnectionPool::connection()
{
    if (!t_connections.hasLocalData())
        t_connections.setLocalData(new QHash<int, std::shared_ptr<ServerDatabase>>());
    auto &connections = *t_connections.localData();
    auto found = connections.find(m_poolId);
    if (found == connections.end()) {
        auto opened = open(
            u"otrack-pool-%1-thread-%2"_s.arg(m_poolId).arg(reinterpret_cast<quintptr>(QThread::currentThreadId())));
        if (!opened)
            return opened.error();
        found = connections.insert(m_poolId, std::shared_ptr<ServerDatabase>(std::move(opened.value())));
    }
    return found.value()->connection();
}

}  // namespace otrack
