#include "importendpoint.h"

#include "caller.h"
#include "columnmapping.h"
#include "ctfreader.h"
#include "importmappingstore.h"
#include "importvalidator.h"
#include "misimporter.h"

#include <QBuffer>
#include <QDateTime>

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

}  // namespace

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
