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

    // Another connection to this store, for another thread (the app's GUI and its sync
    // worker): keyed with the key this store was opened with, so no scrypt runs again, and
    // without the checks and migrations this connection already did. WAL lets one read
    // while another writes.
    Result<std::unique_ptr<LocalStore>> openConnection() const;
    // Wraps the store key under the device key the server handed out at login, recording the
    // device id beside it (KeyVault::setDeviceKey).
    Status setDeviceKey(const SecureBytes &deviceKey, const QString &deviceId) const;

    Database &database() { return *m_db; }
    KeyVault keyVault() const { return KeyVault(keyPath(m_folder)); }
    const QString &folder() const { return m_folder; }
    int schemaVersion();

private:
    LocalStore(QString folder, std::unique_ptr<Database> db, SecureBytes key)
        : m_folder(std::move(folder)), m_db(std::move(db)), m_key(std::move(key))
    {
    }
    static Result<std::unique_ptr<LocalStore>> openWithKey(const QString &folder, SecureBytes key);
    static Result<std::unique_ptr<Database>> connect(const QString &path, const SecureBytes &key);

    QString m_folder;
    std::unique_ptr<Database> m_db;
    // The unwrapped store key, kept (wiped on close) so that further connections need no
    // scrypt. Anyone who can read this process's memory can read the open store anyway.
    SecureBytes m_key;
};

}  // namespace otrack
