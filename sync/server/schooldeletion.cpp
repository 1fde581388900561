#include "schooldeletion.h"

#include "logging.h"
#include "serverdatabase.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

struct DeleteStep {
    const char16_t *table;
    const char16_t *sql;  // one placeholder: the school's id (login_failures: its subject prefix)
};

// Children before parents (foreign keys), the school's row last. Every table that holds
// school_id is here; the one without (scale_values) goes by its scales.
const DeleteStep kSteps[] = {
    {u"push_results", u"DELETE FROM push_results WHERE school_id = ?"},
    {u"purges", u"DELETE FROM purges WHERE school_id = ?"},
    {u"erased_pupils", u"DELETE FROM erased_pupils WHERE school_id = ?"},
    {u"mark_events", u"DELETE FROM mark_events WHERE school_id = ?"},
    {u"marks", u"DELETE FROM marks WHERE school_id = ?"},
    {u"group_members", u"DELETE FROM group_members WHERE school_id = ?"},
    {u"staff_groups", u"DELETE FROM staff_groups WHERE school_id = ?"},
    {u"objectives", u"DELETE FROM objectives WHERE school_id = ?"},
    {u"frameworks", u"DELETE FROM frameworks WHERE school_id = ?"},
    {u"scale_values", u"DELETE FROM scale_values WHERE scale_id IN (SELECT id FROM scales WHERE school_id = ?)"},
    {u"scales", u"DELETE FROM scales WHERE school_id = ?"},
    {u"terms", u"DELETE FROM terms WHERE school_id = ?"},
    {u"pupils", u"DELETE FROM pupils WHERE school_id = ?"},
    {u"groups", u"DELETE FROM groups WHERE school_id = ?"},
    {u"acceptances", u"DELETE FROM acceptances WHERE school_id = ?"},
    {u"tokens", u"DELETE FROM tokens WHERE school_id = ?"},
    {u"devices", u"DELETE FROM devices WHERE school_id = ?"},
    {u"login_failures", u"DELETE FROM login_failures WHERE subject LIKE ?"},
    {u"import_mappings", u"DELETE FROM import_mappings WHERE school_id = ?"},
    {u"retention_rules", u"DELETE FROM retention_rules WHERE school_id = ?"},
    {u"audit_events", u"DELETE FROM audit_events WHERE school_id = ?"},
    {u"staff", u"DELETE FROM staff WHERE school_id = ?"},
    {u"schools", u"DELETE FROM schools WHERE id = ?"},
};

}  // namespace

Result<QJsonObject> SchoolDeletion::deleteSchool(const DeletionRequest &request, qint64 nowMs)
{
    if (request.requestedBy.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, u"say who at the school asked for the deletion"_s};
    if (request.exportSha256.size() != 64)
        return Error{ErrorCode::InvalidArgument, u"a school's data is deleted only after it has been exported"_s};
    WriteTransaction transaction(m_db);
    if (Status s = transaction.begin(u"deleting a school's data"_s); !s)
        return s.error();
    QSqlQuery query(m_db);
    // The school's row first (the one lock order): no push interleaves with the deletion.
    if (Status s = execSql(query, u"UPDATE schools SET status = 'suspended' WHERE id = ?"_s, {request.schoolId},
                           u"locking the school"_s);
        !s)
        return s.error();
    if (Status s
        = execSql(query, u"SELECT name, urn FROM schools WHERE id = ?"_s, {request.schoolId}, u"finding the school"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    const QJsonObject school{
        {u"id"_s, request.schoolId}, {u"name"_s, query.value(0).toString()}, {u"urn"_s, query.value(1).toString()}};

    QJsonObject deleted;
    qint64 total = 0;
    for (const DeleteStep &step : kSteps) {
        const QString table = QString::fromUtf16(step.table);
        const QVariant bind = table == u"login_failures"_s ? QVariant(u"account:"_s + request.schoolId + u"/%"_s)
                                                           : QVariant(request.schoolId);
        if (Status s = execSql(query, QString::fromUtf16(step.sql), {bind}, u"deleting "_s + table); !s)
            return s.error();
        deleted.insert(table, query.numRowsAffected());
        total += query.numRowsAffected();
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString at = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODate);
    const QJsonObject certificate{
        {u"kind"_s, u"otrack_certificate_of_deletion"_s},
        {u"version"_s, 1},
        {u"certificate_id"_s, id},
        {u"school"_s, school},
        {u"deleted_at"_s, at},
        {u"requested_by"_s, request.requestedBy.trimmed()},
        {u"carried_out_by"_s, request.carriedOutBy},
        {u"export"_s, QJsonObject{{u"file"_s, request.exportFile}, {u"sha256"_s, request.exportSha256}}},
        {u"rows_deleted"_s, deleted},
        {u"rows_deleted_total"_s, total},
        {u"statement"_s,
         u"All data held for %1 on this OTrack server (pupils, their marks and history, groups, staff accounts, "
         u"frameworks, terms, legal acceptances and the audit trail) was exported and then deleted on %2 at the "
         u"school's request. Encrypted copies on staff computers are deleted by the OTrack app when it next "
         u"contacts the server or is uninstalled; server backups expire under the vendor's backup schedule."_s.arg(
             school.value(u"name"_s).toString(), at)},
    };
    if (Status s = execSql(query,
                           u"INSERT INTO deletion_certificates (id, school_id, school_name, certificate, deleted_at) "
                           u"VALUES (?, ?, ?, ?, ?)"_s,
                           {id, request.schoolId, school.value(u"name"_s).toString(),
                            QString::fromUtf8(QJsonDocument(certificate).toJson(QJsonDocument::Compact)), nowMs},
                           u"keeping the certificate"_s);
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    if (m_db.driverName() == u"QSQLITE"_s) {
        QSqlQuery checkpoint(m_db);
        if (!checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
            qCWarning(lcServer) << "checkpoint after deleting a school failed";
    }
    qCInfo(lcServer) << "deleted school" << request.schoolId << "rows" << total << "certificate" << id;
    return certificate;
}

}  // namespace otrack
