#pragma once

#include "caller.h"
#include "result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace otrack {

// A subject access report (UK GDPR Art. 15; docs/data.md, Subject access): everything the
// server holds about one pupil, for the school to give to the pupil or their parents.
//
// collect() gathers, within the caller's school only:
// - "pupil": every field of their row;
// - "groups": the classes, sets and interventions they are in;
// - "marks": every cell that has a current mark or a recorded write, with framework,
//   objective, term, current value (and its label), note, author and time, and its whole
//   "history" (every write attempt: who, from which device, when, from what to what, outcome);
// - "audit_events": every audit event about the pupil (actor, action, time, detail);
// - "school" and "generated_at".
// Staff appear by display name and id. Only admins and owners may ask (Forbidden); another
// school's or an unknown pupil is NotFound.
class SubjectAccess {
public:
    explicit SubjectAccess(QSqlDatabase db) : m_db(std::move(db)) { }

    Result<QJsonObject> collect(const Caller &caller, const QString &pupilId, qint64 nowMs);

private:
    QSqlDatabase m_db;
};

}  // namespace otrack
