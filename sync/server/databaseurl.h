#pragma once

#include "result.h"

#include <QString>

namespace otrack {

// The server's store, as a connection URL (docs/architecture.md, Server):
//   sqlite:///absolute/path/otrack.db              one school, a demo, a test (QtSql QSQLITE)
//   postgresql://user@host:5432/dbname             the hosted service (QtSql QPSQL)
//   postgresql://user@host/dbname?sslmode=verify-full&host=/run/postgresql
// `postgres://` is accepted as a synonym. A password may be given in the URL but is better
// left to libpq's PGPASSWORD or ~/.pgpass; it never appears in redacted().
class DatabaseUrl {
public:
    enum class Kind { Sqlite, Postgresql };

    static Result<DatabaseUrl> parse(const QString &text);

    Kind kind() const { return m_kind; }
    // "sqlite" or "postgresql": the name the health answer uses.
    QString kindName() const;
    // The QtSql driver: "QSQLITE" or "QPSQL".
    QString qtDriver() const;

    // SQLite: the database file. PostgreSQL: the database name.
    const QString &databaseName() const { return m_databaseName; }
    const QString &host() const { return m_host; }
    int port() const { return m_port; }  // -1 for SQLite
    const QString &userName() const { return m_userName; }
    const QString &password() const { return m_password; }
    // libpq options from the query string, "key=value;key=value" as QSqlDatabase wants.
    const QString &connectOptions() const { return m_connectOptions; }

    // The URL without its password: safe for logs and error messages.
    QString redacted() const;

private:
    Kind m_kind = Kind::Sqlite;
    QString m_databaseName;
    QString m_host;
    int m_port = -1;
    QString m_userName;
    QString m_password;
    QString m_connectOptions;
};

}  // namespace otrack
