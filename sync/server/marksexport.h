#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

class QIODevice;

namespace otrack {

// The marks of one group in one term as CSV, for a spreadsheet or the MIS (docs/data.md,
// Exporting marks): one row per pupil of the group (UPN, legal surname and forename,
// preferred forename), one column per objective that has a mark in that term for any of them
// ("Framework: CODE"), in framework and teaching order; a cell is the value's code, empty
// when not marked. Written with CsvWriter (UTF-8, formulas neutralised). NotFound for a group
// or term outside the school.
class MarksExport {
public:
    explicit MarksExport(QSqlDatabase db) : m_db(std::move(db)) { }

    // A term by id, or by name (and academic year, when the name is in more than one).
    // NotFound, or InvalidArgument when the name is ambiguous.
    Result<QString> findTerm(const QString &schoolId, const QString &idOrName, const QString &academicYear);

    // Returns the number of pupils written.
    Result<int> writeCsv(const QString &schoolId, const QString &groupId, const QString &termId, QIODevice *out);

private:
    QSqlDatabase m_db;
};

}  // namespace otrack
