#include "statementcache.h"

#include "serverdatabase.h"

#include <QHash>

#include <memory>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// Connection name -> SQL -> statement. Entries are dropped by ~ServerDatabase on this thread,
// before the map itself goes at thread exit.
thread_local QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> t_statements;

}  // namespace

Result<QSqlQuery *> StatementCache::get(QSqlDatabase db, const QString &sql)
{
    auto &statements = t_statements[db.connectionName()];
    auto found = statements.find(sql);
    if (found == statements.end()) {
        auto query = std::make_shared<QSqlQuery>(db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return sqlError(query->lastError(), u"preparing: "_s + sql.left(60));
        found = statements.insert(sql, std::move(query));
    }
    return found.value().get();
}

void StatementCache::drop(const QString &connectionName)
{
    t_statements.remove(connectionName);
}

}  // namespace otrack
