// School retention rules (PupilRetention): IRMS defaults, the dry run, the real run through
// pupil erasure, `admin retention` through the real binary, and the job inside `serve`.
#include "adminprocess.h"
#include "pupilretention.h"
#include "servercli.h"
#include "serverdatabase.h"
#include "serverprocess.h"
#include "syncfixture.h"
#include "testpki.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::SyncFixture;

namespace {

const QDate kToday = QDate::currentDate();

void setPupil(SyncFixture &f, const Pupil &pupil, const QDate &dateOfBirth, const QDate &left)
{
    QSqlQuery query(f.db);
    REQUIRE(query.prepare(u"UPDATE pupils SET date_of_birth = ?, left_date = ? WHERE id = ?"_s));
    query.addBindValue(dateOfBirth.toString(Qt::ISODate));
    query.addBindValue(left.isValid() ? QVariant(left.toString(Qt::ISODate)) : QVariant());
    query.addBindValue(pupil.id);
    REQUIRE(query.exec());
}

// a1 left four years ago, born 26 years ago; a2 left last summer, born 11 years ago; b1 is on
// roll and born 30 years ago (a mature pupil: on roll, so never due).
void seedLeavers(SyncFixture &f)
{
    setPupil(f, f.a1, kToday.addYears(-26), kToday.addYears(-4));
    setPupil(f, f.a2, kToday.addYears(-11), kToday.addMonths(-5));
    setPupil(f, f.b1, kToday.addYears(-30), QDate());
}

QStringList idsOf(const QList<RetentionCandidate> &due)
{
    QStringList ids;
    for (const RetentionCandidate &candidate : due)
        ids << candidate.pupilId;
    return ids;
}

void checkRules(const QString &url)
{
    SyncFixture f(url);
    seedLeavers(f);
    PupilRetention retention(f.db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    // No rule: nothing is ever due.
    auto none = retention.review(f.school.id, kToday);
    REQUIRE(none.ok());
    CHECK_FALSE(none->setting.has_value());
    CHECK(none->due.isEmpty());

    // The IRMS defaults, then the school's own rule.
    const auto primary = RetentionSetting::forPhase(u"primary"_s);
    REQUIRE(primary);
    REQUIRE(retention.setRule(f.school.id, *primary, f.admin.id, now).ok());
    CHECK(idsOf(retention.review(f.school.id, kToday)->due) == QStringList{f.a1.id, f.a2.id});
    // Never within 30 days of leaving, whatever the rule: b1 left last week.
    setPupil(f, f.b1, kToday.addYears(-30), kToday.addDays(-7));
    CHECK(idsOf(retention.review(f.school.id, kToday)->due) == QStringList{f.a1.id, f.a2.id});
    const auto withB1 = retention.review(f.school.id, kToday.addDays(23));
    CHECK(idsOf(withB1->due) == QStringList{f.a1.id, f.a2.id, f.b1.id});
    CHECK(withB1->due.back().dueDate == kToday.addDays(23));
    setPupil(f, f.b1, kToday.addYears(-30), QDate());
    REQUIRE(retention.setRule(f.school.id, *RetentionSetting::forPhase(u"secondary"_s), f.admin.id, now).ok());
    CHECK(idsOf(retention.review(f.school.id, kToday)->due) == QStringList{f.a1.id});  // 26 > 25
    REQUIRE(
        retention.setRule(f.school.id, RetentionSetting{RetentionRule::YearsAfterLeaving, 5, {}, 0}, f.admin.id, now)
            .ok());
    CHECK(retention.review(f.school.id, kToday)->due.isEmpty());
    CHECK(idsOf(retention.review(f.school.id, kToday.addYears(1))->due) == QStringList{f.a1.id});
    CHECK(retention.rule(f.school.id).value()->years == 5);
    CHECK(retention.setRule(f.school.id, RetentionSetting{RetentionRule::DobPlusYears, 0, {}, 0}, f.admin.id, now)
              .error()
              .code
          == ErrorCode::InvalidArgument);
    CHECK(retention.setRule(u"no-such-school"_s, *primary, f.admin.id, now).error().code == ErrorCode::NotFound);

    // The dry run lists exactly what the real run erases, and changes nothing.
    REQUIRE(
        retention.setRule(f.school.id, RetentionSetting{RetentionRule::YearsAfterLeaving, 0, {}, 0}, f.admin.id, now)
            .ok());
    const qint64 pupilsBefore = f.count(u"pupils"_s);
    auto dry = retention.apply(f.school.id, kToday, true, now);
    REQUIRE(dry.ok());
    CHECK(dry->dryRun);
    CHECK(f.count(u"pupils"_s) == pupilsBefore);
    auto real = retention.apply(f.school.id, kToday, false, now);
    REQUIRE(real.ok());
    CHECK_FALSE(real->dryRun);
    CHECK(idsOf(dry->due) == idsOf(real->due));
    REQUIRE(real->erased.size() == real->due.size());
    for (int i = 0; i < real->due.size(); ++i)
        CHECK(real->erased.at(i).pupilId == real->due.at(i).pupilId);
    CHECK(idsOf(real->due) == QStringList{f.a1.id, f.a2.id});
    CHECK(f.count(u"pupils"_s) == pupilsBefore - 2);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM erased_pupils WHERE school_id = ?"_s, {f.school.id}).toInt() == 2);
    // Through the existing erasure: a purge record for every client, an audit event each.
    CHECK(f.scalar(u"SELECT COUNT(*) FROM purges WHERE school_id = ?"_s, {f.school.id}).toInt() == 2);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE actor_id = 'retention' AND action = 'erase'"_s).toInt()
          == 2);
    CHECK(retention.review(f.school.id, kToday)->due.isEmpty());  // done
    CHECK(f.scalar(u"SELECT COUNT(*) FROM pupils WHERE id = ?"_s, {f.b1.id}).toInt() == 1);  // on roll: kept
}

}  // namespace

TEST_CASE("retention rules find the leavers due, and the dry run equals the real run, on SQLite", "[server][retention]")
{
    test::TempDir dir;
    checkRules(u"sqlite://"_s + dir.file(u"otrack.db"_s));
}

TEST_CASE("retention rules find the leavers due, and the dry run equals the real run, on PostgreSQL",
          "[server][retention][postgres]")
{
    test::TestPostgresDatabase pg;
    checkRules(pg.url());
}

TEST_CASE("admin retention-rule and retention --dry-run / --apply", "[server][cli][retention]")
{
    test::TempDir dir;
    const QString url = u"sqlite://"_s + dir.file(u"otrack.db"_s);
    QString a1, a2;
    {
        SyncFixture f(url);
        seedLeavers(f);
        a1 = f.a1.id;
        a2 = f.a2.id;
    }
    const QString school = u"Hillside Primary"_s;
    CHECK(test::runAdmin(url, {u"retention-rule"_s, u"--school"_s, school}).out == u"none\n"_s);
    auto set = test::runAdmin(url, {u"retention-rule"_s, u"--school"_s, school, u"--phase"_s, u"secondary"_s});
    REQUIRE(set.code == kExitOk);
    CHECK(set.out == u"dob_plus_years\t25\n"_s);
    CHECK(test::runAdmin(url, {u"retention-rule"_s, u"--school"_s, school, u"--phase"_s, u"nursery"_s}).code
          == kExitInvalid);
    CHECK(test::runAdmin(url, {u"retention"_s, u"--school"_s, school}).code == kExitUsage);

    auto dry = test::runAdmin(url, {u"retention"_s, u"--school"_s, school, u"--dry-run"_s});
    REQUIRE(dry.code == kExitOk);
    CHECK(dry.out.startsWith(u"would_erase\t"_s + a1));
    CHECK(dry.out.contains(u"\tpupils=1\n"_s));
    // Planning ahead: in fifteen years a2 is 26 too.
    auto later = test::runAdmin(url,
                                {u"retention"_s, u"--school"_s, school, u"--dry-run"_s, u"--today"_s,
                                 kToday.addYears(15).toString(Qt::ISODate), u"--json"_s});
    REQUIRE(later.code == kExitOk);
    const QJsonArray schools = QJsonDocument::fromJson(later.out.toUtf8()).object().value(u"schools"_s).toArray();
    REQUIRE(schools.size() == 1);
    CHECK(schools.at(0).toObject().value(u"pupils"_s).toArray().size() == 2);
    CHECK(test::runAdmin(url, {u"retention"_s, u"--apply"_s, u"--today"_s, u"2040-01-01"_s}).code == kExitInvalid);

    auto applied = test::runAdmin(url, {u"retention"_s, u"--apply"_s});  // every school with a rule
    REQUIRE(applied.code == kExitOk);
    CHECK(applied.out.startsWith(u"erased\t"_s + a1));
    CHECK(dry.out.section(u'\t', 1, -1) == applied.out.section(u'\t', 1, -1));  // the same pupils, the same lines
    auto again = test::runAdmin(url, {u"retention"_s, u"--school"_s, school, u"--dry-run"_s});
    CHECK(again.out.contains(u"\tpupils=0\n"_s));
    CHECK_FALSE(again.out.contains(a2));
}

TEST_CASE("otrack-server serve applies the retention rules on schedule", "[server][retention][serve]")
{
    test::TempDir dir;
    const auto pki = test::makeTestPki(dir.path());
    const QString url = u"sqlite://"_s + dir.file(u"otrack.db"_s);
    QString a1;
    {
        SyncFixture f(url);
        seedLeavers(f);
        a1 = f.a1.id;
        REQUIRE(
            PupilRetention(f.db).setRule(f.school.id, *RetentionSetting::forPhase(u"secondary"_s), f.admin.id, 0).ok());
    }
    test::ServerProcess server;
    INFO(server.errorOutput().toStdString());
    REQUIRE(server.start({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--cert"_s, pki.serverCertificate, u"--key"_s,
                          pki.serverKey, u"--db"_s, url, u"--retention-every"_s, u"1"_s}));
    auto probe = ServerDatabase::open(DatabaseUrl::parse(url).value(), u"retention-probe"_s);
    REQUIRE(probe.ok());
    const auto count = [&](const QString &sql) {
        QSqlQuery query((*probe)->connection());
        REQUIRE(query.prepare(sql));
        query.addBindValue(a1);
        REQUIRE(query.exec());
        REQUIRE(query.next());
        return query.value(0).toInt();
    };
    QElapsedTimer waited;
    waited.start();
    while (count(u"SELECT COUNT(*) FROM erased_pupils WHERE pupil_id = ?"_s) == 0 && waited.elapsed() < 60000)
        QThread::msleep(200);
    CHECK(count(u"SELECT COUNT(*) FROM erased_pupils WHERE pupil_id = ?"_s) == 1);
    CHECK(count(u"SELECT COUNT(*) FROM pupils WHERE id = ?"_s) == 0);
    CHECK(server.stop() == kExitOk);

    // A bad interval stops serve before it opens anything.
    test::ServerProcess refused;
    CHECK_FALSE(refused.start({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--cert"_s, pki.serverCertificate,
                               u"--key"_s, pki.serverKey, u"--db"_s, url, u"--retention-every"_s, u"-5"_s}));
    CHECK(refused.exitCode() == kExitUsage);
    CHECK(refused.errorOutput().contains(u"--retention-every"_s));
}
