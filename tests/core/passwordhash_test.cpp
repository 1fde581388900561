#include "passwordhash.h"

#include <catch2/catch.hpp>

using namespace otrack;

TEST_CASE("a password hash verifies the same password and refuses others")
{
    auto hashed = passwordhash::hash(QStringLiteral("correct horse battery"), ScryptParams::fastForTests());
    REQUIRE(hashed.ok());
    const QString encoded = hashed.value();
    CHECK(encoded.startsWith(QStringLiteral("scrypt$1024$8$1$")));
    CHECK(encoded.split(QLatin1Char('$')).size() == 6);
    CHECK_FALSE(encoded.contains(QStringLiteral("horse")));
    CHECK(passwordhash::verify(QStringLiteral("correct horse battery"), encoded));
    CHECK_FALSE(passwordhash::verify(QStringLiteral("correct horse batterY"), encoded));
    CHECK_FALSE(passwordhash::verify(QString(), encoded));

    auto params = passwordhash::parameters(encoded);
    REQUIRE(params.ok());
    CHECK(params->n == 1024);
    CHECK(params->r == 8);
    CHECK(params->p == 1);
    CHECK(params->salt.size() == 16);
}

TEST_CASE("the same password hashes differently each time")
{
    auto a = passwordhash::hash(QStringLiteral("same password"), ScryptParams::fastForTests());
    auto b = passwordhash::hash(QStringLiteral("same password"), ScryptParams::fastForTests());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value() != b.value());
    CHECK(passwordhash::verify(QStringLiteral("same password"), a.value()));
    CHECK(passwordhash::verify(QStringLiteral("same password"), b.value()));
}

TEST_CASE("a password is NFC-normalised before hashing")
{
    // "é" precomposed and as e + combining acute.
    const QString composed = QString::fromUtf8("caf\xc3\xa9 au lait");
    const QString decomposed = QString::fromUtf8("cafe\xcc\x81 au lait");
    auto hashed = passwordhash::hash(composed, ScryptParams::fastForTests());
    REQUIRE(hashed.ok());
    CHECK(passwordhash::verify(decomposed, hashed.value()));
}

TEST_CASE("malformed or tampered hashes never verify")
{
    auto hashed = passwordhash::hash(QStringLiteral("a password"), ScryptParams::fastForTests());
    REQUIRE(hashed.ok());
    QStringList parts = hashed.value().split(QLatin1Char('$'));

    CHECK_FALSE(passwordhash::verify(QStringLiteral("a password"), QString()));
    CHECK_FALSE(passwordhash::verify(QStringLiteral("a password"), QStringLiteral("scrypt$")));
    CHECK_FALSE(passwordhash::verify(QStringLiteral("a password"), QStringLiteral("plain$a password")));
    CHECK_FALSE(passwordhash::parameters(QStringLiteral("scrypt$x$8$1$AAAA$AAAA")).ok());

    QStringList otherN = parts;
    otherN[1] = QStringLiteral("2048");
    CHECK_FALSE(passwordhash::verify(QStringLiteral("a password"), otherN.join(QLatin1Char('$'))));

    QStringList notPowerOfTwo = parts;
    notPowerOfTwo[1] = QStringLiteral("1000");
    CHECK_FALSE(passwordhash::verify(QStringLiteral("a password"), notPowerOfTwo.join(QLatin1Char('$'))));

    QStringList shortHash = parts;
    shortHash[5] = QStringLiteral("AAAA");
    CHECK_FALSE(passwordhash::verify(QStringLiteral("a password"), shortHash.join(QLatin1Char('$'))));

    // Costs that would exhaust memory are refused without being tried.
    QStringList huge = parts;
    huge[1] = QString::number(1ull << 40);
    CHECK_FALSE(passwordhash::verify(QStringLiteral("a password"), huge.join(QLatin1Char('$'))));
}

TEST_CASE("verifying an unknown account costs about what a real one costs")
{
    // Only checks that the dummy path runs a real scrypt (recommended parameters) without
    // failing; timing itself is not asserted in CI.
    passwordhash::verifyDummy(QStringLiteral("whatever"));
    SUCCEED();
}
