#pragma once

class QHttpServer;

namespace otrack {

class ConnectionPool;

// The legal documents and the acceptance ledger (docs/protocol.md, Legal documents):
//   GET  /v1/legal/documents                    current versions, and what the caller must accept
//   GET  /v1/legal/documents/<kind>/<version>   one version with its text
//   POST /v1/legal/acceptances                  a batch of the caller's acceptance records
//   GET  /v1/legal/ledger.csv                   the school's ledger (owner and admin only)
// Authenticated, but never behind the legal gate of push and pull: they are how a staff member
// who has not accepted yet gets to accept. Database work runs on the pool, as in syncroutes.h.
void addLegalRoutes(QHttpServer &http, ConnectionPool &pool);

}  // namespace otrack
