#include "syncservice.h"

#include "logging.h"
#include "serverdatabase.h"
#include "sqlitewriter.h"
#include "statementcache.h"
#include "writetransaction.h"

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

QJsonValue jsonText(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

std::optional<QString> optionalText(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toString();
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
// misses most of the moments the lock is free. Pushes in this process that do not go through
// the server's SqliteWriter queue here instead and start the moment the previous one commits.
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

// A batch's many keys reach the database as one JSON array parameter, read as the rows of a
// table `k` whose `value` is one JSON array per row (k.value ->> 0, ->> 1, ...; SQLite 3.38 and
// PostgreSQL read ->> alike, only the table function differs). So each statement of a push has
// a fixed text whatever the batch's size, is prepared once per connection, and binds a handful
// of values instead of hundreds. The table comes first, in a CROSS JOIN: that is how SQLite is
// told to drive the join from the batch's keys (it cannot estimate json_each's size and would
// otherwise scan the other table once per key); PostgreSQL plans a CROSS JOIN freely.
QString withRows(QString sql, bool postgres)
{
    return sql.replace(u"%ROWS%"_s,
                       postgres ? u"json_array_elements(CAST(? AS json)) AS k(value)"_s : u"json_each(?) AS k"_s);
}

QString jsonParameter(const QJsonArray &rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

QJsonArray idRows(const QSet<QString> &ids)
{
    QJsonArray rows;
    for (const QString &id : ids)
        rows.append(QJsonArray{id});
    return rows;
}

// Runs the cached statement for `sql` with `values`; the caller reads its rows, then finishes it.
Result<QSqlQuery *> run(QSqlDatabase db, const QString &sql, const QVariantList &values, const QString &context)
{
    auto query = StatementCache::get(db, sql);
    if (!query)
        return query.error();
    if (Status s = execSql(**query, values, context); !s)
        return s.error();
    return *query;
}

// run(), for statements whose rows are each handed to `onRow`.
template <typename OnRow>
Status forEachRow(QSqlDatabase db, const QString &sql, const QVariantList &values, const QString &context, OnRow onRow)
{
    auto query = run(db, sql, values, context);
    if (!query)
        return query.error();
    while ((*query)->next())
        onRow(**query);
    (*query)->finish();
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
    bool written = false;  // by this push
    qint64 clientTime = 0;
    qint64 seq = 0;
    ServerMark mark;
};

// The answer to an op seen before: its stored result, as a duplicate.
PushResult duplicateOf(const PushResult &original)
{
    PushResult result = original;
    result.originalOutcome = result.outcome;
    result.outcome = PushOutcome::Duplicate;
    return result;
}

}  // namespace

SyncService::SyncService(QSqlDatabase db, SqliteWriter *writer) : m_db(std::move(db)), m_writer(writer)
{
}

bool SyncService::isPostgres() const
{
    return m_db.driverName() == u"QPSQL"_s;
}

Result<QHash<QString, PushResult>> SyncService::storedResults(const QString &schoolId, const QString &deviceId,
                                                              const QList<PushOp> &ops)
{
    QSet<QString> ids;
    for (const PushOp &op : ops)
        ids.insert(op.opId);
    QHash<QString, PushResult> stored;
    QString unreadable;
    if (Status s
        = forEachRow(m_db,
                     withRows(u"SELECT r.op_id, r.result FROM %ROWS% CROSS JOIN push_results r WHERE r.school_id = ? "
                              u"AND r.device_id = ? AND r.op_id = k.value ->> 0"_s,
                              isPostgres()),
                     {jsonParameter(idRows(ids)), schoolId, deviceId}, u"reading push results"_s,
                     [&](QSqlQuery &row) {
                         auto original
                             = PushResult::fromJson(QJsonDocument::fromJson(row.value(1).toString().toUtf8()).object());
                         if (original)
                             stored.insert(row.value(0).toString(), original.value());
                         else
                             unreadable = original.error().message;
                     });
        !s)
        return s.error();
    if (!unreadable.isEmpty())
        return Error{ErrorCode::StorageFailure, u"a stored push result is unreadable: "_s + unreadable};
    return stored;
}

Result<PushResponse> SyncService::push(const Caller &caller, const PushRequest &request, qint64 nowMs)
{
    if (!caller.deviceId.isEmpty() && request.deviceId != caller.deviceId)
        return Error{ErrorCode::InvalidArgument, u"field 'device_id': not the device signed in with this token"_s};
    if (request.ops.isEmpty())
        return PushResponse{{}, nowMs};

    // A retried batch whose every op is stored is answered from the stored results alone,
    // without the write lock: a duplicate writes nothing (not even a mark event), and stored
    // results only ever appear committed and whole.
    {
        auto stored = storedResults(caller.schoolId, request.deviceId, request.ops);
        if (!stored)
            return stored.error();
        const bool allSeen = std::all_of(request.ops.begin(), request.ops.end(),
                                         [&](const PushOp &op) { return stored->contains(op.opId); });
        if (allSeen) {
            PushResponse response{{}, nowMs};
            for (const PushOp &op : request.ops)
                response.results.append(duplicateOf(stored->value(op.opId)));
            return response;
        }
    }

    if (m_writer) {
        Result<PushResponse> answer = Error{ErrorCode::StorageFailure, u"the push did not run"_s};
        const Status written = m_writer->run([&](QSqlDatabase db) -> Status {
            answer = SyncService(db).pushInTransaction(caller, request, nowMs);
            return answer ? Status{} : Status{answer.error()};
        });
        if (!written)
            return written.error();
        return answer;
    }

    std::optional<QMutexLocker<QMutex>> oneWriter;
    if (!isPostgres())
        oneWriter.emplace(&sqliteWriterLock(m_db.databaseName()));
    WriteTransaction transaction(m_db);
    if (Status s = transaction.begin(u"the push"_s); !s)
        return s.error();
    auto answer = pushInTransaction(caller, request, nowMs);
    if (!answer)
        return answer;
    if (Status s = transaction.commit(); !s)
        return s.error();
    return answer;
}

Result<PushResponse> SyncService::pushInTransaction(const Caller &caller, const PushRequest &request, qint64 nowMs)
{
    const QString &schoolId = caller.schoolId;
    const QString &deviceId = request.deviceId;
    const QList<PushOp> &ops = request.ops;
    const bool postgres = isPostgres();

    PushResponse response;
    response.serverTime = nowMs;
    response.results.resize(ops.size());

    // The school's row first, always: the one lock every writer of this school's data takes.
    qint64 firstSeq = 0;
    bool active = false;
    bool schoolFound = false;
    if (Status s = forEachRow(m_db,
                              postgres ? u"SELECT status, next_seq FROM schools WHERE id = ? FOR UPDATE"_s
                                       : u"SELECT status, next_seq FROM schools WHERE id = ?"_s,
                              {schoolId}, u"locking the school"_s,
                              [&](QSqlQuery &row) {
                                  schoolFound = true;
                                  active = row.value(0).toString() == u"active"_s;
                                  firstSeq = row.value(1).toLongLong();
                              });
        !s)
        return s.error();
    if (!schoolFound)
        return Error{ErrorCode::Unauthenticated, u"the caller's school does not exist"_s};
    qint64 nextSeq = firstSeq;

    // 1. Ops seen before (a retried batch): their stored results, read again now that the
    // school is locked (another request may have stored some since the read before the lock).
    auto storedNow = storedResults(schoolId, deviceId, ops);
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

    // 2. What the new ops refer to, one statement per kind of row.
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
        const QString pupilRows = jsonParameter(idRows(pupilIds));
        for (const QString &id : pupilIds)
            pupils.insert(id, PupilState::Unknown);
        if (Status s = forEachRow(
                m_db,
                withRows(
                    u"SELECT p.id FROM %ROWS% CROSS JOIN pupils p WHERE p.id = k.value ->> 0 AND p.school_id = ?"_s,
                    postgres),
                {pupilRows, schoolId}, u"reading pupils"_s,
                [&](QSqlQuery &row) {
                    pupils.insert(row.value(0).toString(),
                                  seesWholeSchool(caller.role) ? PupilState::InScope : PupilState::OutOfScope);
                });
            !s)
            return s.error();
        if (Status s
            = forEachRow(m_db,
                         withRows(u"SELECT e.pupil_id FROM %ROWS% CROSS JOIN erased_pupils e WHERE e.pupil_id = "
                                  u"k.value ->> 0 AND e.school_id = ?"_s,
                                  postgres),
                         {pupilRows, schoolId}, u"reading erasures"_s,
                         [&](QSqlQuery &row) { pupils.insert(row.value(0).toString(), PupilState::Erased); });
            !s)
            return s.error();
        if (!seesWholeSchool(caller.role)) {
            if (Status s = forEachRow(
                    m_db,
                    withRows(
                        u"SELECT DISTINCT gm.pupil_id FROM %ROWS% CROSS JOIN group_members gm JOIN staff_groups sg ON "
                        u"sg.group_id = gm.group_id WHERE gm.pupil_id = k.value ->> 0 AND sg.staff_id = ? "
                        u"AND sg.school_id = ? AND gm.school_id = ?"_s,
                        postgres),
                    {pupilRows, caller.userId, schoolId, schoolId}, u"reading the caller's groups"_s,
                    [&](QSqlQuery &row) {
                        const QString id = row.value(0).toString();
                        if (pupils.value(id) == PupilState::OutOfScope)
                            pupils.insert(id, PupilState::InScope);
                    });
                !s)
                return s.error();
        }
        if (Status s
            = forEachRow(m_db,
                         withRows(u"SELECT t.id, t.locked FROM %ROWS% CROSS JOIN terms t WHERE t.id = k.value ->> 0 "
                                  u"AND t.school_id = ?"_s,
                                  postgres),
                         {jsonParameter(idRows(termIds)), schoolId}, u"reading terms"_s,
                         [&](QSqlQuery &row) {
                             terms.insert(row.value(0).toString(), TermInfo{true, row.value(1).toInt() != 0});
                         });
            !s)
            return s.error();
        if (Status s = forEachRow(
                m_db,
                withRows(u"SELECT o.id, sv.code FROM %ROWS% CROSS JOIN objectives o JOIN frameworks f ON f.id = "
                         u"o.framework_id LEFT JOIN scale_values sv ON sv.scale_id = f.scale_id "
                         u"WHERE o.id = k.value ->> 0 AND o.school_id = ? AND f.school_id = ?"_s,
                         postgres),
                {jsonParameter(idRows(objectiveIds)), schoolId, schoolId}, u"reading objectives"_s,
                [&](QSqlQuery &row) {
                    ObjectiveInfo &info = objectives[row.value(0).toString()];
                    info.known = true;
                    if (!row.value(1).isNull())
                        info.codes.insert(row.value(1).toString());
                });
            !s)
            return s.error();
        QJsonArray keyRows;
        for (const CellKeyHash &key : keys)
            keyRows.append(QJsonArray{key.pupil, key.term, key.objective});
        if (Status s = forEachRow(
                m_db,
                withRows(
                    u"SELECT m.pupil_id, m.term_id, m.objective_id, m.value, m.note, m.author_id, m.server_time, "
                    u"m.version, m.client_time, m.seq FROM %ROWS% CROSS JOIN marks m WHERE m.pupil_id = k.value ->> 0 "
                    u"AND m.term_id = k.value ->> 1 AND m.objective_id = k.value ->> 2 AND m.school_id = ?"_s,
                    postgres),
                {jsonParameter(keyRows), schoolId}, u"reading marks"_s,
                [&](QSqlQuery &row) {
                    Cell cell;
                    cell.exists = true;
                    cell.mark.value = optionalText(row.value(3));
                    cell.mark.note = row.value(4).toString();
                    cell.mark.authorId = row.value(5).toString();
                    cell.mark.serverTime = row.value(6).toLongLong();
                    cell.mark.version = row.value(7).toLongLong();
                    cell.clientTime = row.value(8).toLongLong();
                    cell.seq = row.value(9).toLongLong();
                    cells.insert(CellKeyHash{row.value(0).toString(), row.value(1).toString(), row.value(2).toString()},
                                 cell);
                });
            !s)
            return s.error();
    }

    // 3. Decide each op, in key order, against the cells as this push leaves them.
    QJsonArray events, results;
    QList<CellKeyHash> writtenCells;
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
            const CellKeyHash key{op.pupilId, op.termId, op.objectiveId};
            Cell &cell = cells[key];
            oldValue = cell.mark.value;
            if (op.baseVersion == cell.mark.version) {
                if (!cell.written)
                    writtenCells.append(key);
                cell.written = true;
                cell.exists = true;
                cell.clientTime = op.clientTime;
                cell.seq = nextSeq++;
                cell.mark = ServerMark{op.value, op.note, caller.userId, nowMs, cell.mark.version + 1};
                result.outcome = PushOutcome::Applied;
                result.version = cell.mark.version;
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
        events.append(QJsonArray{op.pupilId, op.termId, op.objectiveId, op.opId, op.baseVersion, jsonText(oldValue),
                                 jsonText(op.value), op.clientTime, toString(result.outcome)});
        results.append(QJsonArray{op.opId, result.toJson()});
        stored.insert(op.opId, result);
    }

    // 4. Write: each cell once, in its final state (key order, as decided); then the events
    // and the answers, and the school's sequence.
    if (!writtenCells.isEmpty()) {
        QJsonArray markRows;
        for (const CellKeyHash &key : writtenCells) {
            const Cell &cell = cells.value(key);
            markRows.append(QJsonArray{key.pupil, key.term, key.objective, jsonText(cell.mark.value), cell.mark.note,
                                       cell.clientTime, cell.mark.version, cell.seq});
        }
        auto written = run(m_db,
                           withRows(u"INSERT INTO marks (school_id, author_id, server_time, pupil_id, term_id, "
                                    u"objective_id, value, note, client_time, version, seq) "
                                    u"SELECT ?, ?, CAST(? AS BIGINT), k.value ->> 0, k.value ->> 1, k.value ->> 2, "
                                    u"k.value ->> 3, k.value ->> 4, CAST(k.value ->> 5 AS BIGINT), "
                                    u"CAST(k.value ->> 6 AS BIGINT), CAST(k.value ->> 7 AS BIGINT) FROM %ROWS% "
                                    u"WHERE true ON CONFLICT (pupil_id, term_id, objective_id) DO UPDATE SET "
                                    u"value = excluded.value, note = excluded.note, author_id = excluded.author_id, "
                                    u"client_time = excluded.client_time, server_time = excluded.server_time, "
                                    u"version = excluded.version, seq = excluded.seq"_s,
                                    postgres),
                           {schoolId, caller.userId, nowMs, jsonParameter(markRows)}, u"writing marks"_s);
        if (!written)
            return written.error();
        (*written)->finish();
    }
    if (!events.isEmpty()) {
        auto recorded
            = run(m_db,
                  withRows(u"INSERT INTO mark_events (school_id, user_id, device_id, server_time, pupil_id, "
                           u"term_id, objective_id, op_id, base_version, old_value, new_value, client_time, "
                           u"outcome) SELECT ?, ?, ?, CAST(? AS BIGINT), k.value ->> 0, k.value ->> 1, "
                           u"k.value ->> 2, k.value ->> 3, CAST(k.value ->> 4 AS BIGINT), k.value ->> 5, "
                           u"k.value ->> 6, CAST(k.value ->> 7 AS BIGINT), k.value ->> 8 FROM %ROWS%"_s,
                           postgres),
                  {schoolId, caller.userId, deviceId, nowMs, jsonParameter(events)}, u"recording mark events"_s);
        if (!recorded)
            return recorded.error();
        (*recorded)->finish();
        auto answered = run(m_db,
                            withRows(u"INSERT INTO push_results (school_id, device_id, created_at, op_id, result) "
                                     u"SELECT ?, ?, CAST(? AS BIGINT), k.value ->> 0, CAST(k.value -> 1 AS TEXT) "
                                     u"FROM %ROWS%"_s,
                                     postgres),
                            {schoolId, deviceId, nowMs, jsonParameter(results)}, u"recording push results"_s);
        if (!answered)
            return answered.error();
        (*answered)->finish();
    }
    if (nextSeq != firstSeq) {
        auto advanced = run(m_db, u"UPDATE schools SET next_seq = ? WHERE id = ?"_s, {nextSeq, schoolId},
                            u"advancing the school's sequence"_s);
        if (!advanced)
            return advanced.error();
        (*advanced)->finish();
    }
    return response;
}

namespace {

// One kind of change and the statement that reads a page of it. Each row is (seq, the change's
// wire JSON, made by the database): a page of 5,000 marks is encoded by SQLite or PostgreSQL in
// a few milliseconds, with no QVariant, QString or QJsonObject per field on the way.
struct PageQuery {
    ChangeType type;
    QString sql;  // binds: school, cursor, high water mark, [staff, school], limit
    bool scoped;  // takes the staff id (teachers' scope)
};

struct Field {
    const char *key;
    QString expression;
};

// The dialects' JSON object constructors take the same arguments.
QString jsonObject(const QList<Field> &fields, bool postgres)
{
    QStringList arguments;
    for (const Field &field : fields)
        arguments << u"'%1', %2"_s.arg(QLatin1String(field.key), field.expression);
    return (postgres ? u"json_build_object("_s : u"json_object("_s) + arguments.join(u", "_s) + u')';
}

// A 0/1 column as JSON false/true (SQLite has no boolean type).
QString jsonBool(const QString &column, bool postgres)
{
    return postgres ? u"(%1 <> 0)"_s.arg(column)
                    : u"json(CASE WHEN %1 <> 0 THEN 'true' ELSE 'false' END)"_s.arg(column);
}

// SELECT seq, {"seq": ..., "type": ..., "data": {...}} FROM `table` WHERE <window, scope> ORDER BY seq
// LIMIT ?. On SQLite the JSON comes as a BLOB: its UTF-8 bytes, with no conversion to UTF-16 and back.
QString pageSql(ChangeType type, const QString &table, const QList<Field> &data, const QString &scope, bool postgres)
{
    const QString change = jsonObject(
        {{"seq", u"seq"_s}, {"type", u"'%1'"_s.arg(toString(type))}, {"data", jsonObject(data, postgres)}}, postgres);
    return u"SELECT seq, %1 FROM %2 WHERE school_id = ? AND seq > ? AND seq < ?%3 ORDER BY seq LIMIT ?"_s.arg(
        postgres ? change : u"CAST(%1 AS BLOB)"_s.arg(change), table, scope);
}

QList<PageQuery> pageQueries(bool scoped, bool postgres)
{
    auto pupilScope = [scoped](const QString &column) {
        return scoped ? u" AND %1 IN (SELECT gm.pupil_id FROM group_members gm JOIN staff_groups sg ON sg.group_id = "
                        u"gm.group_id WHERE sg.staff_id = ? AND sg.school_id = ?)"_s.arg(column)
                      : QString();
    };
    const QString groupScope
        = scoped ? u" AND id IN (SELECT group_id FROM staff_groups WHERE staff_id = ? AND school_id = ?)"_s : QString();
    auto column = [](const char *name) {
        return Field{name, QString::fromLatin1(name)};
    };
    auto flag = [&](const char *name) {
        return Field{name, jsonBool(QString::fromLatin1(name), postgres)};
    };
    return {
        {ChangeType::Mark,
         pageSql(ChangeType::Mark, u"marks"_s,
                 {column("pupil_id"), column("term_id"), column("objective_id"), column("value"), column("note"),
                  column("author_id"), column("client_time"), column("server_time"), column("version")},
                 pupilScope(u"pupil_id"_s), postgres),
         scoped},
        {ChangeType::Pupil,
         pageSql(ChangeType::Pupil, u"pupils"_s,
                 {column("id"), column("upn"), column("legal_surname"), column("legal_forename"),
                  column("preferred_surname"), column("preferred_forename"), column("date_of_birth"), column("gender"),
                  column("year_group"), flag("pupil_premium"), flag("free_school_meals"), column("sen_status"),
                  flag("eal"), flag("looked_after"), column("on_roll_date"), column("left_date")},
                 pupilScope(u"id"_s), postgres),
         scoped},
        {ChangeType::Group,
         pageSql(ChangeType::Group, u"groups"_s, {column("id"), column("name"), column("kind"), column("year_group")},
                 groupScope, postgres),
         scoped},
        {ChangeType::Scale, pageSql(ChangeType::Scale, u"scales"_s, {column("id"), column("name")}, {}, postgres),
         false},
        {ChangeType::Framework,
         pageSql(ChangeType::Framework, u"frameworks"_s,
                 {column("id"), column("name"), column("subject"), column("scale_id")}, {}, postgres),
         false},
        {ChangeType::Term,
         pageSql(ChangeType::Term, u"terms"_s,
                 {column("id"), column("name"), column("academic_year"), column("position"), flag("locked")}, {},
                 postgres),
         false},
        {ChangeType::Staff,
         pageSql(ChangeType::Staff, u"staff"_s, {column("id"), column("display_name")}, {}, postgres), false},
        {ChangeType::Purge, pageSql(ChangeType::Purge, u"purges"_s, {column("pupil_id")}, {}, postgres), false},
    };
}

struct EncodedChange {
    qint64 seq;
    ChangeType type;
    QByteArray json;
};

}  // namespace

Result<PullResponse> SyncService::pull(const Caller &caller, const PullRequest &request)
{
    auto body = pullBody(caller, request);
    if (!body)
        return body.error();
    return PullResponse::decode(*body);
}

Result<QByteArray> SyncService::pullBody(const Caller &caller, const PullRequest &request)
{
    const QString &schoolId = caller.schoolId;
    const bool postgres = isPostgres();
    // The high water mark first: every number below it belongs to a committed transaction
    // (writers hold the school row until they commit), so reading only below it never skips
    // a change that commits later.
    std::optional<qint64> highWater, retention;
    if (Status s = forEachRow(m_db, u"SELECT next_seq, retention_seq FROM schools WHERE id = ?"_s, {schoolId},
                              u"reading the school"_s,
                              [&](QSqlQuery &row) {
                                  highWater = row.value(0).toLongLong();
                                  retention = row.value(1).toLongLong();
                              });
        !s)
        return s.error();
    if (!highWater)
        return Error{ErrorCode::Unauthenticated, u"the caller's school does not exist"_s};
    const qint64 current = *highWater - 1;

    std::optional<qint64> epoch;
    if (Status s
        = forEachRow(m_db, u"SELECT epoch FROM staff WHERE id = ? AND school_id = ?"_s, {caller.userId, schoolId},
                     u"reading the caller"_s, [&](QSqlQuery &row) { epoch = row.value(0).toLongLong(); });
        !s)
        return s.error();
    if (!epoch)
        return Error{ErrorCode::Unauthenticated, u"the caller is not a member of this school"_s};
    PullResponse response;
    response.epoch = *epoch;

    if (request.epoch && *request.epoch != response.epoch) {
        response.resync = true;
        response.nextCursor = 0;
        response.hasMore = true;
        return response.encode();
    }
    if (request.cursor > current)
        return Error{ErrorCode::InvalidArgument,
                     u"field 'cursor': beyond the school's latest change (%1)"_s.arg(current)};
    if (request.cursor > 0 && request.cursor < *retention)
        return Error{ErrorCode::Gone, u"the cursor is older than the server keeps history for: pull again from 0"_s};
    if (request.cursor == current) {
        // Nothing new: the window below is empty. The commonest pull of all, answered
        // without running its eight queries.
        response.nextCursor = current;
        response.hasMore = false;
        return response.encode();
    }

    const bool scoped = !seesWholeSchool(caller.role);
    QList<EncodedChange> changes;
    const int fetch = request.limit + 1;
    for (const PageQuery &page : pageQueries(scoped, postgres)) {
        QVariantList binds{schoolId, request.cursor, *highWater};
        if (page.scoped)
            binds << caller.userId << schoolId;
        binds << fetch;
        if (Status s
            = forEachRow(m_db, page.sql, binds, u"reading changes"_s,
                         [&](QSqlQuery &row) {
                             const QVariant json = row.value(1);
                             changes.append({row.value(0).toLongLong(), page.type,
                                             json.typeId() == QMetaType::QByteArray ? json.toByteArray()
                                                                                    : json.toString().toUtf8()});
                         });
            !s)
            return s.error();
    }
    std::sort(changes.begin(), changes.end(),
              [](const EncodedChange &a, const EncodedChange &b) { return a.seq < b.seq; });
    response.hasMore = changes.size() > request.limit;
    if (response.hasMore)
        changes.resize(request.limit);

    // The children of the few reference rows on this page: members, scale values, objectives.
    QList<QByteArray> encoded;
    encoded.reserve(changes.size());
    for (EncodedChange &change : changes) {
        if (change.type != ChangeType::Group && change.type != ChangeType::Scale
            && change.type != ChangeType::Framework) {
            encoded.append(std::move(change.json));
            continue;
        }
        QJsonObject json = QJsonDocument::fromJson(change.json).object();
        QJsonObject data = json.value(u"data"_s).toObject();
        const QString id = data.value(u"id"_s).toString();
        if (change.type == ChangeType::Group) {
            QJsonArray ids;
            if (Status s = forEachRow(m_db,
                                      u"SELECT pupil_id FROM group_members WHERE group_id = ? AND school_id = ? "
                                      u"ORDER BY pupil_id"_s,
                                      {id, schoolId}, u"reading group members"_s,
                                      [&](QSqlQuery &row) { ids.append(row.value(0).toString()); });
                !s)
                return s.error();
            data.insert(u"pupil_ids"_s, ids);
        } else if (change.type == ChangeType::Scale) {
            QJsonArray list;
            if (Status s = forEachRow(m_db,
                                      u"SELECT code, label, shortcut, points, colour, position FROM scale_values "
                                      u"WHERE scale_id = ? ORDER BY position"_s,
                                      {id}, u"reading scale values"_s,
                                      [&](QSqlQuery &row) {
                                          list.append(QJsonObject{{u"code"_s, row.value(0).toString()},
                                                                  {u"label"_s, row.value(1).toString()},
                                                                  {u"shortcut"_s, row.value(2).toString()},
                                                                  {u"points"_s, row.value(3).toDouble()},
                                                                  {u"colour"_s, row.value(4).toString()},
                                                                  {u"position"_s, row.value(5).toInt()}});
                                      });
                !s)
                return s.error();
            data.insert(u"values"_s, list);
        } else {
            QJsonArray list;
            if (Status s = forEachRow(m_db,
                                      u"SELECT id, position, code, statement FROM objectives "
                                      u"WHERE framework_id = ? AND school_id = ? ORDER BY position"_s,
                                      {id, schoolId}, u"reading objectives"_s,
                                      [&](QSqlQuery &row) {
                                          list.append(QJsonObject{{u"id"_s, row.value(0).toString()},
                                                                  {u"position"_s, row.value(1).toInt()},
                                                                  {u"code"_s, row.value(2).toString()},
                                                                  {u"statement"_s, row.value(3).toString()}});
                                      });
                !s)
                return s.error();
            data.insert(u"objectives"_s, list);
        }
        json.insert(u"data"_s, data);
        encoded.append(QJsonDocument(json).toJson(QJsonDocument::Compact));
    }

    // A full page: resume after its last change. Otherwise everything below the high water
    // mark has been seen, in scope or not.
    response.nextCursor = response.hasMore ? changes.constLast().seq : current;
    return response.encodeWith(encoded);
}

}  // namespace otrack
