#pragma once

#include "result.h"
#include "securebytes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>

namespace otrack {

// scrypt cost parameters, stored beside every wrap so that they can be raised later
// without locking anyone out.
struct ScryptParams {
    std::uint64_t n = 0;  // CPU/memory cost, a power of two
    std::uint32_t r = 0;
    std::uint32_t p = 0;
    QByteArray salt;

    // The default for new wraps: N = 2^15, r = 8: about 180 ms and 32 MiB here (docs/storage.md).
    static ScryptParams recommended();
    // Cheap parameters for tests that unlock stores many times. Never for real stores.
    static ScryptParams fastForTests();
    bool isValid() const;
};

// Derives a 256-bit key-encryption key from a password. The password is NFC-normalised
// first, so the same word typed on two keyboards unlocks the same store.
Result<SecureBytes> deriveKeyFromPassword(const QString &password, const ScryptParams &params);

// A 256-bit key sealed with AES-256-GCM under a key-encryption key. `context` is bound as
// additional data, so a wrap cannot be moved to another purpose or have its parameters swapped.
struct WrappedKey {
    QByteArray nonce;  // 12 bytes
    QByteArray ciphertext;  // same length as the key
    QByteArray tag;  // 16 bytes

    QJsonObject toJson() const;
    static Result<WrappedKey> fromJson(const QJsonObject &json);
};

WrappedKey wrapKey(const SecureBytes &key, const SecureBytes &kek, const QByteArray &context);
// Fails with `failureCode` when the key-encryption key is wrong or anything was altered:
// GCM cannot tell the two apart, and neither should a caller.
Result<SecureBytes> unwrapKey(const WrappedKey &wrapped, const SecureBytes &kek, const QByteArray &context,
                              ErrorCode failureCode);

}  // namespace otrack
