#pragma once

#include "importrecord.h"
#include "result.h"

#include <QDate>

class QIODevice;

namespace otrack {

// Reads a DfE Common Transfer File (CTF XML, versions 18 to 25; docs/data.md) as a stream, one
// <Pupil> at a time, into records for ImportValidator. What it takes from each pupil: UPN,
// Surname, Forename, PreferredSurname, PreferredForename, DOB, Sex (Gender before CTF 20),
// FormerUPN, NCyearActual, FSM eligibility on the file's date (FSMhistory), the current SEN provision
// (SENhistory), EAL (first language other than English, from Languages), in care at the
// current school (InCare), and every <StageAssessments>/<KeyStage>/<StageAssessment> result.
// Everything else (addresses, contacts, attendance, ...) is skipped unread.
//
// Refused whole, with InvalidArgument and the line: malformed or truncated XML, any DOCTYPE
// (an internal subset can define entities, an external one names a file or URL; the reader
// stops at the declaration and reads nothing it names), an entity reference, a root other than
// <CTfile>, a missing or unsupported CTFversion. Problems with one pupil are left to the
// validator, which names the pupil.
class CtfReader {
public:
    static constexpr int kOldestVersion = 18;
    static constexpr int kNewestVersion = 25;

    // `today` decides FSM eligibility when the header has no DateTime.
    static Result<SourceRecords> read(QIODevice *device, const QDate &today);
    // NotFound when the file cannot be opened.
    static Result<SourceRecords> readFile(const QString &path, const QDate &today);
};

}  // namespace otrack
