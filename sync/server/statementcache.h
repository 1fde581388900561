#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace otrack {

// Prepared statements kept for reuse, per connection. For the statements a push or a pull runs,
// preparing costs as much as running (SQLite parses and plans each one; QPSQL makes every prepare
// a round trip), so the hot paths prepare each statement once per connection and then only bind
// and run it. A connection is used only on the thread that opened it (serverdatabase.h), so the
// cache is per thread and needs no lock.
class StatementCache {
public:
    // The statement for `sql` on `db`, prepared on first use; forward-only. Call finish() on it
    // once its rows are read, so that it holds no read snapshot between uses.
    static Result<QSqlQuery *> get(QSqlDatabase db, const QString &sql);
    // Forgets every statement of a connection; ServerDatabase calls it before closing one.
    static void drop(const QString &connectionName);
};

}  // namespace otrack
