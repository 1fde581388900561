#pragma once

#include <QString>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

namespace otrack {

// A fixed table of an enum's values and their wire or database names, read both ways.
template <typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, const char16_t *>, N>;

template <typename Enum, std::size_t N>
QString enumName(const EnumNames<Enum, N> &table, Enum value)
{
    for (const auto &[e, name] : table)
        if (e == value)
            return QString::fromUtf16(name);
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> enumFromName(const EnumNames<Enum, N> &table, const QString &text)
{
    for (const auto &[e, name] : table)
        if (text == QString::fromUtf16(name))
            return e;
    return std::nullopt;
}

}  // namespace otrack
