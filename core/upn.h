#pragma once

#include <QString>

#include <optional>

namespace otrack {

// Unique Pupil Numbers (DfE): 13 characters. Character 1 is a check letter; characters 2-12
// are digits (LA code, establishment, year, serial); character 13 is a digit, or a letter for
// a temporary UPN. The check letter is
//   kLetters[(sum of value(c_i) * i for i = 2..13) mod 23]
// where a digit's value is itself and a letter's value is its index in kLetters
// ("ABCDEFGHJKLMNPQRTUVWXYZ": no I, O or S).
namespace upn {

inline constexpr char kLetters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";

// The check letter for the 12 characters after it, or nullopt when they are malformed.
std::optional<QChar> checkLetter(const QString &body);
// The full UPN (check letter + body), or an empty string when the body is malformed.
QString withCheckLetter(const QString &body);
// True for a well-formed UPN whose check letter is right (upper case only).
bool isValid(const QString &upn);
// True for a valid temporary UPN: one whose 13th character is a letter. Schools give one to a
// pupil whose permanent UPN is not known yet, and replace it when it arrives.
bool isTemporary(const QString &upn);

// Why a UPN is not valid, so that an import can say which rule it breaks.
enum class Problem {
    None,
    Missing,  // empty or only spaces
    WrongLength,  // not 13 characters
    BadCharacters,  // a check letter, 11 digits and a digit or letter were expected
    WrongCheckLetter,  // well formed, but the check letter does not match the rest
};
Problem check(const QString &upn);

}  // namespace upn
}  // namespace otrack
