#include "admincli.h"

#include "databaseurl.h"
#include "demoschool.h"
#include "schooladmin.h"
#include "servercli.h"
#include "serverdatabase.h"
#include "serverschema.h"

#include <QElapsedTimer>

#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace otrack {

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
      "  6  no such school, staff member, group or device\n"
      "  7  already exists (a school's name, a username in the school)\n"
      "  8  invalid value (a role, a status, a short password, a number)\n"
      "  1  anything else\n";

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

int fail(int code, const QString &message)
{
    std::fputs(("otrack-server admin: " + message.toUtf8() + '\n').constData(), stderr);
    std::fflush(stderr);
    return code;
}

int exitCodeFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::NotFound:
        return kExitNotFound;
    case ErrorCode::AlreadyExists:
        return kExitExists;
    case ErrorCode::InvalidArgument:
        return kExitInvalid;
    case ErrorCode::NewerVersion:
    case ErrorCode::StorageFailure:
    case ErrorCode::Busy:
        return kExitDatabase;
    default:
        return kExitFailure;
    }
}

int failWith(const Error &error)
{
    return fail(exitCodeFor(error), error.message);
}

// One line from standard input, without echo when it is a terminal.
QString readPassword()
{
    const bool terminal = isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal) {
        std::fputs("Password: ", stderr);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    QString password = QString::fromStdString(line);
    std::fill(line.begin(), line.end(), '\0');
    return password;
}

struct Context {
    DatabaseUrl url;
    std::unique_ptr<ServerDatabase> database;
    QSqlDatabase db() const { return database->connection(); }
};

int needArguments(const QStringList &args, int count, const char *usage)
{
    if (args.size() != count)
        return fail(kExitUsage, u"usage: otrack-server admin --db URL %1"_s.arg(QLatin1String(usage)));
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
        const QString password = readPassword();
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
        auto found = school(args.at(0));
        if (!found)
            return failWith(found.error());
        auto staff = admin.findStaff(found->id, args.at(1));
        if (!staff)
            return failWith(staff.error());
        auto group = admin.findGroup(found->id, args.at(2));
        if (!group)
            return failWith(group.error());
        const Status s = command == u"assign"_s ? admin.assignStaffToGroup(found->id, staff->id, group->id)
                                                : admin.removeStaffFromGroup(found->id, staff->id, group->id);
        return s ? kExitOk : failWith(s.error());
    }
    if (command == u"revoke-device"_s) {
        if (int code = needArguments(args, 3, "revoke-device SCHOOL USERNAME DEVICE"))
            return code;
        auto found = school(args.at(0));
        if (!found)
            return failWith(found.error());
        auto staff = admin.findStaff(found->id, args.at(1));
        if (!staff)
            return failWith(staff.error());
        const Status s = admin.revokeDevice(found->id, staff->id, args.at(2));
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
