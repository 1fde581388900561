#include "termlocks.h"

namespace otrack {

TermLocks::TermLocks(Database &db, QString schoolId, QString actorId, Role role)
    : m_db(db), m_schoolId(std::move(schoolId)), m_actorId(std::move(actorId)), m_role(role)
{
}

Status TermLocks::setLocked(const QString &termId, bool locked)
{
    if (!mayLock(m_role))
        return Error{ErrorCode::Forbidden, QStringLiteral("only a data manager or the owner may lock a term")};
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    {
        auto q = m_db.prepare("SELECT locked FROM terms WHERE id = ?1 AND school_id = ?2");
        if (!q)
            return q.error();
        auto row = q->bind(1, termId).bind(2, m_schoolId).next();
        if (!row)
            return row.error();
        if (!row.value())
            return Error{ErrorCode::NotFound, QStringLiteral("no such term")};
        if ((q->int64(0) != 0) == locked)
            return {};
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    auto update = m_db.prepare("UPDATE terms SET locked = ?2 WHERE id = ?1");
    if (!update)
        return update.error();
    if (auto ran = update->bind(1, termId).bind(2, locked).run(); !ran)
        return ran;
    // One request per term: a lock then an unlock before any sync leaves the latest wish.
    auto clear = m_db.prepare("DELETE FROM term_lock_requests WHERE term_id = ?1");
    if (!clear)
        return clear.error();
    if (auto ran = clear->bind(1, termId).run(); !ran)
        return ran;
    auto request = m_db.prepare("INSERT INTO term_lock_requests (term_id, school_id, locked, requested_by, "
                                "requested_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!request)
        return request.error();
    if (auto ran = request->bind(1, termId).bind(2, m_schoolId).bind(3, locked).bind(4, m_actorId).bind(5, now).run();
        !ran)
        return ran;
    auto audit = m_db.prepare("INSERT INTO audit_events (school_id, actor_id, action, entity, entity_id, before, "
                              "after, at) VALUES (?1, ?2, ?3, 'term', ?4, ?5, ?6, ?7)");
    if (!audit)
        return audit.error();
    const QString lockedJson = QStringLiteral("{\"locked\":true}");
    const QString unlockedJson = QStringLiteral("{\"locked\":false}");
    audit->bind(1, m_schoolId).bind(2, m_actorId).bind(3, locked ? u"term.lock" : u"term.unlock").bind(4, termId);
    audit->bind(5, locked ? unlockedJson : lockedJson).bind(6, locked ? lockedJson : unlockedJson).bind(7, now);
    if (auto ran = audit->run(); !ran)
        return ran;
    return tx.value()->commit();
}

Result<QList<TermLockRequest>> TermLocks::pending()
{
    auto q = m_db.prepare("SELECT term_id, locked, requested_by, requested_at FROM term_lock_requests "
                          "WHERE school_id = ?1 ORDER BY requested_at, term_id");
    if (!q)
        return q.error();
    q->bind(1, m_schoolId);
    return q->collect([](const Query &row) {
        return TermLockRequest{row.text(0), row.int64(1) != 0, row.text(2),
                               QDateTime::fromString(row.text(3), Qt::ISODateWithMs)};
    });
}

}  // namespace otrack
