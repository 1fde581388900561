#include "keywrap.h"

#include <QJsonValue>

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace otrack {

namespace {

constexpr int kKeySize = 32;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
// Refuse parameters that would exhaust a school PC's memory (a crafted key file could ask).
constexpr std::uint64_t kMaxScryptMemory = 1024ull * 1024 * 1024;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

std::uint64_t scryptMemory(const ScryptParams &p)
{
    return 128ull * p.r * (p.n + p.p + 2);
}

QByteArray toBase64(const QByteArray &bytes)
{
    return bytes.toBase64();
}

Result<QByteArray> fromBase64(const QJsonObject &json, const QString &field, int expectedSize)
{
    const auto decoded = QByteArray::fromBase64Encoding(json.value(field).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || (expectedSize > 0 && decoded.decoded.size() != expectedSize))
        return Error{ErrorCode::Damaged, QStringLiteral("key wrap field '%1' is malformed").arg(field)};
    return decoded.decoded;
}

}  // namespace

ScryptParams ScryptParams::recommended()
{
    return {1u << 15, 8, 1, SecureBytes::random(16).toQByteArray()};
}

ScryptParams ScryptParams::fastForTests()
{
    return {1u << 10, 8, 1, SecureBytes::random(16).toQByteArray()};
}

bool ScryptParams::isValid() const
{
    const bool powerOfTwo = n > 1 && (n & (n - 1)) == 0;
    return powerOfTwo && r > 0 && p > 0 && p <= 16 && salt.size() >= 16 && scryptMemory(*this) <= kMaxScryptMemory;
}

Result<SecureBytes> deriveKeyFromPassword(const QString &password, const ScryptParams &params)
{
    if (!params.isValid())
        return Error{ErrorCode::Damaged, QStringLiteral("scrypt parameters are out of range")};
    SecureBytes utf8 = SecureBytes::fromQByteArray(password.normalized(QString::NormalizationForm_C).toUtf8());
    SecureBytes kek(kKeySize);
    const int ok = EVP_PBE_scrypt(reinterpret_cast<const char *>(utf8.data()), utf8.size(),
                                  reinterpret_cast<const unsigned char *>(params.salt.constData()),
                                  static_cast<size_t>(params.salt.size()), params.n, params.r, params.p,
                                  kMaxScryptMemory + 1024 * 1024, kek.data(), kek.size());
    if (ok != 1)
        return Error{ErrorCode::StorageFailure, QStringLiteral("scrypt key derivation failed")};
    return kek;
}

QJsonObject WrappedKey::toJson() const
{
    return {{QStringLiteral("cipher"), QStringLiteral("aes-256-gcm")},
            {QStringLiteral("nonce"), QString::fromLatin1(toBase64(nonce))},
            {QStringLiteral("ciphertext"), QString::fromLatin1(toBase64(ciphertext))},
            {QStringLiteral("tag"), QString::fromLatin1(toBase64(tag))}};
}

Result<WrappedKey> WrappedKey::fromJson(const QJsonObject &json)
{
    if (json.value(QStringLiteral("cipher")).toString() != QStringLiteral("aes-256-gcm"))
        return Error{ErrorCode::Damaged, QStringLiteral("unknown key wrap cipher")};
    auto nonce = fromBase64(json, QStringLiteral("nonce"), kNonceSize);
    auto ciphertext = fromBase64(json, QStringLiteral("ciphertext"), kKeySize);
    auto tag = fromBase64(json, QStringLiteral("tag"), kTagSize);
    for (const auto *field : {&nonce, &ciphertext, &tag})
        if (!field->ok())
            return field->error();
    return WrappedKey{nonce.value(), ciphertext.value(), tag.value()};
}

WrappedKey wrapKey(const SecureBytes &key, const SecureBytes &kek, const QByteArray &context)
{
    WrappedKey out;
    out.nonce = SecureBytes::random(kNonceSize).toQByteArray();
    out.ciphertext.resize(static_cast<qsizetype>(key.size()));
    out.tag.resize(kTagSize);

    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    const bool ok = ctx
        && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, kek.data(),
                              reinterpret_cast<const unsigned char *>(out.nonce.constData()))
            == 1
        && EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(context.constData()),
                             static_cast<int>(context.size()))
            == 1
        && EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.ciphertext.data()), &len, key.data(),
                             static_cast<int>(key.size()))
            == 1
        && EVP_EncryptFinal_ex(ctx.get(), nullptr, &len) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, out.tag.data()) == 1;
    if (!ok)
        throw std::runtime_error("AES-256-GCM encryption failed");  // an OpenSSL defect, not input
    return out;
}

Result<SecureBytes> unwrapKey(const WrappedKey &wrapped, const SecureBytes &kek, const QByteArray &context,
                              ErrorCode failureCode)
{
    SecureBytes key(static_cast<std::size_t>(wrapped.ciphertext.size()));
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray tag = wrapped.tag;
    int len = 0;
    const bool ok = ctx && kek.size() == kKeySize && wrapped.nonce.size() == kNonceSize
        && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, kek.data(),
                              reinterpret_cast<const unsigned char *>(wrapped.nonce.constData()))
            == 1
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(context.constData()),
                             static_cast<int>(context.size()))
            == 1
        && EVP_DecryptUpdate(ctx.get(), key.data(), &len,
                             reinterpret_cast<const unsigned char *>(wrapped.ciphertext.constData()),
                             static_cast<int>(wrapped.ciphertext.size()))
            == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1
        && EVP_DecryptFinal_ex(ctx.get(), nullptr, &len) == 1;
    if (!ok)
        return Error{failureCode, QStringLiteral("the key could not be unwrapped")};
    return key;
}

}  // namespace otrack
