// `otrack-server admin erase-pupil` and `compact` as IT staff and scripts run them: the real
// binary on a real SQLite file.
#include "erasetestsupport.h"
#include "servercli.h"
#include "serverprocess.h"

#include "tempdir.h"

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

Run admin(const QString &db, const QStringList &arguments)
{
    QProcess process;
    process.start(ServerProcess::binary(), QStringList{u"admin"_s, u"--db"_s, u"sqlite://"_s + db} + arguments);
    REQUIRE(process.waitForStarted(30000));
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

}  // namespace

TEST_CASE("admin erase-pupil asks for --yes and compact raises the horizon", "[server][cli][erase]")
{
    otrack::test::TempDir dir;
    const QString db = dir.file(u"server.db"_s);
    otrack::test::SyncFixture f(u"sqlite://"_s + db, u"erase-cli-fixture"_s);
    const auto p = otrack::test::addErasablePupil(f);
    otrack::test::writeHistory(f, p.pupil);
    const QString school = f.school.name;

    // Without --yes: what would go, a distinct exit code, and nothing erased. By UPN or id.
    for (const QString &pupil : {p.pupil.upn, p.pupil.id}) {
        const Run dry = admin(db, {u"erase-pupil"_s, u"--school"_s, school, u"--pupil"_s, pupil});
        INFO(dry.err.toStdString());
        CHECK(dry.code == kExitUnconfirmed);
        CHECK(dry.out == u"would_erase\t%1\nmarks\t2\nmark_events\t3\ngroups\t1\n"_s.arg(p.pupil.id));
        CHECK(dry.err.contains(u"--yes"_s));
    }
    CHECK(f.scalar(u"SELECT COUNT(*) FROM pupils WHERE id = ?"_s, {p.pupil.id}).toInt() == 1);

    // Bad command lines and unknown names.
    CHECK(admin(db, {u"erase-pupil"_s, u"--school"_s, school}).code == kExitUsage);
    CHECK(admin(db, {u"erase-pupil"_s, u"--school"_s, school, u"--pupil"_s}).code == kExitUsage);
    CHECK(admin(db, {u"erase-pupil"_s, u"--school"_s, school, u"--pupil"_s, p.pupil.id, u"extra"_s}).code
          == kExitUsage);
    CHECK(admin(db, {u"erase-pupil"_s, u"--school"_s, u"No Such School"_s, u"--pupil"_s, p.pupil.id, u"--yes"_s}).code
          == kExitNotFound);
    CHECK(admin(db, {u"erase-pupil"_s, u"--school"_s, f.otherSchool.name, u"--pupil"_s, p.pupil.id, u"--yes"_s}).code
          == kExitNotFound);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM pupils WHERE id = ?"_s, {p.pupil.id}).toInt() == 1);

    const Run erased = admin(db, {u"erase-pupil"_s, u"--yes"_s, u"--school"_s, school, u"--pupil"_s, p.pupil.upn});
    INFO(erased.err.toStdString());
    REQUIRE(erased.code == kExitOk);
    CHECK(erased.out.startsWith(u"erased\t%1\n"_s.arg(p.pupil.id)));
    CHECK(f.scalar(u"SELECT COUNT(*) FROM pupils WHERE id = ?"_s, {p.pupil.id}).toInt() == 0);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM purges WHERE pupil_id = ?"_s, {p.pupil.id}).toInt() == 1);
    CHECK(f.scalar(u"SELECT actor_id FROM audit_events WHERE action = 'erase' AND entity_id = ?"_s, {p.pupil.id})
              .toString()
          == u"admin-cli"_s);
    for (const QString &field : p.personalFields) {
        CHECK_FALSE(erased.out.contains(field));
        CHECK_FALSE(erased.err.contains(field));
    }
    const Run again = admin(db, {u"erase-pupil"_s, u"--school"_s, school, u"--pupil"_s, p.pupil.id, u"--yes"_s});
    CHECK(again.code == kExitOk);
    CHECK(again.out == u"already_erased\t%1\n"_s.arg(p.pupil.id));
    // The UPN went with the pupil.
    CHECK(admin(db, {u"erase-pupil"_s, u"--school"_s, school, u"--pupil"_s, p.pupil.upn}).code == kExitNotFound);

    // Compaction.
    CHECK(admin(db, {u"compact"_s}).code == kExitUsage);
    CHECK(admin(db, {u"compact"_s, u"--older-than"_s, u"soon"_s}).code == kExitInvalid);
    CHECK(admin(db, {u"compact"_s, u"--older-than"_s, u"0"_s, u"--school"_s, u"No Such School"_s}).code
          == kExitNotFound);
    const Run kept = admin(db, {u"compact"_s, u"--older-than"_s, u"30"_s, u"--school"_s, school});
    CHECK(kept.code == kExitOk);
    CHECK(kept.out == u"%1\t0\t0\t0\n"_s.arg(f.school.id));
    const qint64 purgeSeq = f.scalar(u"SELECT seq FROM purges WHERE pupil_id = ?"_s, {p.pupil.id}).toLongLong();
    const qint64 results = f.count(u"push_results"_s);
    const Run compacted = admin(db, {u"compact"_s, u"--older-than"_s, u"0"_s});
    INFO(compacted.err.toStdString());
    REQUIRE(compacted.code == kExitOk);
    CHECK(compacted.out.contains(u"%1\t1\t%2\t%3\n"_s.arg(f.school.id).arg(results).arg(purgeSeq)));
    CHECK(compacted.out.contains(u"%1\t0\t0\t0\n"_s.arg(f.otherSchool.id)));
    CHECK(f.scalar(u"SELECT retention_seq FROM schools WHERE id = ?"_s, {f.school.id}).toLongLong() == purgeSeq);
}
