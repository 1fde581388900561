#include "conflictstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString snapshot(const std::optional<QString> &value, const QString &note)
{
    QJsonObject json{{u"value"_s, value ? QJsonValue(*value) : QJsonValue()}};
    if (!note.isEmpty())
        json.insert(u"note"_s, note);
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

constexpr std::string_view kConflictColumns
    = "id, pupil_id, objective_id, term_id, op_id, local_value, local_note, local_author_id, local_time, "
      "base_version, server_value, server_note, server_author_id, server_time, server_version FROM conflicts";

MarkConflict conflictFrom(const Query &q)
{
    MarkConflict c;
    c.id = q.text(0);
    c.key = {q.text(1), q.text(2), q.text(3)};
    c.opId = q.text(4);
    c.localValue = q.optionalText(5);
    c.localNote = q.text(6);
    c.localAuthorId = q.text(7);
    c.localTime = QDateTime::fromString(q.text(8), Qt::ISODateWithMs);
    c.baseVersion = q.int64(9);
    c.serverValue = q.optionalText(10);
    c.serverNote = q.text(11);
    c.serverAuthorId = q.text(12);
    c.serverTime = QDateTime::fromMSecsSinceEpoch(q.int64(13), Qt::UTC);
    c.serverVersion = q.int64(14);
    return c;
}

}  // namespace

ConflictStore::ConflictStore(Database &db, QString schoolId, QString actorId)
    : m_db(db), m_schoolId(std::move(schoolId)), m_actorId(std::move(actorId))
{
}

Result<QList<MarkConflict>> ConflictStore::conflicts()
{
    auto q = m_db.prepare("SELECT " + std::string(kConflictColumns) + " WHERE school_id = ?1 ORDER BY detected_at, id");
    if (!q)
        return q.error();
    q->bind(1, m_schoolId);
    return q->collect(conflictFrom);
}

Result<qint64> ConflictStore::conflictCount()
{
    auto q = m_db.prepare("SELECT count(*) FROM conflicts WHERE school_id = ?1");
    if (!q)
        return q.error();
    auto row = q->bind(1, m_schoolId).next();
    if (!row)
        return row.error();
    return q->int64(0);
}

Result<QList<MarkRejection>> ConflictStore::rejections()
{
    auto q = m_db.prepare("SELECT op_id, pupil_id, objective_id, term_id, value, note, reason, detail, rejected_at "
                          "FROM rejections WHERE school_id = ?1 ORDER BY seq");
    if (!q)
        return q.error();
    q->bind(1, m_schoolId);
    return q->collect([](const Query &row) {
        return MarkRejection{row.text(0),
                             {row.text(1), row.text(2), row.text(3)},
                             row.optionalText(4),
                             row.text(5),
                             row.text(6),
                             row.text(7),
                             QDateTime::fromString(row.text(8), Qt::ISODateWithMs)};
    });
}

Status ConflictStore::resolve(const QString &conflictId, Choice choice)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    MarkConflict c;
    {
        auto q = m_db.prepare("SELECT " + std::string(kConflictColumns) + " WHERE id = ?1 AND school_id = ?2");
        if (!q)
            return q.error();
        auto row = q->bind(1, conflictId).bind(2, m_schoolId).next();
        if (!row)
            return row.error();
        if (!row.value())
            return Error{ErrorCode::NotFound, u"no such conflict"_s};
        c = conflictFrom(q.value());
    }
    const bool mine = choice == Choice::KeepMine;
    const std::optional<QString> &value = mine ? c.localValue : c.serverValue;
    const QString &note = mine ? c.localNote : c.serverNote;
    const QString &author = mine ? m_actorId : c.serverAuthorId;
    const QString now = nowUtc();

    // The cell shows the chosen value and now stands on the server's version.
    auto update = m_db.prepare("UPDATE marks SET value = ?4, note = ?5, author_id = ?6, updated_at = ?7, "
                               "server_version = ?8 WHERE pupil_id = ?1 AND term_id = ?2 AND objective_id = ?3");
    if (!update)
        return update.error();
    update->bind(1, c.key.pupilId).bind(2, c.key.termId).bind(3, c.key.objectiveId).bind(4, value).bind(5, note);
    if (auto updated = update->bind(6, author).bind(7, now).bind(8, c.serverVersion).run(); !updated)
        return updated;
    if (m_db.changes() == 0) {
        auto insert
            = m_db.prepare("INSERT INTO marks (pupil_id, term_id, objective_id, value, note, author_id, "
                           "updated_at, server_version, school_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        if (!insert)
            return insert.error();
        insert->bind(1, c.key.pupilId).bind(2, c.key.termId).bind(3, c.key.objectiveId).bind(4, value);
        insert->bind(5, note).bind(6, author).bind(7, now).bind(8, c.serverVersion).bind(9, m_schoolId);
        if (auto inserted = insert->run(); !inserted)
            return inserted;
    }
    if (mine) {
        auto queue
            = m_db.prepare("INSERT INTO outbox (op_id, school_id, kind, pupil_id, term_id, objective_id, value, "
                           "note, base_version, created_at) VALUES (?1, ?2, 'mark', ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        if (!queue)
            return queue.error();
        queue->bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces)).bind(2, m_schoolId);
        queue->bind(3, c.key.pupilId).bind(4, c.key.termId).bind(5, c.key.objectiveId).bind(6, value);
        if (auto queued = queue->bind(7, note).bind(8, c.serverVersion).bind(9, now).run(); !queued)
            return queued;
    }
    auto audit = m_db.prepare("INSERT INTO audit_events (school_id, actor_id, action, entity, entity_id, before, "
                              "after, at) VALUES (?1, ?2, ?3, 'mark', ?4, ?5, ?6, ?7)");
    if (!audit)
        return audit.error();
    audit->bind(1, m_schoolId)
        .bind(2, m_actorId)
        .bind(3, mine ? u"mark.conflict.keep_mine" : u"mark.conflict.take_theirs");
    audit->bind(4, c.key.pupilId + u'/' + c.key.termId + u'/' + c.key.objectiveId);
    audit->bind(5, snapshot(mine ? c.serverValue : c.localValue, mine ? c.serverNote : c.localNote));
    if (auto audited = audit->bind(6, snapshot(value, note)).bind(7, now).run(); !audited)
        return audited;
    auto remove = m_db.prepare("DELETE FROM conflicts WHERE id = ?1");
    if (!remove)
        return remove.error();
    if (auto removed = remove->bind(1, conflictId).run(); !removed)
        return removed;
    return tx.value()->commit();
}

}  // namespace otrack
