#pragma once

#include "importrecord.h"

#include <QString>

namespace otrack {

// How a CTF stage-assessment result is stored as an OTrack mark of the "Statutory results"
// framework (docs/server.md, Imports), and read back for a CTF to the MIS: one place for both
// directions.
namespace statutory {

// "Statutory results": the framework, its scale and its terms' name prefix.
QString frameworkName();
QString termName();  // "Statutory assessment"

// The objective: "KS2/MAT/TT/SCALED" (stage, subject, method, component), and its statement
// ("KS2 mathematics test (scaled)").
QString objectiveCode(const StatutoryResult &result);
QString objectiveStatement(const StatutoryResult &result);
// The term's academic year: a result of 2026 (taken in the summer) is in "2025/26".
QString academicYearOf(const QString &year);
// The mark's note keeps what the value does not: "status F, qualifier SS".
QString note(const StatutoryResult &result);

// The result a stored mark stands for (the inverse of the above). Locale is "ENG": OTrack does
// not keep it.
StatutoryResult fromMark(const QString &objectiveCode, const QString &academicYear, const QString &value,
                         const QString &note);

}  // namespace statutory
}  // namespace otrack
