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
    if (m_url.kind() == DatabaseUrl::Kind::Sqlite)
        m_checkpointer = std::thread([this] { checkpointLoop(); });
}

ConnectionPool::~ConnectionPool()
{
    m_threads.waitForDone();
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

Result<QSqlDatabase> ConnectionPool::connection()
{
    if (!t_connections.hasLocalData())
        t_connections.setLocalData(new QHash<int, std::shared_ptr<ServerDatabase>>());
    auto &connections = *t_connections.localData();
    auto found = connections.find(m_poolId);
    if (found == connections.end()) {
        const QString name
            = u"otrack-pool-%1-thread-%2"_s.arg(m_poolId).arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
        auto opened = ServerDatabase::open(m_url, name);
        if (!opened)
            return opened.error();
        if (m_checkpointing) {
            QSqlQuery off(opened.value()->connection());
            if (!off.exec(u"PRAGMA wal_autocheckpoint=0"_s))
                return sqlError(off.lastError(), u"handing checkpoints to the checkpointer"_s);
        }
        found = connections.insert(m_poolId, std::shared_ptr<ServerDatabase>(std::move(opened.value())));
    }
    return found.value()->connection();
}

}  // namespace otrack
