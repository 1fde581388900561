#pragma once

#include "database.h"
#include "model.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace otrack {

// A lock or unlock of a term that a data manager asked for on this PC, waiting for sync.
struct TermLockRequest {
    QString termId;
    bool locked = true;
    QString requestedBy;
    QDateTime requestedAt;
};

// Locking a term (a data drop) so that its marks become read-only for teachers. Only a data
// manager (admin) or the school's owner may. The term is read-only on this PC at once, with an
// audit event; the request waits in term_lock_requests, one per term (the latest wish), for
// sync to carry it to the server, which is what makes it hold for every teacher's PC.
class TermLocks {
public:
    TermLocks(Database &db, QString schoolId, QString actorId, Role role);

    static bool mayLock(Role role) { return role == Role::Admin || role == Role::Owner; }

    // Forbidden for other roles, NotFound for an unknown term. Locking a locked term changes
    // nothing and queues nothing.
    Status setLocked(const QString &termId, bool locked);
    Result<QList<TermLockRequest>> pending();

private:
    Database &m_db;
    QString m_schoolId;
    QString m_actorId;
    Role m_role;
};

}  // namespace otrack
