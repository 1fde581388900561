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

ConnectionPool::ConnectionPool(DatabaseUrl url, int threads)
    : m_url(std::move(url)), m_poolId(s_nextPoolId++), m_replies(std::make_unique<QObject>())
{
    m_threads.setMaxThreadCount(threads);
    // Threads (and their connections) live as long as the pool: reconnecting is slow.
    m_threads.setExpiryTimeout(-1);
    if (m_url.kind() == DatabaseUrl::Kind::Sqlite) {
        m_writer = std::make_unique<SqliteWriter>([this]() -> Result<std::unique_ptr<ServerDatabase>> {
            auto opened = ServerDatabase::open(m_url, u"otrack-pool-%1-writer"_s.arg(m_poolId));
            if (!opened)
                return opened;
            // The writer's cache stays warm (no other connection writes pushes), so it may
            // hold most of a large school's hot pages. It checkpoints between its groups.
            QSqlQuery pragma(opened.value()->connection());
            for (const QString &sql : {u"PRAGMA cache_size=-262144"_s, u"PRAGMA wal_autocheckpoint=0"_s})
                if (!pragma.exec(sql))
                    return sqlError(pragma.lastError(), u"configuring the writer"_s);
            return opened;
        });
    }
}

ConnectionPool::~ConnectionPool()
{
    m_threads.waitForDone();
    m_writer.reset();
}

Result<std::unique_ptr<ServerDatabase>> ConnectionPool::open(const QString &name)
{
    auto opened = ServerDatabase::open(m_url, name);
    if (!opened)
        return opened;
    if (m_writer && m_writer->checkpoints()) {
        QSqlQuery off(opened.value()->connection());
        if (!off.exec(u"PRAGMA wal_autocheckpoint=0"_s))
            return sqlError(off.lastError(), u"handing checkpoints to the writer"_s);
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
