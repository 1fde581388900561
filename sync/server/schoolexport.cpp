#include "schoolexport.h"

#include "csvwriter.h"
#include "serverdatabase.h"
#include "sqljson.h"
#include "zipwriter.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

struct ExportTable {
    const char16_t *name;
    const char16_t *select;  // one placeholder: the school's id
};

// Columns are listed where a table holds more than the school's data (sign-in secrets, sync
// bookkeeping); `*` elsewhere, so a column added later is exported without a change here.
const ExportTable kTables[] = {
    {u"schools", u"SELECT id, name, urn, status, created_at FROM schools WHERE id = ?"},
    {u"staff", u"SELECT id, username, display_name, role, disabled, created_at FROM staff WHERE school_id = ?"},
    {u"devices", u"SELECT user_id, device_id, created_at, last_seen_at, revoked_at FROM devices WHERE school_id = ?"},
    {u"pupils", u"SELECT * FROM pupils WHERE school_id = ? ORDER BY upn, id"},
    {u"groups", u"SELECT * FROM groups WHERE school_id = ? ORDER BY name, id"},
    {u"group_members", u"SELECT * FROM group_members WHERE school_id = ? ORDER BY group_id, pupil_id"},
    {u"staff_groups", u"SELECT * FROM staff_groups WHERE school_id = ? ORDER BY staff_id, group_id"},
    {u"scales", u"SELECT * FROM scales WHERE school_id = ? ORDER BY name, id"},
    {u"scale_values",
     u"SELECT * FROM scale_values WHERE scale_id IN (SELECT id FROM scales WHERE school_id = ?) "
     u"ORDER BY scale_id, position"},
    {u"frameworks", u"SELECT * FROM frameworks WHERE school_id = ? ORDER BY name, id"},
    {u"objectives", u"SELECT * FROM objectives WHERE school_id = ? ORDER BY framework_id, position"},
    {u"terms", u"SELECT * FROM terms WHERE school_id = ? ORDER BY academic_year, position"},
    {u"marks", u"SELECT * FROM marks WHERE school_id = ? ORDER BY pupil_id, term_id, objective_id"},
    {u"mark_events", u"SELECT * FROM mark_events WHERE school_id = ? ORDER BY id"},
    {u"acceptances", u"SELECT * FROM acceptances WHERE school_id = ? ORDER BY accepted_at, id"},
    {u"audit_events", u"SELECT * FROM audit_events WHERE school_id = ? ORDER BY id"},
    {u"import_mappings", u"SELECT * FROM import_mappings WHERE school_id = ? ORDER BY name"},
    {u"retention_rules", u"SELECT * FROM retention_rules WHERE school_id = ?"},
    {u"erased_pupils", u"SELECT pupil_id, erased_at FROM erased_pupils WHERE school_id = ? ORDER BY erased_at"},
};

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

}  // namespace

QStringList SchoolExport::tableNames()
{
    QStringList names;
    for (const ExportTable &table : kTables)
        names << QString::fromUtf16(table.name);
    return names;
}

Result<SchoolExportSummary> SchoolExport::writeZip(const QString &schoolId, const QString &path, qint64 nowMs)
{
    // One snapshot: nothing committed while the export runs can make its files disagree
    // (PostgreSQL's default isolation would give each statement its own).
    QSqlQuery query(m_db);
    const bool postgres = m_db.driverName() == u"QPSQL"_s;
    if (!query.exec(postgres ? u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s : u"BEGIN"_s))
        return sqlError(query.lastError(), u"starting the export"_s);
    struct Rollback {
        QSqlDatabase db;
        ~Rollback()
        {
            QSqlQuery end(db);
            end.exec(u"ROLLBACK"_s);
        }
    } rollback{m_db};

    if (Status s = execSql(query, u"SELECT name, urn FROM schools WHERE id = ?"_s, {schoolId}, u"finding the school"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    const QString schoolName = query.value(0).toString();
    const QString urn = query.value(1).toString();

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::NotWritable, u"cannot write %1: %2"_s.arg(path, file.errorString())};
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    ZipWriter zip(&file);
    SchoolExportSummary summary;
    QJsonObject all;
    QJsonArray files;
    const auto add = [&](const QString &name, const QByteArray &bytes, qint64 rows) -> Status {
        if (Status s = zip.add(name, bytes, now); !s)
            return s;
        QJsonObject entry{{u"file"_s, name}, {u"sha256"_s, sha256(bytes)}, {u"bytes"_s, bytes.size()}};
        if (rows >= 0)
            entry.insert(u"rows"_s, rows);
        files.append(entry);
        return {};
    };
    for (const ExportTable &table : kTables) {
        const QString name = QString::fromUtf16(table.name);
        if (Status s = execSql(query, QString::fromUtf16(table.select), {schoolId}, u"exporting "_s + name); !s)
            return s.error();
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        CsvWriter writer(&csv);
        const QSqlRecord record = query.record();
        QStringList header;
        for (int i = 0; i < record.count(); ++i)
            header << record.fieldName(i);
        if (Status s = writer.writeRow(header); !s)
            return s.error();
        QJsonArray rows;
        while (query.next()) {
            QStringList cells;
            QJsonObject row;
            for (int i = 0; i < header.size(); ++i) {
                const QVariant value = query.value(i);
                cells << (value.isNull() ? QString() : value.toString());
                row.insert(header.at(i), sqlValueToJson(value));
            }
            if (Status s = writer.writeRow(cells); !s)
                return s.error();
            rows.append(row);
        }
        summary.rows.insert(name, rows.size());
        all.insert(name, rows);
        if (Status s = add(name + u".csv"_s, csv.data(), rows.size()); !s)
            return s.error();
    }
    const QJsonObject school{{u"id"_s, schoolId}, {u"name"_s, schoolName}, {u"urn"_s, urn}};
    if (Status s = add(u"school.json"_s,
                       QJsonDocument(QJsonObject{{u"school"_s, school},
                                                 {u"exported_at"_s, now.toString(Qt::ISODateWithMs)},
                                                 {u"tables"_s, all}})
                           .toJson(QJsonDocument::Indented),
                       -1);
        !s)
        return s.error();
    const QByteArray manifest = QJsonDocument(QJsonObject{{u"kind"_s, u"otrack_school_export"_s},
                                                          {u"version"_s, 1},
                                                          {u"school"_s, school},
                                                          {u"exported_at"_s, now.toString(Qt::ISODateWithMs)},
                                                          {u"files"_s, files}})
                                    .toJson(QJsonDocument::Indented);
    if (Status s = zip.add(u"manifest.json"_s, manifest, now); !s)
        return s.error();
    if (Status s = zip.finish(); !s)
        return s.error();
    if (!file.commit())
        return Error{ErrorCode::NotWritable, u"cannot write %1: %2"_s.arg(path, file.errorString())};

    QFile written(path);
    if (!written.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotWritable, u"cannot read back %1: %2"_s.arg(path, written.errorString())};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&written);
    summary.sha256 = QString::fromLatin1(hash.result().toHex());
    summary.bytes = written.size();
    return summary;
}

}  // namespace otrack
