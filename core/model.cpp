#include "model.h"

#include "enumnames.h"

namespace otrack {

namespace {

constexpr EnumNames<SchoolStatus, 3> kStatuses{{
    {SchoolStatus::AwaitingTerms, u"awaiting_terms"},
    {SchoolStatus::Active, u"active"},
    {SchoolStatus::Suspended, u"suspended"},
}};

constexpr EnumNames<Role, 5> kRoles{{
    {Role::Owner, u"owner"},
    {Role::Admin, u"admin"},
    {Role::Teacher, u"teacher"},
    {Role::ReadOnly, u"read_only"},
    {Role::ReportsOnly, u"reports_only"},
}};

constexpr EnumNames<GroupKind, 3> kGroupKinds{{
    {GroupKind::Class, u"class"},
    {GroupKind::Set, u"set"},
    {GroupKind::Intervention, u"intervention"},
}};

}  // namespace

QString toString(SchoolStatus status)
{
    return enumName(kStatuses, status);
}
std::optional<SchoolStatus> schoolStatusFromString(const QString &text)
{
    return enumFromName(kStatuses, text);
}
QString toString(Role role)
{
    return enumName(kRoles, role);
}
std::optional<Role> roleFromString(const QString &text)
{
    return enumFromName(kRoles, text);
}
QString toString(GroupKind kind)
{
    return enumName(kGroupKinds, kind);
}
std::optional<GroupKind> groupKindFromString(const QString &text)
{
    return enumFromName(kGroupKinds, text);
}

bool hasSen(const Pupil &pupil)
{
    return pupil.senStatus == u"K" || pupil.senStatus == u"E";
}

bool isBoy(const Pupil &pupil)
{
    return pupil.gender == u"M";
}

bool isGirl(const Pupil &pupil)
{
    return pupil.gender == u"F";
}

}  // namespace otrack
