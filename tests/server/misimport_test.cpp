// Applying MIS imports (MisImporter) on SQLite and a real PostgreSQL: pupils matched by UPN are
// updated, never duplicated; leavers are marked, never deleted; statutory results become marks
// that pulls deliver; a bad file, a school awaiting terms or a teacher changes nothing.
#include "columnmapping.h"
#include "ctfreader.h"
#include "ctfresultsexport.h"
#include "importmappingstore.h"
#include "importvalidator.h"
#include "misimporter.h"
#include "syncfixture.h"
#include "syncservice.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::SyncFixture;

namespace {

const QDate kToday(2026, 12, 1);
const qint64 kNow = QDateTime(kToday, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

QString fixture(const char *name)
{
    return QStringLiteral(OTRACK_IMPORT_FIXTURES "/") + QLatin1String(name);
}

ImportPlan planOf(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    auto read = CtfReader::read(&buffer, kToday);
    INFO((read.ok() ? std::string() : read.error().message.toStdString()));
    REQUIRE(read.ok());
    return ImportValidator::validate(read.value(), kToday);
}

ImportPlan planOf(const char *name)
{
    return planOf(test::readFile(fixture(name)));
}

ImportReport applied(SyncFixture &f, const ImportPlan &plan, ImportOptions options = {})
{
    auto report = MisImporter(f.db).apply(f.caller(f.admin), plan, options, kNow);
    INFO((report.ok() ? std::string() : report.error().message.toStdString()));
    REQUIRE(report.ok());
    return report.value();
}

qint64 nextSeq(SyncFixture &f)
{
    return f.scalar(u"SELECT next_seq FROM schools WHERE id = ?"_s, {f.school.id}).toLongLong();
}

// Everything that an import may change, to compare before and after a refused one.
QList<qint64> footprint(SyncFixture &f)
{
    return {nextSeq(f),
            f.count(u"pupils"_s),
            f.count(u"marks"_s),
            f.count(u"mark_events"_s),
            f.count(u"frameworks"_s),
            f.count(u"terms"_s),
            f.count(u"audit_events"_s)};
}

QString pupilField(SyncFixture &f, const QString &upn, const QString &column)
{
    return f.scalar(u"SELECT %1 FROM pupils WHERE school_id = ? AND upn = ?"_s.arg(column), {f.school.id, upn})
        .toString();
}

PullResponse pullAll(SyncFixture &f, const Staff &staff, qint64 cursor)
{
    PullRequest request;
    request.cursor = cursor;
    request.limit = 1000;
    auto pulled = SyncService(f.db).pull(f.caller(staff), request);
    REQUIRE(pulled.ok());
    return pulled.value();
}

void checkImport(const QString &url)
{
    SyncFixture f(url);
    const qint64 cursor = pullAll(f, f.admin, 0).nextCursor;

    // First import: four new pupils and five statutory results.
    const ImportPlan clean = planOf("clean-ctf25.xml");
    const ImportReport first = applied(f, clean);
    CHECK(first.created == 4);
    CHECK(first.updated == 0);
    CHECK(first.resultsCreated == 5);
    CHECK(f.count(u"pupils"_s) == 4 + 4);
    CHECK(pupilField(f, u"X999200100001"_s, u"preferred_forename"_s) == u"Pimmy"_s);
    CHECK(pupilField(f, u"X999200100001"_s, u"free_school_meals"_s) == u"1"_s);
    CHECK(pupilField(f, u"L999200100002"_s, u"sen_status"_s) == u"E"_s);
    CHECK(pupilField(f, u"L999200100002"_s, u"looked_after"_s) == u"1"_s);
    CHECK(pupilField(f, u"K99920010004A"_s, u"on_roll_date"_s) == u"2026-12-01"_s);  // the import's date
    CHECK(pupilField(f, u"K99920010004A"_s, u"left_date"_s).isEmpty());

    // The results: one framework, objectives per stage/subject/method/component, one locked
    // term per assessment year, values on the statutory scale, and a mark event each.
    const QString frameworkId
        = f.scalar(u"SELECT id FROM frameworks WHERE school_id = ? AND name = 'Statutory results'"_s, {f.school.id})
              .toString();
    REQUIRE_FALSE(frameworkId.isEmpty());
    CHECK(f.scalar(u"SELECT COUNT(*) FROM objectives WHERE framework_id = ?"_s, {frameworkId}).toInt() == 5);
    CHECK(f.scalar(u"SELECT statement FROM objectives WHERE framework_id = ? AND code = 'KS2/MAT/TT/SCALED'"_s,
                   {frameworkId})
              .toString()
          == u"KS2 mathematics test (scaled)"_s);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM terms WHERE school_id = ? AND name = 'Statutory assessment' AND locked = 1"_s,
                   {f.school.id})
              .toInt()
          == 3);  // 2021/22, 2024/25, 2025/26
    const QString pimId = pupilField(f, u"X999200100001"_s, u"id"_s);
    CHECK(f.scalar(u"SELECT m.value FROM marks m JOIN objectives o ON o.id = m.objective_id JOIN terms t ON "
                   u"t.id = m.term_id WHERE m.pupil_id = ? AND o.code = 'KS2/MAT/TT/SCALED' AND t.academic_year = "
                   u"'2025/26'"_s,
                   {pimId})
              .toString()
          == u"108"_s);
    CHECK(
        f.scalar(u"SELECT COUNT(*) FROM mark_events WHERE pupil_id = ? AND device_id = 'mis-import'"_s, {pimId}).toInt()
        == 4);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE entity = 'pupil' AND entity_id = ? AND "
                   u"action = 'import_add_pupil'"_s,
                   {pimId})
              .toInt()
          == 1);

    // Pulls deliver it all: the pupils, the framework with its objectives, the scale with its
    // values, the terms and the marks.
    const PullResponse pulled = pullAll(f, f.admin, cursor);
    const auto changesOf = [&](ChangeType type) {
        return std::count_if(pulled.changes.begin(), pulled.changes.end(),
                             [&](const Change &change) { return change.type == type; });
    };
    CHECK(changesOf(ChangeType::Pupil) == 4);
    CHECK(changesOf(ChangeType::Mark) == 5);
    CHECK(changesOf(ChangeType::Term) == 3);
    CHECK(changesOf(ChangeType::Framework) == 1);
    CHECK(changesOf(ChangeType::Scale) == 1);
    for (const Change &change : pulled.changes)
        if (change.type == ChangeType::Framework)
            CHECK(change.data.value(u"objectives"_s).toArray().size() == 5);

    // The same file again changes nothing: no row, no sequence number.
    const qint64 seqBefore = nextSeq(f);
    const ImportReport again = applied(f, clean);
    CHECK(again.created == 0);
    CHECK(again.updated == 0);
    CHECK(again.unchanged == 4);
    CHECK(again.resultsCreated == 0);
    CHECK(again.resultsUpdated == 0);
    CHECK(again.resultsUnchanged == 5);
    CHECK(f.count(u"pupils"_s) == 8);
    CHECK(nextSeq(f) == seqBefore);
    CHECK(pullAll(f, f.admin, pulled.nextCursor).changes.isEmpty());

    // A changed record updates that pupil only, and the audit event names fields, not values.
    QByteArray changed = test::readFile(fixture("clean-ctf25.xml"));
    changed.replace("<NCyearActual>R</NCyearActual>", "<NCyearActual>1</NCyearActual>");
    changed.replace("<Result>108</Result>", "<Result>110</Result>");
    const ImportReport update = applied(f, planOf(changed));
    CHECK(update.updated == 1);
    CHECK(update.unchanged == 3);
    CHECK(update.resultsUpdated == 1);
    CHECK(pupilField(f, u"K99920010004A"_s, u"year_group"_s) == u"1"_s);
    const QString zaraId = pupilField(f, u"K99920010004A"_s, u"id"_s);
    CHECK(
        f.scalar(u"SELECT detail FROM audit_events WHERE entity_id = ? AND action = 'import_update_pupil'"_s, {zaraId})
            .toString()
            .endsWith(u"fields=year_group"_s));
    CHECK(f.scalar(u"SELECT MAX(version) FROM marks WHERE pupil_id = ?"_s, {pimId}).toInt() == 2);

    // A full roll marks the fixture's three pupils, absent from the file, as left; never deleted.
    ImportOptions fullRoll;
    fullRoll.fullRoll = true;
    const ImportReport roll = applied(f, planOf(changed), fullRoll);
    CHECK(roll.markedLeft == 3);
    CHECK(f.count(u"pupils"_s) == 8);
    CHECK(pupilField(f, f.a1.upn, u"left_date"_s) == u"2026-12-01"_s);
    CHECK(f.scalar(u"SELECT left_date FROM pupils WHERE id = ?"_s, {f.otherPupil.id}).isNull());  // other school
    const PullResponse afterRoll = pullAll(f, f.teacher, 0);
    for (const Change &change : afterRoll.changes)
        if (change.type == ChangeType::Pupil && change.data.value(u"id"_s).toString() == f.a1.id)
            CHECK(change.data.value(u"left_date"_s).toString() == u"2026-12-01"_s);
    // Their marks and groups stay: leaving is not erasure.
    CHECK(f.scalar(u"SELECT COUNT(*) FROM group_members WHERE pupil_id = ?"_s, {f.a1.id}).toInt() == 1);
}

void checkRefusals(const QString &url)
{
    SyncFixture f(url);
    const QList<qint64> before = footprint(f);

    // A bad file imports nothing, all or nothing...
    const ImportPlan bad = planOf("bad-records-ctf25.xml");
    auto refused = MisImporter(f.db).apply(f.caller(f.admin), bad, {}, kNow);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidArgument);
    CHECK(footprint(f) == before);

    // ...and not as a full roll of the valid records (a record without a UPN).
    ImportOptions validOnly;
    validOnly.mode = ImportMode::ValidRecordsOnly;
    ImportOptions validFullRoll = validOnly;
    validFullRoll.fullRoll = true;
    CHECK_FALSE(MisImporter(f.db).apply(f.caller(f.admin), bad, validFullRoll, kNow).ok());
    CHECK(footprint(f) == before);

    // Only admins and owners import.
    const ImportPlan clean = planOf("clean-ctf25.xml");
    for (const Staff *staff : {&f.teacher, &f.readOnly, &f.reportsOnly}) {
        auto forbidden = MisImporter(f.db).apply(f.caller(*staff), clean, {}, kNow);
        REQUIRE_FALSE(forbidden.ok());
        CHECK(forbidden.error().code == ErrorCode::Forbidden);
    }
    CHECK(footprint(f) == before);

    // A school awaiting terms takes no pupil data; nor does a suspended one.
    SchoolAdmin schools(f.db);
    for (const SchoolStatus status : {SchoolStatus::AwaitingTerms, SchoolStatus::Suspended}) {
        REQUIRE(schools.setSchoolStatus(f.school.id, status).ok());
        const QList<qint64> held = footprint(f);
        auto notActive = MisImporter(f.db).apply(f.caller(f.owner), clean, {}, kNow);
        REQUIRE_FALSE(notActive.ok());
        CHECK(notActive.error().code == ErrorCode::Forbidden);
        CHECK(footprint(f) == held);
    }
    REQUIRE(schools.setSchoolStatus(f.school.id, SchoolStatus::Active).ok());

    // The valid records only, when asked: the one valid pupil.
    const ImportReport some = applied(f, bad, validOnly);
    CHECK(some.created == 1);
    CHECK(some.skippedRecords == 10);
    CHECK(pupilField(f, u"N999200100013"_s, u"legal_forename"_s) == u"Wren"_s);
    CHECK(f.count(u"pupils"_s) == 5);
}

void checkDryRun(const QString &url)
{
    SyncFixture f(url);
    ImportOptions options;
    options.fullRoll = true;
    options.dryRun = true;
    const QList<qint64> before = footprint(f);
    const ImportReport dry = applied(f, planOf("clean-ctf25.xml"), options);
    CHECK(dry.dryRun);
    CHECK(footprint(f) == before);
    options.dryRun = false;
    const ImportReport real = applied(f, planOf("clean-ctf25.xml"), options);
    QJsonObject dryJson = dry.toJson(), realJson = real.toJson();
    dryJson.remove(u"dry_run"_s);
    realJson.remove(u"dry_run"_s);
    CHECK(dryJson == realJson);
    CHECK(real.created == 4);
    CHECK(real.markedLeft == 3);
}

void checkFormerUpnAndRejoin(const QString &url)
{
    SyncFixture f(url);
    // Ify was added under her temporary UPN; the CTF has her permanent one, and the old as
    // FormerUPN: the same pupil, renumbered.
    Pupil temporary;
    temporary.schoolId = f.school.id;
    temporary.upn = u"L99920010003B"_s;
    temporary.legalSurname = u"Dunmore"_s;
    temporary.legalForename = u"Ifeoma"_s;
    temporary.leftDate = QDate(2026, 7, 20);  // and she had left: now she is back
    auto added = SchoolAdmin(f.db).addPupil(temporary);
    REQUIRE(added.ok());
    const ImportReport report = applied(f, planOf("clean-ctf25.xml"));
    CHECK(report.created == 3);
    CHECK(report.rejoined == 1);
    CHECK(f.scalar(u"SELECT upn FROM pupils WHERE id = ?"_s, {added->id}).toString() == u"A999200100003"_s);
    CHECK(f.scalar(u"SELECT left_date FROM pupils WHERE id = ?"_s, {added->id}).isNull());
    CHECK(f.scalar(u"SELECT COUNT(*) FROM pupils WHERE upn = 'A999200100003'"_s).toInt() == 1);
}

// The results OTrack took from a CTF go back to the MIS as a CTF that says the same.
void checkResultsRoundTrip(const QString &url)
{
    SyncFixture f(url);
    const ImportPlan clean = planOf("clean-ctf25.xml");
    applied(f, clean);
    QBuffer exported;
    REQUIRE(exported.open(QIODevice::WriteOnly));
    const CtfHeader header{u"999"_s, u"2001"_s, QString(), u"2026"_s, QDateTime::currentDateTime()};
    auto written = CtfResultsExport(f.db).write(f.school.id, header, QString(), &exported);
    REQUIRE(written.ok());
    CHECK(written.value() == 2);  // the two pupils with results
    const ImportPlan back = planOf(exported.data());
    CHECK(back.source.sourceSchoolName == u"Hillside Primary"_s);
    const auto key = [](const StatutoryResult &r) {
        return QStringList{r.stage,     r.year,         r.subject,         r.method,
                           r.component, r.resultStatus, r.resultQualifier, r.result}
            .join(u'|');
    };
    for (const ImportedPupil &original : clean.pupils) {
        QStringList want, got;
        for (const StatutoryResult &r : original.results)
            want << key(r);
        for (const ImportedPupil &pupil : back.pupils)
            if (pupil.upn == original.upn)
                for (const StatutoryResult &r : pupil.results)
                    got << key(r);
        want.sort();
        got.sort();
        CHECK(got == want);
    }
    QBuffer ks2;
    REQUIRE(ks2.open(QIODevice::WriteOnly));
    CHECK(CtfResultsExport(f.db).write(f.school.id, header, u"KS2"_s, &ks2).value() == 1);
    CHECK_FALSE(ks2.data().contains("<Stage>KS1</Stage>"));
}

ImportPlan csvPlanOf(const QByteArray &csv)
{
    auto table = CsvTable::parse(csv);
    REQUIRE(table.ok());
    auto mapping = ColumnMapping::readFile(fixture("roll-mapping.json"));
    REQUIRE(mapping.ok());
    auto read = mapping->apply(table.value());
    REQUIRE(read.ok());
    return ImportValidator::validate(read.value(), kToday);
}

// A CSV's registration class puts each pupil in that class, out of any other, and the classes'
// teachers re-sync.
void checkClasses(const QString &url)
{
    SyncFixture f(url);
    SchoolAdmin schools(f.db);
    auto sixA = schools.addGroup(Group{QString(), f.school.id, u"6A"_s, GroupKind::Class, 6});
    REQUIRE(sixA.ok());
    REQUIRE(schools.assignStaffToGroup(f.school.id, f.otherTeacher.id, sixA->id).ok());
    const qint64 epoch = schools.staffEpoch(f.school.id, f.otherTeacher.id).value();

    const QByteArray csv = test::readFile(fixture("roll.csv"));
    const ImportReport first = applied(f, csvPlanOf(csv));
    CHECK(first.created == 3);
    CHECK(first.classesCreated == 1);  // RB; 6A exists
    CHECK(first.classChanges == 3);
    const auto members = [&](const QString &group) {
        return f
            .scalar(u"SELECT COUNT(*) FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE "
                    u"g.school_id = ? AND g.name = ?"_s,
                    {f.school.id, group})
            .toInt();
    };
    CHECK(members(u"6A"_s) == 2);
    CHECK(members(u"RB"_s) == 1);
    CHECK(schools.staffEpoch(f.school.id, f.otherTeacher.id).value() == epoch + 1);
    // The 6A teacher pulls 6A's pupils.
    const PullResponse pulled = pullAll(f, f.otherTeacher, 0);
    const QString pim = pupilField(f, u"X999200100001"_s, u"id"_s);
    CHECK(std::any_of(pulled.changes.begin(), pulled.changes.end(), [&](const Change &change) {
        return change.type == ChangeType::Pupil && change.data.value(u"id"_s).toString() == pim;
    }));

    // Again: nothing changes. Then Pim moves to 6B: out of 6A (a class), her set kept.
    CHECK(applied(f, csvPlanOf(csv)).classChanges == 0);
    CHECK(schools.staffEpoch(f.school.id, f.otherTeacher.id).value() == epoch + 1);
    auto set = schools.addGroup(Group{QString(), f.school.id, u"Maths set 1"_s, GroupKind::Set, 6});
    REQUIRE(set.ok());
    REQUIRE(schools.setGroupMembers(f.school.id, set->id, {pim}).ok());
    QByteArray moved = csv;
    moved.replace("Y,01/09/2019,6A", "Y,01/09/2019,6B");  // Pim's row only (Oskar's has N before the date)
    REQUIRE(moved != csv);
    const ImportReport move = applied(f, csvPlanOf(moved));
    CHECK(move.classChanges == 1);
    CHECK(move.classesCreated == 1);
    CHECK(members(u"6A"_s) == 1);
    CHECK(members(u"6B"_s) == 1);
    CHECK(members(u"Maths set 1"_s) == 1);
    CHECK(schools.staffEpoch(f.school.id, f.otherTeacher.id).value() == epoch + 2);
}

void checkMappings(const QString &url)
{
    SyncFixture f(url);
    auto mapping = ColumnMapping::readFile(fixture("roll-mapping.json"));
    REQUIRE(mapping.ok());
    ImportMappingStore store(f.db);
    REQUIRE(store.save(f.school.id, u"SIMS roll"_s, mapping.value(), f.admin.id, kNow).ok());
    mapping->setDateFormat(u"yyyy-MM-dd"_s);
    REQUIRE(store.save(f.school.id, u"SIMS roll"_s, mapping.value(), f.admin.id, kNow).ok());  // replaced
    auto loaded = store.load(f.school.id, u"SIMS roll"_s);
    REQUIRE(loaded.ok());
    CHECK(loaded->toJson() == mapping->toJson());
    CHECK(store.names(f.school.id).value() == QStringList{u"SIMS roll"_s});
    CHECK(store.load(f.otherSchool.id, u"SIMS roll"_s).error().code == ErrorCode::NotFound);
    CHECK(store.save(f.school.id, QString(), mapping.value(), f.admin.id, kNow).error().code
          == ErrorCode::InvalidArgument);
}

}  // namespace

TEST_CASE("imports update by UPN, mark leavers and deliver results on SQLite", "[server][import]")
{
    test::TempDir dir;
    checkImport(u"sqlite://"_s + dir.file(u"otrack.db"_s));
}

TEST_CASE("imports update by UPN, mark leavers and deliver results on PostgreSQL", "[server][import][postgres]")
{
    test::TestPostgresDatabase pg;
    checkImport(pg.url());
}

TEST_CASE("a bad file, a teacher or a school awaiting terms imports nothing on SQLite", "[server][import]")
{
    test::TempDir dir;
    checkRefusals(u"sqlite://"_s + dir.file(u"otrack.db"_s));
}

TEST_CASE("a bad file, a teacher or a school awaiting terms imports nothing on PostgreSQL",
          "[server][import][postgres]")
{
    test::TestPostgresDatabase pg;
    checkRefusals(pg.url());
}

TEST_CASE("a dry run reports exactly what the import then does on SQLite", "[server][import]")
{
    test::TempDir dir;
    checkDryRun(u"sqlite://"_s + dir.file(u"otrack.db"_s));
}

TEST_CASE("a dry run reports exactly what the import then does on PostgreSQL", "[server][import][postgres]")
{
    test::TestPostgresDatabase pg;
    checkDryRun(pg.url());
}

TEST_CASE("a former temporary UPN finds the pupil, and a leaver in the file rejoins", "[server][import]")
{
    test::TempDir dir;
    checkFormerUpnAndRejoin(u"sqlite://"_s + dir.file(u"otrack.db"_s));
    test::TestPostgresDatabase pg;
    checkFormerUpnAndRejoin(pg.url());
}

TEST_CASE("statutory results go back to the MIS as a CTF that says the same", "[server][import][ctf-export]")
{
    test::TempDir dir;
    checkResultsRoundTrip(u"sqlite://"_s + dir.file(u"otrack.db"_s));
    test::TestPostgresDatabase pg;
    checkResultsRoundTrip(pg.url());
}

TEST_CASE("a CSV's registration classes become class groups that teachers pull", "[server][import][classes]")
{
    test::TempDir dir;
    checkClasses(u"sqlite://"_s + dir.file(u"otrack.db"_s));
    test::TestPostgresDatabase pg;
    checkClasses(pg.url());
}

TEST_CASE("column mappings are saved per school", "[server][import]")
{
    test::TempDir dir;
    checkMappings(u"sqlite://"_s + dir.file(u"otrack.db"_s));
    test::TestPostgresDatabase pg;
    checkMappings(pg.url());
}
