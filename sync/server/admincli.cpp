#include "admincli.h"

#include "admincommon.h"
#include "dataadmincli.h"
#include "databaseurl.h"
#include "demoschool.h"
#include "legaldocument.h"
#include "legalstore.h"
#include "passwordprompt.h"
#include "pupileraser.h"
#include "retentioncompactor.h"
#include "schooladmin.h"
#include "servercli.h"
#include "serverdatabase.h"
#include "serverschema.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace otrack {

using namespace admin;

namespace {

const char kAdminHelp[]
    = "Usage: otrack-server admin --db URL COMMAND [ARGUMENTS]\n"
      "\n"
      "Commands (SCHOOL is a school's id or exact name; USERNAME and GROUP as in the school):\n"
      "  init                                   Create the schema, or upgrade it to this version.\n"
      "  create-school NAME [--urn URN]         Create a school (awaiting terms); prints its id.\n"
      "  set-status SCHOOL STATUS               awaiting_terms, active or suspended.\n"
      "  add-staff SCHOOL USERNAME \"DISPLAY NAME\" ROLE\n"
      "                                         ROLE: owner, admin, teacher, read_only, reports_only.\n"
      "                                         The password is read from standard input (one line,\n"
      "                                         at least 8 characters), never from the command line.\n"
      "                                         Prints the staff member's id.\n"
      "  assign SCHOOL USERNAME GROUP           Let a teacher see and mark a group's pupils.\n"
      "  unassign SCHOOL USERNAME GROUP         Take it away again (their client re-syncs).\n"
      "  revoke-device SCHOOL USERNAME DEVICE   Refuse that device; its client wipes its data.\n"
      "  list-staff SCHOOL                      One line each: id, username, role, display name (tabs).\n"
      "  erase-pupil --school SCHOOL --pupil ID|UPN [--yes]\n"
      "                                         Erase a pupil everywhere (docs/server.md, Erasure).\n"
      "                                         Without --yes, prints what would go and exits 9.\n"
      "  compact --older-than DAYS [--school SCHOOL]\n"
      "                                         Drop purge records and push results older than DAYS\n"
      "                                         (every school, or one); clients with older cursors\n"
      "                                         pull again from scratch. One line per school: id,\n"
      "                                         purges, push results, retention seq (tabs).\n"
      "  publish-document FILE\n"
      "                                         Publish a legal document version for every school. FILE\n"
      "                                         (UTF-8) is the exact text; its header gives the kind,\n"
      "                                         version, title, date, audience and summary, and its\n"
      "                                         SHA-256 is the version's identity. Prints\n"
      "                                         published|unchanged, kind, version, sha256 (tabs).\n"
      "  list-acceptances --school SCHOOL [--csv]\n"
      "                                         The school's acceptance ledger, one line each (tabs), or\n"
      "                                         as CSV with a header row.\n"
      "  import-ctf --school SCHOOL FILE [--full-roll] [--valid-only] [--dry-run] [--json]\n"
      "                                         Import pupils and statutory results from a Common\n"
      "                                         Transfer File (CTF 18 to 25; docs/data.md). A file with\n"
      "                                         any bad record imports nothing (exit 8) unless\n"
      "                                         --valid-only; --full-roll marks pupils missing from the\n"
      "                                         file as left; --dry-run reports and writes nothing.\n"
      "  import-csv --school SCHOOL FILE --mapping FILE|NAME [--save-mapping NAME] [--preview N]\n"
      "             [--full-roll] [--valid-only] [--dry-run] [--json]\n"
      "                                         The same from a CSV export, read through a column\n"
      "                                         mapping (a JSON file, or one the school saved).\n"
      "                                         --preview N shows N mapped rows and the problems.\n"
      "  suggest-mapping FILE                   A first column mapping for a CSV export (JSON).\n"
      "  export-ctf --school SCHOOL --lea NNN --estab NNNN --out FILE.xml [--stage STAGE]\n"
      "                                         The school's statutory results as a CTF for its MIS.\n"
      "  subject-access --school SCHOOL --pupil ID|UPN [--json FILE] [--pdf FILE]\n"
      "                                         Everything held about one pupil (docs/data.md).\n"
      "  retention-rule --school SCHOOL [--phase primary|secondary | --rule RULE [--years N] | --clear]\n"
      "                                         Set or show the school's retention rule.\n"
      "  retention [--school SCHOOL] --dry-run|--apply [--today YYYY-MM-DD] [--json]\n"
      "                                         Erase the leavers the rule makes due (or list them).\n"
      "  export-marks --school SCHOOL --group GROUP --term TERM [--year YYYY/YY] --out FILE.csv\n"
      "                                         A group's marks in a term as CSV.\n"
      "  export-school --school SCHOOL --out FILE.zip\n"
      "                                         Everything of the school: CSV per table and JSON, zipped.\n"
      "  end-contract --school SCHOOL --export FILE.zip --certificate FILE.json\n"
      "               --requested-by \"NAME, ROLE\" [--yes]\n"
      "                                         Export, then (--yes) delete the school's data with a\n"
      "                                         certificate of deletion. Without --yes: export, exit 9.\n"
      "  demo [--seed N] [--marks N] [--name NAME] [--fast-passwords]\n"
      "                                         Create a demo primary school (synthetic data) and print\n"
      "                                         its staff's passwords ONCE. --marks N makes exactly N\n"
      "                                         marks (e.g. 1000000 for benchmarks).\n"
      "\n"
      "Every command but init also creates or upgrades the schema first.\n"
      "\n"
      "Exit codes:\n"
      "  0  done\n"
      "  2  bad command line: unknown command or option, missing argument, bad --db\n"
      "  4  the database cannot be opened, does not answer, or is from a newer otrack-server\n"
      "  6  no such school, staff member, group or device, or an unreadable FILE\n"
      "  7  already exists (a school's name, a username in the school, a document version\n"
      "     published with another text)\n"
      "  8  invalid value (a role, a status, a short password, a number, a document's kind or date),\n"
      "     or a file to import that is malformed or has bad records\n"
      "  9  erase-pupil or end-contract without --yes: nothing was erased\n"
      "  10 refused: the school has not accepted the Data Processing Terms, or is suspended\n"
      "  1  anything else\n";

// One line from standard input, without echo when it is a terminal.

struct Context {
    DatabaseUrl url;
    std::unique_ptr<ServerDatabase> database;
    QSqlDatabase db() const { return database->connection(); }
};

struct SchoolStaff {
    School school;
    Staff staff;
};

// The school (id or name), then the staff member (username or id) in it.
Result<SchoolStaff> findSchoolStaff(SchoolAdmin &admin, const QString &school, const QString &username)
{
    auto found = admin.findSchool(school);
    if (!found)
        return found.error();
    auto staff = admin.findStaff(found->id, username);
    if (!staff)
        return staff.error();
    return SchoolStaff{found.value(), staff.value()};
}

int erasePupil(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "erase-pupil --school SCHOOL --pupil ID|UPN [--yes]";
    const auto schoolName = takeOption(args, u"--school"_s);
    const auto pupil = takeOption(args, u"--pupil"_s);
    const bool confirmed = args.removeAll(u"--yes"_s) > 0;
    if (!schoolName || !pupil || schoolName->isEmpty() || pupil->isEmpty())
        return usageError(usage);
    if (int code = needArguments(args, 0, usage))
        return code;
    auto school = admin.findSchool(*schoolName);
    if (!school)
        return failWith(school.error());
    PupilEraser eraser(admin.database());
    auto pupilId = eraser.findPupil(school->id, *pupil);
    if (!pupilId)
        return failWith(pupilId.error());
    const Caller operatorCaller{school->id, u"admin-cli"_s, QString(), Role::Admin, 1};
    auto summary = confirmed ? eraser.erase(operatorCaller, *pupilId, QDateTime::currentMSecsSinceEpoch())
                             : eraser.preview(operatorCaller, *pupilId);
    if (!summary)
        return failWith(summary.error());
    if (summary->alreadyErased) {
        printOut(u"already_erased\t%1\n"_s.arg(summary->pupilId));
        return kExitOk;
    }
    printOut(u"%1\t%2\nmarks\t%3\nmark_events\t%4\ngroups\t%5\n"_s
                 .arg(confirmed ? u"erased"_s : u"would_erase"_s, summary->pupilId)
                 .arg(summary->marks)
                 .arg(summary->markEvents)
                 .arg(summary->groups));
    if (!confirmed)
        return fail(kExitUnconfirmed, u"nothing was erased: run again with --yes to erase this pupil everywhere"_s);
    return kExitOk;
}

int compact(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "compact --older-than DAYS [--school SCHOOL]";
    const auto days = takeOption(args, u"--older-than"_s);
    const auto schoolName = takeOption(args, u"--school"_s);
    if (!days || days->isEmpty() || (schoolName && schoolName->isEmpty()))
        return usageError(usage);
    if (int code = needArguments(args, 0, usage))
        return code;
    bool ok = false;
    const qint64 count = days->toLongLong(&ok);
    if (!ok || count < 0 || count > 100'000)
        return fail(kExitInvalid, u"--older-than needs a number of days (0 to 100000)"_s);
    QString schoolId;
    if (schoolName) {
        auto school = admin.findSchool(*schoolName);
        if (!school)
            return failWith(school.error());
        schoolId = school->id;
    }
    const qint64 horizon = QDateTime::currentMSecsSinceEpoch() - count * 24 * 60 * 60 * 1000;
    auto compacted = RetentionCompactor(admin.database()).compact(schoolId, horizon);
    if (!compacted)
        return failWith(compacted.error());
    for (const CompactionSummary &summary : compacted.value())
        printOut(u"%1\t%2\t%3\t%4\n"_s.arg(summary.schoolId)
                     .arg(summary.purges)
                     .arg(summary.pushResults)
                     .arg(summary.retentionSeq));
    return kExitOk;
}

// The document's text is the file's exact bytes: its SHA-256 is the version's identity. Its
// kind, version, title, date, audience and summary come from its own header (docs/legal.md),
// the same one the client reads, so what is published cannot disagree with what is shown.
int publishDocument(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "publish-document FILE";
    if (int code = needArguments(args, 1, usage))
        return code;
    QFile file(args.at(0));
    if (!file.open(QIODevice::ReadOnly))
        return fail(kExitNotFound, u"cannot read %1: %2"_s.arg(args.at(0), file.errorString()));
    const QByteArray bytes = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    PublishedDocument document;
    document.body = decoder(bytes);
    // A byte order mark or a bad sequence would make the stored text differ from the file.
    if (decoder.hasError() || document.body.toUtf8() != bytes)
        return fail(kExitInvalid, u"%1 is not UTF-8 text without a byte order mark"_s.arg(args.at(0)));
    auto parsed = LegalDocument::parse(bytes);
    if (!parsed)
        return fail(kExitInvalid, u"%1: %2"_s.arg(args.at(0), parsed.error().message));
    document.kind = parsed->kind();
    document.version = parsed->version();
    document.title = parsed->title();
    document.effectiveDate = parsed->effectiveDate();
    document.audience = parsed->audience().join(u", "_s);
    document.summary = parsed->summary();

    auto published
        = LegalStore(admin.database()).publish(document, u"admin-cli"_s, QDateTime::currentMSecsSinceEpoch());
    if (!published)
        return failWith(published.error());
    printOut(u"%1\t%2\t%3\t%4\n"_s.arg(published->created ? u"published"_s : u"unchanged"_s, toString(document.kind),
                                       published->document.version, published->document.sha256));
    return kExitOk;
}

int listAcceptances(SchoolAdmin &admin, QStringList args)
{
    const char usage[] = "list-acceptances --school SCHOOL [--csv]";
    const auto schoolName = takeOption(args, u"--school"_s);
    const bool csv = args.removeAll(u"--csv"_s) > 0;
    if (!schoolName || schoolName->isEmpty())
        return usageError(usage);
    if (int code = needArguments(args, 0, usage))
        return code;
    auto school = admin.findSchool(*schoolName);
    if (!school)
        return failWith(school.error());
    auto entries = LegalStore(admin.database()).ledger(school->id);
    if (!entries)
        return failWith(entries.error());
    if (csv) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return fail(kExitFailure, u"cannot write to standard output"_s);
        const Status written = LegalStore::writeLedgerCsv(entries.value(), &out);
        out.flush();
        return written ? kExitOk : failWith(written.error());
    }
    for (const LedgerEntry &entry : entries.value())
        printOut(entry.cells().join(u'\t') + u'\n');
    return kExitOk;
}

int demo(Context &context, QStringList args)
{
    DemoOptions options;
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (option == u"--fast-passwords"_s) {
            options.passwordParams = ScryptParams::fastForTests();
            continue;
        }
        if (args.isEmpty())
            return fail(kExitUsage, u"%1 needs a value"_s.arg(option));
        const QString value = args.takeFirst();
        bool ok = false;
        if (option == u"--seed"_s) {
            options.seed = value.toULongLong(&ok);
        } else if (option == u"--marks"_s) {
            options.marks = value.toLongLong(&ok);
            ok = ok && options.marks >= 0 && options.marks <= 100'000'000;
        } else if (option == u"--name"_s) {
            options.name = value;
            ok = !value.trimmed().isEmpty();
        } else {
            return fail(kExitUsage, u"unknown option '%1' for demo"_s.arg(option));
        }
        if (!ok)
            return fail(kExitInvalid, u"bad value for %1"_s.arg(option));
    }
    QElapsedTimer timer;
    timer.start();
    auto made = DemoSchool::create(context.db(), options);
    if (!made)
        return failWith(made.error());
    printOut(u"school\t%1\t%2\n"_s.arg(made->school.id, made->school.name));
    printOut(u"# %1 pupils, %2 classes, %3 objectives, %4 terms, %5 marks in %6 s\n"_s.arg(made->pupils)
                 .arg(made->groups)
                 .arg(made->objectives)
                 .arg(made->terms)
                 .arg(made->marks)
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    printOut(u"# Staff passwords, shown only this once: keep them safe.\n# role\tusername\tpassword\tclass\n"_s);
    for (const DemoAccount &account : made->accounts)
        printOut(u"%1\t%2\t%3\t%4\n"_s.arg(toString(account.staff.role), account.staff.username, account.password,
                                           account.groupName));
    return kExitOk;
}

int runCommand(Context &context, const QString &command, const QStringList &args)
{
    SchoolAdmin admin(context.db());
    auto school = [&](const QString &idOrName) {
        return admin.findSchool(idOrName);
    };

    if (command == u"init"_s) {
        if (int code = needArguments(args, 0, "init"))
            return code;
        printOut(u"schema version %1\n"_s.arg(ServerSchema::latestVersion()));
        return kExitOk;
    }
    if (command == u"create-school"_s) {
        QString urn;
        QStringList rest = args;
        if (const auto at = rest.indexOf(u"--urn"_s); at >= 0) {
            if (at + 1 >= rest.size())
                return fail(kExitUsage, u"--urn needs a value"_s);
            urn = rest.at(at + 1);
            rest.remove(at, 2);
        }
        if (int code = needArguments(rest, 1, "create-school NAME [--urn URN]"))
            return code;
        auto created = admin.createSchool(rest.at(0), urn);
        if (!created)
            return failWith(created.error());
        printOut(created->id + u'\n');
        return kExitOk;
    }
    if (command == u"set-status"_s) {
        if (int code = needArguments(args, 2, "set-status SCHOOL STATUS"))
            return code;
        const auto status = schoolStatusFromString(args.at(1));
        if (!status)
            return fail(kExitInvalid, u"unknown status '%1' (awaiting_terms, active, suspended)"_s.arg(args.at(1)));
        auto found = school(args.at(0));
        if (!found)
            return failWith(found.error());
        if (Status s = admin.setSchoolStatus(found->id, *status); !s)
            return failWith(s.error());
        return kExitOk;
    }
    if (command == u"add-staff"_s) {
        if (int code = needArguments(args, 4, "add-staff SCHOOL USERNAME \"DISPLAY NAME\" ROLE"))
            return code;
        const auto role = roleFromString(args.at(3));
        if (!role)
            return fail(kExitInvalid,
                        u"unknown role '%1' (owner, admin, teacher, read_only, reports_only)"_s.arg(args.at(3)));
        auto found = school(args.at(0));
        if (!found)
            return failWith(found.error());
        const QString password = readPasswordLine();
        if (password.size() < 8)
            return fail(kExitInvalid, u"the password (from standard input) must be at least 8 characters"_s);
        auto staff = admin.addStaff(found->id, args.at(1), args.at(2), *role, password);
        if (!staff)
            return failWith(staff.error());
        printOut(staff->id + u'\n');
        return kExitOk;
    }
    if (command == u"assign"_s || command == u"unassign"_s) {
        if (int code = needArguments(
                args, 3, command == u"assign"_s ? "assign SCHOOL USERNAME GROUP" : "unassign SCHOOL USERNAME GROUP"))
            return code;
        auto found = findSchoolStaff(admin, args.at(0), args.at(1));
        if (!found)
            return failWith(found.error());
        auto group = admin.findGroup(found->school.id, args.at(2));
        if (!group)
            return failWith(group.error());
        const Status s = command == u"assign"_s
            ? admin.assignStaffToGroup(found->school.id, found->staff.id, group->id)
            : admin.removeStaffFromGroup(found->school.id, found->staff.id, group->id);
        return s ? kExitOk : failWith(s.error());
    }
    if (command == u"revoke-device"_s) {
        if (int code = needArguments(args, 3, "revoke-device SCHOOL USERNAME DEVICE"))
            return code;
        auto found = findSchoolStaff(admin, args.at(0), args.at(1));
        if (!found)
            return failWith(found.error());
        const Status s = admin.revokeDevice(found->school.id, found->staff.id, args.at(2));
        return s ? kExitOk : failWith(s.error());
    }
    if (command == u"list-staff"_s) {
        if (int code = needArguments(args, 1, "list-staff SCHOOL"))
            return code;
        auto found = school(args.at(0));
        if (!found)
            return failWith(found.error());
        auto staff = admin.listStaff(found->id);
        if (!staff)
            return failWith(staff.error());
        for (const Staff &member : staff.value())
            printOut(u"%1\t%2\t%3\t%4\n"_s.arg(member.id, member.username, toString(member.role), member.displayName));
        return kExitOk;
    }
    if (command == u"demo"_s)
        return demo(context, args);
    if (command == u"erase-pupil"_s)
        return erasePupil(admin, args);
    if (command == u"publish-document"_s)
        return publishDocument(admin, args);
    if (command == u"list-acceptances"_s)
        return listAcceptances(admin, args);
    if (command == u"compact"_s)
        return compact(admin, args);
    if (auto code = runDataAdminCommand(context.db(), command, args))
        return *code;
    return fail(kExitUsage, u"unknown admin command '%1' (see otrack-server admin --help)"_s.arg(command));
}

}  // namespace

const char *adminHelp()
{
    return kAdminHelp;
}

int runAdminCli(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.isEmpty() || args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        printOut(QString::fromLatin1(kAdminHelp));
        return args.isEmpty() ? kExitUsage : kExitOk;
    }
    QString dbText;
    if (const auto at = args.indexOf(u"--db"_s); at >= 0) {
        if (at + 1 >= args.size())
            return fail(kExitUsage, u"--db needs a URL"_s);
        dbText = args.at(at + 1);
        args.remove(at, 2);
    }
    if (dbText.isEmpty())
        return fail(kExitUsage, u"--db URL is required (see otrack-server admin --help)"_s);
    auto url = DatabaseUrl::parse(dbText);
    if (!url)
        return fail(kExitUsage, url.error().message);
    if (args.isEmpty())
        return fail(kExitUsage, u"no admin command given (see otrack-server admin --help)"_s);
    const QString command = args.takeFirst();

    auto database = ServerDatabase::open(url.value(), u"otrack-admin"_s);
    if (!database)
        return fail(kExitDatabase, database.error().message);
    Context context{url.value(), std::move(database.value())};
    if (Status migrated = ServerSchema::migrate(context.db(), url->kind()); !migrated)
        return fail(kExitDatabase, u"cannot prepare the database schema: "_s + migrated.error().message);
    return runCommand(context, command, args);
}

}  // namespace otrack
