#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QUrlQuery>

namespace otrack {

struct Caller;

// The school data routes of the admin API (docs/protocol.md, School data), for the app's
// data-manager view: each takes the authenticated caller and answers a JSON object, or an
// error that adminroutes.cpp puts on the wire. Admins and owners only (Forbidden otherwise).

// POST /v1/admin/imports (docs/protocol.md, Imports): the body is the file itself (a CTF, or a
// CSV read through a mapping the school saved). Query: format=ctf|csv, mapping=NAME (csv),
// full_roll, valid_only, dry_run, validate_only (each "true" or "1"). validate_only answers
// {"plan": ...} (every problem, nothing written); otherwise the ImportReport.
// Errors: InvalidArgument (a bad query, an unreadable file, a plan that cannot be applied),
// Forbidden, NotFound (no such mapping).
Result<QJsonObject> handleImportRequest(QSqlDatabase db, const Caller &caller, const QUrlQuery &query,
                                        const QByteArray &body, qint64 nowMs);

// GET /v1/admin/import-mappings: {"mappings": [{"name": ..., "mapping": {...}}, ...]}.
Result<QJsonObject> handleListMappings(QSqlDatabase db, const Caller &caller);
// PUT /v1/admin/import-mappings/<name>: the body is a column mapping (columnmapping.h); saves
// or replaces it, and answers {"name": ..., "mapping": {...}}.
Result<QJsonObject> handleSaveMapping(QSqlDatabase db, const Caller &caller, const QString &name,
                                      const QByteArray &body, qint64 nowMs);

// GET /v1/admin/pupils/<id>/subject-access: the report (subjectaccess.h); audited.
Result<QJsonObject> handleSubjectAccess(QSqlDatabase db, const Caller &caller, const QString &pupilId, qint64 nowMs);

// GET /v1/admin/retention: {"rule": {...} or null, "due": [...]}: the school's rule and the
// pupils it makes due today (a dry run). PUT /v1/admin/retention with {"phase": "primary"},
// {"rule": "years_after_leaving", "years": 6} or {"rule": null} sets or clears it, and answers
// the same as GET.
Result<QJsonObject> handleGetRetention(QSqlDatabase db, const Caller &caller, qint64 nowMs);
Result<QJsonObject> handleSetRetention(QSqlDatabase db, const Caller &caller, const QByteArray &body, qint64 nowMs);

}  // namespace otrack
