#pragma once

#include "database.h"
#include "pullresponse.h"
#include "result.h"
#include "syncsession.h"

#include <QString>

#include <optional>

namespace otrack {

// Writes pulled pages into the local store, without a socket. Each page and the cursor after
// it commit in one transaction, so an interrupted download resumes where it stopped.
//
// A pulled mark never overwrites a cell with a local edit still queued or an open conflict:
// the local side waits for its push result (or the teacher's choice) instead.
class PullApplier {
public:
    PullApplier(Database &db, SyncSession &session);

    // Applies the changes, then stores next_cursor, the epoch and, on the last page, that
    // the initial sync is done. On failure nothing of the page is kept.
    Status applyPage(const PullResponse &page);

    // Starts the pull again from 0 (a new epoch, or a 410): drops the pulled pupils, groups and
    // marks, except cells with an edit still queued or in conflict (and their pupils), then
    // saves cursor 0 and `epoch` when given. The outbox is never touched.
    Status restartFromZero(std::optional<qint64> epoch);

    // Deletes every local trace of a pupil: the pupil, their marks, group places, queued
    // edits, conflicts, rejections and audit events. The caller owns the transaction.
    static Status purgePupil(Database &db, const QString &pupilId);

private:
    Status applyChange(const Change &change);
    Status applyMark(const Change &change);
    // Each says whether it wrote the row.
    Result<bool> updateMark(const PulledMark &mark, const QString &updatedAt);
    Result<bool> insertMark(const PulledMark &mark, const QString &updatedAt);

    Database &m_db;
    SyncSession &m_session;
};

}  // namespace otrack
