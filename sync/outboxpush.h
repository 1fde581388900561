#pragma once

#include "database.h"
#include "pushrequest.h"
#include "pushresponse.h"
#include "result.h"

#include <QList>
#include <QString>

namespace otrack {

// What one push answer did to the local store.
struct PushSummary {
    int applied = 0;  // applied or merged: the entry is gone, the cell has its new version
    int conflicts = 0;  // stored in `conflicts` for the teacher to resolve
    int rejected = 0;  // stored in `rejections` to be shown
    int held = 0;  // refused for now (the school is not active): left in the outbox
};

// Turns the outbox into push batches and applies the server's answers, without a socket.
//
// Chaining: the outbox may hold several edits of one cell, each queued with the version the
// teacher saw, which is the same for all of them. A batch therefore carries only the oldest
// entry of each cell; its result rebases the cell's later entries on the new version, and
// the next batch sends the next one. So two offline edits of a cell arrive as two applied
// versions, never as a conflict with itself.
class OutboxPush {
public:
    OutboxPush(Database &db, QString schoolId, QString userId);

    // At most `limit` ops: the oldest entry of each cell, oldest cells first.
    Result<QList<PushOp>> nextBatch(int limit = PushRequest::kMaxOps);

    // Applies the answer to `sent` in one transaction. An entry is deleted only here, once its
    // result is held; an answer that does not match the batch op for op changes nothing.
    Result<PushSummary> apply(const QList<PushOp> &sent, const PushResponse &response);

private:
    Status applied(const PushOp &op, qint64 version);
    Status conflict(const PushOp &op, const ServerMark &server);
    Status rejected(const PushOp &op, const PushResult &result);

    Database &m_db;
    QString m_schoolId;
    QString m_userId;
};

}  // namespace otrack
