#include "serverdatabase.h"

#include "logging.h"
#include "statementcache.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

QString describe(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    return text;
}

Result<QString> scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return Error{ErrorCode::StorageFailure, describe(query.lastError())};
    if (!query.next())
        return Error{ErrorCode::StorageFailure, u"no row from: "_s + sql};
    return query.value(0).toString();
}

}  // namespace

Error sqlError(const QSqlError &error, const QString &context)
{
    const QString text = describe(error);
    const bool busy = error.nativeErrorCode() == u"5"_s || text.contains(u"database is locked"_s);
    return {busy ? ErrorCode::Busy : ErrorCode::StorageFailure, context + u": "_s + text};
}

Status execSql(QSqlQuery &query, const QVariantList &values, const QString &context)
{
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(i, QString(u""_s));
        else
            query.bindValue(i, value);
    }
    if (!query.exec())
        return sqlError(query.lastError(), context);
    return {};
}

Status execSql(QSqlQuery &query, const QString &sql, const QVariantList &values, const QString &context)
{
    if (!query.prepare(sql))
        return sqlError(query.lastError(), context);
    return execSql(query, values, context);
}

Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const DatabaseUrl &url, const QString &connectionName)
{
    if (!QSqlDatabase::isDriverAvailable(url.qtDriver()))
        return Error{ErrorCode::StorageFailure,
                     u"the Qt SQL driver %1 is not installed (Debian: libqt6sql6-%2)"_s.arg(
                         url.qtDriver(), url.kind() == DatabaseUrl::Kind::Sqlite ? u"sqlite"_s : u"psql"_s)};
    if (QSqlDatabase::contains(connectionName))
        return Error{ErrorCode::Busy, u"database connection '%1' is already open"_s.arg(connectionName)};

    if (url.kind() == DatabaseUrl::Kind::Sqlite) {
        const QFileInfo file(url.databaseName());
        const QFileInfo folder(file.absolutePath());
        if (!folder.isDir())
            return Error{ErrorCode::NotFound, u"the folder %1 does not exist"_s.arg(folder.absoluteFilePath())};
        if (file.exists() && !file.isFile())
            return Error{ErrorCode::InvalidArgument, u"%1 is not a file"_s.arg(file.absoluteFilePath())};
        if (!file.exists() && !folder.isWritable())
            return Error{ErrorCode::NotWritable, u"cannot create a database in %1"_s.arg(folder.absoluteFilePath())};
    }

    std::unique_ptr<ServerDatabase> database(new ServerDatabase(url, connectionName));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(url.qtDriver(), connectionName);
        db.setDatabaseName(url.databaseName());
        if (url.kind() == DatabaseUrl::Kind::Sqlite) {
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        } else {
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.userName());
            if (!url.password().isEmpty())
                db.setPassword(url.password());
            db.setConnectOptions(url.connectOptions());
        }
        if (!db.open()) {
            const QString reason = describe(db.lastError());
            return Error{ErrorCode::StorageFailure,
                         u"cannot open %1: %2"_s.arg(url.redacted(), reason.isEmpty() ? u"unknown error"_s : reason)};
        }
    }
    if (url.kind() == DatabaseUrl::Kind::Sqlite) {
        if (Status configured = database->configureSqlite(); !configured)
            return configured.error();
    }
    if (Status alive = database->ping(); !alive)
        return Error{alive.error().code, u"%1: %2"_s.arg(url.redacted(), alive.error().message)};
    qCInfo(lcServer) << "database open:" << url.redacted();
    return database;
}

ServerDatabase::~ServerDatabase()
{
    StatementCache::drop(m_connectionName);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Status ServerDatabase::configureSqlite()
{
    QSqlDatabase db = connection();
    // Fails here, with a clear reason, when the file is not an SQLite database at all.
    auto mode = scalar(db, u"PRAGMA journal_mode=WAL"_s);
    if (!mode)
        return Error{ErrorCode::Damaged,
                     u"%1 is not a usable SQLite database: %2"_s.arg(m_url.databaseName(), mode.error().message)};
    if (mode->compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return Error{ErrorCode::StorageFailure,
                     u"%1 cannot use WAL mode (journal mode is %2)"_s.arg(m_url.databaseName(), *mode)};
    // secure_delete: deleted rows (an erased pupil's) are overwritten with zeros, not left in
    // free pages of the file.
    // cache_size: 64 MiB of pages per connection (the default is 2 MiB), so a push's index
    // lookups and a pull's pages come from memory rather than from the OS.
    // mmap_size: pages of the database file are read through a memory map rather than copied
    // in by a read() each. A connection's page cache is emptied whenever another connection
    // commits, so under a stream of pushes most reads would otherwise be system calls.
    for (const QString &pragma :
         {u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s, u"PRAGMA secure_delete=ON"_s,
          u"PRAGMA cache_size=-65536"_s, u"PRAGMA mmap_size=1073741824"_s}) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            return Error{ErrorCode::StorageFailure, describe(query.lastError())};
    }
    return {};
}

Status ServerDatabase::ping()
{
    auto one = scalar(connection(), u"SELECT 1"_s);
    if (!one)
        return one.error();
    if (*one != u"1"_s)
        return Error{ErrorCode::StorageFailure, u"unexpected answer to SELECT 1"_s};
    return {};
}

}  // namespace otrack
