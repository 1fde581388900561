#include "dataadmincli.h"

#include "admincommon.h"
#include "caller.h"
#include "columnmapping.h"
#include "ctfreader.h"
#include "ctfresultsexport.h"
#include "importmappingstore.h"
#include "importvalidator.h"
#include "marksexport.h"
#include "misimporter.h"
#include "pupileraser.h"
#include "pupilretention.h"
#include "schooladmin.h"
#include "schooldeletion.h"
#include "schoolexport.h"
#include "servercli.h"
#include "subjectaccess.h"
#include "subjectaccesspdf.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

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

// Every one of these options is given, with a value that is not blank.
bool given(std::initializer_list<const std::optional<QString> *> options)
{
    for (const std::optional<QString> *option : options)
        if (!*option || (*option)->trimmed().isEmpty())
            return false;
    return true;
}

// An option given with a blank value (or none): absent is fine, given must mean something.
bool blankIfGiven(const std::optional<QString> &option)
{
    return option && option->trimmed().isEmpty();
}

// The end of every command's parsing: the usage error unless `optionsOk` and exactly
// `positional` arguments are left, then the school named by --school. nullopt: the command
// ends with `exitCode`, already reported.
std::optional<School> commandSchool(SchoolAdmin &admin, const QStringList &args, qsizetype positional, bool optionsOk,
                                    const std::optional<QString> &schoolName, const char *usage, int &exitCode)
{
    if (!optionsOk || !schoolName || args.size() != positional) {
        exitCode = usageError(usage);
        return std::nullopt;
    }
    auto school = admin.findSchool(*schoolName);
    if (!school) {
        exitCode = failWith(school.error());
        return std::nullopt;
    }
    return school.value();
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
    for (const char16_t *key :
         {u"created", u"updated", u"unchanged", u"rejoined", u"marked_left", u"skipped_records", u"classes_created",
          u"class_changes", u"results_created", u"results_updated", u"results_unchanged"})
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
    int code = kExitOk;
    // What is left: the file, and the command's own options (checked by the command).
    const auto school = commandSchool(admin, args, args.size(), given({&schoolName}), schoolName, usage, code);
    if (!school)
        return code;
    command.school = *school;
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
    if (!given({&mappingName}) || blankIfGiven(saveAs))
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

int suggestMapping(SchoolAdmin &, QStringList args)
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

// The file, written whole or not at all.
Status writeWhole(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{ErrorCode::NotWritable, u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return {};
}

int subjectAccess(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "subject-access --school SCHOOL --pupil ID|UPN [--json FILE] [--pdf FILE]";
    const auto schoolName = takeOption(args, u"--school"_s);
    const auto pupil = takeOption(args, u"--pupil"_s);
    const auto jsonFile = takeOption(args, u"--json"_s);
    const auto pdfFile = takeOption(args, u"--pdf"_s);
    int code = kExitOk;
    const auto school = commandSchool(admin, args, 0,
                                      given({&schoolName, &pupil}) && (jsonFile || pdfFile) && !blankIfGiven(jsonFile)
                                          && !blankIfGiven(pdfFile),
                                      schoolName, usage, code);
    if (!school)
        return code;
    auto pupilId = PupilEraser(admin.database()).findPupil(school->id, *pupil);
    if (!pupilId)
        return failWith(pupilId.error());
    const Caller caller = operatorOf(school.value());
    auto report = SubjectAccess(admin.database()).collect(caller, *pupilId, nowMs());
    if (!report)
        return failWith(report.error());
    if (jsonFile)
        if (Status s = writeWhole(*jsonFile, QJsonDocument(report.value()).toJson(QJsonDocument::Indented)); !s)
            return failWith(s.error());
    if (pdfFile)
        if (Status s = writeSubjectAccessPdf(report.value(), *pdfFile); !s)
            return failWith(s.error());
    // Who asked for whose data, and when: the report itself stays out of the store.
    if (Status s
        = SchoolAdmin::audit(admin.database(), school->id, caller.userId, u"subject_access"_s, u"pupil"_s, *pupilId);
        !s)
        return failWith(s.error());
    printOut(u"subject_access\t%1\tmarks=%2\taudit_events=%3\n"_s.arg(*pupilId)
                 .arg(report->value(u"marks"_s).toArray().size())
                 .arg(report->value(u"audit_events"_s).toArray().size()));
    return kExitOk;
}

int retentionRule(SchoolAdmin &admin, QStringList args)
{
    const char usage[]
        = "retention-rule --school SCHOOL [--phase primary|secondary | --rule RULE [--years N] | --clear]";
    const auto schoolName = takeOption(args, u"--school"_s);
    const auto phase = takeOption(args, u"--phase"_s);
    const auto ruleName = takeOption(args, u"--rule"_s);
    const auto years = takeOption(args, u"--years"_s);
    const bool clear = takeFlag(args, u"--clear"_s);
    int code = kExitOk;
    const auto school
        = commandSchool(admin, args, 0,
                        given({&schoolName}) && int(phase.has_value()) + int(ruleName.has_value()) + int(clear) <= 1
                            && (!years || ruleName),
                        schoolName, usage, code);
    if (!school)
        return code;
    PupilRetention retention(admin.database());
    std::optional<RetentionSetting> setting;
    if (phase) {
        setting = RetentionSetting::forPhase(*phase);
        if (!setting)
            return fail(kExitInvalid, u"--phase is primary or secondary"_s);
    } else if (ruleName) {
        const auto rule = retentionRuleFromString(*ruleName);
        if (!rule)
            return fail(kExitInvalid, u"--rule is transfer, dob_plus_years or years_after_leaving"_s);
        bool ok = true;
        const int count = years ? years->toInt(&ok) : (*rule == RetentionRule::DobPlusYears ? 25 : 0);
        if (!ok)
            return fail(kExitInvalid, u"--years needs a whole number"_s);
        setting = RetentionSetting{*rule, count, QString(), 0};
    }
    if (setting) {
        if (Status s = retention.setRule(school->id, *setting, u"admin-cli"_s, nowMs()); !s)
            return failWith(s.error());
    } else if (clear) {
        if (Status s = retention.clearRule(school->id, u"admin-cli"_s, nowMs()); !s)
            return failWith(s.error());
    }
    auto current = retention.rule(school->id);
    if (!current)
        return failWith(current.error());
    if (!current->has_value())
        printOut(u"none\n"_s);
    else
        printOut(u"%1\t%2\n"_s.arg(toString((*current)->rule)).arg((*current)->years));
    return kExitOk;
}

int retentionRun(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "retention [--school SCHOOL] --dry-run|--apply [--today YYYY-MM-DD] [--json]";
    const auto schoolName = takeOption(args, u"--school"_s);
    const auto todayText = takeOption(args, u"--today"_s);
    const bool dryRun = takeFlag(args, u"--dry-run"_s);
    const bool applyRule = takeFlag(args, u"--apply"_s);
    const bool json = takeFlag(args, u"--json"_s);
    if (dryRun == applyRule || blankIfGiven(schoolName))
        return usageError(usage);
    if (int code = needArguments(args, 0, usage))
        return code;
    QDate today = QDate::currentDate();
    if (todayText) {
        // Planning ahead ("what goes at the end of term?") is for dry runs only.
        today = QDate::fromString(*todayText, Qt::ISODate);
        if (!today.isValid() || applyRule)
            return fail(kExitInvalid, u"--today needs a date (YYYY-MM-DD), and goes with --dry-run only"_s);
    }
    QStringList schools;
    if (schoolName) {
        auto school = admin.findSchool(*schoolName);
        if (!school)
            return failWith(school.error());
        schools << school->id;
    }
    PupilRetention retention(admin.database());
    if (!schoolName) {
        auto all = retention.schoolsWithRules();
        if (!all)
            return failWith(all.error());
        schools = all.value();
    }
    QJsonArray reports;
    for (const QString &schoolId : schools) {
        auto report = retention.apply(schoolId, today, dryRun, nowMs());
        if (!report)
            return failWith(report.error());
        reports.append(report->toJson());
        if (json)
            continue;
        for (const RetentionCandidate &candidate : report->due)
            printOut(u"%1\t%2\t%3\tleft=%4\tdue=%5\n"_s.arg(dryRun ? u"would_erase"_s : u"erased"_s, candidate.pupilId,
                                                            candidate.upn, candidate.leftDate.toString(Qt::ISODate),
                                                            candidate.dueDate.toString(Qt::ISODate)));
        printOut(u"school\t%1\trule=%2\tyears=%3\tpupils=%4\n"_s.arg(
            schoolId, report->setting ? toString(report->setting->rule) : u"none"_s,
            report->setting ? QString::number(report->setting->years) : u"-"_s, QString::number(report->due.size())));
    }
    if (json)
        printJson(QJsonObject{{u"today"_s, today.toString(Qt::ISODate)}, {u"schools"_s, reports}});
    return kExitOk;
}

void printExport(const QString &path, const SchoolExportSummary &summary)
{
    printOut(u"exported\t%1\t%2\t%3\n"_s.arg(path, summary.sha256).arg(summary.bytes));
    for (auto it = summary.rows.cbegin(); it != summary.rows.cend(); ++it)
        printOut(u"table\t%1\t%2\n"_s.arg(it.key()).arg(it.value()));
}

int exportSchool(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "export-school --school SCHOOL --out FILE.zip";
    const auto schoolName = takeOption(args, u"--school"_s);
    const auto out = takeOption(args, u"--out"_s);
    int code = kExitOk;
    const auto school = commandSchool(admin, args, 0, given({&schoolName, &out}), schoolName, usage, code);
    if (!school)
        return code;
    auto summary = SchoolExport(admin.database()).writeZip(school->id, *out, nowMs());
    if (!summary)
        return failWith(summary.error());
    if (Status s = SchoolAdmin::audit(admin.database(), school->id, u"admin-cli"_s, u"export_school"_s, u"school"_s,
                                      school->id, u"sha256="_s + summary->sha256);
        !s)
        return failWith(s.error());
    printExport(*out, summary.value());
    return kExitOk;
}

int endContract(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "end-contract --school SCHOOL --export FILE.zip --certificate FILE.json --requested-by "
                         "\"NAME, ROLE\" [--yes]";
    const auto schoolName = takeOption(args, u"--school"_s);
    const auto out = takeOption(args, u"--export"_s);
    const auto certificateFile = takeOption(args, u"--certificate"_s);
    const auto requestedBy = takeOption(args, u"--requested-by"_s);
    const bool confirmed = takeFlag(args, u"--yes"_s);
    int code = kExitOk;
    const auto school = commandSchool(admin, args, 0, given({&schoolName, &out, &certificateFile, &requestedBy}),
                                      schoolName, usage, code);
    if (!school)
        return code;
    // Nothing more comes in while the data goes out: pushes and imports are refused from here.
    if (confirmed)
        if (Status s = admin.setSchoolStatus(school->id, SchoolStatus::Suspended); !s)
            return failWith(s.error());
    auto summary = SchoolExport(admin.database()).writeZip(school->id, *out, nowMs());
    if (!summary)
        return failWith(summary.error());
    printExport(*out, summary.value());
    if (!confirmed)
        return fail(kExitUnconfirmed,
                    u"the school's data was exported and nothing was deleted: give the export to "
                    u"the school, then run again with --yes to delete it from the server"_s);
    DeletionRequest request{school->id, *requestedBy,
                            u"otrack-server admin (%1)"_s.arg(qEnvironmentVariable("USER", u"unknown"_s)),
                            summary->sha256, QFileInfo(*out).fileName()};
    auto certificate = SchoolDeletion(admin.database()).deleteSchool(request, nowMs());
    if (!certificate)
        return failWith(certificate.error());
    if (Status s = writeWhole(*certificateFile, QJsonDocument(certificate.value()).toJson(QJsonDocument::Indented)); !s)
        return fail(exitCodeFor(s.error()), s.error().message + u" (the certificate is kept on the server too)"_s);
    printOut(
        u"deleted\t%1\tcertificate=%2\trows=%3\n"_s.arg(school->id, certificate->value(u"certificate_id"_s).toString())
            .arg(certificate->value(u"rows_deleted_total"_s).toInteger()));
    return kExitOk;
}

// Writes the file whole (or not at all) through `write(QIODevice *)`, which answers how many
// pupils it wrote, and says so: "exported FILE pupils=N".
template <typename Write>
int exportPupils(const QString &path, Write write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(kExitFailure, u"cannot write %1: %2"_s.arg(path, file.errorString()));
    const Result<int> written = write(&file);
    if (!written)
        return failWith(written.error());
    if (!file.commit())
        return fail(kExitFailure, u"cannot write %1: %2"_s.arg(path, file.errorString()));
    printOut(u"exported\t%1\tpupils=%2\n"_s.arg(path).arg(written.value()));
    return kExitOk;
}

int exportMarks(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "export-marks --school SCHOOL --group GROUP --term TERM [--year YYYY/YY] --out FILE.csv";
    const auto schoolName = takeOption(args, u"--school"_s);
    const auto groupName = takeOption(args, u"--group"_s);
    const auto termName = takeOption(args, u"--term"_s);
    const auto year = takeOption(args, u"--year"_s);
    const auto out = takeOption(args, u"--out"_s);
    int code = kExitOk;
    const auto school
        = commandSchool(admin, args, 0, given({&schoolName, &groupName, &termName, &out}), schoolName, usage, code);
    if (!school)
        return code;
    auto group = admin.findGroup(school->id, *groupName);
    if (!group)
        return failWith(group.error());
    MarksExport marks(admin.database());
    auto term = marks.findTerm(school->id, *termName, year.value_or(QString()));
    if (!term)
        return failWith(term.error());
    return exportPupils(*out,
                        [&](QIODevice *file) { return marks.writeCsv(school->id, group->id, term.value(), file); });
}

int exportCtf(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "export-ctf --school SCHOOL --lea NNN --estab NNNN --out FILE.xml [--stage STAGE]";
    const auto schoolName = takeOption(args, u"--school"_s);
    const auto lea = takeOption(args, u"--lea"_s);
    const auto estab = takeOption(args, u"--estab"_s);
    const auto out = takeOption(args, u"--out"_s);
    const auto stage = takeOption(args, u"--stage"_s);
    int code = kExitOk;
    const auto school = commandSchool(admin, args, 0, given({&schoolName, &lea, &estab, &out}) && !blankIfGiven(stage),
                                      schoolName, usage, code);
    if (!school)
        return code;
    // The academic year that is running: from September.
    const QDate today = QDate::currentDate();
    const int academicYear = today.month() >= 9 ? today.year() : today.year() - 1;
    const CtfHeader header{*lea, *estab, school->name, QString::number(academicYear), QDateTime::currentDateTime()};
    return exportPupils(*out, [&](QIODevice *file) {
        return CtfResultsExport(admin.database()).write(school->id, header, stage.value_or(QString()).toUpper(), file);
    });
}

}  // namespace

bool dataAdminNeedsGui(int argc, char **argv)
{
    bool subjectAccessCommand = false, pdf = false;
    for (int i = 1; i < argc; ++i) {
        subjectAccessCommand = subjectAccessCommand || qstrcmp(argv[i], "subject-access") == 0;
        pdf = pdf || qstrcmp(argv[i], "--pdf") == 0;
    }
    return subjectAccessCommand && pdf;
}

std::optional<int> runDataAdminCommand(QSqlDatabase db, const QString &command, const QStringList &args)
{
    const std::pair<const char16_t *, int (*)(SchoolAdmin &, QStringList)> commands[] = {
        {u"import-ctf", importCtf},         {u"import-csv", importCsv},         {u"suggest-mapping", suggestMapping},
        {u"subject-access", subjectAccess}, {u"retention-rule", retentionRule}, {u"retention", retentionRun},
        {u"export-school", exportSchool},   {u"end-contract", endContract},     {u"export-marks", exportMarks},
        {u"export-ctf", exportCtf},
    };
    for (const auto &[name, run] : commands) {
        if (command == QStringView(name)) {
            SchoolAdmin admin(db);
            return run(admin, args);
        }
    }
    return std::nullopt;
}

}  // namespace otrack
