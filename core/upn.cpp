#include "upn.h"

namespace otrack::upn {

namespace {

constexpr int kLetterCount = 23;

int letterIndex(QChar c)
{
    for (int i = 0; i < kLetterCount; ++i)
        if (c == QLatin1Char(kLetters[i]))
            return i;
    return -1;
}

}  // namespace

std::optional<QChar> checkLetter(const QString &body)
{
    if (body.size() != 12)
        return std::nullopt;
    int sum = 0;
    for (int i = 0; i < 12; ++i) {
        const QChar c = body.at(i);
        const int position = i + 2;  // the body starts at character 2 of the UPN
        int value = -1;
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            value = c.unicode() - u'0';
        else if (position == 13)
            value = letterIndex(c);
        if (value < 0)
            return std::nullopt;
        sum += value * position;
    }
    return QLatin1Char(kLetters[sum % kLetterCount]);
}

QString withCheckLetter(const QString &body)
{
    const auto letter = checkLetter(body);
    return letter ? QString(*letter) + body : QString();
}

bool isValid(const QString &upn)
{
    if (upn.size() != 13)
        return false;
    const auto letter = checkLetter(upn.mid(1));
    return letter && *letter == upn.at(0);
}

bool isTemporary(const QString &upn)
{
    return isValid(upn) && !upn.at(12).isDigit();
}

Problem check(const QString &upn)
{
    if (upn.trimmed().isEmpty())
        return Problem::Missing;
    if (upn.size() != 13)
        return Problem::WrongLength;
    const auto letter = checkLetter(upn.mid(1));
    if (!letter || letterIndex(upn.at(0)) < 0)
        return Problem::BadCharacters;
    return *letter == upn.at(0) ? Problem::None : Problem::WrongCheckLetter;
}

}  // namespace otrack::upn
