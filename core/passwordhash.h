#pragma once

#include "keywrap.h"
#include "result.h"

#include <QString>

namespace otrack {

// Staff passwords on the server, stored as
//   "scrypt$N$r$p$<salt base64>$<hash base64>"
// so that the cost parameters travel with each hash and can be raised later without locking
// anyone out. The hash is scrypt's 32-byte output (deriveKeyFromPassword, NFC-normalised).
namespace passwordhash {

// Hashes `password` with `params` (a fresh salt each time from ScryptParams::recommended()).
Result<QString> hash(const QString &password, const ScryptParams &params = ScryptParams::recommended());

// True when `password` matches `encoded`. A malformed or out-of-range `encoded` never matches.
// Compares in constant time (CRYPTO_memcmp).
bool verify(const QString &password, const QString &encoded);

// Spends the same time as verifying against a real account, for a username that does not
// exist: a login answer's timing must not tell whether an account exists.
void verifyDummy(const QString &password);

// The scrypt parameters of an encoded hash, or InvalidArgument when it is malformed.
Result<ScryptParams> parameters(const QString &encoded);

}  // namespace passwordhash
}  // namespace otrack
