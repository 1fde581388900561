#include "importrecord.h"

#include "enumnames.h"

namespace otrack {

namespace {

constexpr EnumNames<ProblemKind, 10> kProblemKinds{{
    {ProblemKind::MissingUpn, u"missing_upn"},
    {ProblemKind::BadUpn, u"bad_upn"},
    {ProblemKind::BadCheckLetter, u"bad_check_letter"},
    {ProblemKind::DuplicateUpn, u"duplicate_upn"},
    {ProblemKind::MissingName, u"missing_name"},
    {ProblemKind::BadDate, u"bad_date"},
    {ProblemKind::UnknownYearGroup, u"unknown_year_group"},
    {ProblemKind::BadValue, u"bad_value"},
    {ProblemKind::BadResult, u"bad_result"},
    {ProblemKind::BadRow, u"bad_row"},
}};

}  // namespace

QString problemKindName(ProblemKind kind)
{
    return enumName(kProblemKinds, kind);
}

}  // namespace otrack
