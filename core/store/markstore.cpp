#include "markstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace otrack {

namespace {

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString cellId(const MarkKey &key)
{
    return key.pupilId + u'/' + key.termId + u'/' + key.objectiveId;
}

QString snapshot(const std::optional<QString> &value, const QString &note)
{
    QJsonObject json{{QStringLiteral("value"), value ? QJsonValue(*value) : QJsonValue()}};
    if (!note.isEmpty())
        json.insert(QStringLiteral("note"), note);
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

Mark markFrom(const Query &q, int first)
{
    Mark m;
    m.key = {q.text(first), q.text(first + 1), q.text(first + 2)};
    m.value = q.optionalText(first + 3);
    m.note = q.text(first + 4);
    m.authorId = q.text(first + 5);
    m.updatedAt = QDateTime::fromString(q.text(first + 6), Qt::ISODateWithMs);
    m.serverVersion = q.int64(first + 7);
    return m;
}

constexpr std::string_view kMarkColumns
    = "m.pupil_id, m.objective_id, m.term_id, m.value, m.note, m.author_id, m.updated_at, m.server_version";

}  // namespace

MarkStore::MarkStore(Database &db, QString schoolId, QString actorId)
    : m_db(db), m_schoolId(std::move(schoolId)), m_actorId(std::move(actorId))
{
}

Result<QString> MarkStore::record(const MarkEdit &edit)
{
    auto ids = recordAll({edit});
    if (!ids)
        return ids.error();
    return ids->constFirst();
}

Result<QList<QString>> MarkStore::recordAll(const QList<MarkEdit> &edits)
{
    auto recorded = recordForUndo(edits);
    if (!recorded)
        return recorded.error();
    QList<QString> opIds;
    opIds.reserve(recorded->size());
    for (const RecordedEdit &r : recorded.value())
        opIds.append(r.opId);
    return opIds;
}

Result<QList<RecordedEdit>> MarkStore::recordForUndo(const QList<MarkEdit> &edits)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    const QString now = nowUtc();
    QList<RecordedEdit> recorded;
    recorded.reserve(edits.size());
    for (const MarkEdit &edit : edits) {
        auto one = recordInTransaction(edit, now);
        if (!one)
            return one.error();
        recorded.append(std::move(one.value()));
    }
    if (auto committed = tx.value()->commit(); !committed)
        return committed.error();
    return recorded;
}

Result<QList<QString>> MarkStore::undo(const QList<RecordedEdit> &edits)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    const QString now = nowUtc();
    QList<QString> queued;
    // Last edit first, as the teacher made them in the other order.
    for (auto it = edits.crbegin(); it != edits.crend(); ++it) {
        if (auto undone = undoInTransaction(*it, now, queued); !undone)
            return undone.error();
    }
    if (auto committed = tx.value()->commit(); !committed)
        return committed.error();
    return queued;
}

Status MarkStore::undoInTransaction(const RecordedEdit &edit, const QString &now, QList<QString> &queued)
{
    const std::optional<QString> oldValue = edit.before ? edit.before->value : std::nullopt;
    const QString oldNote = edit.before ? edit.before->note : QString();
    if (auto valid = validate({edit.key, oldValue, oldNote}); !valid)
        return valid;

    bool stillQueued = false;
    {
        auto q = m_db.prepare("SELECT o.seq = (SELECT max(i.seq) FROM outbox i WHERE i.pupil_id = o.pupil_id AND "
                              "i.term_id = o.term_id AND i.objective_id = o.objective_id) "
                              "FROM outbox o WHERE o.op_id = ?1 AND o.school_id = ?2");
        if (!q)
            return q.error();
        auto row = q->bind(1, edit.opId).bind(2, m_schoolId).next();
        if (!row)
            return row.error();
        stillQueued = row.value() && q->int64(0) != 0;
    }
    if (!stillQueued) {
        auto again = recordInTransaction({edit.key, oldValue, oldNote}, now);
        if (!again)
            return again.error();
        queued.append(again->opId);
        return {};
    }

    auto current = mark(edit.key);
    if (!current)
        return current.error();
    auto remove = m_db.prepare("DELETE FROM outbox WHERE op_id = ?1");
    if (!remove)
        return remove.error();
    if (auto removed = remove->bind(1, edit.opId).run(); !removed)
        return removed;
    // The cell as it was, on the server version it stands on now (an earlier queued edit's
    // answer may have raised it since).
    auto restore = edit.before
        ? m_db.prepare("UPDATE marks SET value = ?4, note = ?5, author_id = ?6, updated_at = ?7 "
                       "WHERE pupil_id = ?1 AND term_id = ?2 AND objective_id = ?3")
        : m_db.prepare("DELETE FROM marks WHERE pupil_id = ?1 AND term_id = ?2 AND objective_id = ?3");
    if (!restore)
        return restore.error();
    restore->bind(1, edit.key.pupilId).bind(2, edit.key.termId).bind(3, edit.key.objectiveId);
    if (edit.before) {
        restore->bind(4, edit.before->value).bind(5, edit.before->note).bind(6, edit.before->authorId);
        restore->bind(7, edit.before->updatedAt.toString(Qt::ISODateWithMs));
    }
    if (auto restored = restore->run(); !restored)
        return restored;
    return audit(edit.key, u"mark.undo", current.value(), edit.before, now);
}

Status MarkStore::audit(const MarkKey &key, const char16_t *action, const std::optional<Mark> &before,
                        const std::optional<Mark> &after, const QString &now)
{
    auto q = m_db.prepare("INSERT INTO audit_events (school_id, actor_id, action, entity, entity_id, before, "
                          "after, at) VALUES (?1, ?2, ?3, 'mark', ?4, ?5, ?6, ?7)");
    if (!q)
        return q.error();
    q->bind(1, m_schoolId).bind(2, m_actorId).bind(3, action).bind(4, cellId(key));
    if (before)
        q->bind(5, snapshot(before->value, before->note));
    if (after)
        q->bind(6, snapshot(after->value, after->note));
    return q->bind(7, now).run();
}

Status MarkStore::validate(const MarkEdit &edit)
{
    auto q = m_db.prepare("SELECT t.locked, f.scale_id, "
                          "       (SELECT count(*) FROM pupils p WHERE p.id = ?1 AND p.school_id = ?4) "
                          "FROM terms t, objectives o JOIN frameworks f ON f.id = o.framework_id "
                          "WHERE t.id = ?2 AND t.school_id = ?4 AND o.id = ?3 AND o.school_id = ?4");
    if (!q)
        return q.error();
    q->bind(1, edit.key.pupilId).bind(2, edit.key.termId).bind(3, edit.key.objectiveId).bind(4, m_schoolId);
    auto row = q->next();
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("unknown term or objective")};
    if (q->int64(2) == 0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("unknown pupil")};
    if (q->int64(0) != 0)
        return Error{ErrorCode::Locked, QStringLiteral("the term is locked")};
    if (!edit.value)
        return {};
    const QString scaleId = q->text(1);
    auto value = m_db.prepare("SELECT 1 FROM scale_values WHERE scale_id = ?1 AND code = ?2");
    if (!value)
        return value.error();
    auto found = value->bind(1, scaleId).bind(2, *edit.value).next();
    if (!found)
        return found.error();
    if (!found.value())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the value is not on this objective's scale")};
    return {};
}

Result<RecordedEdit> MarkStore::recordInTransaction(const MarkEdit &edit, const QString &now)
{
    if (auto valid = validate(edit); !valid)
        return valid.error();

    auto before = mark(edit.key);
    if (!before)
        return before.error();
    const bool exists = before->has_value();
    const qint64 baseVersion = exists ? before.value()->serverVersion : 0;

    {
        auto q = exists ? m_db.prepare("UPDATE marks SET value = ?4, note = ?5, author_id = ?6, updated_at = ?7 "
                                       "WHERE pupil_id = ?1 AND term_id = ?2 AND objective_id = ?3")
                        : m_db.prepare("INSERT INTO marks (pupil_id, term_id, objective_id, value, note, author_id, "
                                       "updated_at, school_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        if (!q)
            return q.error();
        q->bind(1, edit.key.pupilId).bind(2, edit.key.termId).bind(3, edit.key.objectiveId);
        q->bind(4, edit.value).bind(5, edit.note).bind(6, m_actorId).bind(7, now);
        if (!exists)
            q->bind(8, m_schoolId);
        if (auto ran = q->run(); !ran)
            return ran.error();
    }

    const QString opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        auto q = m_db.prepare("INSERT INTO outbox (op_id, school_id, kind, pupil_id, term_id, objective_id, value, "
                              "note, base_version, created_at) VALUES (?1, ?2, 'mark', ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        if (!q)
            return q.error();
        q->bind(1, opId).bind(2, m_schoolId).bind(3, edit.key.pupilId).bind(4, edit.key.termId);
        q->bind(5, edit.key.objectiveId).bind(6, edit.value).bind(7, edit.note).bind(8, baseVersion).bind(9, now);
        if (auto ran = q->run(); !ran)
            return ran.error();
    }

    Mark after;
    after.key = edit.key;
    after.value = edit.value;
    after.note = edit.note;
    if (auto audited = audit(edit.key, edit.value ? u"mark.set" : u"mark.clear", before.value(), after, now); !audited)
        return audited.error();
    return RecordedEdit{opId, edit.key, before.value()};
}

Result<std::optional<Mark>> MarkStore::mark(const MarkKey &key)
{
    auto q = m_db.prepare(std::string("SELECT ") + std::string(kMarkColumns)
                          + " FROM marks m WHERE m.pupil_id = ?1 AND m.term_id = ?2 AND m.objective_id = ?3"
                            " AND m.school_id = ?4");
    if (!q)
        return q.error();
    q->bind(1, key.pupilId).bind(2, key.termId).bind(3, key.objectiveId).bind(4, m_schoolId);
    auto row = q->next();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<Mark>();
    return std::optional<Mark>(markFrom(q.value(), 0));
}

Result<QList<Mark>> MarkStore::grid(const QString &groupId, const QString &frameworkId, const QString &termId)
{
    auto q = m_db.prepare(std::string("SELECT ") + std::string(kMarkColumns)
                          + " FROM group_members g"
                            " JOIN marks m ON m.pupil_id = g.pupil_id AND m.term_id = ?3"
                            " JOIN objectives o ON o.id = m.objective_id AND o.framework_id = ?2"
                            " WHERE g.group_id = ?1 AND m.school_id = ?4");
    if (!q)
        return q.error();
    q->bind(1, groupId).bind(2, frameworkId).bind(3, termId).bind(4, m_schoolId);
    return q->collect([](const Query &row) { return markFrom(row, 0); });
}

Result<QList<Mark>> MarkStore::pupilMarks(const QString &pupilId, const QString &frameworkId)
{
    auto q = m_db.prepare(std::string("SELECT ") + std::string(kMarkColumns)
                          + " FROM marks m JOIN objectives o ON o.id = m.objective_id"
                            " WHERE m.pupil_id = ?1 AND o.framework_id = ?2 AND m.school_id = ?3");
    if (!q)
        return q.error();
    q->bind(1, pupilId).bind(2, frameworkId).bind(3, m_schoolId);
    return q->collect([](const Query &row) { return markFrom(row, 0); });
}

Result<qint64> MarkStore::pendingCount()
{
    auto q = m_db.prepare("SELECT count(*) FROM outbox WHERE school_id = ?1");
    if (!q)
        return q.error();
    auto row = q->bind(1, m_schoolId).next();
    if (!row)
        return row.error();
    return q->int64(0);
}

Result<QList<OutboxEntry>> MarkStore::pending(int limit)
{
    auto q = m_db.prepare("SELECT seq, op_id, pupil_id, objective_id, term_id, value, note, base_version, created_at "
                          "FROM outbox WHERE school_id = ?1 ORDER BY seq LIMIT ?2");
    if (!q)
        return q.error();
    q->bind(1, m_schoolId).bind(2, limit);
    return q->collect([](const Query &row) {
        return OutboxEntry{row.int64(0),
                           row.text(1),
                           {row.text(2), row.text(3), row.text(4)},
                           row.optionalText(5),
                           row.text(6),
                           row.int64(7),
                           QDateTime::fromString(row.text(8), Qt::ISODateWithMs)};
    });
}

}  // namespace otrack
