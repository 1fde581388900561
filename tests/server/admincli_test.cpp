// `otrack-server admin` as IT staff and scripts run it: a real process on a real SQLite file.
#include "passwordhash.h"
#include "schooladmin.h"
#include "servercli.h"
#include "serverdatabase.h"
#include "serverprocess.h"

#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QProcess>
#include <QSqlQuery>
#include <QVariant>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::ServerProcess;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run admin(const QString &db, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(ServerProcess::binary(), QStringList{u"admin"_s, u"--db"_s, u"sqlite://"_s + db} + arguments);
    REQUIRE(process.waitForStarted(30000));
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

}  // namespace

TEST_CASE("admin commands create schools and staff with script-friendly output and exit codes", "[server][cli]")
{
    otrack::test::TempDir dir;
    const QString db = dir.file(u"server.db"_s);

    Run init = admin(db, {u"init"_s});
    INFO(init.err.toStdString());
    REQUIRE(init.code == kExitOk);

    Run created = admin(db, {u"create-school"_s, u"Brook Primary"_s, u"--urn"_s, u"123456"_s});
    REQUIRE(created.code == kExitOk);
    const QString schoolId = created.out.trimmed();
    CHECK(schoolId.size() == 36);
    CHECK(admin(db, {u"create-school"_s, u"Brook Primary"_s}).code == kExitExists);

    // The password comes from standard input, never the command line.
    Run staff = admin(db, {u"add-staff"_s, u"Brook Primary"_s, u"j.smith"_s, u"Jo Smith"_s, u"teacher"_s},
                      "a good password\n");
    INFO(staff.err.toStdString());
    REQUIRE(staff.code == kExitOk);
    const QString staffId = staff.out.trimmed();
    CHECK(admin(db, {u"add-staff"_s, schoolId, u"j.smith"_s, u"Jo Smith"_s, u"teacher"_s}, "a good password\n").code
          == kExitExists);
    CHECK(admin(db, {u"add-staff"_s, schoolId, u"x"_s, u"X"_s, u"headteacher"_s}, "a good password\n").code
          == kExitInvalid);
    CHECK(admin(db, {u"add-staff"_s, schoolId, u"y"_s, u"Y"_s, u"admin"_s}, "short\n").code == kExitInvalid);
    CHECK(admin(db, {u"add-staff"_s, u"No Such School"_s, u"y"_s, u"Y"_s, u"admin"_s}, "a good password\n").code
          == kExitNotFound);

    Run list = admin(db, {u"list-staff"_s, u"Brook Primary"_s});
    REQUIRE(list.code == kExitOk);
    CHECK(list.out == u"%1\tj.smith\tteacher\tJo Smith\n"_s.arg(staffId));
    CHECK_FALSE(list.out.contains(u"good password"_s));
    CHECK_FALSE(list.err.contains(u"good password"_s));

    CHECK(admin(db, {u"set-status"_s, schoolId, u"active"_s}).code == kExitOk);
    CHECK(admin(db, {u"set-status"_s, schoolId, u"open"_s}).code == kExitInvalid);

    // A group to assign (groups come from imports; made directly here).
    QString groupId;
    {
        auto url = DatabaseUrl::parse(u"sqlite://"_s + db);
        auto opened = ServerDatabase::open(url.value(), u"admincli-test"_s);
        REQUIRE(opened.ok());
        SchoolAdmin direct(opened.value()->connection());
        auto group = direct.addGroup(Group{QString(), schoolId, u"Year 2 Ash"_s, GroupKind::Class, 2});
        REQUIRE(group.ok());
        groupId = group->id;
        QSqlQuery query(opened.value()->connection());
        REQUIRE(query.exec(u"SELECT password_hash FROM staff"_s));
        REQUIRE(query.next());
        CHECK(passwordhash::verify(u"a good password"_s, query.value(0).toString()));
    }
    CHECK(admin(db, {u"assign"_s, schoolId, u"j.smith"_s, u"Year 2 Ash"_s}).code == kExitOk);
    CHECK(admin(db, {u"assign"_s, schoolId, u"j.smith"_s, u"Year 9 None"_s}).code == kExitNotFound);
    CHECK(admin(db, {u"unassign"_s, schoolId, u"j.smith"_s, groupId}).code == kExitOk);
    CHECK(admin(db, {u"unassign"_s, schoolId, u"j.smith"_s, groupId}).code == kExitNotFound);
    CHECK(admin(db, {u"revoke-device"_s, schoolId, u"j.smith"_s, u"laptop-7"_s}).code == kExitOk);
    CHECK(admin(db, {u"revoke-device"_s, schoolId, u"nobody"_s, u"laptop-7"_s}).code == kExitNotFound);

    // Usage errors.
    CHECK(admin(db, {u"frobnicate"_s}).code == kExitUsage);
    CHECK(admin(db, {u"create-school"_s}).code == kExitUsage);
    QProcess noDb;
    noDb.start(ServerProcess::binary(), {u"admin"_s, u"init"_s});
    REQUIRE(noDb.waitForFinished(30000));
    CHECK(noDb.exitCode() == kExitUsage);
}

TEST_CASE("admin demo prints every role's password once", "[server][cli][demo]")
{
    otrack::test::TempDir dir;
    const QString db = dir.file(u"server.db"_s);
    Run demo = admin(db, {u"demo"_s, u"--seed"_s, u"3"_s, u"--fast-passwords"_s});
    INFO(demo.err.toStdString());
    REQUIRE(demo.code == kExitOk);
    CHECK(demo.out.startsWith(u"school\t"_s));
    CHECK(demo.out.contains(u"420 pupils, 14 classes"_s));
    for (const char *role : {"owner\t", "admin\t", "teacher\t", "read_only\t", "reports_only\t"})
        CHECK(demo.out.contains(QLatin1String(role)));
    // Passwords go to standard output only: never to the log.
    CHECK_FALSE(demo.err.contains(u"teacher."_s));
    CHECK(admin(db, {u"demo"_s, u"--seed"_s, u"3"_s}).code == kExitExists);
    CHECK(admin(db, {u"demo"_s, u"--marks"_s, u"lots"_s}).code == kExitInvalid);
}
