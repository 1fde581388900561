#pragma once

#include "result.h"

#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

class QIODevice;

namespace otrack {

// What an export wrote: rows per table, and the archive's SHA-256 (for the certificate).
struct SchoolExportSummary {
    QMap<QString, qint64> rows;  // table -> rows exported
    QString sha256;  // of the whole archive, hex
    qint64 bytes = 0;
};

// Everything the server holds for one school (docs/data.md, End of contract), as a ZIP:
// one CSV per table (RFC 4180, a header row, spreadsheet formulas neutralised; csvwriter.h),
// `school.json` with every table as an array of objects, and `manifest.json` (school, time,
// each file's rows and SHA-256). Password hashes, device keys and tokens are not the school's
// data but the means to sign in: they are left out. Read in one transaction, so the export is
// one consistent moment of the store.
class SchoolExport {
public:
    explicit SchoolExport(QSqlDatabase db) : m_db(std::move(db)) { }

    // NotFound for an unknown school; NotWritable when the file cannot be written (a partial
    // file is never left behind).
    Result<SchoolExportSummary> writeZip(const QString &schoolId, const QString &path, qint64 nowMs);

    // The tables a school's data lives in, in the order they are exported: the same list
    // SchoolDeletion deletes (in reverse, children first).
    static QStringList tableNames();

private:
    QSqlDatabase m_db;
};

}  // namespace otrack
