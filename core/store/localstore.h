#pragma once

#include "database.h"
#include "keyvault.h"
#include "result.h"

#include <QString>

#include <memory>

namespace otrack {

// One staff member's encrypted store on one PC: a folder holding `otrack.db` (SQLCipher)
// and `otrack.keys` (the store key, wrapped; see KeyVault). Opening checks, in order, that
// the file is encrypted, the credentials unwrap the key, the library is SQLCipher, every
// page authenticates, and the schema is not from a newer OTrack; then it migrates forward.
// Nothing is written to a store that fails any check.
class LocalStore {
public:
    static QString databasePath(const QString &folder);
    static QString keyPath(const QString &folder);
    static bool exists(const QString &folder);

    static Result<std::unique_ptr<LocalStore>> create(const QString &folder, const QString &password,
                                                      const ScryptParams &params = ScryptParams::recommended());
    static Result<std::unique_ptr<LocalStore>> openWithPassword(const QString &folder, const QString &password);
    static Result<std::unique_ptr<LocalStore>> openWithDeviceKey(const QString &folder, const SecureBytes &deviceKey);
    // Deletes the store and its key file (a revoked device, or a user removed from this PC).
    static Status destroy(const QString &folder);

    // The connection settings every store uses (WAL, synchronous, secure_delete...); public so
    // that the benchmark measures an unkeyed database under exactly the same settings.
    static Status configureConnection(Database &db);

    Database &database() { return *m_db; }
    KeyVault keyVault() const { return KeyVault(keyPath(m_folder)); }
    const QString &folder() const { return m_folder; }
    int schemaVersion();

private:
    LocalStore(QString folder, std::unique_ptr<Database> db) : m_folder(std::move(folder)), m_db(std::move(db)) { }
    static Result<std::unique_ptr<LocalStore>> openWithKey(const QString &folder, const SecureBytes &key);

    QString m_folder;
    std::unique_ptr<Database> m_db;
};

}  // namespace otrack
