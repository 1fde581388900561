#include "passwordhash.h"

#include <QStringList>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace otrack::passwordhash {

namespace {

constexpr qsizetype kHashSize = 32;

Error malformed()
{
    return Error{ErrorCode::InvalidArgument, u"malformed password hash"_s};
}

struct Parsed {
    ScryptParams params;
    QByteArray hash;
};

Result<Parsed> parse(const QString &encoded)
{
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 6 || parts[0] != u"scrypt"_s)
        return malformed();
    bool okN = false, okR = false, okP = false;
    Parsed parsed;
    parsed.params.n = parts[1].toULongLong(&okN);
    parsed.params.r = parts[2].toUInt(&okR);
    parsed.params.p = parts[3].toUInt(&okP);
    if (!okN || !okR || !okP)
        return malformed();
    const auto salt = QByteArray::fromBase64Encoding(parts[4].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto hash = QByteArray::fromBase64Encoding(parts[5].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !hash || hash.decoded.size() != kHashSize)
        return malformed();
    parsed.params.salt = salt.decoded;
    parsed.hash = hash.decoded;
    if (!parsed.params.isValid())
        return malformed();
    return parsed;
}

// A hash of a random password with the recommended parameters, made once: verifying against
// it costs what verifying a real account costs.
const QString &dummyHash()
{
    static const QString dummy = [] {
        auto made = hash(QString::fromLatin1(SecureBytes::random(24).toHex().toQByteArray()));
        return made ? made.value() : QString();
    }();
    return dummy;
}

}  // namespace

Result<QString> hash(const QString &password, const ScryptParams &params)
{
    auto key = deriveKeyFromPassword(password, params);
    if (!key)
        return key.error();
    const QByteArray hashBytes(reinterpret_cast<const char *>(key->data()), static_cast<qsizetype>(key->size()));
    return u"scrypt$%1$%2$%3$%4$%5"_s.arg(params.n).arg(params.r).arg(params.p).arg(
        QString::fromLatin1(params.salt.toBase64()), QString::fromLatin1(hashBytes.toBase64()));
}

bool verify(const QString &password, const QString &encoded)
{
    auto parsed = parse(encoded);
    if (!parsed)
        return false;
    auto key = deriveKeyFromPassword(password, parsed->params);
    if (!key || key->size() != static_cast<std::size_t>(kHashSize))
        return false;
    return CRYPTO_memcmp(key->data(), parsed->hash.constData(), kHashSize) == 0;
}

void verifyDummy(const QString &password)
{
    (void)verify(password, dummyHash());
}

Result<ScryptParams> parameters(const QString &encoded)
{
    auto parsed = parse(encoded);
    if (!parsed)
        return parsed.error();
    return parsed->params;
}

}  // namespace otrack::passwordhash
