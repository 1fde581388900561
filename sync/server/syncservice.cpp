#include "syncservice.h"

#include "writetransaction.h"

#include "logging.h"
#include "serverdatabase.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <optional>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

Status exec(QSqlQuery &query, const QVariantList &values, const QString &context)
{
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // QtSql binds a null QString as SQL NULL, and our text columns are NOT NULL: an empty
        // (or absent) note is ''. A real NULL is passed as an invalid QVariant (nullableText).
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(i, QString(u""_s));
        else
            query.bindValue(i, value);
    }
    if (!query.exec())
        return sqlError(query.lastError(), context);
    return {};
}

Status prepare(QSqlQuery &query, const QString &sql)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(query.lastError(), u"preparing: "_s + sql.left(60));
    return {};
}

QVariant nullableText(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant();
}

std::optional<QString> optionalText(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toString();
}

QJsonValue jsonText(const QVariant &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toString());
}

enum class PupilState { Unknown, Erased, OutOfScope, InScope };

struct ObjectiveInfo {
    bool known = false;
    QSet<QString> codes;
};

struct TermInfo {
    bool known = false;
    bool locked = false;
};

bool writes(Role role)
{
    return role == Role::Owner || role == Role::Admin || role == Role::Teacher;
}

bool seesWholeSchool(Role role)
{
    return role != Role::Teacher;
}

// SQLite lets one connection write at a time. A push that finds the write lock taken would
// wait in SQLite's busy handler, which sleeps 1, 2, 5, 10, 15... ms between tries and so
// misses most of the moments the lock is free: under load the writer sits idle while
// pushes sleep. Pushes in this process queue here instead and start the moment the previous
// one commits. (Writers in other processes, and other writers here, still meet the busy
// timeout; the lock order of syncservice.h is unchanged.)
QMutex &sqliteWriterLock(const QString &databaseFile)
{
    static QMutex guard;
    static std::map<QString, std::unique_ptr<QMutex>> locks;
    QMutexLocker locker(&guard);
    auto &lock = locks[databaseFile];
    if (!lock)
        lock = std::make_unique<QMutex>();
    return *lock;
}

}  // namespace

SyncService::SyncService(QSqlDatabase db) : m_db(std::move(db))
{
}

bool SyncService::isPostgres() const
{
    return m_db.driverName() == u"QPSQL"_s;
}

namespace {

// "(?, ?, ?), (?, ?, ?), ..." for `rows` rows of `columns` placeholders.
QString placeholders(qsizetype rows, int columns)
{
    QString row = u"("_s;
    for (int c = 0; c < columns; ++c)
        row += c == 0 ? u"?"_s : u", ?"_s;
    row += u')';
    QStringList all;
    all.reserve(rows);
    for (qsizetype r = 0; r < rows; ++r)
        all << row;
    return all.join(u", "_s);
}

QString inList(qsizetype count)
{
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        marks << u"?"_s;
    return marks.join(u", "_s);
}

// Runs `sql` once per chunk of `rows` (each a list of `columns` values), with %1 in the SQL
// replaced by the chunk's placeholders; `onRow` sees every result row. Few statements for a
// whole batch: a 500-op push is a handful of round trips, not thousands.
template <typename OnRow>
Status chunked(QSqlDatabase db, const QString &sql, const QList<QVariantList> &rows, int columns, bool tuples,
               const QVariantList &leading, const QString &context, OnRow onRow)
{
    // QtSql slows down badly with thousands of placeholders in one statement; a few dozen rows
    // per statement, the full-size statement prepared once, is the fastest measured here.
    constexpr qsizetype perStatement = 25;
    QSqlQuery full(db);
    bool fullPrepared = false;
    for (qsizetype start = 0; start < rows.size(); start += perStatement) {
        const qsizetype count = std::min(perStatement, rows.size() - start);
        QSqlQuery partial(db);
        QSqlQuery &query = count == perStatement ? full : partial;
        if (count != perStatement || !fullPrepared) {
            if (Status s = prepare(query, sql.arg(tuples ? placeholders(count, columns) : inList(count))); !s)
                return s;
            fullPrepared = fullPrepared || count == perStatement;
        }
        QVariantList values = leading;
        values.reserve(leading.size() + count * columns);
        for (qsizetype r = start; r < start + count; ++r)
            values.append(rows.at(r));
        if (Status s = exec(query, values, context); !s)
            return s;
        while (query.next())
            onRow(query);
        query.finish();
    }
    return {};
}

struct CellKeyHash {
    QString pupil, term, objective;
    bool operator==(const CellKeyHash &) const = default;
};

size_t qHash(const CellKeyHash &key, size_t seed = 0)
{
    return qHashMulti(seed, key.pupil, key.term, key.objective);
}

struct Cell {
    bool exists = false;
    ServerMark mark;
};

// The stored results of the ops of `ops` seen before (a retried batch), by op id.
Result<QHash<QString, PushResult>> storedResults(QSqlDatabase db, const QString &schoolId, const QString &deviceId,
                                                 const QList<PushOp> &ops)
{
    QHash<QString, PushResult> stored;
    QList<QVariantList> ids;
    QSet<QString> distinct;
    for (const PushOp &op : ops)
        if (!distinct.contains(op.opId)) {
            distinct.insert(op.opId);
            ids.append({op.opId});
        }
    Error failure{ErrorCode::StorageFailure, QString()};
    if (Status s = chunked(db,
                           u"SELECT op_id, result FROM push_results WHERE school_id = ? AND device_id = ? AND "
                           u"op_id IN (%1)"_s,
                           ids, 1, false, {schoolId, deviceId}, u"reading push results"_s,
                           [&](QSqlQuery &row) {
                               auto original = PushResult::fromJson(
                                   QJsonDocument::fromJson(row.value(1).toString().toUtf8()).object());
                               if (original)
                                   stored.insert(row.value(0).toString(), original.value());
                               else
                                   failure.message = original.error().message;
                           });
        !s)
        return s.error();
    if (!failure.message.isEmpty())
        return Error{ErrorCode::StorageFailure, u"a stored push result is unreadable: "_s + failure.message};
    return stored;
}

// The answer to an op seen before: its stored result, as a duplicate.
PushResult duplicateOf(const PushResult &original)
{
    PushResult result = original;
    result.originalOutcome = result.outcome;
    result.outcome = PushOutcome::Duplicate;
    return result;
}

}  // namespace

Result<PushResponse> SyncService::push(const Caller &caller, const PushRequest &request, qint64 nowMs)
{
    if (!caller.deviceId.isEmpty() && request.deviceId != caller.deviceId)
        return Error{ErrorCode::InvalidArgument, u"field 'device_id': not the device signed in with this token"_s};
    const QString &schoolId = caller.schoolId;
    const QString &deviceId = request.deviceId;
    const QList<PushOp> &ops = request.ops;

    PushResponse response;
    response.serverTime = nowMs;
    response.results.resize(ops.size());
    if (ops.isEmpty())
        return response;

    // A retried batch whose every op is stored is answered from the stored results alone,
    // without the write lock: a duplicate writes nothing (not even a mark event), and stored
    // results only ever appear committed and whole.
    {
        auto stored = storedResults(m_db, schoolId, deviceId, ops);
        if (!stored)
            return stored.error();
        const bool allSeen
            = std::all_of(ops.begin(), ops.end(), [&](const PushOp &op) { return stored->contains(op.opId); });
        if (allSeen) {
            for (qsizetype i = 0; i < ops.size(); ++i)
                response.results[i] = duplicateOf(stored->value(ops.at(i).opId));
            return response;
        }
    }

    std::optional<QMutexLocker<QMutex>> oneWriter;
    if (!isPostgres())
        oneWriter.emplace(&sqliteWriterLock(m_db.databaseName()));
    WriteTransaction transaction(m_db);
    if (Status s = transaction.begin(u"the push"_s); !s)
        return s.error();

    // The school's row first, always: the one lock every writer of this school's data takes.
    QSqlQuery school(m_db);
    if (Status s = prepare(school,
                           isPostgres() ? u"SELECT status, next_seq FROM schools WHERE id = ? FOR UPDATE"_s
                                        : u"SELECT status, next_seq FROM schools WHERE id = ?"_s);
        !s)
        return s.error();
    if (Status s = exec(school, {schoolId}, u"locking the school"_s); !s)
        return s.error();
    if (!school.next())
        return Error{ErrorCode::Unauthenticated, u"the caller's school does not exist"_s};
    const bool active = school.value(0).toString() == u"active"_s;
    const qint64 firstSeq = school.value(1).toLongLong();
    qint64 nextSeq = firstSeq;
    school.finish();

    // 1. Ops seen before (a retried batch): their stored results, read again now that the
    // school is locked (another request may have stored some since the read above).
    auto storedNow = storedResults(m_db, schoolId, deviceId, ops);
    if (!storedNow)
        return storedNow.error();
    QHash<QString, PushResult> stored = std::move(storedNow.value());

    // Key order: every batch touches cells in the same order as every other.
    QList<qsizetype> order(ops.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const PushOp &x = ops.at(a);
        const PushOp &y = ops.at(b);
        return std::tie(x.pupilId, x.termId, x.objectiveId) < std::tie(y.pupilId, y.termId, y.objectiveId);
    });

    // 2. What the new ops refer to, read in a few statements.
    const bool writer = writes(caller.role);
    QHash<QString, PupilState> pupils;
    QHash<QString, TermInfo> terms;
    QHash<QString, ObjectiveInfo> objectives;
    QHash<CellKeyHash, Cell> cells;
    if (active && writer) {
        QSet<QString> pupilIds, termIds, objectiveIds;
        QSet<CellKeyHash> keys;
        for (const PushOp &op : ops) {
            if (stored.contains(op.opId))
                continue;
            pupilIds.insert(op.pupilId);
            termIds.insert(op.termId);
            objectiveIds.insert(op.objectiveId);
            keys.insert(CellKeyHash{op.pupilId, op.termId, op.objectiveId});
        }
        auto rowsOf = [](const QSet<QString> &set) {
            QList<QVariantList> rows;
            rows.reserve(set.size());
            for (const QString &id : set)
                rows.append({id});
            return rows;
        };
        for (const QString &id : pupilIds)
            pupils.insert(id, PupilState::Unknown);
        if (Status s
            = chunked(m_db, u"SELECT id FROM pupils WHERE school_id = ? AND id IN (%1)"_s, rowsOf(pupilIds), 1, false,
                      {schoolId}, u"reading pupils"_s,
                      [&](QSqlQuery &row) {
                          pupils.insert(row.value(0).toString(),
                                        seesWholeSchool(caller.role) ? PupilState::InScope : PupilState::OutOfScope);
                      });
            !s)
            return s.error();
        if (Status s = chunked(m_db, u"SELECT pupil_id FROM erased_pupils WHERE school_id = ? AND pupil_id IN (%1)"_s,
                               rowsOf(pupilIds), 1, false, {schoolId}, u"reading erasures"_s,
                               [&](QSqlQuery &row) { pupils.insert(row.value(0).toString(), PupilState::Erased); });
            !s)
            return s.error();
        if (!seesWholeSchool(caller.role)) {
            if (Status s = chunked(m_db,
                                   u"SELECT DISTINCT gm.pupil_id FROM group_members gm JOIN staff_groups sg ON "
                                   u"sg.group_id = gm.group_id WHERE sg.staff_id = ? AND sg.school_id = ? AND "
                                   u"gm.school_id = ? AND gm.pupil_id IN (%1)"_s,
                                   rowsOf(pupilIds), 1, false, {caller.userId, schoolId, schoolId},
                                   u"reading the caller's groups"_s,
                                   [&](QSqlQuery &row) {
                                       const QString id = row.value(0).toString();
                                       if (pupils.value(id) == PupilState::OutOfScope)
                                           pupils.insert(id, PupilState::InScope);
                                   });
                !s)
                return s.error();
        }
        if (Status s = chunked(m_db, u"SELECT id, locked FROM terms WHERE school_id = ? AND id IN (%1)"_s,
                               rowsOf(termIds), 1, false, {schoolId}, u"reading terms"_s,
                               [&](QSqlQuery &row) {
                                   terms.insert(row.value(0).toString(), TermInfo{true, row.value(1).toInt() != 0});
                               });
            !s)
            return s.error();
        if (Status s = chunked(m_db,
                               u"SELECT o.id, sv.code FROM objectives o JOIN frameworks f ON f.id = o.framework_id "
                               u"LEFT JOIN scale_values sv ON sv.scale_id = f.scale_id WHERE o.school_id = ? AND "
                               u"f.school_id = ? AND o.id IN (%1)"_s,
                               rowsOf(objectiveIds), 1, false, {schoolId, schoolId}, u"reading objectives"_s,
                               [&](QSqlQuery &row) {
                                   ObjectiveInfo &info = objectives[row.value(0).toString()];
                                   info.known = true;
                                   if (!row.value(1).isNull())
                                       info.codes.insert(row.value(1).toString());
                               });
            !s)
            return s.error();
        QList<QVariantList> keyRows;
        keyRows.reserve(keys.size());
        for (const CellKeyHash &key : keys)
            keyRows.append({key.pupil, key.term, key.objective});
        if (Status s = chunked(
                m_db,
                u"SELECT m.pupil_id, m.term_id, m.objective_id, m.value, m.note, m.author_id, m.server_time, "
                u"m.version, m.school_id FROM (VALUES %1) AS k JOIN marks m ON m.pupil_id = k.column1 "
                u"AND m.term_id = k.column2 AND m.objective_id = k.column3"_s,
                keyRows, 3, true, {}, u"reading marks"_s,
                [&](QSqlQuery &row) {
                    if (row.value(8).toString() != schoolId)
                        return;  // cannot happen: the pupil is this school's
                    Cell cell;
                    cell.exists = true;
                    cell.mark.value = optionalText(row.value(3));
                    cell.mark.note = row.value(4).toString();
                    cell.mark.authorId = row.value(5).toString();
                    cell.mark.serverTime = row.value(6).toLongLong();
                    cell.mark.version = row.value(7).toLongLong();
                    cells.insert(CellKeyHash{row.value(0).toString(), row.value(1).toString(), row.value(2).toString()},
                                 cell);
                });
            !s)
            return s.error();
    }

    // 3. Decide each op, in key order, writing each applied one.
    QSqlQuery insertMark(m_db), updateMark(m_db);
    if (Status s = prepare(insertMark,
                           u"INSERT INTO marks (school_id, pupil_id, term_id, objective_id, value, note, "
                           u"author_id, client_time, server_time, version, seq) "
                           u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        !s)
        return s.error();
    if (Status s = prepare(updateMark,
                           u"UPDATE marks SET value = ?, note = ?, author_id = ?, client_time = ?, "
                           u"server_time = ?, version = ?, seq = ? WHERE pupil_id = ? AND term_id = ? "
                           u"AND objective_id = ? AND school_id = ?"_s);
        !s)
        return s.error();
    QList<QVariantList> events, results;
    for (qsizetype index : order) {
        const PushOp &op = ops.at(index);
        PushResult &result = response.results[index];

        // Seen before (in an earlier request or earlier in this one): the stored answer.
        if (auto found = stored.constFind(op.opId); found != stored.constEnd()) {
            result = duplicateOf(*found);
            continue;
        }
        result.opId = op.opId;
        if (!active) {
            result.outcome = PushOutcome::Rejected;
            result.reason = QString::fromLatin1(rejection::kSchoolNotActive);
            continue;
        }

        auto reject = [&](const char *reason, const QString &detail = QString()) {
            result.outcome = PushOutcome::Rejected;
            result.reason = QString::fromLatin1(reason);
            result.detail = detail;
        };
        std::optional<QString> oldValue;
        if (!writer) {
            reject(rejection::kPermission);
        } else {
            const PupilState state = pupils.value(op.pupilId, PupilState::Unknown);
            const TermInfo term = terms.value(op.termId);
            const ObjectiveInfo objective = objectives.value(op.objectiveId);
            if (state == PupilState::Unknown)
                reject(rejection::kUnknownPupil);
            else if (state == PupilState::Erased)
                reject(rejection::kErasedPupil);
            else if (state == PupilState::OutOfScope)
                reject(rejection::kPermission);
            else if (!term.known)
                reject(rejection::kValidation, u"unknown term_id"_s);
            else if (!objective.known)
                reject(rejection::kValidation, u"unknown objective_id"_s);
            else if (term.locked && caller.role == Role::Teacher)
                reject(rejection::kLockedTerm);
            else if (op.value && !objective.codes.contains(*op.value))
                reject(rejection::kValidation, u"value is not on the objective's scale"_s);
        }

        if (result.reason.isEmpty()) {
            // Compare-and-set on the cell's version.
            Cell &cell = cells[CellKeyHash{op.pupilId, op.termId, op.objectiveId}];
            oldValue = cell.mark.value;
            if (op.baseVersion == cell.mark.version) {
                const qint64 version = cell.mark.version + 1;
                const qint64 seq = nextSeq++;
                if (cell.exists) {
                    if (Status s = exec(updateMark,
                                        {nullableText(op.value), op.note, caller.userId, op.clientTime, nowMs, version,
                                         seq, op.pupilId, op.termId, op.objectiveId, schoolId},
                                        u"updating a mark"_s);
                        !s)
                        return s.error();
                } else {
                    if (Status s = exec(insertMark,
                                        {schoolId, op.pupilId, op.termId, op.objectiveId, nullableText(op.value),
                                         op.note, caller.userId, op.clientTime, nowMs, version, seq},
                                        u"writing a mark"_s);
                        !s)
                        return s.error();
                }
                cell.exists = true;
                cell.mark = ServerMark{op.value, op.note, caller.userId, nowMs, version};
                result.outcome = PushOutcome::Applied;
                result.version = version;
            } else if (op.value == cell.mark.value && op.note == cell.mark.note) {
                result.outcome = PushOutcome::Merged;
                result.version = cell.mark.version;
            } else {
                result.outcome = PushOutcome::Conflict;
                result.version = cell.mark.version;
                result.server = cell.mark;
            }
        }

        // The audit trail: every attempt, whatever its outcome; and the answer, for a retry.
        events.append({schoolId, op.pupilId, op.termId, op.objectiveId, caller.userId, deviceId, op.opId,
                       op.baseVersion, nullableText(oldValue), nullableText(op.value), op.clientTime, nowMs,
                       toString(result.outcome)});
        results.append({schoolId, deviceId, op.opId,
                        QString::fromUtf8(QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact)), nowMs});
        stored.insert(op.opId, result);
    }

    auto ignore = [](QSqlQuery &) {
    };
    if (Status s = chunked(m_db,
                           u"INSERT INTO mark_events (school_id, pupil_id, term_id, objective_id, user_id, device_id, "
                           u"op_id, base_version, old_value, new_value, client_time, server_time, outcome) "
                           u"VALUES %1"_s,
                           events, 13, true, {}, u"recording mark events"_s, ignore);
        !s)
        return s.error();
    if (Status s
        = chunked(m_db, u"INSERT INTO push_results (school_id, device_id, op_id, result, created_at) VALUES %1"_s,
                  results, 5, true, {}, u"recording push results"_s, ignore);
        !s)
        return s.error();
    if (nextSeq != firstSeq) {
        QSqlQuery advance(m_db);
        if (Status s = prepare(advance, u"UPDATE schools SET next_seq = ? WHERE id = ?"_s); !s)
            return s.error();
        if (Status s = exec(advance, {nextSeq, schoolId}, u"advancing the school's sequence"_s); !s)
            return s.error();
    }
    if (Status s = transaction.commit(); !s)
        return s.error();
    return response;
}

namespace {

struct PageQuery {
    ChangeType type;
    QString sql;  // binds: school, cursor, high water mark, [staff], limit
    bool scoped;  // takes the staff id (teachers' scope)
};

}  // namespace

Result<PullResponse> SyncService::pull(const Caller &caller, const PullRequest &request)
{
    const QString &schoolId = caller.schoolId;
    // The high water mark first: every number below it belongs to a committed transaction
    // (writers hold the school row until they commit), so reading only below it never skips
    // a change that commits later.
    QSqlQuery school(m_db);
    if (Status s = prepare(school, u"SELECT next_seq, retention_seq FROM schools WHERE id = ?"_s); !s)
        return s.error();
    if (Status s = exec(school, {schoolId}, u"reading the school"_s); !s)
        return s.error();
    if (!school.next())
        return Error{ErrorCode::Unauthenticated, u"the caller's school does not exist"_s};
    const qint64 highWater = school.value(0).toLongLong();
    const qint64 retention = school.value(1).toLongLong();
    school.finish();
    const qint64 current = highWater - 1;

    QSqlQuery staff(m_db);
    if (Status s = prepare(staff, u"SELECT epoch FROM staff WHERE id = ? AND school_id = ?"_s); !s)
        return s.error();
    if (Status s = exec(staff, {caller.userId, schoolId}, u"reading the caller"_s); !s)
        return s.error();
    if (!staff.next())
        return Error{ErrorCode::Unauthenticated, u"the caller is not a member of this school"_s};
    PullResponse response;
    response.epoch = staff.value(0).toLongLong();
    staff.finish();

    if (request.epoch && *request.epoch != response.epoch) {
        response.resync = true;
        response.nextCursor = 0;
        response.hasMore = true;
        return response;
    }
    if (request.cursor > current)
        return Error{ErrorCode::InvalidArgument,
                     u"field 'cursor': beyond the school's latest change (%1)"_s.arg(current)};
    if (request.cursor > 0 && request.cursor < retention)
        return Error{ErrorCode::Gone, u"the cursor is older than the server keeps history for: pull again from 0"_s};
    if (request.cursor == current) {
        // Nothing new: the window below is empty. The commonest pull of all, answered
        // without running its eight queries.
        response.nextCursor = current;
        response.hasMore = false;
        return response;
    }

    const bool scoped = !seesWholeSchool(caller.role);
    const QString pupilScope
        = u" AND pupil_id IN (SELECT gm.pupil_id FROM group_members gm JOIN staff_groups sg ON sg.group_id = "
          u"gm.group_id WHERE sg.staff_id = ? AND sg.school_id = ?)"_s;
    const QString window = u" school_id = ? AND seq > ? AND seq < ?"_s;
    const QString tail = u" ORDER BY seq LIMIT ?"_s;
    const QList<PageQuery> queries{
        {ChangeType::Mark,
         u"SELECT seq, pupil_id, term_id, objective_id, value, note, author_id, client_time, server_time, version "
         u"FROM marks WHERE"_s
             + window + (scoped ? pupilScope : QString()) + tail,
         scoped},
        {ChangeType::Pupil,
         u"SELECT seq, id, upn, legal_surname, legal_forename, preferred_surname, preferred_forename, date_of_birth, "
         u"gender, year_group, pupil_premium, free_school_meals, sen_status, eal, looked_after, on_roll_date, "
         u"left_date FROM pupils WHERE"_s
             + window + (scoped ? QString(pupilScope).replace(u"pupil_id IN"_s, u"id IN"_s) : QString()) + tail,
         scoped},
        {ChangeType::Group,
         u"SELECT seq, id, name, kind, year_group FROM groups WHERE"_s + window
             + (scoped ? u" AND id IN (SELECT group_id FROM staff_groups WHERE staff_id = ? AND school_id = ?)"_s
                       : QString())
             + tail,
         scoped},
        {ChangeType::Scale, u"SELECT seq, id, name FROM scales WHERE"_s + window + tail, false},
        {ChangeType::Framework, u"SELECT seq, id, name, subject, scale_id FROM frameworks WHERE"_s + window + tail,
         false},
        {ChangeType::Term, u"SELECT seq, id, name, academic_year, position, locked FROM terms WHERE"_s + window + tail,
         false},
        {ChangeType::Staff, u"SELECT seq, id, display_name FROM staff WHERE"_s + window + tail, false},
        {ChangeType::Purge, u"SELECT seq, pupil_id FROM purges WHERE"_s + window + tail, false},
    };

    QList<Change> changes;
    const int fetch = request.limit + 1;
    for (const PageQuery &page : queries) {
        QSqlQuery query(m_db);
        if (Status s = prepare(query, page.sql); !s)
            return s.error();
        QVariantList binds{schoolId, request.cursor, highWater};
        if (page.scoped)
            binds << caller.userId << schoolId;
        binds << fetch;
        if (Status s = exec(query, binds, u"reading changes"_s); !s)
            return s.error();
        while (query.next()) {
            Change change;
            change.seq = query.value(0).toLongLong();
            change.type = page.type;
            QJsonObject &data = change.data;
            switch (page.type) {
            case ChangeType::Mark:
                data = QJsonObject{
                    {u"pupil_id"_s, query.value(1).toString()},      {u"term_id"_s, query.value(2).toString()},
                    {u"objective_id"_s, query.value(3).toString()},  {u"value"_s, jsonText(query.value(4))},
                    {u"note"_s, query.value(5).toString()},          {u"author_id"_s, query.value(6).toString()},
                    {u"client_time"_s, query.value(7).toLongLong()}, {u"server_time"_s, query.value(8).toLongLong()},
                    {u"version"_s, query.value(9).toLongLong()}};
                break;
            case ChangeType::Pupil:
                data = QJsonObject{{u"id"_s, query.value(1).toString()},
                                   {u"upn"_s, query.value(2).toString()},
                                   {u"legal_surname"_s, query.value(3).toString()},
                                   {u"legal_forename"_s, query.value(4).toString()},
                                   {u"preferred_surname"_s, query.value(5).toString()},
                                   {u"preferred_forename"_s, query.value(6).toString()},
                                   {u"date_of_birth"_s, jsonText(query.value(7))},
                                   {u"gender"_s, query.value(8).toString()},
                                   {u"year_group"_s, query.value(9).toInt()},
                                   {u"pupil_premium"_s, query.value(10).toInt() != 0},
                                   {u"free_school_meals"_s, query.value(11).toInt() != 0},
                                   {u"sen_status"_s, query.value(12).toString()},
                                   {u"eal"_s, query.value(13).toInt() != 0},
                                   {u"looked_after"_s, query.value(14).toInt() != 0},
                                   {u"on_roll_date"_s, jsonText(query.value(15))},
                                   {u"left_date"_s, jsonText(query.value(16))}};
                break;
            case ChangeType::Group:
                data = QJsonObject{{u"id"_s, query.value(1).toString()},
                                   {u"name"_s, query.value(2).toString()},
                                   {u"kind"_s, query.value(3).toString()},
                                   {u"year_group"_s, query.value(4).toInt()}};
                break;
            case ChangeType::Scale:
                data = QJsonObject{{u"id"_s, query.value(1).toString()}, {u"name"_s, query.value(2).toString()}};
                break;
            case ChangeType::Framework:
                data = QJsonObject{{u"id"_s, query.value(1).toString()},
                                   {u"name"_s, query.value(2).toString()},
                                   {u"subject"_s, query.value(3).toString()},
                                   {u"scale_id"_s, query.value(4).toString()}};
                break;
            case ChangeType::Term:
                data = QJsonObject{{u"id"_s, query.value(1).toString()},
                                   {u"name"_s, query.value(2).toString()},
                                   {u"academic_year"_s, query.value(3).toString()},
                                   {u"position"_s, query.value(4).toInt()},
                                   {u"locked"_s, query.value(5).toInt() != 0}};
                break;
            case ChangeType::Staff:
                data
                    = QJsonObject{{u"id"_s, query.value(1).toString()}, {u"display_name"_s, query.value(2).toString()}};
                break;
            case ChangeType::Purge:
                data = QJsonObject{{u"pupil_id"_s, query.value(1).toString()}};
                break;
            }
            changes.append(std::move(change));
        }
    }
    std::sort(changes.begin(), changes.end(), [](const Change &a, const Change &b) { return a.seq < b.seq; });
    response.hasMore = changes.size() > request.limit;
    if (response.hasMore)
        changes.resize(request.limit);

    // The children of the few reference rows on this page: members, scale values, objectives.
    QSqlQuery members(m_db), values(m_db), objectiveRows(m_db);
    if (Status s = prepare(members,
                           u"SELECT pupil_id FROM group_members WHERE group_id = ? AND school_id = ? "
                           u"ORDER BY pupil_id"_s);
        !s)
        return s.error();
    if (Status s = prepare(values,
                           u"SELECT code, label, shortcut, points, colour, position FROM scale_values "
                           u"WHERE scale_id = ? ORDER BY position"_s);
        !s)
        return s.error();
    if (Status s = prepare(objectiveRows,
                           u"SELECT id, position, code, statement FROM objectives "
                           u"WHERE framework_id = ? AND school_id = ? ORDER BY position"_s);
        !s)
        return s.error();
    for (Change &change : changes) {
        const QString id = change.data.value(u"id"_s).toString();
        if (change.type == ChangeType::Group) {
            if (Status s = exec(members, {id, schoolId}, u"reading group members"_s); !s)
                return s.error();
            QJsonArray ids;
            while (members.next())
                ids.append(members.value(0).toString());
            change.data.insert(u"pupil_ids"_s, ids);
        } else if (change.type == ChangeType::Scale) {
            if (Status s = exec(values, {id}, u"reading scale values"_s); !s)
                return s.error();
            QJsonArray list;
            while (values.next())
                list.append(QJsonObject{{u"code"_s, values.value(0).toString()},
                                        {u"label"_s, values.value(1).toString()},
                                        {u"shortcut"_s, values.value(2).toString()},
                                        {u"points"_s, values.value(3).toDouble()},
                                        {u"colour"_s, values.value(4).toString()},
                                        {u"position"_s, values.value(5).toInt()}});
            change.data.insert(u"values"_s, list);
        } else if (change.type == ChangeType::Framework) {
            if (Status s = exec(objectiveRows, {id, schoolId}, u"reading objectives"_s); !s)
                return s.error();
            QJsonArray list;
            while (objectiveRows.next())
                list.append(QJsonObject{{u"id"_s, objectiveRows.value(0).toString()},
                                        {u"position"_s, objectiveRows.value(1).toInt()},
                                        {u"code"_s, objectiveRows.value(2).toString()},
                                        {u"statement"_s, objectiveRows.value(3).toString()}});
            change.data.insert(u"objectives"_s, list);
        }
    }

    response.changes = std::move(changes);
    // A full page: resume after its last change. Otherwise everything below the high water
    // mark has been seen, in scope or not.
    response.nextCursor = response.hasMore ? response.changes.constLast().seq : current;
    return response;
}

}  // namespace otrack
