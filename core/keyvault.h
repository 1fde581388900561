#pragma once

#include "keywrap.h"
#include "result.h"
#include "securebytes.h"

#include <QString>

namespace otrack {

// The file beside a local store that holds the store's key, never in clear: once wrapped
// under the user's password (scrypt + AES-256-GCM) and, after an online login, once under
// the device key the server hands out. Changing the password re-wraps; the store itself is
// never re-encrypted. Every write replaces the file atomically.
class KeyVault {
public:
    explicit KeyVault(QString path);

    const QString &path() const { return m_path; }
    bool exists() const;

    // Makes a new random 256-bit store key, wraps it under the password and writes the file.
    Result<SecureBytes> create(const QString &password, const ScryptParams &params) const;

    Result<SecureBytes> unlockWithPassword(const QString &password) const;
    Result<SecureBytes> unlockWithDeviceKey(const SecureBytes &deviceKey) const;
    bool hasDeviceWrap() const;

    Status changePassword(const QString &current, const QString &next, const ScryptParams &params) const;
    // After the password was changed on the server: the device key proves the user.
    Status resetPasswordWithDeviceKey(const SecureBytes &deviceKey, const QString &next,
                                      const ScryptParams &params) const;
    Status setDeviceKey(const QString &password, const SecureBytes &deviceKey) const;
    // The same for a store already open (its key in hand, no scrypt), also recording the
    // store's device id beside the wrap: the id is what the server hands the device key out
    // for, so a store whose password was changed on the server can still be opened after an
    // online login with the new one. The id is not secret (it travels with every push).
    Status setDeviceKey(const SecureBytes &storeKey, const SecureBytes &deviceKey, const QString &deviceId) const;
    // The device id recorded by setDeviceKey, or empty (no online login since it was kept).
    QString deviceId() const;
    // Records the device id beside an existing device wrap that lacks it (a store wrapped
    // before the id was kept there); nothing to do otherwise.
    Status recordDeviceId(const QString &deviceId) const;
    Status removeDeviceKey() const;

private:
    Status writePasswordWrap(const SecureBytes &storeKey, const QString &password, const ScryptParams &params,
                             bool keepDeviceWrap) const;

    QString m_path;
};

}  // namespace otrack
