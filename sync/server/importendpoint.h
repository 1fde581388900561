#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QUrlQuery>

namespace otrack {

struct Caller;

// POST /v1/admin/imports (docs/protocol.md, Imports): the body is the file itself (a CTF, or a
// CSV read through a mapping the school saved). Query: format=ctf|csv, mapping=NAME (csv),
// full_roll, valid_only, dry_run, validate_only (each "true" or "1"). validate_only answers
// {"plan": ...} (every problem, nothing written); otherwise the ImportReport.
// Errors: InvalidArgument (a bad query, an unreadable file, a plan that cannot be applied),
// Forbidden, NotFound (no such mapping).
Result<QJsonObject> handleImportRequest(QSqlDatabase db, const Caller &caller, const QUrlQuery &query,
                                        const QByteArray &body, qint64 nowMs);

}  // namespace otrack
