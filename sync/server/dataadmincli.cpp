#include "dataadmincli.h"

#include "admincommon.h"
#include "caller.h"
#include "columnmapping.h"
#include "ctfreader.h"
#include "importmappingstore.h"
#include "importvalidator.h"
#include "misimporter.h"
#include "schooladmin.h"
#include "servercli.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <variant>

using namespace Qt::StringLiterals;

namespace otrack {

using namespace admin;

namespace {

// The admin CLI acts for the school's data manager: an admin of the school.
Caller operatorOf(const School &school)
{
    return Caller{school.id, u"admin-cli"_s, QString(), Role::Admin, 1};
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A failure about a file or option: "WHAT: MESSAGE".
int failAbout(const QString &what, const Error &error)
{
    return fail(exitCodeFor(error), u"%1: %2"_s.arg(what, error.message));
}

void printJson(const QJsonObject &json)
{
    printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
}

void printProblems(const QJsonObject &plan)
{
    for (const QJsonValue &value : plan.value(u"problems"_s).toArray()) {
        const QJsonObject problem = value.toObject();
        printOut(u"problem\t%1\t%2\t%3\t%4\t%5\n"_s.arg(problem.value(u"line"_s).toInt())
                     .arg(problem.value(u"record"_s).toInt())
                     .arg(problem.value(u"upn"_s).toString(), problem.value(u"kind"_s).toString(),
                          problem.value(u"message"_s).toString()));
    }
}

void printReport(const ImportReport &report)
{
    const QJsonObject source = report.plan.value(u"source"_s).toObject();
    printOut(u"%1\t%2\trecords=%3\tvalid=%4\tinvalid=%5\n"_s
                 .arg(report.dryRun ? u"would_import"_s : u"imported"_s, source.value(u"format"_s).toString())
                 .arg(report.plan.value(u"records"_s).toInt())
                 .arg(report.plan.value(u"valid_records"_s).toInt())
                 .arg(report.plan.value(u"invalid_records"_s).toInt()));
    const QJsonObject json = report.toJson();
    for (const char16_t *key : {u"created", u"updated", u"unchanged", u"rejoined", u"marked_left", u"skipped_records",
                                u"results_created", u"results_updated", u"results_unchanged"})
        printOut(u"%1\t%2\n"_s.arg(QString::fromUtf16(key)).arg(json.value(QString::fromUtf16(key)).toInteger()));
    printProblems(report.plan);
}

struct ImportCommand {
    School school;
    QString file;
    ImportOptions options;
    bool json = false;
};

// The options every import command shares. Leaves the command's own in `args`.
std::variant<ImportCommand, int> parseImport(SchoolAdmin &admin, QStringList &args, const char *usage)
{
    ImportCommand command;
    const auto schoolName = takeOption(args, u"--school"_s);
    command.options.fullRoll = takeFlag(args, u"--full-roll"_s);
    command.options.dryRun = takeFlag(args, u"--dry-run"_s);
    command.options.mode = takeFlag(args, u"--valid-only"_s) ? ImportMode::ValidRecordsOnly : ImportMode::AllOrNothing;
    command.json = takeFlag(args, u"--json"_s);
    if (!schoolName || schoolName->isEmpty())
        return usageError(usage);
    auto school = admin.findSchool(*schoolName);
    if (!school)
        return failWith(school.error());
    command.school = school.value();
    return command;
}

int applyPlan(SchoolAdmin &admin, const ImportCommand &command, const ImportPlan &plan)
{
    const Caller caller = operatorOf(command.school);
    auto report = MisImporter(admin.database()).apply(caller, plan, command.options, nowMs());
    if (!report) {
        // Show what stands in the way before saying no.
        if (command.json)
            printJson(plan.toJson());
        else
            printProblems(plan.toJson());
        return failWith(report.error());
    }
    if (command.json)
        printJson(report->toJson());
    else
        printReport(report.value());
    return kExitOk;
}

int importCtf(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "import-ctf --school SCHOOL FILE [--full-roll] [--valid-only] [--dry-run] [--json]";
    auto parsed = parseImport(admin, args, usage);
    if (auto *code = std::get_if<int>(&parsed))
        return *code;
    const ImportCommand &command = std::get<ImportCommand>(parsed);
    if (int code = needArguments(args, 1, usage))
        return code;
    const QDate today = QDate::currentDate();
    auto read = CtfReader::readFile(args.at(0), today);
    if (!read)
        return failAbout(args.at(0), read.error());
    return applyPlan(admin, command, ImportValidator::validate(read.value(), today));
}

// --mapping is a JSON file or the name of a mapping the school has saved.
Result<ColumnMapping> findMapping(SchoolAdmin &admin, const QString &schoolId, const QString &mapping)
{
    if (QFileInfo::exists(mapping))
        return ColumnMapping::readFile(mapping);
    return ImportMappingStore(admin.database()).load(schoolId, mapping);
}

int importCsv(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "import-csv --school SCHOOL FILE --mapping FILE|NAME [--save-mapping NAME] [--preview N] "
                         "[--full-roll] [--valid-only] [--dry-run] [--json]";
    auto parsed = parseImport(admin, args, usage);
    if (auto *code = std::get_if<int>(&parsed))
        return *code;
    const ImportCommand &command = std::get<ImportCommand>(parsed);
    const auto mappingName = takeOption(args, u"--mapping"_s);
    const auto saveAs = takeOption(args, u"--save-mapping"_s);
    const auto previewRows = takeOption(args, u"--preview"_s);
    if (!mappingName || mappingName->isEmpty() || (saveAs && saveAs->isEmpty()))
        return usageError(usage);
    if (int code = needArguments(args, 1, usage))
        return code;
    auto mapping = findMapping(admin, command.school.id, *mappingName);
    if (!mapping)
        return failAbout(u"--mapping "_s + *mappingName, mapping.error());
    auto table = CsvTable::readFile(args.at(0));
    if (!table)
        return failAbout(args.at(0), table.error());
    auto read = mapping->apply(table.value());
    if (!read)
        return failAbout(args.at(0), read.error());
    if (saveAs) {
        if (Status s = ImportMappingStore(admin.database())
                           .save(command.school.id, *saveAs, mapping.value(), u"admin-cli"_s, nowMs());
            !s)
            return failWith(s.error());
    }
    const QDate today = QDate::currentDate();
    const ImportPlan plan = ImportValidator::validate(read.value(), today);
    if (previewRows) {
        bool ok = false;
        const int rows = previewRows->toInt(&ok);
        if (!ok || rows < 1 || rows > 1000)
            return fail(kExitInvalid, u"--preview needs a number of rows (1 to 1000)"_s);
        auto preview = mapping->preview(table.value(), rows);
        if (!preview)
            return failWith(preview.error());
        for (const QStringList &row : preview.value())
            printOut(row.join(u'\t') + u'\n');
        printProblems(plan.toJson());
        return kExitOk;
    }
    return applyPlan(admin, command, plan);
}

int suggestMapping(QStringList args)
{
    const char usage[] = "suggest-mapping FILE";
    if (int code = needArguments(args, 1, usage))
        return code;
    auto table = CsvTable::readFile(args.at(0));
    if (!table)
        return failAbout(args.at(0), table.error());
    printJson(ColumnMapping::suggest(table->header).toJson());
    return kExitOk;
}

}  // namespace

std::optional<int> runDataAdminCommand(QSqlDatabase db, const QString &command, const QStringList &args)
{
    SchoolAdmin admin(db);
    if (command == u"import-ctf"_s)
        return importCtf(admin, args);
    if (command == u"import-csv"_s)
        return importCsv(admin, args);
    if (command == u"suggest-mapping"_s)
        return suggestMapping(args);
    return std::nullopt;
}

}  // namespace otrack
