#pragma once

#include "keywrap.h"
#include "model.h"
#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace otrack {

// Administration of schools over the server's store: what the admin CLI, the demo school and
// tests use to create schools, staff, groups, pupils, scales, frameworks and terms. Works the
// same on SQLite and PostgreSQL.
//
// Every write that clients pull sets the row's `seq` from the school's change sequence
// (allocateSequence) and every action appends an audit_events row (no personal data in its
// detail). Each method runs in its own transaction, unless setCallerOwnsTransaction(true):
// then the caller has begun one and commits it (bulk work, e.g. the demo school).
class SchoolAdmin {
public:
    explicit SchoolAdmin(QSqlDatabase db, QString actorId = QStringLiteral("admin-cli"));

    void setCallerOwnsTransaction(bool callerOwns) { m_callerOwnsTransaction = callerOwns; }

    // Allocates `count` consecutive numbers of the school's change sequence and returns the
    // first: `UPDATE schools SET next_seq = next_seq + count`, then reads it back. Call inside a
    // transaction: the update locks the school's row until commit, so no number becomes
    // visible after a larger one. NotFound for an unknown school.
    static Result<qint64> allocateSequence(QSqlDatabase db, const QString &schoolId, qint64 count = 1);

    // The statement audit() runs, for bulk writers that prepare it once (the MIS import); its
    // values are school, actor, action, entity, entity id, detail, time (ms).
    static QString auditInsertSql();
    // Appends an audit event (actor, action, entity, time). `detail` holds no personal data.
    // A new epoch for a staff member whose scope changed (their client re-syncs), under a
    // sequence number of its own.
    static Status bumpEpoch(QSqlDatabase db, const QString &schoolId, const QString &staffId);
    static Status audit(QSqlDatabase db, const QString &schoolId, const QString &actorId, const QString &action,
                        const QString &entity, const QString &entityId, const QString &detail = QString());

    // Schools. A new school is awaiting_terms; its id a new UUID. Names are unique
    // (AlreadyExists).
    Result<School> createSchool(const QString &name, const QString &urn = QString());
    Status setSchoolStatus(const QString &schoolId, SchoolStatus status);
    // By id or, failing that, by exact name. NotFound otherwise.
    Result<School> findSchool(const QString &idOrName);

    // Staff. The password is stored only as a scrypt hash (core/passwordhash).
    Result<Staff> addStaff(const QString &schoolId, const QString &username, const QString &displayName, Role role,
                           const QString &password, const ScryptParams &params = ScryptParams::recommended());
    Result<Staff> findStaff(const QString &schoolId, const QString &username);
    Result<QList<Staff>> listStaff(const QString &schoolId);
    Status setStaffDisabled(const QString &schoolId, const QString &staffId, bool disabled);
    Result<qint64> staffEpoch(const QString &schoolId, const QString &staffId);

    // Groups and who is in them. An empty id gets a new UUID.
    Result<Group> addGroup(Group group);
    // By id or by name within the school.
    Result<Group> findGroup(const QString &schoolId, const QString &idOrName);
    Status setGroupMembers(const QString &schoolId, const QString &groupId, const QStringList &pupilIds);
    Status assignStaffToGroup(const QString &schoolId, const QString &staffId, const QString &groupId);
    // Also bumps the staff member's epoch: their client re-syncs and drops those pupils.
    Status removeStaffFromGroup(const QString &schoolId, const QString &staffId, const QString &groupId);

    // Curriculum and roll. An empty id gets a new UUID (objectives too).
    Result<Pupil> addPupil(Pupil pupil);
    Result<Scale> addScale(Scale scale);
    Result<Framework> addFramework(Framework framework);
    Result<Term> addTerm(Term term);
    Status lockTerm(const QString &schoolId, const QString &termId, bool locked = true);

    // Devices: a revoked device is refused at login and by every token issued to it.
    Status revokeDevice(const QString &schoolId, const QString &staffId, const QString &deviceId);

    QSqlDatabase database() const { return m_db; }

private:
    template <typename Work>
    auto inTransaction(const QString &what, Work work) -> decltype(work());
    Status requireSchool(const QString &schoolId);

    QSqlDatabase m_db;
    QString m_actorId;
    bool m_callerOwnsTransaction = false;
};

}  // namespace otrack
