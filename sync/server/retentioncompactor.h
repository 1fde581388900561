#pragma once

#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace otrack {

// What one school's compaction removed.
struct CompactionSummary {
    QString schoolId;
    qint64 purges = 0;
    qint64 pushResults = 0;
    qint64 retentionSeq = 0;  // the school's horizon afterwards (raised, or as it was)
};

// Retention compaction (docs/server.md, Retention): drops the per-change history that is older
// than a horizon and that pulls no longer need, on SQLite and PostgreSQL alike.
//
// - Purge records of pupils erased before the horizon go. The school's retention_seq rises to
//   the highest seq removed, so a client whose cursor is below it gets 410 and pulls again
//   from 0: a snapshot that no longer holds the erased pupil at all. erased_pupils stays (an id
//   only): later pushes for those pupils are still rejected.
// - push_results written before the horizon go: they answer a retried batch, and a client
//   retries within minutes, not months. A retry after that is judged afresh (its own value
//   merges).
// - Kept: mark_events (the audit trail of every write; a school's retention rule, not this
//   horizon, decides when they go), audit_events, and every current row.
//
// Each school in its own write transaction that takes the school's row first (the lock order of
// syncservice.h), with an audit event ("compact", "school").
class RetentionCompactor {
public:
    explicit RetentionCompactor(QSqlDatabase db, QString actorId = QStringLiteral("admin-cli"))
        : m_db(std::move(db)), m_actorId(std::move(actorId))
    {
    }

    // Compacts one school (NotFound if unknown) or, with an empty id, every school. Removes
    // what is older than `horizonMs` (milliseconds since the epoch).
    Result<QList<CompactionSummary>> compact(const QString &schoolId, qint64 horizonMs);

private:
    Result<CompactionSummary> compactSchool(const QString &schoolId, qint64 horizonMs);

    QSqlDatabase m_db;
    QString m_actorId;
};

}  // namespace otrack
