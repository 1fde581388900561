#pragma once

#include "result.h"
#include "securebytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace otrack {

class Database;

// A prepared statement borrowed from the database's cache. Binding is 1-based, as in SQLite.
// Destroying the Query resets the statement and clears its bindings, ready for the next use.
class Query {
public:
    Query(Query &&other) noexcept;
    Query &operator=(Query &&) = delete;
    Query(const Query &) = delete;
    ~Query();

    Query &bind(int index, const QString &value);
    Query &bind(int index, const char16_t *value) { return bind(index, QString::fromUtf16(value)); }
    Query &bind(int index, const std::optional<QString> &value);
    Query &bind(int index, qint64 value);
    Query &bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Query &bind(int index, bool value) { return bind(index, static_cast<qint64>(value ? 1 : 0)); }
    Query &bind(int index, double value);
    Query &bindBlob(int index, const QByteArray &value);
    Query &bindNull(int index);

    // Advances to the next row: true when a row is ready, false when done.
    Result<bool> next();
    // Runs a statement that returns no rows (or ignores them).
    Status run();
    // Calls `row(*this)` for each row, then stops; the first step error is returned.
    template <typename RowFunction>
    Status forEach(RowFunction row)
    {
        for (;;) {
            auto ready = next();
            if (!ready)
                return ready.error();
            if (!ready.value())
                return {};
            row(*this);
        }
    }
    // Collects `make(*this)` for each row.
    template <typename MakeFunction>
    auto collect(MakeFunction make) -> Result<QList<decltype(make(*this))>>
    {
        QList<decltype(make(*this))> rows;
        if (auto done = forEach([&](const Query &q) { rows.append(make(q)); }); !done)
            return done.error();
        return rows;
    }

    QString text(int column) const;
    std::optional<QString> optionalText(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    friend class Database;
    Query(Database *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) { }

    Database *m_db;
    sqlite3_stmt *m_stmt;
    int m_bindError = 0;
};

// RAII wrapper over one SQLCipher connection: the only code that calls the SQLite C API.
// Not thread-safe: one Database per thread.
class Database {
public:
    enum class OpenMode { OpenExisting, CreateNew };

    static Result<std::unique_ptr<Database>> open(const QString &path, OpenMode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const { return m_path; }

    // SQLCipher's version, empty when the linked SQLite cannot encrypt.
    QString cipherVersion();
    // Applies a raw 256-bit key and our cipher settings. Must come before any other statement.
    Status applyKey(const SecureBytes &key);

    // Runs one or more statements with no parameters and no rows (schema, pragmas).
    Status exec(std::string_view sql);
    // A cached prepared statement; the SQL text is the cache key.
    Result<Query> prepare(std::string_view sql);
    // The first column of the first row, as text: for pragmas and counts.
    Result<QString> scalar(std::string_view sql);

    int changes() const;
    // Maps an SQLite result code to our error codes, with the connection's message.
    Error error(int rc, const char *context) const;

private:
    Database(sqlite3 *handle, QString path) : m_handle(handle), m_path(std::move(path)) { }

    sqlite3 *m_handle;
    QString m_path;
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
};

// BEGIN IMMEDIATE ... COMMIT; rolled back on destruction unless committed. Immediate, so a
// writer takes the lock up front and never fails half-way with SQLITE_BUSY on upgrade.
class Transaction {
public:
    static Result<std::unique_ptr<Transaction>> begin(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Status commit();

private:
    explicit Transaction(Database &db) : m_db(db) { }
    Database &m_db;
    bool m_done = false;
};

}  // namespace otrack
