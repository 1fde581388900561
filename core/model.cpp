#include "model.h"

#include <array>
#include <utility>

namespace otrack {

namespace {

template <typename Enum, std::size_t N>
QString lookupName(const std::array<std::pair<Enum, const char16_t *>, N> &table, Enum value)
{
    for (const auto &[e, name] : table)
        if (e == value)
            return QString::fromUtf16(name);
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> lookupValue(const std::array<std::pair<Enum, const char16_t *>, N> &table, const QString &text)
{
    for (const auto &[e, name] : table)
        if (text == QString::fromUtf16(name))
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<SchoolStatus, const char16_t *>, 3> kStatuses{{
    {SchoolStatus::AwaitingTerms, u"awaiting_terms"},
    {SchoolStatus::Active, u"active"},
    {SchoolStatus::Suspended, u"suspended"},
}};

constexpr std::array<std::pair<Role, const char16_t *>, 5> kRoles{{
    {Role::Owner, u"owner"},
    {Role::Admin, u"admin"},
    {Role::Teacher, u"teacher"},
    {Role::ReadOnly, u"read_only"},
    {Role::ReportsOnly, u"reports_only"},
}};

constexpr std::array<std::pair<GroupKind, const char16_t *>, 3> kGroupKinds{{
    {GroupKind::Class, u"class"},
    {GroupKind::Set, u"set"},
    {GroupKind::Intervention, u"intervention"},
}};

}  // namespace

QString toString(SchoolStatus status)
{
    return lookupName(kStatuses, status);
}
std::optional<SchoolStatus> schoolStatusFromString(const QString &text)
{
    return lookupValue(kStatuses, text);
}
QString toString(Role role)
{
    return lookupName(kRoles, role);
}
std::optional<Role> roleFromString(const QString &text)
{
    return lookupValue(kRoles, text);
}
QString toString(GroupKind kind)
{
    return lookupName(kGroupKinds, kind);
}
std::optional<GroupKind> groupKindFromString(const QString &text)
{
    return lookupValue(kGroupKinds, text);
}

}  // namespace otrack
