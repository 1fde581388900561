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

// Before any pupil data moves, the staff member must have accepted the current version of every
// published legal document (legalstore.h): LegalAcceptanceRequired otherwise (403
// legal_acceptance_required, the message naming the missing kinds), which the client turns into
// the acceptance dialog. With nothing published, nothing is required.
Status requireCurrentLegalAcceptance(QSqlDatabase db, const Caller &caller);

}  // namespace otrack
