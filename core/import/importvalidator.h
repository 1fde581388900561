#pragma once

#include "importplan.h"

#include <QDate>

namespace otrack {

// Checks every record a reader found and turns the valid ones into typed pupils: one problem
// per broken rule per record (missing UPN, malformed UPN, wrong check letter, UPN twice in the
// file, missing legal name, bad or future date, unknown year group, unknown flag, SEN status or
// sex, incomplete stage assessment). A record with any problem is left out of the plan's pupils.
//
// Values it reads (case-insensitive, spaces trimmed):
// - year group: "R" or "Reception" (0), "N1" (-2), "N2" (-1), 1..14, "Year 5", "Y5";
// - flags: Y/N, Yes/No, T/F, True/False, 1/0; an empty cell is "no";
// - SEN status: N, K, E (also "None", "SEN support", "EHC plan"); an empty cell is N;
// - sex: M, F, U, X (also "Male", "Female", "Unknown"); an empty cell is not recorded.
// Dates in the source's formats (ImportSource::dateFormats); a date of birth must not be in the
// future of `today`.
class ImportValidator {
public:
    static ImportPlan validate(const SourceRecords &read, const QDate &today);

    // Exposed for the CSV preview, which shows what a cell will become.
    static std::optional<int> parseYearGroup(const QString &text);
    static std::optional<bool> parseFlag(const QString &text);
};

}  // namespace otrack
