#pragma once

#include "caller.h"
#include "importplan.h"
#include "result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace otrack {

struct ImportOptions {
    ImportMode mode = ImportMode::AllOrNothing;
    // The file is the school's whole roll: pupils on roll in OTrack whose UPN is not in it are
    // marked as left (never deleted).
    bool fullRoll = false;
    // Do everything, report it, and roll it all back.
    bool dryRun = false;
};

// What applying a plan did (or, dry run, would do). Counts only: nothing personal.
struct ImportReport {
    bool dryRun = false;
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int rejoined = 0;  // had left, and are in the file again: on roll once more
    int markedLeft = 0;
    int skippedRecords = 0;  // records with problems, left out (valid records only)
    int classesCreated = 0;  // registration classes named by the file and new to OTrack
    int classChanges = 0;  // pupils put into (or moved to) their class
    qint64 resultsCreated = 0;
    qint64 resultsUpdated = 0;
    qint64 resultsUnchanged = 0;
    QJsonObject plan;  // ImportPlan::toJson(): the source and every problem

    QJsonObject toJson() const;
};

// Applies a validated import plan (core/import) to one school's store (docs/data.md,
// Applying an import), on SQLite and PostgreSQL alike.
//
// One write transaction. It takes the school's row first (SchoolAdmin::allocateSequence, the
// one lock order of syncservice.h), numbers every changed row from the school's change sequence
// so that pulls deliver it, and writes the sequence back once. Pupils are matched by UPN within
// the school: an existing pupil is updated (only the fields the file carries; a pupil who had
// left is on roll again), a new one is added. With fullRoll, pupils on roll whose UPN is not in
// the file get today's leaving date. Stage-assessment results become marks of the school's
// "Statutory results" framework (made on first use): one objective per stage, subject, method
// and component, one term per assessment year ("Statutory assessment", academic year), the
// result as a value of the "Statutory results" scale; each changed mark gets a mark event, as a
// push would. A record's class (CSV) puts the pupil in that class group (made on first use),
// out of any other class (sets and interventions stay), and makes the teachers of every class
// that changed re-sync (their epoch), as SchoolAdmin::setGroupMembers does. Every pupil added, changed or marked as
// left gets an audit event (field names only), and the import one with the counts. A result equal to what OTrack holds
// changes nothing, so importing the same file twice changes nothing the second time.
//
// Refused, with nothing written: Forbidden for a role other than admin or owner, or a school
// that is not active (awaiting_terms: the school has not accepted the Data Processing Terms,
// so OTrack processes none of its pupil data); InvalidArgument when the plan cannot be applied
// in the options' mode (ImportPlan::checkApplicable).
class MisImporter {
public:
    explicit MisImporter(QSqlDatabase db) : m_db(std::move(db)) { }

    static Status requireImporter(const Caller &caller);

    Result<ImportReport> apply(const Caller &caller, const ImportPlan &plan, const ImportOptions &options,
                               qint64 nowMs);

private:
    QSqlDatabase m_db;
};

}  // namespace otrack
