#pragma once

class QHttpServer;

namespace otrack {

class ConnectionPool;

// The school administration API (docs/protocol.md, Administration). For now one route:
// POST /v1/admin/pupils/<id>/erase erases a pupil (PupilEraser). Only admins and owners
// (403 for every other role), only their school's pupils (404 for an unknown or another
// school's id). Idempotent: erasing an erased pupil answers 200 with status "already_erased".
// The school data routes (dataendpoints.h: imports, import mappings, subject access, retention),
// same roles and answers.
// Checked on the handler thread for its protocol header (426), then run on a pool thread.
void addAdminRoutes(QHttpServer &http, ConnectionPool &pool);

}  // namespace otrack
