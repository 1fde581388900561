#include "pupileraser.h"

#include "logging.h"
#include "schooladmin.h"
#include "serverdatabase.h"
#include "writetransaction.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// The ops whose answers push_results keeps for this pupil: each op touches one cell, so the
// pupil's mark events name every one of them (duplicates reuse the original op id).
const QString kPupilOps = u"(school_id, device_id, op_id) IN (SELECT school_id, device_id, op_id FROM mark_events "
                          u"WHERE school_id = ? AND pupil_id = ?)"_s;

// SQLite, without statistics, reads "marks WHERE pupil_id = ? AND school_id = ?" through
// marks_by_school_seq, that is the school's every mark, instead of the primary key's pupil_id
// prefix. A unary plus keeps school_id out of its choice of index; PostgreSQL plans by
// statistics and has no unary plus for text.
QString marksOfPupil(const QSqlDatabase &db)
{
    return db.driverName() == u"QPSQL"_s ? u"marks WHERE pupil_id = ? AND school_id = ?"_s
                                         : u"marks WHERE pupil_id = ? AND +school_id = ?"_s;
}

}  // namespace

Status PupilEraser::requireEraser(const Caller &caller)
{
    if (caller.role == Role::Admin || caller.role == Role::Owner)
        return {};
    return Error{ErrorCode::Forbidden, u"only an admin or the owner may erase a pupil"_s};
}

Result<QString> PupilEraser::findPupil(const QString &schoolId, const QString &idOrUpn)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           u"SELECT id FROM pupils WHERE school_id = ? AND (id = ? OR upn = ?) "
                           u"ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END"_s,
                           {schoolId, idOrUpn, idOrUpn.trimmed().toUpper(), idOrUpn}, u"finding the pupil"_s);
        !s)
        return s.error();
    if (query.next())
        return query.value(0).toString();
    // An erased pupil is still known by id, so that erasing again is answered, not refused.
    if (Status s = execSql(query, u"SELECT pupil_id FROM erased_pupils WHERE school_id = ? AND pupil_id = ?"_s,
                           {schoolId, idOrUpn}, u"finding the pupil"_s);
        !s)
        return s.error();
    if (query.next())
        return query.value(0).toString();
    return Error{ErrorCode::NotFound, u"no such pupil in this school"_s};
}

Result<ErasureSummary> PupilEraser::survey(const QString &schoolId, const QString &pupilId)
{
    const QString sql = u"SELECT (SELECT COUNT(*) FROM pupils WHERE school_id = ? AND id = ?), "
                        u"(SELECT COUNT(*) FROM erased_pupils WHERE school_id = ? AND pupil_id = ?), "
                        u"(SELECT COUNT(*) FROM %1), "
                        u"(SELECT COUNT(*) FROM mark_events WHERE school_id = ? AND pupil_id = ?), "
                        u"(SELECT COUNT(*) FROM group_members WHERE pupil_id = ? AND school_id = ?), "
                        u"(SELECT COUNT(*) FROM push_results WHERE %2)"_s.arg(marksOfPupil(m_db), kPupilOps);
    QSqlQuery query(m_db);
    if (Status s = execSql(query, sql,
                           {schoolId, pupilId, schoolId, pupilId, pupilId, schoolId, schoolId, pupilId, pupilId,
                            schoolId, schoolId, pupilId},
                           u"surveying the pupil's data"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::StorageFailure, u"surveying the pupil's data: no row"_s};
    ErasureSummary summary;
    summary.pupilId = pupilId;
    if (query.value(0).toLongLong() == 0) {
        if (query.value(1).toLongLong() == 0)
            return Error{ErrorCode::NotFound, u"no such pupil in this school"_s};
        summary.alreadyErased = true;
    }
    summary.marks = query.value(2).toLongLong();
    summary.markEvents = query.value(3).toLongLong();
    summary.groups = query.value(4).toLongLong();
    summary.pushResults = query.value(5).toLongLong();
    return summary;
}

Result<ErasureSummary> PupilEraser::preview(const Caller &caller, const QString &pupilId)
{
    if (Status allowed = requireEraser(caller); !allowed)
        return allowed.error();
    return survey(caller.schoolId, pupilId);
}

Result<ErasureSummary> PupilEraser::erase(const Caller &caller, const QString &pupilId, qint64 nowMs)
{
    if (Status allowed = requireEraser(caller); !allowed)
        return allowed.error();
    const QString &schoolId = caller.schoolId;
    WriteTransaction transaction(m_db);
    if (Status s = transaction.begin(u"erasing a pupil"_s); !s)
        return s.error();
    // The school's row first (the one lock order); the number is the purge record's.
    auto seq = SchoolAdmin::allocateSequence(m_db, schoolId);
    if (!seq)
        return seq.error();

    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           u"SELECT (SELECT COUNT(*) FROM pupils WHERE school_id = ? AND id = ?), "
                           u"(SELECT COUNT(*) FROM erased_pupils WHERE school_id = ? AND pupil_id = ?)"_s,
                           {schoolId, pupilId, schoolId, pupilId}, u"finding the pupil"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::StorageFailure, u"finding the pupil: no row"_s};
    ErasureSummary summary;
    summary.pupilId = pupilId;
    if (query.value(0).toLongLong() == 0) {
        if (query.value(1).toLongLong() == 0)
            return Error{ErrorCode::NotFound, u"no such pupil in this school"_s};
        summary.alreadyErased = true;
        return summary;  // the transaction rolls back: the sequence number is not used
    }

    // Children before the pupil's row (foreign keys), and push results before the mark events
    // that find them.
    struct Statement {
        QString sql;
        QVariantList values;
        qint64 *count;
    };
    qint64 ignored = 0;
    const Statement statements[] = {
        {u"DELETE FROM push_results WHERE "_s + kPupilOps, {schoolId, pupilId}, &summary.pushResults},
        {u"DELETE FROM mark_events WHERE school_id = ? AND pupil_id = ?"_s, {schoolId, pupilId}, &summary.markEvents},
        {u"DELETE FROM "_s + marksOfPupil(m_db), {pupilId, schoolId}, &summary.marks},
        {u"DELETE FROM group_members WHERE pupil_id = ? AND school_id = ?"_s, {pupilId, schoolId}, &summary.groups},
        {u"UPDATE audit_events SET detail = '' WHERE school_id = ? AND entity = 'pupil' AND entity_id = ?"_s,
         {schoolId, pupilId},
         &ignored},
        {u"DELETE FROM pupils WHERE id = ? AND school_id = ?"_s, {pupilId, schoolId}, &ignored},
        {u"INSERT INTO erased_pupils (pupil_id, school_id, erased_at) VALUES (?, ?, ?)"_s,
         {pupilId, schoolId, nowMs},
         &ignored},
        {u"INSERT INTO purges (school_id, seq, pupil_id) VALUES (?, ?, ?)"_s,
         {schoolId, seq.value(), pupilId},
         &ignored},
    };
    for (const Statement &step : statements) {
        if (Status s = execSql(query, step.sql, step.values, u"erasing a pupil"_s); !s)
            return s.error();
        *step.count = query.numRowsAffected();
    }
    summary.purgeSeq = seq.value();
    if (Status s = SchoolAdmin::audit(
            m_db, schoolId, caller.userId, u"erase"_s, u"pupil"_s, pupilId,
            u"marks=%1 mark_events=%2 groups=%3"_s.arg(summary.marks).arg(summary.markEvents).arg(summary.groups));
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    qCInfo(lcServer) << "erased a pupil: school" << schoolId << "purge seq" << summary.purgeSeq;
    return summary;
}

}  // namespace otrack
