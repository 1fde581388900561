#include "localstore.h"

#include "logging.h"
#include "migrations.h"

#include <QDir>
#include <QFile>

namespace otrack {

namespace {

const QString kDatabaseFile = QStringLiteral("otrack.db");
const QString kKeyFile = QStringLiteral("otrack.keys");

// Every plain SQLite 3 file starts with this; an encrypted one starts with random salt.
bool looksLikePlainSqlite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

}  // namespace

Status LocalStore::configureConnection(Database &db)
{
    // WAL with synchronous=FULL: a mark the teacher saw saved survives a crash and a power
    // cut, at the cost of one fsync per commit (docs/storage.md). secure_delete: deleted
    // pupils' bytes are overwritten, not left in free pages.
    return db.exec("PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = FULL;"
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA secure_delete = ON;"
                   "PRAGMA temp_store = MEMORY;"
                   // 16 MiB of decrypted pages (the default is 2 MiB): a class grid and a
                   // term's marks stay in memory instead of being read and decrypted again.
                   "PRAGMA cache_size = -16384;");
}

namespace {

Status requireSqlCipher(Database &db)
{
    if (db.cipherVersion().isEmpty())
        return Error{ErrorCode::NotSqlCipher,
                     QStringLiteral("the SQLite library in use cannot encrypt; refusing to store data")};
    return {};
}

}  // namespace

QString LocalStore::databasePath(const QString &folder)
{
    return QDir(folder).filePath(kDatabaseFile);
}

QString LocalStore::keyPath(const QString &folder)
{
    return QDir(folder).filePath(kKeyFile);
}

bool LocalStore::exists(const QString &folder)
{
    return QFile::exists(databasePath(folder)) && QFile::exists(keyPath(folder));
}

Result<std::unique_ptr<LocalStore>> LocalStore::create(const QString &folder, const QString &password,
                                                       const ScryptParams &params)
{
    if (QFile::exists(databasePath(folder)))
        return Error{ErrorCode::AlreadyExists, QStringLiteral("a store already exists in %1").arg(folder)};
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::NotWritable, QStringLiteral("cannot create the folder %1").arg(folder)};
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    // The key file first: a crash before the database exists leaves a key file that the next
    // create() replaces, never a database without a key.
    KeyVault vault(keyPath(folder));
    auto key = vault.create(password, params);
    if (!key)
        return key.error();

    auto db = Database::open(databasePath(folder), Database::OpenMode::CreateNew);
    if (!db)
        return db.error();
    Status made = requireSqlCipher(*db.value());
    if (made)
        made = db.value()->applyKey(key.value());
    if (made)
        made = configureConnection(*db.value());
    if (made)
        made = migrate(*db.value(), storeMigrations());
    if (!made) {
        db.value().reset();
        for (const auto &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(databasePath(folder) + suffix);
        return made.error();
    }
    qCInfo(lcStore) << "created a new encrypted store";
    return std::unique_ptr<LocalStore>(new LocalStore(folder, std::move(db.value()), std::move(key.value())));
}

Result<std::unique_ptr<LocalStore>> LocalStore::openWithPassword(const QString &folder, const QString &password)
{
    if (!QFile::exists(databasePath(folder)))
        return Error{ErrorCode::NotFound, QStringLiteral("no store in %1").arg(folder)};
    if (looksLikePlainSqlite(databasePath(folder)))
        return Error{ErrorCode::NotEncrypted, QStringLiteral("the store file is not encrypted")};
    auto key = KeyVault(keyPath(folder)).unlockWithPassword(password);
    if (!key)
        return key.error();
    return openWithKey(folder, std::move(key.value()));
}

Result<std::unique_ptr<LocalStore>> LocalStore::openWithDeviceKey(const QString &folder, const SecureBytes &deviceKey)
{
    if (!QFile::exists(databasePath(folder)))
        return Error{ErrorCode::NotFound, QStringLiteral("no store in %1").arg(folder)};
    if (looksLikePlainSqlite(databasePath(folder)))
        return Error{ErrorCode::NotEncrypted, QStringLiteral("the store file is not encrypted")};
    auto key = KeyVault(keyPath(folder)).unlockWithDeviceKey(deviceKey);
    if (!key)
        return key.error();
    return openWithKey(folder, std::move(key.value()));
}

Result<std::unique_ptr<Database>> LocalStore::connect(const QString &path, const SecureBytes &key)
{
    auto opened = Database::open(path, Database::OpenMode::OpenExisting);
    if (!opened)
        return opened.error();
    if (auto cipher = requireSqlCipher(*opened.value()); !cipher)
        return cipher.error();
    if (auto keyed = opened.value()->applyKey(key); !keyed)
        return keyed.error();
    return opened;
}

Result<std::unique_ptr<LocalStore>> LocalStore::openWithKey(const QString &folder, SecureBytes key)
{
    auto opened = connect(databasePath(folder), key);
    if (!opened)
        return opened.error();
    Database &db = *opened.value();

    // The key is known to be right (it unwrapped), so a failure to read from here on means
    // the file itself is damaged or was altered. Only reads until every check has passed.
    auto pages = db.scalar("SELECT count(*) FROM sqlite_master");
    if (!pages)
        return Error{ErrorCode::Damaged, QStringLiteral("the store cannot be read: %1").arg(pages.error().message)};
    // quick_check reads every page, so SQLCipher authenticates each one (HMAC).
    auto check = db.scalar("PRAGMA quick_check");
    if (!check || check.value() != QStringLiteral("ok"))
        return Error{ErrorCode::Damaged, QStringLiteral("the store failed its integrity check")};

    auto version = otrack::schemaVersion(db);
    if (!version)
        return version.error();
    const int latest = storeMigrations().back().version;
    if (version.value() > latest)
        return Error{ErrorCode::NewerVersion,
                     QStringLiteral("the store is from a newer OTrack (schema %1, this one knows %2)")
                         .arg(version.value())
                         .arg(latest)};

    if (auto configured = configureConnection(db); !configured)
        return configured.error();
    if (auto migrated = migrate(db, storeMigrations()); !migrated)
        return migrated.error();
    return std::unique_ptr<LocalStore>(new LocalStore(folder, std::move(opened.value()), std::move(key)));
}

Result<std::unique_ptr<LocalStore>> LocalStore::openConnection() const
{
    auto opened = connect(databasePath(m_folder), m_key);
    if (!opened)
        return opened.error();
    // The first statement is the one that finds out whether the key fits (TOOLCHAIN.md).
    if (auto readable = opened.value()->scalar("SELECT count(*) FROM sqlite_master"); !readable)
        return Error{ErrorCode::Damaged, QStringLiteral("the store cannot be read: %1").arg(readable.error().message)};
    if (auto configured = configureConnection(*opened.value()); !configured)
        return configured.error();
    SecureBytes key(m_key.data(), m_key.size());
    return std::unique_ptr<LocalStore>(new LocalStore(m_folder, std::move(opened.value()), std::move(key)));
}

Status LocalStore::setDeviceKey(const SecureBytes &deviceKey, const QString &deviceId) const
{
    return keyVault().setDeviceKey(m_key, deviceKey, deviceId);
}

Status LocalStore::destroy(const QString &folder)
{
    bool ok = true;
    for (const auto &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        const QString path = databasePath(folder) + suffix;
        if (QFile::exists(path))
            ok = QFile::remove(path) && ok;
    }
    if (QFile::exists(keyPath(folder)))
        ok = QFile::remove(keyPath(folder)) && ok;
    if (!ok)
        return Error{ErrorCode::NotWritable, QStringLiteral("cannot remove the store in %1").arg(folder)};
    qCInfo(lcStore) << "removed a local store";
    return {};
}

int LocalStore::schemaVersion()
{
    auto version = otrack::schemaVersion(*m_db);
    return version ? version.value() : -1;
}

}  // namespace otrack
