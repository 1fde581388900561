#include "retentioncompactor.h"

#include "logging.h"
#include "schooladmin.h"
#include "serverdatabase.h"
#include "writetransaction.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace otrack {

Result<QList<CompactionSummary>> RetentionCompactor::compact(const QString &schoolId, qint64 horizonMs)
{
    QStringList schools;
    if (schoolId.isEmpty()) {
        QSqlQuery query(m_db);
        if (Status s = execSql(query, u"SELECT id FROM schools ORDER BY id"_s, {}, u"listing schools"_s); !s)
            return s.error();
        while (query.next())
            schools << query.value(0).toString();
    } else {
        schools << schoolId;
    }
    QList<CompactionSummary> summaries;
    for (const QString &id : schools) {
        auto done = compactSchool(id, horizonMs);
        if (!done)
            return done.error();
        summaries.append(done.value());
    }
    return summaries;
}

Result<CompactionSummary> RetentionCompactor::compactSchool(const QString &schoolId, qint64 horizonMs)
{
    WriteTransaction transaction(m_db);
    if (Status s = transaction.begin(u"compacting a school's history"_s); !s)
        return s.error();
    // The school's row first, as every writer of the school's data takes it.
    const bool postgres = m_db.driverName() == u"QPSQL"_s;
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           postgres ? u"SELECT retention_seq FROM schools WHERE id = ? FOR UPDATE"_s
                                    : u"SELECT retention_seq FROM schools WHERE id = ?"_s,
                           {schoolId}, u"locking the school"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    CompactionSummary summary;
    summary.schoolId = schoolId;
    summary.retentionSeq = query.value(0).toLongLong();

    // A purge's age is its pupil's erasure time. Everything up to the newest old purge goes,
    // so that no purge below the new horizon survives to be skipped by a client's cursor.
    if (Status s = execSql(query,
                           u"SELECT MAX(p.seq) FROM purges p JOIN erased_pupils e ON e.pupil_id = p.pupil_id "
                           u"AND e.school_id = p.school_id WHERE p.school_id = ? AND e.erased_at < ?"_s,
                           {schoolId, horizonMs}, u"finding old purge records"_s);
        !s)
        return s.error();
    const qint64 horizonSeq = query.next() && !query.value(0).isNull() ? query.value(0).toLongLong() : 0;
    if (horizonSeq > 0) {
        if (Status s = execSql(query, u"DELETE FROM purges WHERE school_id = ? AND seq <= ?"_s, {schoolId, horizonSeq},
                               u"removing old purge records"_s);
            !s)
            return s.error();
        summary.purges = query.numRowsAffected();
        if (horizonSeq > summary.retentionSeq) {
            if (Status s = execSql(query, u"UPDATE schools SET retention_seq = ? WHERE id = ?"_s,
                                   {horizonSeq, schoolId}, u"raising the retention horizon"_s);
                !s)
                return s.error();
            summary.retentionSeq = horizonSeq;
        }
    }
    if (Status s = execSql(query, u"DELETE FROM push_results WHERE school_id = ? AND created_at < ?"_s,
                           {schoolId, horizonMs}, u"removing old push results"_s);
        !s)
        return s.error();
    summary.pushResults = query.numRowsAffected();

    if (Status s = SchoolAdmin::audit(m_db, schoolId, m_actorId, u"compact"_s, u"school"_s, schoolId,
                                      u"purges=%1 push_results=%2 retention_seq=%3"_s.arg(summary.purges)
                                          .arg(summary.pushResults)
                                          .arg(summary.retentionSeq));
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    qCInfo(lcServer) << "compacted school" << schoolId << "purges" << summary.purges << "push results"
                     << summary.pushResults << "retention seq" << summary.retentionSeq;
    return summary;
}

}  // namespace otrack
