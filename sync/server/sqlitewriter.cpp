#include "sqlitewriter.h"

#include "logging.h"
#include "statementcache.h"
#include "writetransaction.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace otrack {

SqliteWriter::SqliteWriter(Opener open) : m_open(std::move(open))
{
    m_thread = std::thread([this] { loop(); });
}

SqliteWriter::~SqliteWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_work.notify_all();
    m_thread.join();
}

Status SqliteWriter::run(Job job)
{
    Pending pending{std::move(job), {}, false};
    std::unique_lock lock(m_mutex);
    if (m_stopping)
        return Error{ErrorCode::Busy, u"the server is stopping"_s};
    m_queue.push_back(&pending);
    m_work.notify_one();
    m_finished.wait(lock, [&] { return pending.done; });
    return pending.result;
}

std::size_t SqliteWriter::queueLength()
{
    std::lock_guard lock(m_mutex);
    return m_queue.size();
}

Status SqliteWriter::openIfNeeded()
{
    if (m_database)
        return {};
    auto opened = m_open();
    if (!opened)
        return opened.error();
    m_database = std::move(opened.value());
    m_checkpointing = true;
    return {};
}

void SqliteWriter::checkpoint()
{
    // PASSIVE never waits: what a reader still needs is copied next time.
    QSqlQuery query(m_database->connection());
    if (!query.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s))
        qCWarning(lcServer) << "WAL checkpoint failed:" << query.lastError().text();
}

void SqliteWriter::loop()
{
    // Opened at once, so that checkpoints run before the first push; and again at the next
    // group after a failure, so that a store briefly unavailable does not leave the server
    // without a writer.
    if (Status opened = openIfNeeded(); !opened)
        qCWarning(lcServer) << "the writer cannot open the store yet:" << opened.error().message;
    auto lastCheckpoint = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    while (true) {
        m_work.wait_for(lock, kCheckpointInterval, [this] { return m_stopping || !m_queue.empty(); });
        if (m_stopping && m_queue.empty())
            break;
        if (!m_queue.empty()) {
            std::deque<Pending *> group;
            while (!m_queue.empty() && group.size() < std::size_t(kMaxGroup)) {
                group.push_back(m_queue.front());
                m_queue.pop_front();
            }
            lock.unlock();
            if (Status opened = openIfNeeded(); !opened) {
                for (Pending *pending : group)
                    pending->result = opened.error();
            } else {
                runGroup(m_database->connection(), group);
            }
            lock.lock();
            for (Pending *pending : group)
                pending->done = true;
            m_finished.notify_all();
        }
        // After the group's callers are released, so that no push waits for it.
        if (m_database && std::chrono::steady_clock::now() - lastCheckpoint >= kCheckpointInterval) {
            lock.unlock();
            checkpoint();
            lastCheckpoint = std::chrono::steady_clock::now();
            lock.lock();
        }
    }
    lock.unlock();
    m_database.reset();  // on this thread, which opened it
}

void SqliteWriter::runGroup(QSqlDatabase db, const std::deque<Pending *> &group)
{
    WriteTransaction transaction(db);
    if (Status begun = transaction.begin(u"a group of pushes"_s); !begun) {
        for (Pending *pending : group)
            pending->result = begun.error();
        return;
    }
    auto statement = [&](const QString &sql) -> Status {
        auto query = StatementCache::get(db, sql);
        if (!query)
            return query.error();
        if (!(*query)->exec())
            return sqlError((*query)->lastError(), sql);
        (*query)->finish();
        return {};
    };
    for (Pending *pending : group) {
        if (Status saved = statement(u"SAVEPOINT push"_s); !saved) {
            pending->result = saved.error();
            continue;
        }
        pending->result = pending->job(db);
        if (!pending->result) {
            if (Status undone = statement(u"ROLLBACK TO push"_s); !undone) {
                // The transaction is in an unknown state: give up the whole group.
                qCWarning(lcServer) << "a failed push could not be rolled back:" << undone.error().message;
                for (Pending *other : group)
                    if (other->result)
                        other->result = undone.error();
                return;
            }
        }
        if (Status released = statement(u"RELEASE push"_s); !released && pending->result)
            pending->result = released.error();
    }
    if (Status committed = transaction.commit(); !committed)
        for (Pending *pending : group)
            if (pending->result)
                pending->result = committed.error();
}

}  // namespace otrack
