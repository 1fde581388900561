// `otrack-server admin publish-document` and `list-acceptances` as IT staff and scripts run
// them: the real binary, on SQLite and PostgreSQL.
#include "legalfixture.h"
#include "legalstore.h"
#include "schooladmin.h"
#include "servercli.h"
#include "serverdatabase.h"
#include "serverprocess.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QProcess>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::ServerProcess;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run admin(const QString &url, const QStringList &arguments)
{
    QProcess process;
    process.start(ServerProcess::binary(), QStringList{u"admin"_s} + arguments + QStringList{u"--db"_s, url});
    REQUIRE(process.waitForStarted(30000));
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QStringList publishArgs(const QString &file)
{
    return {u"publish-document"_s, file};
}

QByteArray privacyPolicy(const QByteArray &version, const QByteArray &extra = QByteArray())
{
    return "---\r\nkind: privacy_policy\r\nversion: " + version
        + "\r\neffective-date: 2026-09-01\r\naudience: staff\r\ntitle: Privacy Policy\r\nsummary: First "
          "version\r\n---\r\n# Privacy Policy\r\n\r\nA template for tests \xe2\x80\x94 not legal advice.\r\n"
        + extra;
}

void checkCli(const QString &url, const otrack::test::TempDir &dir)
{
    const QByteArray text = privacyPolicy("1.0");
    const QString file = dir.file(u"privacy.md"_s);
    otrack::test::writeFile(file, text);
    const QString sha = sha256Hex(text);
    auto write = [&dir](const QString &name, const QByteArray &bytes) {
        const QString path = dir.file(name);
        otrack::test::writeFile(path, bytes);
        return path;
    };

    Run published = admin(url, publishArgs(file));
    INFO(published.err.toStdString());
    REQUIRE(published.code == kExitOk);
    CHECK(published.out == u"published\tprivacy_policy\t1.0\t%1\n"_s.arg(sha));
    Run again = admin(url, publishArgs(file));
    CHECK(again.code == kExitOk);
    CHECK(again.out == u"unchanged\tprivacy_policy\t1.0\t%1\n"_s.arg(sha));
    // The metadata came from the header.
    {
        auto opened = ServerDatabase::open(DatabaseUrl::parse(url).value(), u"legalcli-header"_s);
        REQUIRE(opened.ok());
        auto stored = LegalStore(opened.value()->connection()).document(LegalKind::PrivacyPolicy, u"1.0"_s);
        REQUIRE(stored.ok());
        CHECK(stored->title == u"Privacy Policy"_s);
        CHECK(stored->effectiveDate == QDate(2026, 9, 1));
        CHECK(stored->audience == u"staff"_s);
        CHECK(stored->summary == u"First version"_s);
    }

    Run refused = admin(url, publishArgs(write(u"changed.md"_s, privacyPolicy("1.0", "One more line.\r\n"))));
    CHECK(refused.code == kExitExists);
    CHECK(refused.err.contains(u"different text"_s));
    CHECK(admin(url, publishArgs(write(u"bom.md"_s, "\xef\xbb\xbf" + privacyPolicy("1.1")))).code == kExitInvalid);
    CHECK(admin(url, publishArgs(write(u"latin1.md"_s, "Caf\xe9\r\n"))).code == kExitInvalid);
    CHECK(
        admin(url, publishArgs(write(u"eula.md"_s, QByteArray(privacyPolicy("1.1")).replace("privacy_policy", "eula"))))
            .code
        == kExitInvalid);
    CHECK(admin(url, publishArgs(write(u"spaced.md"_s, privacyPolicy("1 1")))).code == kExitInvalid);
    CHECK(admin(url, publishArgs(write(u"older.md"_s, privacyPolicy("0.9")))).code == kExitInvalid);
    CHECK(admin(url, publishArgs(write(u"noheader.md"_s, "# Privacy Policy\r\n"))).code == kExitInvalid);
    CHECK(admin(url, publishArgs(dir.file(u"missing.md"_s))).code == kExitNotFound);
    CHECK(admin(url, publishArgs(file) + QStringList{u"extra"_s}).code == kExitUsage);
    CHECK(admin(url, {u"publish-document"_s}).code == kExitUsage);

    // A school whose staff accepted it, recorded through the store as the endpoint does.
    QString schoolId;
    {
        auto opened = ServerDatabase::open(DatabaseUrl::parse(url).value(), u"legalcli-test"_s);
        REQUIRE(opened.ok());
        QSqlDatabase db = opened.value()->connection();
        SchoolAdmin schools(db);
        auto school = schools.createSchool(u"Brook Primary"_s);
        REQUIRE(school.ok());
        schoolId = school->id;
        auto staff = schools.addStaff(schoolId, u"j.smith"_s, u"-Jo, \"Smithy\""_s, Role::Teacher, u"correct horse 1"_s,
                                      ScryptParams::fastForTests());
        REQUIRE(staff.ok());
        auto document = LegalStore(db).document(LegalKind::PrivacyPolicy, u"1.0"_s);
        REQUIRE(document.ok());
        AcceptanceRecord record = otrack::test::acceptanceOf(document.value(), u"laptop-1"_s);
        record.acceptedAt = 1788220800000;  // 2026-09-01T00:00:00Z
        auto recorded = LegalStore(db).recordAcceptances(Caller{schoolId, staff->id, u"laptop-1"_s, Role::Teacher, 1},
                                                         {record}, 1788224400000);
        REQUIRE(recorded.ok());
    }

    Run csv = admin(url, {u"list-acceptances"_s, u"--school"_s, u"Brook Primary"_s, u"--csv"_s});
    INFO(csv.err.toStdString());
    REQUIRE(csv.code == kExitOk);
    CHECK(csv.out.startsWith(u"accepted_at,received_at,user_id,username,display_name,role,kind,"_s));
    CHECK(csv.out.contains(u"\r\n2026-09-01T00:00:00.000Z,2026-09-01T01:00:00.000Z,"_s));
    CHECK(csv.out.contains(
        u",j.smith,\"'-Jo, \"\"Smithy\"\"\",teacher,privacy_policy,1.0,%1,laptop-1,0.1.0,,\r\n"_s.arg(sha)));
    CHECK(csv.out.count(u"\r\n"_s) == 2);

    Run tabs = admin(url, {u"list-acceptances"_s, u"--school"_s, schoolId});
    REQUIRE(tabs.code == kExitOk);
    CHECK(tabs.out.startsWith(u"2026-09-01T00:00:00.000Z\t2026-09-01T01:00:00.000Z\t"_s));
    CHECK(tabs.out.count(u'\n') == 1);

    CHECK(admin(url, {u"list-acceptances"_s, u"--school"_s, u"No Such School"_s}).code == kExitNotFound);
    CHECK(admin(url, {u"list-acceptances"_s}).code == kExitUsage);
}

}  // namespace

TEST_CASE("admin publish-document and list-acceptances on SQLite", "[server][legal][cli]")
{
    otrack::test::TempDir dir;
    checkCli(u"sqlite://"_s + dir.file(u"server.db"_s), dir);
}

TEST_CASE("admin publish-document and list-acceptances on PostgreSQL", "[server][legal][cli]")
{
    otrack::test::TempDir dir;
    otrack::test::TestPostgresDatabase pg;
    checkCli(pg.url(), dir);
}
