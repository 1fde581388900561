#include "misimporter.h"

#include "logging.h"
#include "schooladmin.h"
#include "serverdatabase.h"
#include "statutoryresults.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <map>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

const QString kStatutory = statutory::frameworkName();
const QString kStatutoryTerm = statutory::termName();
const QString kImportDevice = u"mis-import"_s;
// After the school's own terms in a year's list.
constexpr int kStatutoryTermPosition = 100;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QVariant dateOrNull(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

int flag(bool value)
{
    return value ? 1 : 0;
}

// The pupil as stored, and as the import would leave them.
Pupil merged(Pupil pupil, const ImportedPupil &in)
{
    pupil.upn = in.upn;
    pupil.legalSurname = in.legalSurname;
    pupil.legalForename = in.legalForename;
    pupil.preferredSurname = in.preferredSurname.value_or(pupil.preferredSurname);
    pupil.preferredForename = in.preferredForename.value_or(pupil.preferredForename);
    if (in.dateOfBirth)
        pupil.dateOfBirth = *in.dateOfBirth;
    pupil.gender = in.gender.value_or(pupil.gender);
    pupil.yearGroup = in.yearGroup.value_or(pupil.yearGroup);
    pupil.pupilPremium = in.pupilPremium.value_or(pupil.pupilPremium);
    pupil.freeSchoolMeals = in.freeSchoolMeals.value_or(pupil.freeSchoolMeals);
    pupil.senStatus = in.senStatus.value_or(pupil.senStatus);
    pupil.eal = in.eal.value_or(pupil.eal);
    pupil.lookedAfter = in.lookedAfter.value_or(pupil.lookedAfter);
    if (in.onRollDate)
        pupil.onRollDate = *in.onRollDate;
    return pupil;
}

// The names of the fields that differ: what an audit event may say about a change.
QStringList changedFields(const Pupil &a, const Pupil &b)
{
    QStringList fields;
    const auto check = [&](bool differs, const char16_t *name) {
        if (differs)
            fields << QString::fromUtf16(name);
    };
    check(a.upn != b.upn, u"upn");
    check(a.legalSurname != b.legalSurname, u"legal_surname");
    check(a.legalForename != b.legalForename, u"legal_forename");
    check(a.preferredSurname != b.preferredSurname, u"preferred_surname");
    check(a.preferredForename != b.preferredForename, u"preferred_forename");
    check(a.dateOfBirth != b.dateOfBirth, u"date_of_birth");
    check(a.gender != b.gender, u"gender");
    check(a.yearGroup != b.yearGroup, u"year_group");
    check(a.pupilPremium != b.pupilPremium, u"pupil_premium");
    check(a.freeSchoolMeals != b.freeSchoolMeals, u"free_school_meals");
    check(a.senStatus != b.senStatus, u"sen_status");
    check(a.eal != b.eal, u"eal");
    check(a.lookedAfter != b.lookedAfter, u"looked_after");
    check(a.onRollDate != b.onRollDate, u"on_roll_date");
    check(a.leftDate != b.leftDate, u"left_date");
    return fields;
}

struct Cell {
    QString value;
    QString note;
    qint64 version = 0;
};

// Rows for one table, written many to a statement: an import of a whole school writes tens of
// thousands, and on PostgreSQL each statement is a round trip.
class RowBatch {
public:
    RowBatch(QSqlDatabase db, QString insertHead, int columns)
        : m_db(std::move(db)), m_head(std::move(insertHead)), m_columns(columns)
    {
    }

    Status add(const QVariantList &row)
    {
        m_values.append(row);
        return ++m_rows == kRows ? flush() : Status();
    }

    Status flush()
    {
        if (m_rows == 0)
            return {};
        const bool full = m_rows == kRows;
        QSqlQuery &query = full ? m_full : m_partial;
        if (!full || !m_fullPrepared) {
            const QString row = u'(' + QStringList(m_columns, u"?"_s).join(u", "_s) + u')';
            if (!query.prepare(m_head + QStringList(m_rows, row).join(u", "_s)))
                return sqlError(query.lastError(), u"importing pupils"_s);
            m_fullPrepared = m_fullPrepared || full;
        }
        const Status done = execSql(query, m_values, u"importing pupils"_s);
        m_values.clear();
        m_rows = 0;
        return done;
    }

private:
    static constexpr int kRows = 100;
    QSqlDatabase m_db;
    QString m_head;  // "INSERT INTO t (a, b) VALUES "
    int m_columns;
    QVariantList m_values;
    int m_rows = 0;
    QSqlQuery m_full{m_db};
    QSqlQuery m_partial{m_db};
    bool m_fullPrepared = false;
};

// One import inside its transaction. Writes done for many rows are prepared once (write()), and
// marks and mark events go in batches.
class ImportRun {
public:
    ImportRun(QSqlDatabase db, const Caller &caller, qint64 nowMs)
        : m_db(std::move(db)), m_caller(caller), m_now(nowMs), m_today(QDateTime::fromMSecsSinceEpoch(nowMs).date()),
          m_importId(newId()),
          m_newMarks(m_db,
                     u"INSERT INTO marks (school_id, pupil_id, term_id, objective_id, value, note, author_id, "
                     u"client_time, server_time, version, seq) VALUES "_s,
                     11),
          m_markEvents(m_db,
                       u"INSERT INTO mark_events (school_id, pupil_id, term_id, objective_id, user_id, device_id, "
                       u"op_id, base_version, old_value, new_value, client_time, server_time, outcome) VALUES "_s,
                       13)
    {
    }

    Status run(const ImportPlan &plan, const ImportOptions &options, ImportReport &report);

private:
    Status lockSchool();
    Status loadPupils();
    Status applyPupil(const ImportedPupil &in, ImportReport &report, QString &pupilId);
    Status writePupil(const Pupil &pupil, bool insert);
    Status markLeavers(const QSet<QString> &upnsInFile, ImportReport &report);
    Status prepareStatutory();
    Result<QString> termFor(const QString &year);
    Result<QString> objectiveFor(const StatutoryResult &result);
    Status ensureValue(const QString &code);
    Status applyResult(const QString &pupilId, const StatutoryResult &result, ImportReport &report);
    Status loadClasses();
    Status setClass(const QString &pupilId, const QString &name, int yearGroup, ImportReport &report);
    Status finish(const ImportReport &report, const ImportPlan &plan);
    Status audit(const QString &action, const QString &entity, const QString &entityId, const QString &detail)
    {
        return write(SchoolAdmin::auditInsertSql(),
                     {m_caller.schoolId, m_caller.userId, action, entity, entityId, detail, m_now});
    }
    // A read, or a write done once.
    Status exec(QSqlQuery &query, const QString &sql, const QVariantList &values)
    {
        return execSql(query, sql, values, u"importing pupils"_s);
    }
    // A write done for many rows: prepared on first use.
    Status write(const QString &sql, const QVariantList &values)
    {
        auto [at, added] = m_statements.try_emplace(sql, m_db);
        if (added && !at->second.prepare(sql))
            return sqlError(at->second.lastError(), u"importing pupils"_s);
        return execSql(at->second, values, u"importing pupils"_s);
    }

    QSqlDatabase m_db;
    const Caller &m_caller;
    qint64 m_now;
    QDate m_today;
    QString m_importId;
    qint64 m_nextSeq = 0;
    qint64 m_events = 0;

    QHash<QString, Pupil> m_pupilsByUpn;  // on roll first: a UPN held twice matches the pupil on roll

    bool m_statutoryReady = false;
    QString m_scaleId;
    QString m_frameworkId;
    bool m_scaleChanged = false;
    bool m_frameworkChanged = false;
    QHash<QString, QString> m_objectives;  // code -> id
    int m_nextObjective = 0;
    QSet<QString> m_values;
    int m_nextValue = 0;
    QHash<QString, QString> m_terms;  // academic year -> id
    QHash<QString, Cell> m_cells;  // pupil/term/objective -> cell
    bool m_classesLoaded = false;
    QHash<QString, QString> m_classByName;  // lower-case name -> group id
    QHash<QString, QSet<QString>> m_classesOfPupil;  // pupil id -> class group ids
    QSet<QString> m_changedGroups;
    std::map<QString, QSqlQuery> m_statements;  // sql -> prepared
    RowBatch m_newMarks;
    RowBatch m_markEvents;
};

Status ImportRun::lockSchool()
{
    // The school's row first (the one lock order), and the first free number of its sequence;
    // the numbers used are written back once, in finish().
    auto next = SchoolAdmin::allocateSequence(m_db, m_caller.schoolId, 0);
    if (!next)
        return next.error();
    m_nextSeq = next.value();
    QSqlQuery query(m_db);
    if (Status s = exec(query, u"SELECT status FROM schools WHERE id = ?"_s, {m_caller.schoolId}); !s)
        return s;
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    const auto status = schoolStatusFromString(query.value(0).toString());
    if (status == SchoolStatus::AwaitingTerms)
        return Error{ErrorCode::Forbidden,
                     u"the school has not accepted the Data Processing Terms yet: OTrack takes no pupil data until "
                     u"it has"_s};
    if (status != SchoolStatus::Active)
        return Error{ErrorCode::Forbidden, u"the school is suspended: OTrack takes no pupil data"_s};
    return {};
}

Status ImportRun::loadPupils()
{
    QSqlQuery query(m_db);
    if (Status s = exec(query,
                        u"SELECT id, upn, legal_surname, legal_forename, preferred_surname, preferred_forename, "
                        u"date_of_birth, gender, year_group, pupil_premium, free_school_meals, sen_status, eal, "
                        u"looked_after, on_roll_date, left_date FROM pupils WHERE school_id = ? "
                        u"ORDER BY CASE WHEN left_date IS NULL THEN 1 ELSE 0 END, id"_s,
                        {m_caller.schoolId});
        !s)
        return s;
    while (query.next()) {
        Pupil pupil;
        pupil.id = query.value(0).toString();
        pupil.schoolId = m_caller.schoolId;
        pupil.upn = query.value(1).toString();
        pupil.legalSurname = query.value(2).toString();
        pupil.legalForename = query.value(3).toString();
        pupil.preferredSurname = query.value(4).toString();
        pupil.preferredForename = query.value(5).toString();
        pupil.dateOfBirth = QDate::fromString(query.value(6).toString(), Qt::ISODate);
        pupil.gender = query.value(7).toString();
        pupil.yearGroup = query.value(8).toInt();
        pupil.pupilPremium = query.value(9).toInt() != 0;
        pupil.freeSchoolMeals = query.value(10).toInt() != 0;
        pupil.senStatus = query.value(11).toString();
        pupil.eal = query.value(12).toInt() != 0;
        pupil.lookedAfter = query.value(13).toInt() != 0;
        pupil.onRollDate = QDate::fromString(query.value(14).toString(), Qt::ISODate);
        pupil.leftDate = QDate::fromString(query.value(15).toString(), Qt::ISODate);
        m_pupilsByUpn.insert(pupil.upn, pupil);  // the ORDER BY puts pupils on roll last: they win
    }
    return {};
}

Status ImportRun::writePupil(const Pupil &pupil, bool insert)
{
    const QVariantList values{pupil.upn,
                              pupil.legalSurname,
                              pupil.legalForename,
                              pupil.preferredSurname,
                              pupil.preferredForename,
                              dateOrNull(pupil.dateOfBirth),
                              pupil.gender,
                              pupil.yearGroup,
                              flag(pupil.pupilPremium),
                              flag(pupil.freeSchoolMeals),
                              pupil.senStatus,
                              flag(pupil.eal),
                              flag(pupil.lookedAfter),
                              dateOrNull(pupil.onRollDate),
                              dateOrNull(pupil.leftDate),
                              m_nextSeq++,
                              pupil.id,
                              m_caller.schoolId};
    if (insert)
        return write(u"INSERT INTO pupils (upn, legal_surname, legal_forename, preferred_surname, preferred_forename, "
                     u"date_of_birth, gender, year_group, pupil_premium, free_school_meals, sen_status, eal, "
                     u"looked_after, on_roll_date, left_date, seq, id, school_id) "
                     u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                     values);
    return write(u"UPDATE pupils SET upn = ?, legal_surname = ?, legal_forename = ?, preferred_surname = ?, "
                 u"preferred_forename = ?, date_of_birth = ?, gender = ?, year_group = ?, pupil_premium = ?, "
                 u"free_school_meals = ?, sen_status = ?, eal = ?, looked_after = ?, on_roll_date = ?, "
                 u"left_date = ?, seq = ? WHERE id = ? AND school_id = ?"_s,
                 values);
}

Status ImportRun::applyPupil(const ImportedPupil &in, ImportReport &report, QString &pupilId)
{
    auto found = m_pupilsByUpn.find(in.upn);
    // A temporary UPN replaced by the permanent one in the MIS: the same pupil.
    if (found == m_pupilsByUpn.end() && !in.formerUpn.isEmpty())
        found = m_pupilsByUpn.find(in.formerUpn);
    if (found == m_pupilsByUpn.end()) {
        Pupil pupil;
        pupil.id = newId();
        pupil.schoolId = m_caller.schoolId;
        pupil.senStatus = u"N"_s;
        pupil = merged(pupil, in);
        if (!pupil.onRollDate.isValid())
            pupil.onRollDate = m_today;
        if (Status s = writePupil(pupil, true); !s)
            return s;
        if (Status s = audit(u"import_add_pupil"_s, u"pupil"_s, pupil.id, u"import="_s + m_importId); !s)
            return s;
        ++report.created;
        pupilId = pupil.id;
        m_pupilsByUpn.insert(pupil.upn, pupil);
        return {};
    }
    const Pupil before = found.value();
    Pupil after = merged(before, in);
    const bool rejoined = before.leftDate.isValid();
    after.leftDate = QDate();
    pupilId = before.id;
    const QStringList fields = changedFields(before, after);
    if (fields.isEmpty()) {
        ++report.unchanged;
        return {};
    }
    if (Status s = writePupil(after, false); !s)
        return s;
    if (Status s = audit(rejoined ? u"import_rejoin_pupil"_s : u"import_update_pupil"_s, u"pupil"_s, before.id,
                         u"import=%1 fields=%2"_s.arg(m_importId, fields.join(u',')));
        !s)
        return s;
    if (before.upn != after.upn)
        m_pupilsByUpn.remove(before.upn);
    m_pupilsByUpn.insert(after.upn, after);
    ++(rejoined ? report.rejoined : report.updated);
    return {};
}

Status ImportRun::markLeavers(const QSet<QString> &upnsInFile, ImportReport &report)
{
    for (auto it = m_pupilsByUpn.begin(); it != m_pupilsByUpn.end(); ++it) {
        Pupil &pupil = it.value();
        if (pupil.leftDate.isValid() || upnsInFile.contains(pupil.upn))
            continue;
        pupil.leftDate = m_today;
        if (Status s = write(u"UPDATE pupils SET left_date = ?, seq = ? WHERE id = ? AND school_id = ?"_s,
                             {dateOrNull(m_today), m_nextSeq++, pupil.id, m_caller.schoolId});
            !s)
            return s;
        if (Status s = audit(u"import_mark_left"_s, u"pupil"_s, pupil.id, u"import="_s + m_importId); !s)
            return s;
        ++report.markedLeft;
    }
    return {};
}

Status ImportRun::prepareStatutory()
{
    m_statutoryReady = true;
    const QString &school = m_caller.schoolId;
    QSqlQuery query(m_db);
    if (Status s = exec(query, u"SELECT id, scale_id FROM frameworks WHERE school_id = ? AND name = ? ORDER BY id"_s,
                        {school, kStatutory});
        !s)
        return s;
    if (query.next()) {
        m_frameworkId = query.value(0).toString();
        m_scaleId = query.value(1).toString();
    } else {
        m_scaleId = newId();
        m_frameworkId = newId();
        if (Status s = exec(query, u"INSERT INTO scales (id, school_id, name, seq) VALUES (?, ?, ?, 0)"_s,
                            {m_scaleId, school, kStatutory});
            !s)
            return s;
        if (Status s = exec(query,
                            u"INSERT INTO frameworks (id, school_id, name, subject, scale_id, seq) "
                            u"VALUES (?, ?, ?, ?, ?, 0)"_s,
                            {m_frameworkId, school, kStatutory, u"Statutory"_s, m_scaleId});
            !s)
            return s;
        m_scaleChanged = m_frameworkChanged = true;
        if (Status s = audit(u"add_framework"_s, u"framework"_s, m_frameworkId, u"import="_s + m_importId); !s)
            return s;
    }
    if (Status s = exec(query, u"SELECT code, position FROM scale_values WHERE scale_id = ?"_s, {m_scaleId}); !s)
        return s;
    while (query.next()) {
        m_values.insert(query.value(0).toString());
        m_nextValue = std::max(m_nextValue, query.value(1).toInt() + 1);
    }
    if (Status s = exec(query, u"SELECT id, code, position FROM objectives WHERE framework_id = ? AND school_id = ?"_s,
                        {m_frameworkId, school});
        !s)
        return s;
    while (query.next()) {
        m_objectives.insert(query.value(1).toString(), query.value(0).toString());
        m_nextObjective = std::max(m_nextObjective, query.value(2).toInt() + 1);
    }
    if (Status s = exec(query, u"SELECT id, academic_year FROM terms WHERE school_id = ? AND name = ?"_s,
                        {school, kStatutoryTerm});
        !s)
        return s;
    while (query.next())
        m_terms.insert(query.value(1).toString(), query.value(0).toString());
    if (Status s = exec(query,
                        u"SELECT m.pupil_id, m.term_id, m.objective_id, m.value, m.note, m.version FROM marks m "
                        u"JOIN objectives o ON o.id = m.objective_id WHERE o.framework_id = ? AND m.school_id = ?"_s,
                        {m_frameworkId, school});
        !s)
        return s;
    while (query.next())
        m_cells.insert(
            QStringList{query.value(0).toString(), query.value(1).toString(), query.value(2).toString()}.join(u'|'),
            Cell{query.value(3).toString(), query.value(4).toString(), query.value(5).toLongLong()});
    return {};
}

Result<QString> ImportRun::termFor(const QString &year)
{
    const QString academicYear = statutory::academicYearOf(year);
    if (auto found = m_terms.constFind(academicYear); found != m_terms.cend())
        return found.value();
    const QString id = newId();
    QSqlQuery query(m_db);
    if (Status s = exec(query,
                        u"INSERT INTO terms (id, school_id, name, academic_year, position, locked, seq) "
                        u"VALUES (?, ?, ?, ?, ?, 1, ?)"_s,
                        {id, m_caller.schoolId, kStatutoryTerm, academicYear, kStatutoryTermPosition, m_nextSeq++});
        !s)
        return s.error();
    if (Status s = audit(u"add_term"_s, u"term"_s, id, u"import="_s + m_importId); !s)
        return s.error();
    m_terms.insert(academicYear, id);
    return id;
}

Result<QString> ImportRun::objectiveFor(const StatutoryResult &result)
{
    const QString code = statutory::objectiveCode(result);
    if (auto found = m_objectives.constFind(code); found != m_objectives.cend())
        return found.value();
    const QString id = newId();
    QSqlQuery query(m_db);
    if (Status s
        = exec(query,
               u"INSERT INTO objectives (id, school_id, framework_id, position, code, statement) "
               u"VALUES (?, ?, ?, ?, ?, ?)"_s,
               {id, m_caller.schoolId, m_frameworkId, m_nextObjective++, code, statutory::objectiveStatement(result)});
        !s)
        return s.error();
    m_objectives.insert(code, id);
    m_frameworkChanged = true;
    return id;
}

Status ImportRun::ensureValue(const QString &code)
{
    if (m_values.contains(code))
        return {};
    bool numeric = false;
    const double points = code.toDouble(&numeric);
    QSqlQuery query(m_db);
    if (Status s = exec(query,
                        u"INSERT INTO scale_values (scale_id, position, code, label, shortcut, points, colour) "
                        u"VALUES (?, ?, ?, ?, '', ?, '')"_s,
                        {m_scaleId, m_nextValue++, code, code, numeric ? points : 0.0});
        !s)
        return s;
    m_values.insert(code);
    m_scaleChanged = true;
    return {};
}

Status ImportRun::applyResult(const QString &pupilId, const StatutoryResult &result, ImportReport &report)
{
    if (!m_statutoryReady)
        if (Status s = prepareStatutory(); !s)
            return s;
    auto term = termFor(result.year);
    if (!term)
        return term.error();
    auto objective = objectiveFor(result);
    if (!objective)
        return objective.error();
    if (Status s = ensureValue(result.result); !s)
        return s;
    const QString key = QStringList{pupilId, term.value(), objective.value()}.join(u'|');
    const QString note = statutory::note(result);
    const auto found = m_cells.constFind(key);
    const bool exists = found != m_cells.cend();
    const Cell before = exists ? found.value() : Cell{};
    if (exists && before.value == result.result && before.note == note) {
        ++report.resultsUnchanged;
        return {};
    }
    const qint64 version = before.version + 1;
    const qint64 seq = m_nextSeq++;
    const Status written = exists
        ? write(u"UPDATE marks SET value = ?, note = ?, author_id = ?, client_time = ?, server_time = ?, "
                u"version = ?, seq = ? WHERE pupil_id = ? AND term_id = ? AND objective_id = ?"_s,
                {result.result, note, m_caller.userId, m_now, m_now, version, seq, pupilId, term.value(),
                 objective.value()})
        : m_newMarks.add({m_caller.schoolId, pupilId, term.value(), objective.value(), result.result, note,
                          m_caller.userId, m_now, m_now, version, seq});
    if (!written)
        return written;
    // The mark's history, as for a teacher's push: who, when, from what to what.
    if (Status s
        = m_markEvents.add({m_caller.schoolId, pupilId, term.value(), objective.value(), m_caller.userId, kImportDevice,
                            u"import:%1:%2"_s.arg(m_importId).arg(++m_events), before.version,
                            exists ? QVariant(before.value) : QVariant(), result.result, m_now, m_now, u"applied"_s});
        !s)
        return s;
    m_cells.insert(key, Cell{result.result, note, version});
    ++(exists ? report.resultsUpdated : report.resultsCreated);
    return {};
}

Status ImportRun::loadClasses()
{
    m_classesLoaded = true;
    QSqlQuery query(m_db);
    if (Status s = exec(query, u"SELECT id, name FROM groups WHERE school_id = ? AND kind = 'class' ORDER BY id"_s,
                        {m_caller.schoolId});
        !s)
        return s;
    while (query.next())
        m_classByName.insert(query.value(1).toString().trimmed().toLower(), query.value(0).toString());
    if (Status s = exec(query,
                        u"SELECT gm.pupil_id, gm.group_id FROM group_members gm JOIN groups g ON g.id = gm.group_id "
                        u"WHERE g.school_id = ? AND g.kind = 'class'"_s,
                        {m_caller.schoolId});
        !s)
        return s;
    while (query.next())
        m_classesOfPupil[query.value(0).toString()].insert(query.value(1).toString());
    return {};
}

Status ImportRun::setClass(const QString &pupilId, const QString &name, int yearGroup, ImportReport &report)
{
    if (!m_classesLoaded)
        if (Status s = loadClasses(); !s)
            return s;
    QString classId = m_classByName.value(name.toLower());
    if (classId.isEmpty()) {
        classId = newId();
        if (Status s = write(
                u"INSERT INTO groups (id, school_id, name, kind, year_group, seq) VALUES (?, ?, ?, 'class', ?, 0)"_s,
                {classId, m_caller.schoolId, name, yearGroup});
            !s)
            return s;
        if (Status s = audit(u"add_group"_s, u"group"_s, classId, u"import="_s + m_importId); !s)
            return s;
        m_classByName.insert(name.toLower(), classId);
        ++report.classesCreated;
    }
    QSet<QString> &classes = m_classesOfPupil[pupilId];
    if (classes == QSet<QString>{classId})
        return {};
    for (const QString &other : std::as_const(classes)) {
        if (other == classId)
            continue;
        if (Status s = write(u"DELETE FROM group_members WHERE group_id = ? AND pupil_id = ? AND school_id = ?"_s,
                             {other, pupilId, m_caller.schoolId});
            !s)
            return s;
        m_changedGroups.insert(other);
    }
    if (!classes.contains(classId)) {
        if (Status s = write(u"INSERT INTO group_members (school_id, group_id, pupil_id) VALUES (?, ?, ?)"_s,
                             {m_caller.schoolId, classId, pupilId});
            !s)
            return s;
        m_changedGroups.insert(classId);
    }
    classes = {classId};
    ++report.classChanges;
    return audit(u"import_set_class"_s, u"pupil"_s, pupilId, u"import=%1 group=%2"_s.arg(m_importId, classId));
}

Status ImportRun::finish(const ImportReport &report, const ImportPlan &plan)
{
    // A class whose members changed is pulled again with them, and its teachers re-sync: their
    // scope grew or shrank under rows with older numbers.
    for (const QString &group : std::as_const(m_changedGroups)) {
        const qint64 seq = m_nextSeq++;
        if (Status s
            = write(u"UPDATE groups SET seq = ? WHERE id = ? AND school_id = ?"_s, {seq, group, m_caller.schoolId});
            !s)
            return s;
        // Each teacher's row under a number of its own (SchoolAdmin::bumpEpoch says why).
        QSqlQuery teachers(m_db);
        if (Status s = exec(teachers,
                            u"SELECT staff_id FROM staff_groups WHERE school_id = ? AND group_id = ? "
                            u"ORDER BY staff_id"_s,
                            {m_caller.schoolId, group});
            !s)
            return s;
        QStringList staffIds;
        while (teachers.next())
            staffIds.append(teachers.value(0).toString());
        for (const QString &staffId : std::as_const(staffIds))
            if (Status s = write(u"UPDATE staff SET epoch = epoch + 1, seq = ? WHERE school_id = ? AND id = ?"_s,
                                 {m_nextSeq++, m_caller.schoolId, staffId});
                !s)
                return s;
    }
    if (Status s = m_newMarks.flush(); !s)
        return s;
    if (Status s = m_markEvents.flush(); !s)
        return s;
    QSqlQuery query(m_db);
    // A changed scale or framework is pulled again whole, with its values or objectives.
    if (m_scaleChanged)
        if (Status s = exec(query, u"UPDATE scales SET seq = ? WHERE id = ? AND school_id = ?"_s,
                            {m_nextSeq++, m_scaleId, m_caller.schoolId});
            !s)
            return s;
    if (m_frameworkChanged)
        if (Status s = exec(query, u"UPDATE frameworks SET seq = ? WHERE id = ? AND school_id = ?"_s,
                            {m_nextSeq++, m_frameworkId, m_caller.schoolId});
            !s)
            return s;
    if (Status s = exec(query, u"UPDATE schools SET next_seq = ? WHERE id = ?"_s, {m_nextSeq, m_caller.schoolId}); !s)
        return s;
    return audit(u"import"_s, u"school"_s, m_caller.schoolId,
                 u"import=%1 format=%2 records=%3 created=%4 updated=%5 rejoined=%6 left=%7 results=%8"_s
                     .arg(m_importId, plan.source.format)
                     .arg(plan.recordCount)
                     .arg(report.created)
                     .arg(report.updated)
                     .arg(report.rejoined)
                     .arg(report.markedLeft)
                     .arg(report.resultsCreated + report.resultsUpdated));
}

Status ImportRun::run(const ImportPlan &plan, const ImportOptions &options, ImportReport &report)
{
    if (Status s = lockSchool(); !s)
        return s;
    if (Status s = loadPupils(); !s)
        return s;
    for (const ImportedPupil &in : plan.pupils) {
        QString pupilId;
        if (Status s = applyPupil(in, report, pupilId); !s)
            return s;
        if (in.classGroup)
            if (Status s = setClass(pupilId, *in.classGroup, in.yearGroup.value_or(0), report); !s)
                return s;
        // The file's last result for a cell is the one that counts.
        QHash<QString, const StatutoryResult *> latest;
        QStringList order;
        for (const StatutoryResult &result : in.results) {
            const QString key = statutory::objectiveCode(result) + u'|' + result.year;
            if (!latest.contains(key))
                order << key;
            latest.insert(key, &result);
        }
        for (const QString &key : order)
            if (Status s = applyResult(pupilId, *latest.value(key), report); !s)
                return s;
    }
    if (options.fullRoll)
        if (Status s = markLeavers(plan.upnsInFile, report); !s)
            return s;
    return finish(report, plan);
}

}  // namespace

QJsonObject ImportReport::toJson() const
{
    return QJsonObject{{u"dry_run"_s, dryRun},
                       {u"created"_s, created},
                       {u"updated"_s, updated},
                       {u"unchanged"_s, unchanged},
                       {u"rejoined"_s, rejoined},
                       {u"marked_left"_s, markedLeft},
                       {u"skipped_records"_s, skippedRecords},
                       {u"classes_created"_s, classesCreated},
                       {u"class_changes"_s, classChanges},
                       {u"results_created"_s, resultsCreated},
                       {u"results_updated"_s, resultsUpdated},
                       {u"results_unchanged"_s, resultsUnchanged},
                       {u"plan"_s, plan}};
}

Status MisImporter::requireImporter(const Caller &caller)
{
    if (caller.role == Role::Admin || caller.role == Role::Owner)
        return {};
    return Error{ErrorCode::Forbidden, u"only an admin or the owner may import pupils"_s};
}

Result<ImportReport> MisImporter::apply(const Caller &caller, const ImportPlan &plan, const ImportOptions &options,
                                        qint64 nowMs)
{
    if (Status allowed = requireImporter(caller); !allowed)
        return allowed.error();
    if (Status applicable = plan.checkApplicable(options.mode, options.fullRoll); !applicable)
        return applicable.error();
    ImportReport report;
    report.dryRun = options.dryRun;
    report.plan = plan.toJson();
    report.skippedRecords = plan.invalidRecordCount();
    WriteTransaction transaction(m_db);
    if (Status s = transaction.begin(u"an import"_s); !s)
        return s.error();
    ImportRun run(m_db, caller, nowMs);
    if (Status s = run.run(plan, options, report); !s)
        return s.error();
    if (options.dryRun)
        return report;  // the transaction's destructor rolls everything back
    if (Status s = transaction.commit(); !s)
        return s.error();
    qCInfo(lcServer) << "import applied: school" << caller.schoolId << "created" << report.created << "updated"
                     << report.updated << "left" << report.markedLeft;
    return report;
}

}  // namespace otrack
