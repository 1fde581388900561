#include "schooladmin.h"

#include "writetransaction.h"

#include "passwordhash.h"
#include "serverdatabase.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <type_traits>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QVariant dateOrNull(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();  // invalid: SQL NULL
}

int flag(bool value)
{
    return value ? 1 : 0;
}

Staff staffFromQuery(const QSqlQuery &query)
{
    Staff staff;
    staff.id = query.value(0).toString();
    staff.schoolId = query.value(1).toString();
    staff.username = query.value(2).toString();
    staff.displayName = query.value(3).toString();
    staff.role = roleFromString(query.value(4).toString()).value_or(Role::ReadOnly);
    return staff;
}

}  // namespace

SchoolAdmin::SchoolAdmin(QSqlDatabase db, QString actorId) : m_db(std::move(db)), m_actorId(std::move(actorId))
{
}

template <typename Work>
auto SchoolAdmin::inTransaction(const QString &what, Work work) -> decltype(work())
{
    if (m_callerOwnsTransaction)
        return work();
    WriteTransaction transaction(m_db);
    if (Status begun = transaction.begin(u"a transaction to "_s + what); !begun)
        return begun.error();
    auto result = work();
    if (!result)
        return result;  // rolled back by the transaction's destructor
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return result;
}

Result<qint64> SchoolAdmin::allocateSequence(QSqlDatabase db, const QString &schoolId, qint64 count)
{
    QSqlQuery query(db);
    if (Status s = execSql(query, u"UPDATE schools SET next_seq = next_seq + ? WHERE id = ?"_s, {count, schoolId},
                           u"allocating sequence numbers"_s);
        !s)
        return s.error();
    if (query.numRowsAffected() != 1)
        return Error{ErrorCode::NotFound, u"no such school"_s};
    if (Status s
        = execSql(query, u"SELECT next_seq FROM schools WHERE id = ?"_s, {schoolId}, u"reading the sequence"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    return query.value(0).toLongLong() - count;
}

// A staff member's scope changed: a new epoch makes their client re-sync and drop or fetch
// pupils whose rows carry older seqs. The row takes a sequence number of its own: two changes
// under one number could fall either side of a page boundary, and the cursor would skip one.
Status SchoolAdmin::bumpEpoch(QSqlDatabase db, const QString &schoolId, const QString &staffId)
{
    auto seq = allocateSequence(db, schoolId);
    if (!seq)
        return seq.error();
    QSqlQuery query(db);
    return execSql(query, u"UPDATE staff SET epoch = epoch + 1, seq = ? WHERE school_id = ? AND id = ?"_s,
                   {seq.value(), schoolId, staffId}, u"bumping a staff member's epoch"_s);
}

QString SchoolAdmin::auditInsertSql()
{
    return u"INSERT INTO audit_events (school_id, actor_id, action, entity, entity_id, detail, at) "
           u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s;
}

Status SchoolAdmin::audit(QSqlDatabase db, const QString &schoolId, const QString &actorId, const QString &action,
                          const QString &entity, const QString &entityId, const QString &detail)
{
    QSqlQuery query(db);
    return execSql(query, auditInsertSql(), {schoolId, actorId, action, entity, entityId, detail, nowMs()},
                   u"recording an audit event"_s);
}

Status SchoolAdmin::requireSchool(const QString &schoolId)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"SELECT 1 FROM schools WHERE id = ?"_s, {schoolId}, u"finding the school"_s); !s)
        return s;
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    return {};
}

Result<School> SchoolAdmin::createSchool(const QString &name, const QString &urn)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{ErrorCode::InvalidArgument, u"a school needs a name"_s};
    return inTransaction(u"create a school"_s, [&]() -> Result<School> {
        QSqlQuery query(m_db);
        if (Status s = execSql(query, u"SELECT 1 FROM schools WHERE name = ?"_s, {trimmed}, u"checking the name"_s); !s)
            return s.error();
        if (query.next())
            return Error{ErrorCode::AlreadyExists, u"a school with that name already exists"_s};
        School school{newId(), trimmed, urn.trimmed(), SchoolStatus::AwaitingTerms};
        if (Status s
            = execSql(query,
                      u"INSERT INTO schools (id, name, urn, status, next_seq, retention_seq, created_at) "
                      u"VALUES (?, ?, ?, ?, 1, 0, ?)"_s,
                      {school.id, school.name, school.urn, toString(school.status), nowMs()}, u"creating the school"_s);
            !s)
            return s.error();
        if (Status s = audit(m_db, school.id, m_actorId, u"create_school"_s, u"school"_s, school.id); !s)
            return s.error();
        return school;
    });
}

Status SchoolAdmin::setSchoolStatus(const QString &schoolId, SchoolStatus status)
{
    return inTransaction(u"set the school's status"_s, [&]() -> Status {
        QSqlQuery query(m_db);
        if (Status s = execSql(query, u"UPDATE schools SET status = ? WHERE id = ?"_s, {toString(status), schoolId},
                               u"setting the school's status"_s);
            !s)
            return s;
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::NotFound, u"no such school"_s};
        return audit(m_db, schoolId, m_actorId, u"set_school_status"_s, u"school"_s, schoolId,
                     u"status="_s + toString(status));
    });
}

Result<School> SchoolAdmin::findSchool(const QString &idOrName)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           u"SELECT id, name, urn, status FROM schools WHERE id = ? OR name = ? ORDER BY "
                           u"CASE WHEN id = ? THEN 0 ELSE 1 END"_s,
                           {idOrName, idOrName.trimmed(), idOrName}, u"finding the school"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    return School{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                  schoolStatusFromString(query.value(3).toString()).value_or(SchoolStatus::Suspended)};
}

Result<Staff> SchoolAdmin::addStaff(const QString &schoolId, const QString &username, const QString &displayName,
                                    Role role, const QString &password, const ScryptParams &params)
{
    const QString name = username.trimmed();
    if (name.isEmpty() || name.size() > 200)
        return Error{ErrorCode::InvalidArgument, u"a username must be 1 to 200 characters"_s};
    if (displayName.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, u"a staff member needs a display name"_s};
    if (password.size() < 8)
        return Error{ErrorCode::InvalidArgument, u"a password must be at least 8 characters"_s};
    // Hash before the transaction: scrypt is slow and need not hold the school's row.
    auto hashed = passwordhash::hash(password, params);
    if (!hashed)
        return hashed.error();
    return inTransaction(u"add a staff member"_s, [&]() -> Result<Staff> {
        if (Status s = requireSchool(schoolId); !s)
            return s.error();
        QSqlQuery query(m_db);
        if (Status s = execSql(query, u"SELECT 1 FROM staff WHERE school_id = ? AND username = ?"_s, {schoolId, name},
                               u"checking the username"_s);
            !s)
            return s.error();
        if (query.next())
            return Error{ErrorCode::AlreadyExists, u"that username is already taken in this school"_s};
        auto seq = allocateSequence(m_db, schoolId);
        if (!seq)
            return seq.error();
        Staff staff{newId(), schoolId, name, displayName.trimmed(), role};
        if (Status s = execSql(query,
                               u"INSERT INTO staff (id, school_id, username, display_name, role, password_hash, epoch, "
                               u"disabled, seq, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?)"_s,
                               {staff.id, schoolId, staff.username, staff.displayName, toString(role), hashed.value(),
                                seq.value(), nowMs()},
                               u"adding the staff member"_s);
            !s)
            return s.error();
        if (Status s
            = audit(m_db, schoolId, m_actorId, u"add_staff"_s, u"staff"_s, staff.id, u"role="_s + toString(role));
            !s)
            return s.error();
        return staff;
    });
}

Result<Staff> SchoolAdmin::findStaff(const QString &schoolId, const QString &username)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           u"SELECT id, school_id, username, display_name, role FROM staff "
                           u"WHERE school_id = ? AND (username = ? OR id = ?)"_s,
                           {schoolId, username.trimmed(), username}, u"finding the staff member"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such staff member in this school"_s};
    return staffFromQuery(query);
}

Result<QList<Staff>> SchoolAdmin::listStaff(const QString &schoolId)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           u"SELECT id, school_id, username, display_name, role FROM staff WHERE school_id = ? "
                           u"ORDER BY username"_s,
                           {schoolId}, u"listing staff"_s);
        !s)
        return s.error();
    QList<Staff> staff;
    while (query.next())
        staff.append(staffFromQuery(query));
    return staff;
}

Status SchoolAdmin::setStaffDisabled(const QString &schoolId, const QString &staffId, bool disabled)
{
    return inTransaction(u"disable a staff member"_s, [&]() -> Status {
        auto seq = allocateSequence(m_db, schoolId);
        if (!seq)
            return seq.error();
        QSqlQuery query(m_db);
        if (Status s = execSql(query, u"UPDATE staff SET disabled = ?, seq = ? WHERE school_id = ? AND id = ?"_s,
                               {flag(disabled), seq.value(), schoolId, staffId}, u"disabling the staff member"_s);
            !s)
            return s;
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::NotFound, u"no such staff member in this school"_s};
        return audit(m_db, schoolId, m_actorId, disabled ? u"disable_staff"_s : u"enable_staff"_s, u"staff"_s, staffId);
    });
}

Result<qint64> SchoolAdmin::staffEpoch(const QString &schoolId, const QString &staffId)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"SELECT epoch FROM staff WHERE school_id = ? AND id = ?"_s, {schoolId, staffId},
                           u"reading the epoch"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such staff member in this school"_s};
    return query.value(0).toLongLong();
}

Result<Group> SchoolAdmin::addGroup(Group group)
{
    if (group.name.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, u"a group needs a name"_s};
    if (group.id.isEmpty())
        group.id = newId();
    return inTransaction(u"add a group"_s, [&]() -> Result<Group> {
        auto seq = allocateSequence(m_db, group.schoolId);
        if (!seq)
            return seq.error();
        QSqlQuery query(m_db);
        if (Status s = execSql(
                query, u"INSERT INTO groups (id, school_id, name, kind, year_group, seq) VALUES (?, ?, ?, ?, ?, ?)"_s,
                {group.id, group.schoolId, group.name.trimmed(), toString(group.kind), group.yearGroup, seq.value()},
                u"adding the group"_s);
            !s)
            return s.error();
        if (Status s = audit(m_db, group.schoolId, m_actorId, u"add_group"_s, u"group"_s, group.id); !s)
            return s.error();
        return group;
    });
}

Result<Group> SchoolAdmin::findGroup(const QString &schoolId, const QString &idOrName)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           u"SELECT id, school_id, name, kind, year_group FROM groups WHERE school_id = ? "
                           u"AND (id = ? OR name = ?) ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END"_s,
                           {schoolId, idOrName, idOrName.trimmed(), idOrName}, u"finding the group"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such group in this school"_s};
    return Group{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                 groupKindFromString(query.value(3).toString()).value_or(GroupKind::Class), query.value(4).toInt()};
}

Status SchoolAdmin::setGroupMembers(const QString &schoolId, const QString &groupId, const QStringList &pupilIds)
{
    return inTransaction(u"set a group's members"_s, [&]() -> Status {
        auto seq = allocateSequence(m_db, schoolId);
        if (!seq)
            return seq.error();
        QSqlQuery query(m_db);
        // Bumping the group's seq makes clients re-pull its membership.
        if (Status s = execSql(query, u"UPDATE groups SET seq = ? WHERE school_id = ? AND id = ?"_s,
                               {seq.value(), schoolId, groupId}, u"updating the group"_s);
            !s)
            return s;
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::NotFound, u"no such group in this school"_s};
        if (Status s = execSql(query, u"DELETE FROM group_members WHERE school_id = ? AND group_id = ?"_s,
                               {schoolId, groupId}, u"clearing the group"_s);
            !s)
            return s;
        QSqlQuery check(m_db);
        if (!query.prepare(u"INSERT INTO group_members (school_id, group_id, pupil_id) VALUES (?, ?, ?)"_s)
            || !check.prepare(u"SELECT 1 FROM pupils WHERE school_id = ? AND id = ?"_s))
            return sqlError(query.lastError(), u"preparing the members"_s);
        for (const QString &pupilId : pupilIds) {
            if (Status s = execSql(check, {schoolId, pupilId}, u"checking a member"_s); !s)
                return s;
            if (!check.next())
                return Error{ErrorCode::NotFound, u"no such pupil in this school"_s};
            if (Status s = execSql(query, {schoolId, groupId, pupilId}, u"adding a member"_s); !s)
                return s;
        }
        // The group's teachers gain or lose pupils: re-sync them.
        QStringList teachers;
        if (Status s = execSql(query,
                               u"SELECT staff_id FROM staff_groups WHERE school_id = ? AND group_id = ? "
                               u"ORDER BY staff_id"_s,
                               {schoolId, groupId}, u"reading the group's teachers"_s);
            !s)
            return s;
        while (query.next())
            teachers.append(query.value(0).toString());
        for (const QString &teacher : teachers)
            if (Status s = bumpEpoch(m_db, schoolId, teacher); !s)
                return s;
        return audit(m_db, schoolId, m_actorId, u"set_group_members"_s, u"group"_s, groupId,
                     u"count=%1"_s.arg(pupilIds.size()));
    });
}

Status SchoolAdmin::assignStaffToGroup(const QString &schoolId, const QString &staffId, const QString &groupId)
{
    return inTransaction(u"assign a staff member to a group"_s, [&]() -> Status {
        QSqlQuery query(m_db);
        if (Status s = execSql(query,
                               u"SELECT (SELECT COUNT(*) FROM staff WHERE school_id = ? AND id = ?), "
                               u"(SELECT COUNT(*) FROM groups WHERE school_id = ? AND id = ?), "
                               u"(SELECT COUNT(*) FROM staff_groups WHERE staff_id = ? AND group_id = ?)"_s,
                               {schoolId, staffId, schoolId, groupId, staffId, groupId}, u"checking the assignment"_s);
            !s)
            return s;
        if (!query.next() || query.value(0).toInt() != 1)
            return Error{ErrorCode::NotFound, u"no such staff member in this school"_s};
        if (query.value(1).toInt() != 1)
            return Error{ErrorCode::NotFound, u"no such group in this school"_s};
        if (query.value(2).toInt() != 0)
            return {};  // already assigned: nothing changes
        if (Status s = execSql(query, u"INSERT INTO staff_groups (school_id, staff_id, group_id) VALUES (?, ?, ?)"_s,
                               {schoolId, staffId, groupId}, u"assigning the group"_s);
            !s)
            return s;
        // Their scope grew: the new pupils' rows and marks carry seqs below the client's
        // cursor, so an incremental pull would miss them.
        if (Status s = bumpEpoch(m_db, schoolId, staffId); !s)
            return s;
        return audit(m_db, schoolId, m_actorId, u"assign_group"_s, u"staff"_s, staffId, u"group="_s + groupId);
    });
}

Status SchoolAdmin::removeStaffFromGroup(const QString &schoolId, const QString &staffId, const QString &groupId)
{
    return inTransaction(u"remove a staff member from a group"_s, [&]() -> Status {
        QSqlQuery query(m_db);
        if (Status s
            = execSql(query, u"DELETE FROM staff_groups WHERE school_id = ? AND staff_id = ? AND group_id = ?"_s,
                      {schoolId, staffId, groupId}, u"removing the assignment"_s);
            !s)
            return s;
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::NotFound, u"that staff member is not assigned to that group"_s};
        // Their scope shrank: their client drops those pupils.
        if (Status s = bumpEpoch(m_db, schoolId, staffId); !s)
            return s;
        return audit(m_db, schoolId, m_actorId, u"unassign_group"_s, u"staff"_s, staffId, u"group="_s + groupId);
    });
}

Result<Pupil> SchoolAdmin::addPupil(Pupil pupil)
{
    if (pupil.id.isEmpty())
        pupil.id = newId();
    if (pupil.senStatus.isEmpty())
        pupil.senStatus = u"N"_s;
    return inTransaction(u"add a pupil"_s, [&]() -> Result<Pupil> {
        auto seq = allocateSequence(m_db, pupil.schoolId);
        if (!seq)
            return seq.error();
        QSqlQuery query(m_db);
        if (Status s = execSql(query,
                               u"INSERT INTO pupils (id, school_id, upn, legal_surname, legal_forename, "
                               u"preferred_surname, preferred_forename, date_of_birth, gender, year_group, "
                               u"pupil_premium, free_school_meals, sen_status, eal, looked_after, on_roll_date, "
                               u"left_date, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                               {pupil.id, pupil.schoolId, pupil.upn, pupil.legalSurname, pupil.legalForename,
                                pupil.preferredSurname, pupil.preferredForename, dateOrNull(pupil.dateOfBirth),
                                pupil.gender, pupil.yearGroup, flag(pupil.pupilPremium), flag(pupil.freeSchoolMeals),
                                pupil.senStatus, flag(pupil.eal), flag(pupil.lookedAfter), dateOrNull(pupil.onRollDate),
                                dateOrNull(pupil.leftDate), seq.value()},
                               u"adding the pupil"_s);
            !s)
            return s.error();
        if (Status s = audit(m_db, pupil.schoolId, m_actorId, u"add_pupil"_s, u"pupil"_s, pupil.id); !s)
            return s.error();
        return pupil;
    });
}

Result<Scale> SchoolAdmin::addScale(Scale scale)
{
    if (scale.values.isEmpty())
        return Error{ErrorCode::InvalidArgument, u"a scale needs at least one value"_s};
    if (scale.id.isEmpty())
        scale.id = newId();
    return inTransaction(u"add a scale"_s, [&]() -> Result<Scale> {
        auto seq = allocateSequence(m_db, scale.schoolId);
        if (!seq)
            return seq.error();
        QSqlQuery query(m_db);
        if (Status s = execSql(query, u"INSERT INTO scales (id, school_id, name, seq) VALUES (?, ?, ?, ?)"_s,
                               {scale.id, scale.schoolId, scale.name, seq.value()}, u"adding the scale"_s);
            !s)
            return s.error();
        int position = 0;
        for (const ScaleValue &value : scale.values) {
            if (Status s
                = execSql(query,
                          u"INSERT INTO scale_values (scale_id, position, code, label, shortcut, points, colour) "
                          u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                          {scale.id, position++, value.code, value.label, value.shortcut, value.points, value.colour},
                          u"adding a scale value"_s);
                !s)
                return s.error();
        }
        if (Status s = audit(m_db, scale.schoolId, m_actorId, u"add_scale"_s, u"scale"_s, scale.id); !s)
            return s.error();
        return scale;
    });
}

Result<Framework> SchoolAdmin::addFramework(Framework framework)
{
    if (framework.id.isEmpty())
        framework.id = newId();
    return inTransaction(u"add a framework"_s, [&]() -> Result<Framework> {
        QSqlQuery query(m_db);
        if (Status s = execSql(query, u"SELECT 1 FROM scales WHERE school_id = ? AND id = ?"_s,
                               {framework.schoolId, framework.scaleId}, u"checking the scale"_s);
            !s)
            return s.error();
        if (!query.next())
            return Error{ErrorCode::NotFound, u"no such scale in this school"_s};
        auto seq = allocateSequence(m_db, framework.schoolId);
        if (!seq)
            return seq.error();
        if (Status s = execSql(
                query,
                u"INSERT INTO frameworks (id, school_id, name, subject, scale_id, seq) "
                u"VALUES (?, ?, ?, ?, ?, ?)"_s,
                {framework.id, framework.schoolId, framework.name, framework.subject, framework.scaleId, seq.value()},
                u"adding the framework"_s);
            !s)
            return s.error();
        if (!query.prepare(u"INSERT INTO objectives (id, school_id, framework_id, position, code, statement) "
                           u"VALUES (?, ?, ?, ?, ?, ?)"_s))
            return sqlError(query.lastError(), u"preparing objectives"_s);
        int position = 0;
        for (Objective &objective : framework.objectives) {
            if (objective.id.isEmpty())
                objective.id = newId();
            if (Status s = execSql(
                    query,
                    {objective.id, framework.schoolId, framework.id, position++, objective.code, objective.statement},
                    u"adding an objective"_s);
                !s)
                return s.error();
        }
        if (Status s = audit(m_db, framework.schoolId, m_actorId, u"add_framework"_s, u"framework"_s, framework.id,
                             u"objectives=%1"_s.arg(framework.objectives.size()));
            !s)
            return s.error();
        return framework;
    });
}

Result<Term> SchoolAdmin::addTerm(Term term)
{
    if (term.id.isEmpty())
        term.id = newId();
    return inTransaction(u"add a term"_s, [&]() -> Result<Term> {
        auto seq = allocateSequence(m_db, term.schoolId);
        if (!seq)
            return seq.error();
        QSqlQuery query(m_db);
        if (Status s = execSql(
                query,
                u"INSERT INTO terms (id, school_id, name, academic_year, position, locked, seq) "
                u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                {term.id, term.schoolId, term.name, term.academicYear, term.position, flag(term.locked), seq.value()},
                u"adding the term"_s);
            !s)
            return s.error();
        if (Status s = audit(m_db, term.schoolId, m_actorId, u"add_term"_s, u"term"_s, term.id); !s)
            return s.error();
        return term;
    });
}

Status SchoolAdmin::lockTerm(const QString &schoolId, const QString &termId, bool locked)
{
    return inTransaction(u"lock a term"_s, [&]() -> Status {
        auto seq = allocateSequence(m_db, schoolId);
        if (!seq)
            return seq.error();
        QSqlQuery query(m_db);
        if (Status s = execSql(query, u"UPDATE terms SET locked = ?, seq = ? WHERE school_id = ? AND id = ?"_s,
                               {flag(locked), seq.value(), schoolId, termId}, u"locking the term"_s);
            !s)
            return s;
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::NotFound, u"no such term in this school"_s};
        return audit(m_db, schoolId, m_actorId, locked ? u"lock_term"_s : u"unlock_term"_s, u"term"_s, termId);
    });
}

Status SchoolAdmin::revokeDevice(const QString &schoolId, const QString &staffId, const QString &deviceId)
{
    return inTransaction(u"revoke a device"_s, [&]() -> Status {
        const qint64 now = nowMs();
        QSqlQuery query(m_db);
        if (Status s
            = execSql(query,
                      u"UPDATE devices SET revoked_at = ? WHERE school_id = ? AND user_id = ? AND device_id = ? "
                      u"AND revoked_at IS NULL"_s,
                      {now, schoolId, staffId, deviceId}, u"revoking the device"_s);
            !s)
            return s;
        if (query.numRowsAffected() != 1) {
            // Not seen yet (or already revoked): record a revoked row so that a first login from
            // that device is refused too.
            if (Status s = execSql(
                    query, u"SELECT revoked_at FROM devices WHERE school_id = ? AND user_id = ? AND device_id = ?"_s,
                    {schoolId, staffId, deviceId}, u"finding the device"_s);
                !s)
                return s;
            if (!query.next()) {
                if (Status s = requireSchool(schoolId); !s)
                    return s;
                auto staff = staffEpoch(schoolId, staffId);
                if (!staff)
                    return staff.error();
                if (Status s = execSql(query,
                                       u"INSERT INTO devices (school_id, user_id, device_id, device_key, created_at, "
                                       u"last_seen_at, revoked_at) VALUES (?, ?, ?, '', ?, ?, ?)"_s,
                                       {schoolId, staffId, deviceId, now, now, now}, u"recording the revoked device"_s);
                    !s)
                    return s;
            }
        }
        if (Status s
            = execSql(query, u"UPDATE tokens SET revoked = 1 WHERE school_id = ? AND user_id = ? AND device_id = ?"_s,
                      {schoolId, staffId, deviceId}, u"revoking the device's tokens"_s);
            !s)
            return s;
        return audit(m_db, schoolId, m_actorId, u"revoke_device"_s, u"device"_s, deviceId, u"staff="_s + staffId);
    });
}

}  // namespace otrack
