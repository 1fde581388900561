#include "pupilretention.h"

#include "enumnames.h"
#include "logging.h"
#include "schooladmin.h"
#include "serverdatabase.h"
#include "writetransaction.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

constexpr EnumNames<RetentionRule, 3> kRules{{
    {RetentionRule::Transfer, u"transfer"},
    {RetentionRule::DobPlusYears, u"dob_plus_years"},
    {RetentionRule::YearsAfterLeaving, u"years_after_leaving"},
}};

const QString kActor = u"retention"_s;

std::optional<QDate> dueDate(const RetentionSetting &setting, const QDate &dateOfBirth, const QDate &leftDate)
{
    switch (setting.rule) {
    case RetentionRule::Transfer:
    case RetentionRule::YearsAfterLeaving:
        return leftDate.addYears(setting.years);
    case RetentionRule::DobPlusYears:
        if (!dateOfBirth.isValid())
            return std::nullopt;  // not known: never due by this rule
        // Never before the pupil has left, whatever their age.
        return std::max(dateOfBirth.addYears(setting.years), leftDate);
    }
    return std::nullopt;
}

QJsonObject settingJson(const RetentionSetting &setting)
{
    return QJsonObject{{u"rule"_s, toString(setting.rule)},
                       {u"years"_s, setting.years},
                       {u"set_by"_s, setting.setBy},
                       {u"set_at"_s, setting.setAt}};
}

}  // namespace

QString toString(RetentionRule rule)
{
    return enumName(kRules, rule);
}

std::optional<RetentionRule> retentionRuleFromString(const QString &text)
{
    return enumFromName(kRules, text);
}

std::optional<RetentionSetting> RetentionSetting::forPhase(const QString &phase)
{
    if (phase == u"primary"_s)
        return RetentionSetting{RetentionRule::Transfer, 0, QString(), 0};
    if (phase == u"secondary"_s)
        return RetentionSetting{RetentionRule::DobPlusYears, 25, QString(), 0};
    return std::nullopt;
}

QJsonObject RetentionReport::toJson() const
{
    QJsonArray dueList;
    for (int i = 0; i < due.size(); ++i) {
        const RetentionCandidate &candidate = due.at(i);
        QJsonObject entry{{u"pupil_id"_s, candidate.pupilId},
                          {u"upn"_s, candidate.upn},
                          {u"left_date"_s, candidate.leftDate.toString(Qt::ISODate)},
                          {u"due_date"_s, candidate.dueDate.toString(Qt::ISODate)}};
        if (i < erased.size()) {
            entry.insert(u"marks"_s, erased.at(i).marks);
            entry.insert(u"mark_events"_s, erased.at(i).markEvents);
        }
        dueList.append(entry);
    }
    return QJsonObject{{u"school_id"_s, schoolId},
                       {u"rule"_s, setting ? QJsonValue(settingJson(*setting)) : QJsonValue()},
                       {u"dry_run"_s, dryRun},
                       {u"pupils"_s, dueList}};
}

Status PupilRetention::setRule(const QString &schoolId, const RetentionSetting &setting, const QString &actorId,
                               qint64 nowMs)
{
    if (setting.years < 0 || setting.years > 100 || (setting.rule == RetentionRule::DobPlusYears && setting.years == 0))
        return Error{ErrorCode::InvalidArgument, u"years must be 0 to 100 (1 to 100 after the date of birth)"_s};
    WriteTransaction transaction(m_db);
    if (Status s = transaction.begin(u"setting the retention rule"_s); !s)
        return s;
    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"SELECT 1 FROM schools WHERE id = ?"_s, {schoolId}, u"finding the school"_s); !s)
        return s;
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    if (Status s = execSql(query, u"DELETE FROM retention_rules WHERE school_id = ?"_s, {schoolId},
                           u"replacing the retention rule"_s);
        !s)
        return s;
    if (Status s = execSql(
            query, u"INSERT INTO retention_rules (school_id, rule, years, set_by, set_at) VALUES (?, ?, ?, ?, ?)"_s,
            {schoolId, toString(setting.rule), setting.years, actorId, nowMs}, u"setting the retention rule"_s);
        !s)
        return s;
    if (Status s = SchoolAdmin::audit(m_db, schoolId, actorId, u"set_retention"_s, u"school"_s, schoolId,
                                      u"rule=%1 years=%2"_s.arg(toString(setting.rule)).arg(setting.years));
        !s)
        return s;
    return transaction.commit();
}

Status PupilRetention::clearRule(const QString &schoolId, const QString &actorId, qint64 nowMs)
{
    Q_UNUSED(nowMs);
    WriteTransaction transaction(m_db);
    if (Status s = transaction.begin(u"clearing the retention rule"_s); !s)
        return s;
    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"DELETE FROM retention_rules WHERE school_id = ?"_s, {schoolId},
                           u"clearing the retention rule"_s);
        !s)
        return s;
    if (Status s = SchoolAdmin::audit(m_db, schoolId, actorId, u"clear_retention"_s, u"school"_s, schoolId); !s)
        return s;
    return transaction.commit();
}

Result<std::optional<RetentionSetting>> PupilRetention::rule(const QString &schoolId)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"SELECT rule, years, set_by, set_at FROM retention_rules WHERE school_id = ?"_s,
                           {schoolId}, u"reading the retention rule"_s);
        !s)
        return s.error();
    if (!query.next())
        return std::optional<RetentionSetting>();
    const auto rule = retentionRuleFromString(query.value(0).toString());
    if (!rule)
        return Error{ErrorCode::StorageFailure, u"unknown retention rule in the database"_s};
    return std::optional<RetentionSetting>(
        RetentionSetting{*rule, query.value(1).toInt(), query.value(2).toString(), query.value(3).toLongLong()});
}

Result<RetentionReport> PupilRetention::review(const QString &schoolId, const QDate &today)
{
    RetentionReport report;
    report.schoolId = schoolId;
    auto setting = rule(schoolId);
    if (!setting)
        return setting.error();
    report.setting = setting.value();
    if (!report.setting)
        return report;
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           u"SELECT id, upn, date_of_birth, left_date FROM pupils WHERE school_id = ? AND "
                           u"left_date IS NOT NULL"_s,
                           {schoolId}, u"finding leavers"_s);
        !s)
        return s.error();
    while (query.next()) {
        const QDate left = QDate::fromString(query.value(3).toString(), Qt::ISODate);
        if (!left.isValid())
            continue;
        auto due = dueDate(*report.setting, QDate::fromString(query.value(2).toString(), Qt::ISODate), left);
        if (due)
            due = std::max(*due, left.addDays(kGraceDays));
        if (due && *due <= today)
            report.due.append(RetentionCandidate{query.value(0).toString(), query.value(1).toString(), left, *due});
    }
    std::sort(report.due.begin(), report.due.end(), [](const RetentionCandidate &a, const RetentionCandidate &b) {
        return std::tie(a.dueDate, a.pupilId) < std::tie(b.dueDate, b.pupilId);
    });
    return report;
}

Result<RetentionReport> PupilRetention::apply(const QString &schoolId, const QDate &today, bool dryRun, qint64 nowMs)
{
    auto report = review(schoolId, today);
    if (!report || dryRun || !report->setting)
        return report;
    report->dryRun = false;
    PupilEraser eraser(m_db);
    const Caller retention{schoolId, kActor, QString(), Role::Admin, 1};
    for (const RetentionCandidate &candidate : report->due) {
        auto erased = eraser.erase(retention, candidate.pupilId, nowMs);
        if (!erased)
            return erased.error();
        report->erased.append(erased.value());
    }
    if (Status s = SchoolAdmin::audit(m_db, schoolId, kActor, u"retention"_s, u"school"_s, schoolId,
                                      u"rule=%1 years=%2 erased=%3"_s.arg(toString(report->setting->rule))
                                          .arg(report->setting->years)
                                          .arg(report->erased.size()));
        !s)
        return s.error();
    if (!report->erased.isEmpty())
        qCInfo(lcServer) << "retention: school" << schoolId << "erased" << report->erased.size() << "pupils";
    return report;
}

Result<QStringList> PupilRetention::schoolsWithRules()
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           u"SELECT r.school_id FROM retention_rules r JOIN schools s ON s.id = r.school_id "
                           u"WHERE s.status = 'active' ORDER BY r.school_id"_s,
                           {}, u"finding schools with a retention rule"_s);
        !s)
        return s.error();
    QStringList schools;
    while (query.next())
        schools << query.value(0).toString();
    return schools;
}

Result<QList<RetentionReport>> PupilRetention::applyAll(const QDate &today, qint64 nowMs)
{
    auto schools = schoolsWithRules();
    if (!schools)
        return schools.error();
    QList<RetentionReport> reports;
    for (const QString &school : schools.value()) {
        auto report = apply(school, today, false, nowMs);
        if (!report)
            return report.error();
        reports.append(report.value());
    }
    return reports;
}

}  // namespace otrack
