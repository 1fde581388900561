#include "upn.h"

#include <catch2/catch.hpp>

using namespace otrack;

// The check letters below are worked out by hand, independently of core/upn:
// letters by index: A0 B1 C2 D3 E4 F5 G6 H7 J8 K9 L10 M11 N12 P13 Q14 R15 T16 U17 V18 W19 X20 Y21 Z22.

TEST_CASE("UPN check letters match hand-computed examples")
{
    // "201234567890": 2*2 + 0*3 + 1*4 + 2*5 + 3*6 + 4*7 + 5*8 + 6*9 + 7*10 + 8*11 + 9*12 + 0*13
    //   = 4 + 0 + 4 + 10 + 18 + 28 + 40 + 54 + 70 + 88 + 108 + 0 = 424; 424 = 18*23 + 10 -> L
    CHECK(upn::checkLetter(QStringLiteral("201234567890")) == QChar(u'L'));
    CHECK(upn::isValid(QStringLiteral("L201234567890")));

    // "000000000000": sum 0 -> A
    CHECK(upn::withCheckLetter(QStringLiteral("000000000000")) == QStringLiteral("A000000000000"));

    // "999999999999": 9 * (2 + 3 + ... + 13) = 9 * 90 = 810; 810 = 35*23 + 5 -> F
    CHECK(upn::isValid(QStringLiteral("F999999999999")));

    // Temporary UPN "10000000000Z": 1*2 + Z(22)*13 = 2 + 286 = 288; 288 = 12*23 + 12 -> N
    CHECK(upn::checkLetter(QStringLiteral("10000000000Z")) == QChar(u'N'));
    CHECK(upn::isValid(QStringLiteral("N10000000000Z")));
}

TEST_CASE("malformed UPNs and wrong check letters are refused")
{
    CHECK_FALSE(upn::isValid(QStringLiteral("M201234567890")));  // right body, wrong letter
    CHECK_FALSE(upn::isValid(QStringLiteral("L20123456789")));  // too short
    CHECK_FALSE(upn::isValid(QStringLiteral("L2012345678900")));  // too long
    CHECK_FALSE(upn::isValid(QStringLiteral("l201234567890")));  // lower case
    CHECK_FALSE(upn::isValid(QString()));
    CHECK_FALSE(upn::checkLetter(QStringLiteral("2012345678A0")).has_value());  // letter before 13
    CHECK_FALSE(upn::checkLetter(QStringLiteral("20123456789I")).has_value());  // I is not used
    CHECK_FALSE(upn::checkLetter(QStringLiteral("20123456789O")).has_value());  // nor O
    CHECK_FALSE(upn::checkLetter(QStringLiteral("20123456789S")).has_value());  // nor S
    CHECK(upn::withCheckLetter(QStringLiteral("abc")).isEmpty());
}

TEST_CASE("every body gets exactly one valid check letter")
{
    const QString body = QStringLiteral("93020012345");
    for (const char last : {'0', '5', '9', 'A', 'K', 'Z'}) {
        const QString full = upn::withCheckLetter(body + QLatin1Char(last));
        REQUIRE(full.size() == 13);
        CHECK(upn::isValid(full));
        int validLetters = 0;
        for (const char *l = upn::kLetters; *l; ++l)
            validLetters += upn::isValid(QLatin1Char(*l) + full.mid(1)) ? 1 : 0;
        CHECK(validLetters == 1);
    }
}

TEST_CASE("temporary UPNs end in a letter and say so", "[core][upn]")
{
    // "93020012345K": 9*2 + 3*3 + 0*4 + 2*5 + 0*6 + 0*7 + 1*8 + 2*9 + 3*10 + 4*11 + 5*12 + K(9)*13
    //   = 18 + 9 + 0 + 10 + 0 + 0 + 8 + 18 + 30 + 44 + 60 + 117 = 314; 314 = 13*23 + 15 -> R
    CHECK(upn::isValid(QStringLiteral("R93020012345K")));
    CHECK(upn::isTemporary(QStringLiteral("R93020012345K")));
    CHECK_FALSE(upn::isTemporary(QStringLiteral("L201234567890")));  // permanent
    CHECK_FALSE(upn::isTemporary(QStringLiteral("A93020012345K")));  // wrong check letter
}

TEST_CASE("a UPN's problem is named", "[core][upn]")
{
    CHECK(upn::check(QStringLiteral("L201234567890")) == upn::Problem::None);
    CHECK(upn::check(QStringLiteral("R93020012345K")) == upn::Problem::None);
    CHECK(upn::check(QString()) == upn::Problem::Missing);
    CHECK(upn::check(QStringLiteral("   ")) == upn::Problem::Missing);
    CHECK(upn::check(QStringLiteral("L20123456789")) == upn::Problem::WrongLength);
    CHECK(upn::check(QStringLiteral("L2012345678A0")) == upn::Problem::BadCharacters);
    CHECK(upn::check(QStringLiteral("I201234567890")) == upn::Problem::BadCharacters);  // I is never a check letter
    CHECK(upn::check(QStringLiteral("l201234567890")) == upn::Problem::BadCharacters);
    CHECK(upn::check(QStringLiteral("M201234567890")) == upn::Problem::WrongCheckLetter);
}
