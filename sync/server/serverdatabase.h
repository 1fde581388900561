#pragma once

#include "databaseurl.h"
#include "result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

namespace otrack {

// One QtSql connection to the server's store (SQLite in WAL mode, or PostgreSQL), opened and
// checked at start so that a bad URL, a missing folder or a refused login stops the server
// with a clear message instead of failing the first request. Used on the thread that opened it.
// A QtSql failure as an Error, with what was being done. SQLite's "database is locked" (after
// the busy timeout) is Busy: the request may be retried. The text is for the server's log only;
// answers never carry it (apiresponse.h).
Error sqlError(const QSqlError &error, const QString &context);

// Binds `values` to the placeholders of an already prepared `query`, in order, and runs it.
// A null QString binds as '' (our text columns are NOT NULL); pass QVariant() for SQL NULL.
// Failures come back through sqlError() with `context`.
Status execSql(QSqlQuery &query, const QVariantList &values, const QString &context);
// Prepares `sql` on `query`, then as above.
Status execSql(QSqlQuery &query, const QString &sql, const QVariantList &values, const QString &context);

class ServerDatabase {
public:
    static Result<std::unique_ptr<ServerDatabase>> open(const DatabaseUrl &url,
                                                        const QString &connectionName = QStringLiteral("otrack"));
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    const DatabaseUrl &url() const { return m_url; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }

    // A trivial query: is the store answering right now?
    Status ping();

private:
    ServerDatabase(DatabaseUrl url, QString connectionName)
        : m_url(std::move(url)), m_connectionName(std::move(connectionName))
    {
    }
    Status configureSqlite();

    DatabaseUrl m_url;
    QString m_connectionName;
};

}  // namespace otrack
