#include "outboxpush.h"

#include <QDateTime>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// The WHERE clause of one cell, parameters ?1 pupil, ?2 term, ?3 objective.
constexpr std::string_view kCell = " pupil_id = ?1 AND term_id = ?2 AND objective_id = ?3";

std::string sql(std::string_view head, std::string_view tail = {})
{
    return std::string(head) + std::string(kCell) + std::string(tail);
}

Query &bindCell(Query &q, const PushOp &op)
{
    return q.bind(1, op.pupilId).bind(2, op.termId).bind(3, op.objectiveId);
}

}  // namespace

OutboxPush::OutboxPush(Database &db, QString schoolId, QString userId)
    : m_db(db), m_schoolId(std::move(schoolId)), m_userId(std::move(userId))
{
}

Result<QList<PushOp>> OutboxPush::nextBatch(int limit)
{
    auto q = m_db.prepare("SELECT o.op_id, o.pupil_id, o.objective_id, o.term_id, o.value, o.note, o.base_version, "
                          "o.created_at FROM outbox o WHERE o.school_id = ?1 AND o.seq = (SELECT min(i.seq) FROM "
                          "outbox i WHERE i.pupil_id = o.pupil_id AND i.term_id = o.term_id AND "
                          "i.objective_id = o.objective_id) ORDER BY o.seq LIMIT ?2");
    if (!q)
        return q.error();
    q->bind(1, m_schoolId).bind(2, limit);
    return q->collect([](const Query &row) {
        PushOp op;
        op.opId = row.text(0);
        op.pupilId = row.text(1);
        op.objectiveId = row.text(2);
        op.termId = row.text(3);
        op.value = row.optionalText(4);
        op.note = row.text(5);
        op.baseVersion = row.int64(6);
        op.clientTime = QDateTime::fromString(row.text(7), Qt::ISODateWithMs).toMSecsSinceEpoch();
        return op;
    });
}

Result<PushSummary> OutboxPush::apply(const QList<PushOp> &sent, const PushResponse &response)
{
    if (response.results.size() != sent.size())
        return Error{ErrorCode::InvalidArgument,
                     u"the push answer has %1 results for %2 ops"_s.arg(response.results.size()).arg(sent.size())};
    for (qsizetype i = 0; i < sent.size(); ++i) {
        if (response.results.at(i).opId != sent.at(i).opId)
            return Error{ErrorCode::InvalidArgument, u"push result %1 is for another op"_s.arg(i)};
    }

    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    PushSummary summary;
    for (qsizetype i = 0; i < sent.size(); ++i) {
        const PushOp &op = sent.at(i);
        const PushResult &result = response.results.at(i);
        Status done;
        switch (result.effectiveOutcome()) {
        case PushOutcome::Applied:
        case PushOutcome::Merged:
        case PushOutcome::Duplicate:  // never effective: a duplicate carries its original
            done = applied(op, result.version);
            ++summary.applied;
            break;
        case PushOutcome::Conflict:
            if (!result.server)
                return Error{ErrorCode::InvalidArgument, u"a conflict result without the server's cell"_s};
            done = conflict(op, *result.server);
            ++summary.conflicts;
            break;
        case PushOutcome::Rejected:
            // Nothing was recorded on the server: the same op can go again once the school's
            // terms are signed, so it stays queued.
            if (result.reason == QLatin1StringView(rejection::kSchoolNotActive)) {
                auto q = m_db.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE op_id = ?1");
                if (!q)
                    return q.error();
                done = q->bind(1, op.opId).bind(2, result.reason).run();
                ++summary.held;
            } else {
                done = rejected(op, result);
                ++summary.rejected;
            }
            break;
        }
        if (!done)
            return done.error();
    }
    if (auto committed = tx.value()->commit(); !committed)
        return committed.error();
    return summary;
}

Status OutboxPush::applied(const PushOp &op, qint64 version)
{
    auto remove = m_db.prepare("DELETE FROM outbox WHERE op_id = ?1");
    if (!remove)
        return remove.error();
    if (auto removed = remove->bind(1, op.opId).run(); !removed)
        return removed;
    // The cell's later edits go out on the version this one made.
    auto rebase = m_db.prepare(sql("UPDATE outbox SET base_version = ?4 WHERE"));
    if (!rebase)
        return rebase.error();
    if (auto rebased = bindCell(*rebase, op).bind(4, version).run(); !rebased)
        return rebased;
    auto mark = m_db.prepare(sql("UPDATE marks SET server_version = ?4 WHERE", " AND server_version < ?4"));
    if (!mark)
        return mark.error();
    return bindCell(*mark, op).bind(4, version).run();
}

Status OutboxPush::conflict(const PushOp &op, const ServerMark &server)
{
    // The teacher's last edit of the cell is what they meant; every queued edit of the cell
    // lost to the server's value, so they all become this one conflict.
    QString opId = op.opId;
    std::optional<QString> value = op.value;
    QString note = op.note;
    QString localTime = QDateTime::fromMSecsSinceEpoch(op.clientTime, Qt::UTC).toString(Qt::ISODateWithMs);
    {
        auto last = m_db.prepare(sql("SELECT op_id, value, note, created_at FROM outbox WHERE", " ORDER BY seq DESC"));
        if (!last)
            return last.error();
        bindCell(*last, op);
        auto row = last->next();
        if (!row)
            return row.error();
        if (row.value()) {
            opId = last->text(0);
            value = last->optionalText(1);
            note = last->text(2);
            localTime = last->text(3);
        }
    }
    for (std::string_view table : {"DELETE FROM outbox WHERE", "DELETE FROM conflicts WHERE"}) {
        auto remove = m_db.prepare(sql(table));
        if (!remove)
            return remove.error();
        if (auto removed = bindCell(*remove, op).run(); !removed)
            return removed;
    }
    auto insert = m_db.prepare(
        "INSERT INTO conflicts (pupil_id, term_id, objective_id, id, school_id, op_id, local_value, local_note, "
        "local_author_id, local_time, base_version, server_value, server_note, server_author_id, server_time, "
        "server_version, detected_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
        "?17)");
    if (!insert)
        return insert.error();
    bindCell(*insert, op).bind(4, QUuid::createUuid().toString(QUuid::WithoutBraces)).bind(5, m_schoolId);
    insert->bind(6, opId).bind(7, value).bind(8, note).bind(9, m_userId).bind(10, localTime);
    insert->bind(11, op.baseVersion).bind(12, server.value).bind(13, server.note).bind(14, server.authorId);
    insert->bind(15, server.serverTime).bind(16, server.version).bind(17, nowUtc());
    return insert->run();
}

Status OutboxPush::rejected(const PushOp &op, const PushResult &result)
{
    auto insert = m_db.prepare(
        "INSERT INTO rejections (pupil_id, term_id, objective_id, op_id, school_id, value, note, base_version, "
        "created_at, reason, detail, rejected_at) SELECT pupil_id, term_id, objective_id, op_id, school_id, value, "
        "note, base_version, created_at, ?2, ?3, ?4 FROM outbox WHERE op_id = ?1");
    if (!insert)
        return insert.error();
    if (auto inserted = insert->bind(1, op.opId).bind(2, result.reason).bind(3, result.detail).bind(4, nowUtc()).run();
        !inserted)
        return inserted;
    auto remove = m_db.prepare("DELETE FROM outbox WHERE op_id = ?1");
    if (!remove)
        return remove.error();
    return remove->bind(1, op.opId).run();
}

}  // namespace otrack
