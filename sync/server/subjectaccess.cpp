#include "subjectaccess.h"

#include "serverdatabase.h"
#include "sqljson.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue textOrNull(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value.toString());
}

// One query's rows; `row` turns the current row into JSON.
template <typename Row>
Result<QJsonArray> rows(QSqlDatabase db, const QString &sql, const QVariantList &values, Row row)
{
    QSqlQuery query(db);
    if (Status s = execSql(query, sql, values, u"collecting a subject access report"_s); !s)
        return s.error();
    QJsonArray out;
    while (query.next())
        out.append(row(query));
    return out;
}

}  // namespace

Result<QJsonObject> SubjectAccess::collect(const Caller &caller, const QString &pupilId, qint64 nowMs)
{
    if (caller.role != Role::Admin && caller.role != Role::Owner)
        return Error{ErrorCode::Forbidden, u"only an admin or the owner may make a subject access report"_s};
    const QString &school = caller.schoolId;

    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"SELECT * FROM pupils WHERE id = ? AND school_id = ?"_s, {pupilId, school},
                           u"reading the pupil"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such pupil in this school"_s};
    QJsonObject pupil;
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i) {
        const QString name = record.fieldName(i);
        if (name == u"school_id"_s || name == u"seq"_s)
            continue;  // bookkeeping, not about the pupil
        pupil.insert(name, sqlValueToJson(query.value(i)));
    }

    if (Status s
        = execSql(query, u"SELECT id, name, urn FROM schools WHERE id = ?"_s, {school}, u"reading the school"_s);
        !s)
        return s.error();
    QJsonObject schoolJson;
    if (query.next())
        schoolJson = QJsonObject{{u"id"_s, query.value(0).toString()},
                                 {u"name"_s, query.value(1).toString()},
                                 {u"urn"_s, query.value(2).toString()}};

    // Staff by id, for authors and actors; ids that are not staff (the admin CLI, an import)
    // stand for themselves.
    QHash<QString, QString> staffNames;
    if (Status s
        = execSql(query, u"SELECT id, display_name FROM staff WHERE school_id = ?"_s, {school}, u"reading staff"_s);
        !s)
        return s.error();
    while (query.next())
        staffNames.insert(query.value(0).toString(), query.value(1).toString());
    const auto person = [&](const QString &id) {
        return QJsonObject{{u"id"_s, id}, {u"name"_s, staffNames.value(id, id)}};
    };

    auto groups = rows(m_db,
                       u"SELECT g.id, g.name, g.kind, g.year_group FROM groups g JOIN group_members m ON "
                       u"m.group_id = g.id WHERE m.pupil_id = ? AND m.school_id = ? ORDER BY g.name"_s,
                       {pupilId, school}, [](const QSqlQuery &q) {
                           return QJsonObject{{u"id"_s, q.value(0).toString()},
                                              {u"name"_s, q.value(1).toString()},
                                              {u"kind"_s, q.value(2).toString()},
                                              {u"year_group"_s, q.value(3).toInt()}};
                       });
    if (!groups)
        return groups.error();

    // Every write attempt, grouped by cell; then the cells, current mark or not.
    QHash<QString, QJsonArray> history;
    if (Status s = execSql(query,
                           u"SELECT term_id, objective_id, user_id, device_id, server_time, client_time, outcome, "
                           u"old_value, new_value, base_version FROM mark_events WHERE school_id = ? AND pupil_id = ? "
                           u"ORDER BY id"_s,
                           {school, pupilId}, u"reading the marks' history"_s);
        !s)
        return s.error();
    while (query.next())
        history[query.value(0).toString() + u'|' + query.value(1).toString()].append(
            QJsonObject{{u"at"_s, isoTime(query.value(4).toLongLong())},
                        {u"client_time"_s, isoTime(query.value(5).toLongLong())},
                        {u"by"_s, person(query.value(2).toString())},
                        {u"device_id"_s, query.value(3).toString()},
                        {u"outcome"_s, query.value(6).toString()},
                        {u"old_value"_s, textOrNull(query.value(7))},
                        {u"new_value"_s, textOrNull(query.value(8))},
                        {u"base_version"_s, query.value(9).toLongLong()}});

    // The cells: those with a mark, and those with history only (a rejected or cleared write).
    const QString cellSql
        = u"SELECT c.term_id, c.objective_id, t.name, t.academic_year, o.code, o.statement, f.name, m.value, "
          u"sv.label, m.note, m.author_id, m.server_time, m.version FROM "
          u"(SELECT term_id, objective_id FROM marks WHERE pupil_id = ? AND school_id = ? UNION "
          u"SELECT term_id, objective_id FROM mark_events WHERE pupil_id = ? AND school_id = ?) c "
          u"LEFT JOIN marks m ON m.pupil_id = ? AND m.term_id = c.term_id AND m.objective_id = c.objective_id "
          u"LEFT JOIN terms t ON t.id = c.term_id LEFT JOIN objectives o ON o.id = c.objective_id "
          u"LEFT JOIN frameworks f ON f.id = o.framework_id "
          u"LEFT JOIN scale_values sv ON sv.scale_id = f.scale_id AND sv.code = m.value "
          u"ORDER BY f.name, t.academic_year, t.position, o.position"_s;
    auto marks = rows(m_db, cellSql, {pupilId, school, pupilId, school, pupilId}, [&](const QSqlQuery &q) {
        QJsonObject cell{{u"framework"_s, q.value(6).toString()},
                         {u"objective_code"_s, q.value(4).toString()},
                         {u"objective"_s, q.value(5).toString()},
                         {u"term"_s, q.value(2).toString()},
                         {u"academic_year"_s, q.value(3).toString()},
                         {u"value"_s, textOrNull(q.value(7))},
                         {u"value_label"_s, textOrNull(q.value(8))},
                         {u"note"_s, q.value(9).toString()},
                         {u"history"_s, history.value(q.value(0).toString() + u'|' + q.value(1).toString())}};
        if (!q.value(10).isNull()) {
            cell.insert(u"author"_s, person(q.value(10).toString()));
            cell.insert(u"updated_at"_s, isoTime(q.value(11).toLongLong()));
            cell.insert(u"version"_s, q.value(12).toLongLong());
        }
        return cell;
    });
    if (!marks)
        return marks.error();

    auto audit = rows(m_db,
                      u"SELECT actor_id, action, at, detail FROM audit_events WHERE school_id = ? AND entity = "
                      u"'pupil' AND entity_id = ? ORDER BY at, id"_s,
                      {school, pupilId}, [&](const QSqlQuery &q) {
                          return QJsonObject{{u"by"_s, person(q.value(0).toString())},
                                             {u"action"_s, q.value(1).toString()},
                                             {u"at"_s, isoTime(q.value(2).toLongLong())},
                                             {u"detail"_s, q.value(3).toString()}};
                      });
    if (!audit)
        return audit.error();

    return QJsonObject{{u"kind"_s, u"otrack_subject_access_report"_s},
                       {u"version"_s, 1},
                       {u"generated_at"_s, isoTime(nowMs)},
                       {u"generated_by"_s, person(caller.userId)},
                       {u"school"_s, schoolJson},
                       {u"pupil"_s, pupil},
                       {u"groups"_s, groups.value()},
                       {u"marks"_s, marks.value()},
                       {u"audit_events"_s, audit.value()}};
}

}  // namespace otrack
