#pragma once

#include "ctfwriter.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>

class QIODevice;

namespace otrack {

// The school's statutory results back to its MIS as a CTF (docs/data.md, Results back to the
// MIS): every pupil on roll with a mark of the "Statutory results" framework, each mark as the
// <StageAssessment> it came from (statutoryresults.h). `stage` ("KS2") narrows it to one key
// stage; empty: all. Returns the number of pupils written; NotFound for an unknown school.
class CtfResultsExport {
public:
    explicit CtfResultsExport(QSqlDatabase db) : m_db(std::move(db)) { }

    Result<int> write(const QString &schoolId, const CtfHeader &header, const QString &stage, QIODevice *out);

private:
    QSqlDatabase m_db;
};

}  // namespace otrack
