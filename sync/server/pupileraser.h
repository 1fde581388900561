#pragma once

#include "caller.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>

namespace otrack {

// What erasing a pupil removes (preview) or removed (erase). Counts only: nothing personal.
struct ErasureSummary {
    QString pupilId;
    bool alreadyErased = false;  // erased before: nothing more to do
    qint64 purgeSeq = 0;  // the purge record's number in the school's sequence (erase only)
    qint64 marks = 0;
    qint64 markEvents = 0;
    qint64 groups = 0;
    qint64 pushResults = 0;
};

// Erasing a pupil (UK GDPR Art. 17; docs/server.md, Erasure), on SQLite and PostgreSQL alike.
//
// One write transaction that takes the school's row first (SchoolAdmin::allocateSequence, the
// one lock order of syncservice.h), so an erasure and a push touching the same pupil run one
// after the other: either the push's marks exist and are erased with the rest, or the push
// finds the pupil in erased_pupils and is rejected ("erased_pupil").
//
// It deletes the pupil's row, group memberships, marks, mark events (their change history)
// and the push results of those events' ops (a conflict's stored answer carries the cell's
// value and note). Audit events about the pupil keep who did what, but lose their detail. What
// stays is the id alone: in erased_pupils (later pushes are rejected) and in a purge record
// that pulls deliver, so every client deletes its copy. An audit event records the erasure
// (actor, "erase", "pupil", id, and counts).
//
// On SQLite the server runs with secure_delete (serverdatabase.cpp) and erase() checkpoints the
// WAL afterwards, so the erased fields are gone from the files' bytes too.
class PupilEraser {
public:
    explicit PupilEraser(QSqlDatabase db) : m_db(std::move(db)) { }

    // Only admins and owners may erase: Forbidden for every other role, whatever the id.
    static Status requireEraser(const Caller &caller);

    // The pupil's id from an id or a UPN within the school. NotFound otherwise (also for an
    // already erased pupil's UPN: it is gone).
    Result<QString> findPupil(const QString &schoolId, const QString &idOrUpn);

    // What erase() would remove, changing nothing. NotFound for an id that is neither a
    // pupil nor an erased pupil of this school.
    Result<ErasureSummary> preview(const Caller &caller, const QString &pupilId);

    // Erases the pupil. Erasing an already erased pupil of the school changes nothing and
    // answers alreadyErased. NotFound for another school's or an unknown id.
    Result<ErasureSummary> erase(const Caller &caller, const QString &pupilId, qint64 nowMs);

private:
    // Counts what the pupil has; NotFound / alreadyErased as above. Inside erase's transaction
    // or on its own for preview.
    Result<ErasureSummary> survey(const QString &schoolId, const QString &pupilId);

    QSqlDatabase m_db;
};

}  // namespace otrack
