#include "dataendpoints.h"

#include "caller.h"
#include "columnmapping.h"
#include "ctfreader.h"
#include "importmappingstore.h"
#include "importvalidator.h"
#include "misimporter.h"
#include "pupilretention.h"
#include "schooladmin.h"
#include "subjectaccess.h"

#include <QBuffer>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

Result<bool> flagParameter(const QUrlQuery &query, const QString &name)
{
    if (!query.hasQueryItem(name))
        return false;
    const QString value = query.queryItemValue(name);
    if (value == u"true"_s || value == u"1"_s)
        return true;
    if (value == u"false"_s || value == u"0"_s)
        return false;
    return Error{ErrorCode::InvalidArgument, u"field '%1': true or false"_s.arg(name)};
}

Result<QJsonObject> bodyObject(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return Error{ErrorCode::InvalidArgument, u"field 'body': a JSON object"_s};
    return document.object();
}

}  // namespace

Result<QJsonObject> handleListMappings(QSqlDatabase db, const Caller &caller)
{
    if (Status allowed = MisImporter::requireImporter(caller); !allowed)
        return allowed.error();
    ImportMappingStore store(db);
    auto names = store.names(caller.schoolId);
    if (!names)
        return names.error();
    QJsonArray mappings;
    for (const QString &name : names.value()) {
        auto mapping = store.load(caller.schoolId, name);
        if (!mapping)
            return mapping.error();
        mappings.append(QJsonObject{{u"name"_s, name}, {u"mapping"_s, mapping->toJson()}});
    }
    return QJsonObject{{u"mappings"_s, mappings}};
}

Result<QJsonObject> handleSaveMapping(QSqlDatabase db, const Caller &caller, const QString &name,
                                      const QByteArray &body, qint64 nowMs)
{
    if (Status allowed = MisImporter::requireImporter(caller); !allowed)
        return allowed.error();
    auto json = bodyObject(body);
    if (!json)
        return json.error();
    auto mapping = ColumnMapping::fromJson(json.value());
    if (!mapping)
        return Error{ErrorCode::InvalidArgument, u"field 'body': "_s + mapping.error().message};
    if (Status s = ImportMappingStore(db).save(caller.schoolId, name, mapping.value(), caller.userId, nowMs); !s)
        return Error{s.error().code,
                     s.error().code == ErrorCode::InvalidArgument ? u"field 'name': "_s + s.error().message
                                                                  : s.error().message};
    return QJsonObject{{u"name"_s, name.trimmed()}, {u"mapping"_s, mapping->toJson()}};
}

Result<QJsonObject> handleSubjectAccess(QSqlDatabase db, const Caller &caller, const QString &pupilId, qint64 nowMs)
{
    auto report = SubjectAccess(db).collect(caller, pupilId, nowMs);
    if (!report)
        return report.error();
    if (Status s = SchoolAdmin::audit(db, caller.schoolId, caller.userId, u"subject_access"_s, u"pupil"_s, pupilId); !s)
        return s.error();
    return report.value();
}

Result<QJsonObject> handleGetRetention(QSqlDatabase db, const Caller &caller, qint64 nowMs)
{
    if (Status allowed = MisImporter::requireImporter(caller); !allowed)
        return allowed.error();
    auto report = PupilRetention(db).review(caller.schoolId, QDateTime::fromMSecsSinceEpoch(nowMs).date());
    if (!report)
        return report.error();
    const QJsonObject json = report->toJson();
    return QJsonObject{{u"rule"_s, json.value(u"rule"_s)}, {u"due"_s, json.value(u"pupils"_s)}};
}

Result<QJsonObject> handleSetRetention(QSqlDatabase db, const Caller &caller, const QByteArray &body, qint64 nowMs)
{
    if (Status allowed = MisImporter::requireImporter(caller); !allowed)
        return allowed.error();
    auto json = bodyObject(body);
    if (!json)
        return json.error();
    PupilRetention retention(db);
    std::optional<RetentionSetting> setting;
    if (json->contains(u"phase"_s)) {
        setting = RetentionSetting::forPhase(json->value(u"phase"_s).toString());
        if (!setting)
            return Error{ErrorCode::InvalidArgument, u"field 'phase': primary or secondary"_s};
    } else if (json->value(u"rule"_s).isNull()) {
        if (Status s = retention.clearRule(caller.schoolId, caller.userId, nowMs); !s)
            return s.error();
    } else {
        const auto rule = retentionRuleFromString(json->value(u"rule"_s).toString());
        if (!rule)
            return Error{ErrorCode::InvalidArgument,
                         u"field 'rule': transfer, dob_plus_years, years_after_leaving or null"_s};
        const QJsonValue years = json->value(u"years"_s);
        if (!years.isUndefined() && !years.isDouble())
            return Error{ErrorCode::InvalidArgument, u"field 'years': a whole number"_s};
        setting = RetentionSetting{*rule, years.toInt(*rule == RetentionRule::DobPlusYears ? 25 : 0), {}, 0};
    }
    if (setting)
        if (Status s = retention.setRule(caller.schoolId, *setting, caller.userId, nowMs); !s)
            return Error{s.error().code,
                         s.error().code == ErrorCode::InvalidArgument ? u"field 'years': "_s + s.error().message
                                                                      : s.error().message};
    return handleGetRetention(db, caller, nowMs);
}

Result<QJsonObject> handleImportRequest(QSqlDatabase db, const Caller &caller, const QUrlQuery &query,
                                        const QByteArray &body, qint64 nowMs)
{
    if (Status allowed = MisImporter::requireImporter(caller); !allowed)
        return allowed.error();
    ImportOptions options;
    bool validateOnly = false;
    const std::pair<const char16_t *, bool *> flags[]
        = {{u"full_roll", &options.fullRoll}, {u"dry_run", &options.dryRun}, {u"validate_only", &validateOnly}};
    for (const auto &[name, into] : flags) {
        auto value = flagParameter(query, QString::fromUtf16(name));
        if (!value)
            return value.error();
        *into = value.value();
    }
    auto validOnly = flagParameter(query, u"valid_only"_s);
    if (!validOnly)
        return validOnly.error();
    options.mode = validOnly.value() ? ImportMode::ValidRecordsOnly : ImportMode::AllOrNothing;

    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date();
    const QString format = query.queryItemValue(u"format"_s);
    Result<SourceRecords> read = Error{ErrorCode::InvalidArgument, u"field 'format': ctf or csv"_s};
    if (format == u"ctf"_s) {
        QBuffer buffer;
        buffer.setData(body);
        buffer.open(QIODevice::ReadOnly);
        read = CtfReader::read(&buffer, today);
    } else if (format == u"csv"_s) {
        const QString name = query.queryItemValue(u"mapping"_s, QUrl::FullyDecoded);
        if (name.isEmpty())
            return Error{ErrorCode::InvalidArgument, u"field 'mapping': the name of a saved column mapping"_s};
        auto mapping = ImportMappingStore(db).load(caller.schoolId, name);
        if (!mapping)
            return mapping.error();
        auto table = CsvTable::parse(body);
        if (!table)
            return Error{ErrorCode::InvalidArgument, u"field 'body': "_s + table.error().message};
        read = mapping->apply(table.value());
    }
    if (!read)
        return Error{read.error().code,
                     read.error().message.startsWith(u"field '"_s) ? read.error().message
                                                                   : u"field 'body': "_s + read.error().message};
    const ImportPlan plan = ImportValidator::validate(read.value(), today);
    if (validateOnly)
        return QJsonObject{{u"plan"_s, plan.toJson()}};
    auto report = MisImporter(db).apply(caller, plan, options, nowMs);
    if (!report)
        return report.error();
    return report->toJson();
}

}  // namespace otrack
