#include "rosterstore.h"

#include <functional>

namespace otrack {

namespace {

// UPDATE by id, and INSERT when no row was there. Both statements take the same
// parameters, bound once per statement by `bind`.
Status upsert(Database &db, std::string_view updateSql, std::string_view insertSql,
              const std::function<void(Query &)> &bind)
{
    auto update = db.prepare(updateSql);
    if (!update)
        return update.error();
    bind(update.value());
    if (auto ran = update->run(); !ran)
        return ran;
    if (db.changes() > 0)
        return {};
    auto insert = db.prepare(insertSql);
    if (!insert)
        return insert.error();
    bind(insert.value());
    return insert->run();
}

std::optional<QString> dateText(const QDate &date)
{
    if (!date.isValid())
        return std::nullopt;
    return date.toString(Qt::ISODate);
}

QDate dateFrom(const Query &q, int column)
{
    return q.isNull(column) ? QDate() : QDate::fromString(q.text(column), Qt::ISODate);
}

Error notFound(const char *what)
{
    return {ErrorCode::NotFound, QStringLiteral("no such %1").arg(QLatin1String(what))};
}

constexpr std::string_view kPupilColumns
    = "p.id, p.upn, p.legal_surname, p.legal_forename, p.preferred_surname, p.preferred_forename, "
      "p.date_of_birth, p.gender, p.year_group, p.pupil_premium, p.free_school_meals, p.sen_status, "
      "p.eal, p.looked_after, p.on_roll_date, p.left_date";

Pupil pupilFrom(const Query &q, const QString &schoolId)
{
    Pupil p;
    p.id = q.text(0);
    p.schoolId = schoolId;
    p.upn = q.text(1);
    p.legalSurname = q.text(2);
    p.legalForename = q.text(3);
    p.preferredSurname = q.text(4);
    p.preferredForename = q.text(5);
    p.dateOfBirth = dateFrom(q, 6);
    p.gender = q.text(7);
    p.yearGroup = static_cast<int>(q.int64(8));
    p.pupilPremium = q.int64(9) != 0;
    p.freeSchoolMeals = q.int64(10) != 0;
    p.senStatus = q.text(11);
    p.eal = q.int64(12) != 0;
    p.lookedAfter = q.int64(13) != 0;
    p.onRollDate = dateFrom(q, 14);
    p.leftDate = dateFrom(q, 15);
    return p;
}

constexpr std::string_view kGroupOrder
    = " ORDER BY CASE g.kind WHEN 'class' THEN 0 WHEN 'set' THEN 1 ELSE 2 END, g.name, g.id";

Group groupFrom(const Query &q, const QString &schoolId)
{
    return Group{q.text(0), schoolId, q.text(1), groupKindFromString(q.text(2)).value_or(GroupKind::Class),
                 static_cast<int>(q.int64(3))};
}

}  // namespace

RosterStore::RosterStore(Database &db, QString schoolId) : m_db(db), m_schoolId(std::move(schoolId))
{
}

Status RosterStore::saveSchool(const School &school)
{
    return upsert(m_db, "UPDATE schools SET name = ?2, urn = ?3, status = ?4 WHERE id = ?1",
                  "INSERT INTO schools (id, name, urn, status) VALUES (?1, ?2, ?3, ?4)", [&](Query &q) {
                      q.bind(1, school.id).bind(2, school.name).bind(3, school.urn).bind(4, toString(school.status));
                  });
}

Status RosterStore::saveStaff(const Staff &staff)
{
    return upsert(m_db, "UPDATE staff SET school_id = ?2, username = ?3, display_name = ?4, role = ?5 WHERE id = ?1",
                  "INSERT INTO staff (id, school_id, username, display_name, role) VALUES (?1, ?2, ?3, ?4, ?5)",
                  [&](Query &q) {
                      q.bind(1, staff.id).bind(2, m_schoolId).bind(3, staff.username).bind(4, staff.displayName);
                      q.bind(5, toString(staff.role));
                  });
}

Status RosterStore::savePupil(const Pupil &p)
{
    return upsert(
        m_db,
        "UPDATE pupils SET school_id = ?2, upn = ?3, legal_surname = ?4, legal_forename = ?5, "
        "preferred_surname = ?6, preferred_forename = ?7, date_of_birth = ?8, gender = ?9, year_group = ?10, "
        "pupil_premium = ?11, free_school_meals = ?12, sen_status = ?13, eal = ?14, looked_after = ?15, "
        "on_roll_date = ?16, left_date = ?17 WHERE id = ?1",
        "INSERT INTO pupils (id, school_id, upn, legal_surname, legal_forename, preferred_surname, "
        "preferred_forename, date_of_birth, gender, year_group, pupil_premium, free_school_meals, sen_status, "
        "eal, looked_after, on_roll_date, left_date) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        [&](Query &q) {
            q.bind(1, p.id).bind(2, m_schoolId).bind(3, p.upn).bind(4, p.legalSurname).bind(5, p.legalForename);
            q.bind(6, p.preferredSurname).bind(7, p.preferredForename).bind(8, dateText(p.dateOfBirth));
            q.bind(9, p.gender).bind(10, p.yearGroup).bind(11, p.pupilPremium).bind(12, p.freeSchoolMeals);
            q.bind(13, p.senStatus).bind(14, p.eal).bind(15, p.lookedAfter).bind(16, dateText(p.onRollDate));
            q.bind(17, dateText(p.leftDate));
        });
}

Status RosterStore::saveGroup(const Group &group, const QList<QString> &pupilIds)
{
    auto saved = upsert(m_db, "UPDATE groups SET school_id = ?2, name = ?3, kind = ?4, year_group = ?5 WHERE id = ?1",
                        "INSERT INTO groups (id, school_id, name, kind, year_group) VALUES (?1, ?2, ?3, ?4, ?5)",
                        [&](Query &q) {
                            q.bind(1, group.id).bind(2, m_schoolId).bind(3, group.name);
                            q.bind(4, toString(group.kind)).bind(5, group.yearGroup);
                        });
    if (!saved)
        return saved;
    auto clear = m_db.prepare("DELETE FROM group_members WHERE group_id = ?1");
    if (!clear)
        return clear.error();
    if (auto cleared = clear->bind(1, group.id).run(); !cleared)
        return cleared;
    for (const QString &pupilId : pupilIds) {
        auto add = m_db.prepare("INSERT INTO group_members (group_id, pupil_id, school_id) VALUES (?1, ?2, ?3)");
        if (!add)
            return add.error();
        if (auto added = add->bind(1, group.id).bind(2, pupilId).bind(3, m_schoolId).run(); !added)
            return added;
    }
    return {};
}

Status RosterStore::saveScale(const Scale &scale)
{
    auto saved = upsert(m_db, "UPDATE scales SET school_id = ?2, name = ?3 WHERE id = ?1",
                        "INSERT INTO scales (id, school_id, name) VALUES (?1, ?2, ?3)",
                        [&](Query &q) { q.bind(1, scale.id).bind(2, m_schoolId).bind(3, scale.name); });
    if (!saved)
        return saved;
    auto clear = m_db.prepare("DELETE FROM scale_values WHERE scale_id = ?1");
    if (!clear)
        return clear.error();
    if (auto cleared = clear->bind(1, scale.id).run(); !cleared)
        return cleared;
    for (qsizetype i = 0; i < scale.values.size(); ++i) {
        const ScaleValue &v = scale.values.at(i);
        auto add = m_db.prepare("INSERT INTO scale_values (scale_id, position, code, label, shortcut, points, colour) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!add)
            return add.error();
        add->bind(1, scale.id).bind(2, static_cast<qint64>(i)).bind(3, v.code).bind(4, v.label);
        if (auto added = add->bind(5, v.shortcut).bind(6, v.points).bind(7, v.colour).run(); !added)
            return added;
    }
    return {};
}

Status RosterStore::saveFramework(const Framework &framework)
{
    auto saved = upsert(
        m_db, "UPDATE frameworks SET school_id = ?2, name = ?3, subject = ?4, scale_id = ?5 WHERE id = ?1",
        "INSERT INTO frameworks (id, school_id, name, subject, scale_id) VALUES (?1, ?2, ?3, ?4, ?5)", [&](Query &q) {
            q.bind(1, framework.id).bind(2, m_schoolId).bind(3, framework.name);
            q.bind(4, framework.subject).bind(5, framework.scaleId);
        });
    if (!saved)
        return saved;
    for (qsizetype i = 0; i < framework.objectives.size(); ++i) {
        const Objective &o = framework.objectives.at(i);
        auto objective
            = upsert(m_db,
                     "UPDATE objectives SET school_id = ?2, framework_id = ?3, position = ?4, code = ?5, statement = "
                     "?6 WHERE id = ?1",
                     "INSERT INTO objectives (id, school_id, framework_id, position, code, statement) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                     [&](Query &q) {
                         q.bind(1, o.id).bind(2, m_schoolId).bind(3, framework.id).bind(4, static_cast<qint64>(i));
                         q.bind(5, o.code).bind(6, o.statement);
                     });
        if (!objective)
            return objective;
    }
    return {};
}

Status RosterStore::saveTerm(const Term &term)
{
    return upsert(
        m_db,
        "UPDATE terms SET school_id = ?2, name = ?3, academic_year = ?4, position = ?5, locked = ?6 WHERE id = ?1",
        "INSERT INTO terms (id, school_id, name, academic_year, position, locked) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        [&](Query &q) {
            q.bind(1, term.id).bind(2, m_schoolId).bind(3, term.name).bind(4, term.academicYear);
            q.bind(5, term.position).bind(6, term.locked);
        });
}

Result<Pupil> RosterStore::pupil(const QString &id)
{
    auto q = m_db.prepare(std::string("SELECT ") + std::string(kPupilColumns)
                          + " FROM pupils p WHERE p.id = ?1 AND p.school_id = ?2");
    if (!q)
        return q.error();
    q->bind(1, id).bind(2, m_schoolId);
    auto row = q->next();
    if (!row)
        return row.error();
    if (!row.value())
        return notFound("pupil");
    return pupilFrom(q.value(), m_schoolId);
}

Result<QList<Pupil>> RosterStore::pupilsInGroup(const QString &groupId)
{
    auto q = m_db.prepare(std::string("SELECT ") + std::string(kPupilColumns)
                          + " FROM group_members g JOIN pupils p ON p.id = g.pupil_id"
                            " WHERE g.group_id = ?1 AND p.school_id = ?2 AND p.left_date IS NULL"
                            " ORDER BY p.preferred_surname, p.preferred_forename, p.id");
    if (!q)
        return q.error();
    q->bind(1, groupId).bind(2, m_schoolId);
    return q->collect([this](const Query &row) { return pupilFrom(row, m_schoolId); });
}

Result<Framework> RosterStore::framework(const QString &id)
{
    Framework framework;
    {
        auto q = m_db.prepare("SELECT name, subject, scale_id FROM frameworks WHERE id = ?1 AND school_id = ?2");
        if (!q)
            return q.error();
        q->bind(1, id).bind(2, m_schoolId);
        auto row = q->next();
        if (!row)
            return row.error();
        if (!row.value())
            return notFound("framework");
        framework = {id, m_schoolId, q->text(0), q->text(1), q->text(2), {}};
    }
    auto q = m_db.prepare("SELECT id, code, statement FROM objectives WHERE framework_id = ?1 ORDER BY position");
    if (!q)
        return q.error();
    q->bind(1, id);
    auto objectives = q->collect([](const Query &row) { return Objective{row.text(0), row.text(1), row.text(2)}; });
    if (!objectives)
        return objectives.error();
    framework.objectives = objectives.value();
    return framework;
}

Result<Scale> RosterStore::scale(const QString &id)
{
    Scale scale;
    {
        auto q = m_db.prepare("SELECT name FROM scales WHERE id = ?1 AND school_id = ?2");
        if (!q)
            return q.error();
        q->bind(1, id).bind(2, m_schoolId);
        auto row = q->next();
        if (!row)
            return row.error();
        if (!row.value())
            return notFound("scale");
        scale = {id, m_schoolId, q->text(0), {}};
    }
    auto q = m_db.prepare("SELECT code, label, shortcut, points, colour FROM scale_values WHERE scale_id = ?1 "
                          "ORDER BY position");
    if (!q)
        return q.error();
    q->bind(1, id);
    auto values = q->collect([](const Query &row) {
        return ScaleValue{row.text(0), row.text(1), row.text(2), row.real(3), row.text(4)};
    });
    if (!values)
        return values.error();
    scale.values = values.value();
    return scale;
}

Result<QList<Term>> RosterStore::terms()
{
    auto q = m_db.prepare("SELECT id, name, academic_year, position, locked FROM terms WHERE school_id = ?1 "
                          "ORDER BY academic_year, position");
    if (!q)
        return q.error();
    q->bind(1, m_schoolId);
    return q->collect([this](const Query &row) {
        return Term{row.text(0),      m_schoolId, row.text(1), row.text(2), static_cast<int>(row.int64(3)),
                    row.int64(4) != 0};
    });
}

Result<School> RosterStore::school()
{
    auto q = m_db.prepare("SELECT name, urn, status FROM schools WHERE id = ?1");
    if (!q)
        return q.error();
    auto row = q->bind(1, m_schoolId).next();
    if (!row)
        return row.error();
    if (!row.value())
        return notFound("school");
    return School{m_schoolId, q->text(0), q->text(1),
                  schoolStatusFromString(q->text(2)).value_or(SchoolStatus::AwaitingTerms)};
}

Result<QList<Group>> RosterStore::groups()
{
    auto q = m_db.prepare(std::string("SELECT g.id, g.name, g.kind, g.year_group FROM groups g WHERE g.school_id = ?1")
                          + std::string(kGroupOrder));
    if (!q)
        return q.error();
    q->bind(1, m_schoolId);
    return q->collect([this](const Query &row) { return groupFrom(row, m_schoolId); });
}

Result<QList<Group>> RosterStore::groupsOfPupil(const QString &pupilId)
{
    auto q = m_db.prepare(std::string("SELECT g.id, g.name, g.kind, g.year_group FROM group_members m "
                                      "JOIN groups g ON g.id = m.group_id WHERE m.pupil_id = ?1 AND g.school_id = ?2")
                          + std::string(kGroupOrder));
    if (!q)
        return q.error();
    q->bind(1, pupilId).bind(2, m_schoolId);
    return q->collect([this](const Query &row) { return groupFrom(row, m_schoolId); });
}

Result<QList<Framework>> RosterStore::frameworks()
{
    auto q = m_db.prepare("SELECT id, name, subject, scale_id FROM frameworks WHERE school_id = ?1 "
                          "ORDER BY subject, name, id");
    if (!q)
        return q.error();
    q->bind(1, m_schoolId);
    return q->collect([this](const Query &row) {
        return Framework{row.text(0), m_schoolId, row.text(1), row.text(2), row.text(3), {}};
    });
}

Result<QHash<QString, QString>> RosterStore::staffNames()
{
    // Whole accounts win over the names pull sends: both name the same person.
    auto q = m_db.prepare("SELECT id, display_name FROM staff_names WHERE school_id = ?1 "
                          "UNION ALL SELECT id, display_name FROM staff WHERE school_id = ?1");
    if (!q)
        return q.error();
    q->bind(1, m_schoolId);
    QHash<QString, QString> names;
    if (auto done = q->forEach([&](const Query &row) { names.insert(row.text(0), row.text(1)); }); !done)
        return done.error();
    return names;
}

Result<Objective> RosterStore::objective(const QString &id)
{
    auto q = m_db.prepare("SELECT code, statement FROM objectives WHERE id = ?1 AND school_id = ?2");
    if (!q)
        return q.error();
    auto row = q->bind(1, id).bind(2, m_schoolId).next();
    if (!row)
        return row.error();
    if (!row.value())
        return notFound("objective");
    return Objective{id, q->text(0), q->text(1)};
}

}  // namespace otrack
