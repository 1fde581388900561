#pragma once

class QHttpServer;

namespace otrack {

class ConnectionPool;

// POST /v1/auth/login, /v1/auth/refresh and /v1/auth/logout (docs/protocol.md, Auth). Each
// request is checked on the handler thread for its protocol header (426) and its JSON body
// (400 naming the field), then handed to a pool thread (AccountStore).
void addAuthRoutes(QHttpServer &http, ConnectionPool &pool);

}  // namespace otrack
