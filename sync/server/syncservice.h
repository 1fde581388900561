#pragma once

#include "caller.h"
#include "pullrequest.h"
#include "pullresponse.h"
#include "pushrequest.h"
#include "pushresponse.h"
#include "result.h"

#include <QHash>
#include <QSqlDatabase>

namespace otrack {

class SqliteWriter;

// Push and pull (docs/protocol.md, Sync) over one QtSql connection, SQLite or PostgreSQL,
// for a caller already authenticated. No HTTP here: syncroutes.cpp puts it on the wire.
//
// Push: one transaction per batch. It first locks the school's row (PostgreSQL: SELECT ...
// FOR UPDATE; SQLite: BEGIN IMMEDIATE), then handles the ops in key order (pupil, term,
// objective), and writes the school's next_seq back once at the end. Every writer of
// school data takes the school row first, so there is one lock order (school, then cells
// in key order): concurrent pushes cannot deadlock, no cell update is lost, and sequence
// numbers become visible only at commit, all of them together, none after a larger one.
// Each op's effect, its mark event and its push_results row are written in that same
// transaction: a batch commits whole or not at all, and a retry after a lost answer finds
// every op's stored result.
//
// Decisions (also in docs/protocol.md):
// - A duplicate (op id already in push_results for this school and device) returns the
//   stored result with outcome "duplicate" and original_outcome; it adds no mark event.
// - A school that is not active rejects every new op with "school_not_active" and records
//   nothing (neither an event nor a result: it processes no pupil data, and the op may be
//   retried once the school is active).
// - A locked term rejects teachers' ops ("locked_term"); admins and owners may still write.
// - A cell with no row has version 0 and a null value; "merged" needs the value and the
//   note to equal the server's.
//
// On SQLite a server hands pushes to its SqliteWriter (sqlitewriter.h), which runs the pushes
// waiting at one moment in one transaction; without one (tests, tools), a push takes its own
// transaction.
class SyncService {
public:
    explicit SyncService(QSqlDatabase db, SqliteWriter *writer = nullptr);

    // InvalidArgument (field device_id) when the body's device is not the caller's;
    // StorageFailure / Busy when the database fails (nothing was committed: retry).
    Result<PushResponse> push(const Caller &caller, const PushRequest &request, qint64 nowMs);

    // The answer's wire body (PullResponse's JSON), the changes encoded by the database.
    // InvalidArgument (field cursor) for a cursor beyond the school's sequence; Gone for a
    // cursor > 0 below the school's retention horizon (the client pulls again from 0).
    Result<QByteArray> pullBody(const Caller &caller, const PullRequest &request);
    // pullBody(), decoded: for callers that look inside the answer (tests, tools).
    Result<PullResponse> pull(const Caller &caller, const PullRequest &request);

private:
    bool isPostgres() const;
    // The push itself, inside a write transaction that the caller began and commits.
    Result<PushResponse> pushInTransaction(const Caller &caller, const PushRequest &request, qint64 nowMs);
    // The stored results of the ops of `ops` seen before (a retried batch), by op id.
    Result<QHash<QString, PushResult>> storedResults(const QString &schoolId, const QString &deviceId,
                                                     const QList<PushOp> &ops);

    QSqlDatabase m_db;
    SqliteWriter *m_writer;
};

}  // namespace otrack
