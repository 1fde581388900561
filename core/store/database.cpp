#include "database.h"

#include "logging.h"

#include <sqlcipher/sqlite3.h>

#include <QFile>

namespace otrack {

// ---- Query ----------------------------------------------------------------------------------

Query::Query(Query &&other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt), m_bindError(other.m_bindError)
{
    other.m_stmt = nullptr;
}

Query::~Query()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

Query &Query::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    const int rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Query &Query::bind(int index, const std::optional<QString> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Query &Query::bind(int index, qint64 value)
{
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Query &Query::bind(int index, double value)
{
    if (const int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Query &Query::bindBlob(int index, const QByteArray &value)
{
    const int rc
        = sqlite3_bind_blob(m_stmt, index, value.constData(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Query &Query::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Result<bool> Query::next()
{
    if (m_bindError != SQLITE_OK)
        return m_db->error(m_bindError, "bind");
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_db->error(rc, "step");
}

Status Query::run()
{
    for (;;) {
        auto row = next();
        if (!row)
            return row.error();
        if (!row.value())
            return {};
    }
}

QString Query::text(int column) const
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(bytes, sqlite3_column_bytes(m_stmt, column));
}

std::optional<QString> Query::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

qint64 Query::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Query::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArray Query::blob(int column) const
{
    const auto *bytes = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(bytes, sqlite3_column_bytes(m_stmt, column));
}

bool Query::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// ---- Database -------------------------------------------------------------------------------

Result<std::unique_ptr<Database>> Database::open(const QString &path, OpenMode mode)
{
    if (mode == OpenMode::OpenExisting && !QFile::exists(path))
        return Error{ErrorCode::NotFound, QStringLiteral("no database at %1").arg(path)};
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (mode == OpenMode::CreateNew)
        flags |= SQLITE_OPEN_CREATE;
    sqlite3 *handle = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &handle, flags, nullptr);
    std::unique_ptr<Database> db(new Database(handle, path));
    if (rc != SQLITE_OK)
        return db->error(rc, "open");
    sqlite3_extended_result_codes(handle, 0);
    sqlite3_busy_timeout(handle, 5000);
    return db;
}

Database::~Database()
{
    for (auto &[sql, stmt] : m_statements)
        sqlite3_finalize(stmt);
    if (sqlite3_close(m_handle) != SQLITE_OK)
        qCWarning(lcStore) << "closing the database failed:" << sqlite3_errmsg(m_handle);
}

QString Database::cipherVersion()
{
    auto version = scalar("PRAGMA cipher_version");
    return version ? version.value() : QString();
}

Status Database::applyKey(const SecureBytes &key)
{
    if (key.size() != 32)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a store key has 256 bits")};
    // PRAGMA key = "x'<64 hex digits>'": a raw key, so SQLCipher runs no PBKDF2 of its own.
    const SecureBytes hex = key.toHex();
    static constexpr std::string_view prefix = "PRAGMA key = \"x'";
    static constexpr std::string_view suffix = "'\"";
    SecureBytes pragma(prefix.size() + hex.size() + suffix.size() + 1);
    auto *out = reinterpret_cast<char *>(pragma.data());
    std::copy(prefix.begin(), prefix.end(), out);
    std::copy(hex.data(), hex.data() + hex.size(), out + prefix.size());
    std::copy(suffix.begin(), suffix.end(), out + prefix.size() + hex.size());
    out[pragma.size() - 1] = '\0';
    const int rc = sqlite3_exec(m_handle, out, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return error(rc, "key");
    // Fixed settings, the same on SQLCipher 3.4 (Debian) and 4 (Windows, where
    // cipher_compatibility = 3 comes first): docs/storage.md.
    return exec("PRAGMA cipher_page_size = 4096;");
}

Status Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char *message = nullptr;
    const int rc = sqlite3_exec(m_handle, text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return error(rc, "exec");
    return {};
}

Result<Query> Database::prepare(std::string_view sql)
{
    std::string key(sql);
    auto found = m_statements.find(key);
    if (found == m_statements.end()) {
        sqlite3_stmt *stmt = nullptr;
        const int rc = sqlite3_prepare_v2(m_handle, key.c_str(), static_cast<int>(key.size()), &stmt, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt);
            return error(rc, "prepare");
        }
        found = m_statements.emplace(std::move(key), stmt).first;
    }
    return Query(this, found->second);
}

Result<QString> Database::scalar(std::string_view sql)
{
    auto query = prepare(sql);
    if (!query)
        return query.error();
    auto row = query->next();
    if (!row)
        return row.error();
    return row.value() ? query->text(0) : QString();
}

int Database::changes() const
{
    return sqlite3_changes(m_handle);
}

Error Database::error(int rc, const char *context) const
{
    const QString message = QStringLiteral("%1: %2 (%3)")
                                .arg(QLatin1String(context), QString::fromUtf8(sqlite3_errmsg(m_handle)))
                                .arg(rc);
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return {ErrorCode::Damaged, message};
    case SQLITE_FULL:
        return {ErrorCode::DiskFull, message};
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return {ErrorCode::NotWritable, message};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {ErrorCode::Busy, message};
    default:
        return {ErrorCode::StorageFailure, message};
    }
}

// ---- Transaction ----------------------------------------------------------------------------

Result<std::unique_ptr<Transaction>> Transaction::begin(Database &db)
{
    if (auto started = db.exec("BEGIN IMMEDIATE"); !started)
        return started.error();
    return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction()
{
    if (!m_done && !m_db.exec("ROLLBACK"))
        qCWarning(lcStore) << "rollback failed";
}

Status Transaction::commit()
{
    auto committed = m_db.exec("COMMIT");
    if (committed)
        m_done = true;
    return committed;
}

}  // namespace otrack
