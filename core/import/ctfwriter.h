#pragma once

#include "importrecord.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

class QIODevice;

namespace otrack {

// One pupil in a CTF that OTrack writes: who they are, and their statutory results.
struct CtfPupil {
    QString upn;
    QString surname;
    QString forename;
    QDate dateOfBirth;
    QString gender;  // M, F, U, X or empty
    QList<StatutoryResult> results;
};

// The header of a CTF that OTrack writes. The school is identified by its DfE LA and
// establishment numbers; the destination is the school's own MIS (the same numbers).
struct CtfHeader {
    QString lea;
    QString estab;
    QString schoolName;
    QString academicYear;  // the year the academic year starts, e.g. "2025"
    QDateTime created;
};

// Writes a partial CTF 25 (docs/data.md, Results back to the MIS): for each pupil UPN, names,
// date of birth, sex and <StageAssessments> grouped by key stage, as CtfReader reads them back.
// InvalidArgument for an LA (3 digits) or establishment number (4 digits) that is not one;
// NotWritable when the device refuses.
class CtfWriter {
public:
    static Status write(QIODevice *device, const CtfHeader &header, const QList<CtfPupil> &pupils);
};

}  // namespace otrack
