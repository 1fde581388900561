#include "connectionpool.h"

#include "serverdatabase.h"

#include <QHash>
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
}

ConnectionPool::~ConnectionPool()
{
    m_threads.waitForDone();
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
        found = connections.insert(m_poolId, std::shared_ptr<ServerDatabase>(std::move(opened.value())));
    }
    return found.value()->connection();
}

}  // namespace otrack
