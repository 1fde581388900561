#pragma once

#include "importrecord.h"
#include "result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace otrack {

// A record that passed validation, with typed values. nullopt: the source does not carry that
// field; an import leaves it as it is (and a new pupil gets the default).
struct ImportedPupil {
    int line = 0;
    int ordinal = 0;
    QString upn;
    QString formerUpn;  // valid, or empty
    QString legalSurname;
    QString legalForename;
    std::optional<QString> preferredSurname;
    std::optional<QString> preferredForename;
    std::optional<QDate> dateOfBirth;
    std::optional<QString> gender;  // M, F, U or X (not known / not recorded)
    std::optional<int> yearGroup;  // -2 N1, -1 N2, 0 reception, 1..14
    std::optional<bool> pupilPremium;
    std::optional<bool> freeSchoolMeals;
    std::optional<QString> senStatus;  // N, K or E
    std::optional<bool> eal;
    std::optional<bool> lookedAfter;
    std::optional<QDate> onRollDate;
    // The registration class by name; an empty cell leaves the pupil's class as it is.
    std::optional<QString> classGroup;
    QList<StatutoryResult> results;
};

// How a plan may be applied.
enum class ImportMode {
    AllOrNothing,  // refused while any record has a problem
    ValidRecordsOnly,  // the valid records only, chosen explicitly by the user
};

// A validated file: what would be imported, and every problem found. Applying it (on the
// server) is one transaction: all of `pupils`, or nothing.
struct ImportPlan {
    ImportSource source;
    int recordCount = 0;
    QList<ImportedPupil> pupils;  // the valid records, in file order
    QList<ImportProblem> problems;  // in file order
    // Every well-formed UPN in the file, valid record or not. A full-roll import marks as left
    // only pupils whose UPN is not here, so a record with a problem never makes its pupil a
    // leaver.
    QSet<QString> upnsInFile;
    int recordsWithoutUsableUpn = 0;

    int invalidRecordCount() const;

    // Whether this plan may be applied in `mode`: InvalidArgument naming the first obstacle
    // otherwise. A full-roll import with records that have no usable UPN cannot tell who left,
    // so it is refused even for the valid records only; so is a full roll from a CTF whose
    // header says it is partial.
    Status checkApplicable(ImportMode mode, bool fullRoll) const;

    // The plan as a report (the admin CLI's --dry-run and the future data-manager view):
    // source, counts and problems. No names.
    QJsonObject toJson() const;
};

}  // namespace otrack
