#include "keywrap.h"

#include <catch2/catch.hpp>

using namespace otrack;

namespace {

QByteArray flipped(QByteArray bytes, qsizetype at)
{
    bytes[at] = static_cast<char>(bytes.at(at) ^ 0x01);
    return bytes;
}

}  // namespace

TEST_CASE("a wrapped key unwraps with the same key-encryption key and context")
{
    const SecureBytes key = SecureBytes::random(32);
    const SecureBytes kek = SecureBytes::random(32);
    const WrappedKey wrapped = wrapKey(key, kek, "ctx");
    CHECK(wrapped.nonce.size() == 12);
    CHECK(wrapped.tag.size() == 16);
    CHECK(wrapped.ciphertext != key.toQByteArray());

    auto unwrapped = unwrapKey(wrapped, kek, "ctx", ErrorCode::WrongPassword);
    REQUIRE(unwrapped.ok());
    CHECK(unwrapped.value() == key);
}

TEST_CASE("unwrapping fails on a wrong key, another context or any altered byte")
{
    const SecureBytes key = SecureBytes::random(32);
    const SecureBytes kek = SecureBytes::random(32);
    const WrappedKey wrapped = wrapKey(key, kek, "ctx");

    auto wrongKek = unwrapKey(wrapped, SecureBytes::random(32), "ctx", ErrorCode::WrongPassword);
    REQUIRE_FALSE(wrongKek.ok());
    CHECK(wrongKek.error().code == ErrorCode::WrongPassword);

    auto wrongContext = unwrapKey(wrapped, kek, "other", ErrorCode::WrongDeviceKey);
    REQUIRE_FALSE(wrongContext.ok());
    CHECK(wrongContext.error().code == ErrorCode::WrongDeviceKey);

    for (int field = 0; field < 3; ++field) {
        WrappedKey altered = wrapped;
        QByteArray &bytes = field == 0 ? altered.nonce : field == 1 ? altered.ciphertext : altered.tag;
        bytes = flipped(bytes, bytes.size() / 2);
        CHECK_FALSE(unwrapKey(altered, kek, "ctx", ErrorCode::WrongPassword).ok());
    }
}

TEST_CASE("wrapped keys survive a JSON round trip and malformed JSON is refused")
{
    const WrappedKey wrapped = wrapKey(SecureBytes::random(32), SecureBytes::random(32), "ctx");
    auto back = WrappedKey::fromJson(wrapped.toJson());
    REQUIRE(back.ok());
    CHECK(back->nonce == wrapped.nonce);
    CHECK(back->ciphertext == wrapped.ciphertext);
    CHECK(back->tag == wrapped.tag);

    QJsonObject shortNonce = wrapped.toJson();
    shortNonce[QStringLiteral("nonce")] = QStringLiteral("AAAA");
    CHECK(WrappedKey::fromJson(shortNonce).error().code == ErrorCode::Damaged);

    QJsonObject notBase64 = wrapped.toJson();
    notBase64[QStringLiteral("tag")] = QStringLiteral("!!not base64!!");
    CHECK(WrappedKey::fromJson(notBase64).error().code == ErrorCode::Damaged);

    QJsonObject otherCipher = wrapped.toJson();
    otherCipher[QStringLiteral("cipher")] = QStringLiteral("rot13");
    CHECK(WrappedKey::fromJson(otherCipher).error().code == ErrorCode::Damaged);
}

TEST_CASE("scrypt derivation is deterministic per salt and normalises the password")
{
    ScryptParams params = ScryptParams::fastForTests();
    auto a = deriveKeyFromPassword(QStringLiteral("correct horse"), params);
    auto b = deriveKeyFromPassword(QStringLiteral("correct horse"), params);
    auto c = deriveKeyFromPassword(QStringLiteral("correct horsE"), params);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(c.ok());
    CHECK(a.value().size() == 32);
    CHECK(a.value() == b.value());
    CHECK_FALSE(a.value() == c.value());

    ScryptParams otherSalt = params;
    otherSalt.salt = SecureBytes::random(16).toQByteArray();
    CHECK_FALSE(deriveKeyFromPassword(QStringLiteral("correct horse"), otherSalt).value() == a.value());

    // "ŵ" typed precomposed (U+0175) and as w + combining circumflex (U+0302).
    const QString composed = QString::fromUtf16(u"cyfrinair-\u0175");
    const QString decomposed = QString::fromUtf16(u"cyfrinair-w\u0302");
    REQUIRE(composed != decomposed);
    CHECK(deriveKeyFromPassword(composed, params).value() == deriveKeyFromPassword(decomposed, params).value());
}

TEST_CASE("scrypt parameters outside the safe range are refused")
{
    ScryptParams params = ScryptParams::recommended();
    CHECK(params.isValid());
    CHECK(params.n >= (1u << 15));

    ScryptParams notPowerOfTwo = params;
    notPowerOfTwo.n = 1000;
    CHECK_FALSE(notPowerOfTwo.isValid());

    ScryptParams hugeMemory = params;
    hugeMemory.n = 1ull << 30;
    CHECK_FALSE(hugeMemory.isValid());
    CHECK(deriveKeyFromPassword(QStringLiteral("x"), hugeMemory).error().code == ErrorCode::Damaged);

    ScryptParams shortSalt = params;
    shortSalt.salt = "salt";
    CHECK_FALSE(shortSalt.isValid());
}
