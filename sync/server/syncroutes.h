#pragma once

#include "caller.h"
#include "result.h"

#include <QSqlDatabase>

class QHttpServer;

namespace otrack {

class ConnectionPool;

// POST /v1/sync/push and GET /v1/sync/pull (docs/protocol.md, Sync). Each request is checked
// on the main thread for its protocol header (426), then handed to a pool thread, which
// authenticates it (401), decodes it field by field (400 naming the field) and runs
// SyncService there: a slow database never stalls the other clients.
void addSyncRoutes(QHttpServer &http, ConnectionPool &pool);

// HOOK for the legal documents issue: before any pupil data moves, the staff member must have
// accepted the current versions of the documents that apply to them. Not implemented yet:
// this returns success for everyone. Once implemented it answers Forbidden (with a code the
// client turns into the acceptance dialog).
Status requireCurrentLegalAcceptance(QSqlDatabase db, const Caller &caller);

}  // namespace otrack
