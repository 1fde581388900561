#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace otrack {

// One statutory assessment result as a Common Transfer File carries it
// (<StageAssessments>/<KeyStage>/<StageAssessment>). All text, as found.
struct StatutoryResult {
    QString stage;  // "KS2", "KS1", "EYFSP", "PHONICS", "MTC", ...
    QString locale;  // "ENG" or "WLS"
    QString year;  // the year the assessment was taken, e.g. "2025"
    QString subject;  // e.g. "MAT", "REA", "GPS", "SCI", "ENG"
    QString method;  // e.g. "TT" (test), "TA" (teacher assessment)
    QString component;  // e.g. "SCALED", "RAW"; often empty
    QString resultStatus;
    QString resultQualifier;
    QString result;  // the value, e.g. "105" or "EXS"
};

// One pupil as a source file gives them, before validation: the text as found, so that a
// problem can quote it. A field the source does not carry (a CSV column that is not mapped) is
// nullopt, and an import leaves what OTrack holds for it unchanged.
struct ImportRecord {
    int line = 0;  // where the record starts in the file (CSV: its row's first line)
    int ordinal = 0;  // 1-based: the nth pupil or data row
    QString upn;  // trimmed, upper case
    QString formerUpn;  // CTF FormerUPN: the temporary UPN this pupil had before
    std::optional<QString> legalSurname;
    std::optional<QString> legalForename;
    std::optional<QString> preferredSurname;
    std::optional<QString> preferredForename;
    std::optional<QString> dateOfBirth;
    std::optional<QString> gender;
    std::optional<QString> yearGroup;
    std::optional<QString> pupilPremium;
    std::optional<QString> freeSchoolMeals;
    std::optional<QString> senStatus;
    std::optional<QString> eal;
    std::optional<QString> lookedAfter;
    std::optional<QString> onRollDate;
    std::optional<QString> classGroup;
    QList<StatutoryResult> results;
};

// What a file says about itself (CTF <Header>; for CSV only the format and the row count).
struct ImportSource {
    QString format;  // "ctf" or "csv"
    QString version;  // CTF: CTFversion, e.g. "25.0"
    QString documentQualifier;  // CTF: "full" or "partial"
    QString sourceSchoolName;
    QString sourceLea;
    QString sourceEstab;
    QString academicYear;
    QString createdAt;  // CTF: DateTime, as found
    QList<QString> dateFormats;  // how the file writes dates (Qt date formats), first tried first
};

// Why a record cannot be imported. Stable names (problemKindName) for reports and scripts.
enum class ProblemKind {
    MissingUpn,
    BadUpn,  // not 13 characters, or characters a UPN cannot have
    BadCheckLetter,
    DuplicateUpn,  // the same UPN on an earlier record of the file
    MissingName,
    BadDate,
    UnknownYearGroup,
    BadValue,  // a flag, sex or SEN status the import does not know
    BadResult,  // a stage assessment without its stage, subject, year or result
    BadRow,  // a CSV row whose columns do not line up with the header
};

QString problemKindName(ProblemKind kind);

// One problem with one record. The message names the field and quotes the value found (never
// a name: reports go to logs too), so the data manager can fix it in the MIS.
struct ImportProblem {
    int line = 0;
    int ordinal = 0;
    QString upn;  // as found, possibly empty or malformed
    ProblemKind kind = ProblemKind::BadValue;
    QString field;  // e.g. "date_of_birth"
    QString message;
};

// What a reader found in a file: its header, its records, and the problems that stopped a
// record from being read at all (a CSV row that does not line up with the header).
struct SourceRecords {
    ImportSource source;
    QList<ImportRecord> records;
    QList<ImportProblem> problems;
    int recordCount = 0;  // records read plus records refused
};

}  // namespace otrack
