#include "importvalidator.h"

#include "upn.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// Collects one record's problems and says whether it had any.
class RecordCheck {
public:
    RecordCheck(const ImportRecord &record, QList<ImportProblem> &problems) : m_record(record), m_problems(problems) { }

    void problem(ProblemKind kind, const QString &field, const QString &message)
    {
        m_problems.append(ImportProblem{m_record.line, m_record.ordinal, m_record.upn, kind, field, message});
        m_failed = true;
    }
    bool failed() const { return m_failed; }

private:
    const ImportRecord &m_record;
    QList<ImportProblem> &m_problems;
    bool m_failed = false;
};

std::optional<QDate> parseDate(const QString &text, const QList<QString> &formats)
{
    for (const QString &format : formats) {
        const QDate date = QDate::fromString(text, format);
        if (date.isValid())
            return date;
    }
    return std::nullopt;
}

std::optional<QString> parseSen(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == u"n"_s || t == u"none"_s)
        return u"N"_s;
    if (t == u"k"_s || t == u"sen support"_s)
        return u"K"_s;
    if (t == u"e"_s || t == u"ehc plan"_s || t == u"ehcp"_s)
        return u"E"_s;
    return std::nullopt;
}

std::optional<QString> parseGender(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"m"_s || t == u"male"_s)
        return u"M"_s;
    if (t == u"f"_s || t == u"female"_s)
        return u"F"_s;
    if (t == u"u"_s || t == u"unknown"_s)
        return u"U"_s;
    if (t == u"x"_s || t == u"9"_s || t == u"not recorded"_s)
        return u"X"_s;
    return std::nullopt;
}

QString upnProblemText(upn::Problem problem)
{
    switch (problem) {
    case upn::Problem::WrongLength:
        return u"a UPN has 13 characters"_s;
    case upn::Problem::BadCharacters:
        return u"a UPN is a check letter, 11 digits, then a digit or (temporary UPN) a letter"_s;
    case upn::Problem::WrongCheckLetter:
        return u"the check letter does not match the rest of the UPN (a typing error?)"_s;
    case upn::Problem::None:
    case upn::Problem::Missing:
        break;
    }
    return u"no UPN"_s;
}

void checkUpn(const ImportRecord &record, const QHash<QString, int> &firstRecordOfUpn,
              const QHash<QString, int> &upnCount, RecordCheck &check)
{
    const upn::Problem problem = upn::check(record.upn);
    switch (problem) {
    case upn::Problem::None:
        break;
    case upn::Problem::Missing:
        check.problem(ProblemKind::MissingUpn, u"upn"_s, u"no UPN"_s);
        return;
    case upn::Problem::WrongCheckLetter:
        check.problem(ProblemKind::BadCheckLetter, u"upn"_s, u"%1: %2"_s.arg(record.upn, upnProblemText(problem)));
        return;
    default:
        check.problem(ProblemKind::BadUpn, u"upn"_s, u"'%1': %2"_s.arg(record.upn, upnProblemText(problem)));
        return;
    }
    if (upnCount.value(record.upn) > 1) {
        const int first = firstRecordOfUpn.value(record.upn);
        check.problem(ProblemKind::DuplicateUpn, u"upn"_s,
                      first == record.ordinal
                          ? u"%1 is on %2 records of this file: OTrack cannot tell which is right"_s.arg(record.upn)
                                .arg(upnCount.value(record.upn))
                          : u"%1 is also on record %2 of this file"_s.arg(record.upn).arg(first));
    }
}

void checkResult(const StatutoryResult &result, int index, RecordCheck &check)
{
    static const QRegularExpression year(u"^(19|20)\\d\\d$"_s);
    QStringList missing;
    if (result.stage.isEmpty())
        missing << u"stage"_s;
    if (result.subject.isEmpty())
        missing << u"subject"_s;
    if (result.result.isEmpty())
        missing << u"result"_s;
    if (!missing.isEmpty()) {
        check.problem(ProblemKind::BadResult, u"stage_assessment"_s,
                      u"stage assessment %1 has no %2"_s.arg(index + 1).arg(missing.join(u", "_s)));
        return;
    }
    if (!year.match(result.year).hasMatch())
        check.problem(ProblemKind::BadResult, u"stage_assessment"_s,
                      u"stage assessment %1 (%2 %3): year '%4' is not a year"_s.arg(index + 1).arg(
                          result.stage, result.subject, result.year));
    if (result.result.size() > 40)
        check.problem(ProblemKind::BadResult, u"stage_assessment"_s,
                      u"stage assessment %1 (%2 %3): the result is longer than 40 characters"_s.arg(index + 1).arg(
                          result.stage, result.subject));
}

}  // namespace

std::optional<int> ImportValidator::parseYearGroup(const QString &text)
{
    static const QRegularExpression number(u"^(?:year\\s*|y)?(\\d{1,2})$"_s);
    const QString t = text.trimmed().toLower();
    if (t == u"r"_s || t == u"reception"_s || t == u"yr"_s)
        return 0;
    if (t == u"n1"_s)
        return -2;
    if (t == u"n2"_s)
        return -1;
    const auto match = number.match(t);
    if (!match.hasMatch())
        return std::nullopt;
    const int year = match.captured(1).toInt();
    if (year < 1 || year > 14)
        return std::nullopt;
    return year;
}

std::optional<bool> ImportValidator::parseFlag(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == u"n"_s || t == u"no"_s || t == u"f"_s || t == u"false"_s || t == u"0"_s)
        return false;
    if (t == u"y"_s || t == u"yes"_s || t == u"t"_s || t == u"true"_s || t == u"1"_s)
        return true;
    return std::nullopt;
}

ImportPlan ImportValidator::validate(const SourceRecords &read, const QDate &today)
{
    ImportPlan plan;
    plan.source = read.source;
    plan.recordCount = read.recordCount;
    plan.problems = read.problems;
    for (const ImportProblem &problem : read.problems) {
        if (upn::check(problem.upn) == upn::Problem::None)
            plan.upnsInFile.insert(problem.upn);
        else
            ++plan.recordsWithoutUsableUpn;
    }

    QHash<QString, int> upnCount;
    QHash<QString, int> firstRecordOfUpn;
    for (const ImportRecord &record : read.records) {
        if (upn::check(record.upn) != upn::Problem::None) {
            ++plan.recordsWithoutUsableUpn;
            continue;
        }
        plan.upnsInFile.insert(record.upn);
        if (upnCount[record.upn]++ == 0)
            firstRecordOfUpn.insert(record.upn, record.ordinal);
    }

    const QList<QString> &formats = read.source.dateFormats;
    for (const ImportRecord &record : read.records) {
        RecordCheck check(record, plan.problems);
        ImportedPupil pupil;
        pupil.line = record.line;
        pupil.ordinal = record.ordinal;
        pupil.upn = record.upn;
        if (upn::isValid(record.formerUpn) && record.formerUpn != record.upn)
            pupil.formerUpn = record.formerUpn;
        checkUpn(record, firstRecordOfUpn, upnCount, check);

        pupil.legalSurname = record.legalSurname.value_or(QString()).trimmed();
        pupil.legalForename = record.legalForename.value_or(QString()).trimmed();
        if (pupil.legalSurname.isEmpty())
            check.problem(ProblemKind::MissingName, u"legal_surname"_s, u"no legal surname"_s);
        if (pupil.legalForename.isEmpty())
            check.problem(ProblemKind::MissingName, u"legal_forename"_s, u"no legal forename"_s);
        if (record.preferredSurname)
            pupil.preferredSurname = record.preferredSurname->trimmed();
        if (record.preferredForename)
            pupil.preferredForename = record.preferredForename->trimmed();

        const auto date = [&](const std::optional<QString> &text, const QString &field, std::optional<QDate> &into) {
            if (!text || text->trimmed().isEmpty())
                return;
            into = parseDate(text->trimmed(), formats);
            if (!into)
                check.problem(
                    ProblemKind::BadDate, field,
                    u"%1 '%2' is not a date (expected %3)"_s.arg(field, text->trimmed(), formats.join(u" or "_s)));
        };
        date(record.dateOfBirth, u"date_of_birth"_s, pupil.dateOfBirth);
        if (pupil.dateOfBirth && *pupil.dateOfBirth > today) {
            check.problem(ProblemKind::BadDate, u"date_of_birth"_s,
                          u"date_of_birth %1 is in the future"_s.arg(pupil.dateOfBirth->toString(Qt::ISODate)));
        }
        date(record.onRollDate, u"on_roll_date"_s, pupil.onRollDate);
        if (record.classGroup && !record.classGroup->trimmed().isEmpty()) {
            pupil.classGroup = record.classGroup->trimmed();
            if (pupil.classGroup->size() > 100)
                check.problem(ProblemKind::BadValue, u"class"_s, u"the class's name is longer than 100 characters"_s);
        }

        if (record.yearGroup) {
            pupil.yearGroup = parseYearGroup(*record.yearGroup);
            if (!pupil.yearGroup)
                check.problem(
                    ProblemKind::UnknownYearGroup, u"year_group"_s,
                    record.yearGroup->trimmed().isEmpty()
                        ? u"no year group"_s
                        : u"year group '%1' is not one of N1, N2, R, 1 to 14"_s.arg(record.yearGroup->trimmed()));
        }
        const auto flag = [&](const std::optional<QString> &text, const QString &field, std::optional<bool> &into) {
            if (!text)
                return;
            into = parseFlag(*text);
            if (!into)
                check.problem(ProblemKind::BadValue, field, u"%1 '%2' is not yes or no"_s.arg(field, text->trimmed()));
        };
        flag(record.pupilPremium, u"pupil_premium"_s, pupil.pupilPremium);
        flag(record.freeSchoolMeals, u"free_school_meals"_s, pupil.freeSchoolMeals);
        flag(record.eal, u"eal"_s, pupil.eal);
        flag(record.lookedAfter, u"looked_after"_s, pupil.lookedAfter);
        if (record.senStatus) {
            pupil.senStatus = parseSen(*record.senStatus);
            if (!pupil.senStatus)
                check.problem(ProblemKind::BadValue, u"sen_status"_s,
                              u"SEN status '%1' is not N, K or E"_s.arg(record.senStatus->trimmed()));
        }
        if (record.gender && !record.gender->trimmed().isEmpty()) {
            pupil.gender = parseGender(*record.gender);
            if (!pupil.gender)
                check.problem(ProblemKind::BadValue, u"gender"_s,
                              u"sex '%1' is not M, F, U or X"_s.arg(record.gender->trimmed()));
        }
        for (int i = 0; i < record.results.size(); ++i)
            checkResult(record.results.at(i), i, check);
        pupil.results = record.results;
        if (!check.failed())
            plan.pupils.append(std::move(pupil));
    }
    std::stable_sort(plan.problems.begin(), plan.problems.end(),
                     [](const ImportProblem &a, const ImportProblem &b) { return a.ordinal < b.ordinal; });
    return plan;
}

}  // namespace otrack
