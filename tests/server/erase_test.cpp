// Erasing a pupil and compacting history (PupilEraser, RetentionCompactor) on SQLite and a real
// PostgreSQL: every row that names the pupil goes, pulls deliver the purge, pushes are refused,
// and a cursor below the compacted horizon answers 410.
#include "erasetestsupport.h"

#include "pupileraser.h"
#include "retentioncompactor.h"
#include "serverdatabase.h"
#include "syncservice.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::SyncFixture;

namespace {

using namespace otrack::test;

// Every (table: row) of the store in which some column holds `needle`.
QStringList rowsMentioning(QSqlDatabase db, const QString &needle)
{
    QStringList found;
    for (const QString &table : db.tables()) {
        QSqlQuery query(db);
        REQUIRE(query.exec(u"SELECT * FROM "_s + table));
        while (query.next()) {
            QStringList columns;
            for (int i = 0; i < query.record().count(); ++i)
                columns << query.value(i).toString();
            if (columns.join(u'|').contains(needle))
                found << table + u": "_s + columns.join(u'|');
        }
    }
    return found;
}

bool hasChange(const PullResponse &pull, ChangeType type, const QString &key, const QString &id)
{
    return std::any_of(pull.changes.begin(), pull.changes.end(), [&](const Change &change) {
        return change.type == type && change.data.value(key).toString() == id;
    });
}

void checkErase(const QString &url)
{
    SyncFixture f(url);
    const ErasablePupil p = addErasablePupil(f);
    const qint64 before = pull(f, f.teacher, 0).nextCursor;
    writeHistory(f, p.pupil);

    PupilEraser eraser(f.db);
    auto preview = eraser.preview(f.caller(f.admin), p.pupil.id);
    REQUIRE(preview.ok());
    CHECK(preview->marks == 2);
    CHECK(preview->markEvents == 3);
    CHECK(preview->groups == 1);
    CHECK(preview->pushResults == 3);
    CHECK(f.count(u"pupils"_s) == 5);  // a preview changes nothing

    // Only admins and owners; only their school's pupils.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Staff *staff : {&f.teacher, &f.readOnly, &f.reportsOnly}) {
        auto refused = eraser.erase(f.caller(*staff), p.pupil.id, now);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::Forbidden);
    }
    const Caller otherAdmin{f.otherSchool.id, newUuid(), QString(), Role::Admin, 1};
    auto elsewhere = eraser.erase(otherAdmin, p.pupil.id, now);
    REQUIRE_FALSE(elsewhere.ok());
    CHECK(elsewhere.error().code == ErrorCode::NotFound);
    for (const QString &id : {f.otherPupil.id, newUuid()}) {
        auto unknown = eraser.erase(f.caller(f.admin), id, now);
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().code == ErrorCode::NotFound);
    }
    CHECK(f.count(u"pupils"_s) == 5);

    auto erased = eraser.erase(f.caller(f.admin), p.pupil.id, now);
    INFO((erased.ok() ? std::string() : erased.error().message.toStdString()));
    REQUIRE(erased.ok());
    CHECK_FALSE(erased->alreadyErased);
    CHECK(erased->marks == 2);
    CHECK(erased->markEvents == 3);
    CHECK(erased->groups == 1);
    CHECK(erased->pushResults == 3);
    CHECK(erased->purgeSeq > before);

    // Nothing personal is left anywhere; the id only where it must be.
    for (const QString &field : p.personalFields)
        CHECK(rowsMentioning(f.db, field).isEmpty());
    for (const QString &row : rowsMentioning(f.db, p.pupil.id)) {
        INFO(row.toStdString());
        CHECK((row.startsWith(u"erased_pupils: "_s) || row.startsWith(u"purges: "_s)
               || row.startsWith(u"audit_events: "_s)));
    }
    CHECK(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE entity_id = ? AND detail <> '' AND action <> 'erase'"_s,
                   {p.pupil.id})
              .toInt()
          == 0);
    CHECK(f.scalar(u"SELECT actor_id FROM audit_events WHERE action = 'erase' AND entity = 'pupil' AND entity_id = ?"_s,
                   {p.pupil.id})
              .toString()
          == f.admin.id);
    // The other pupils keep everything.
    CHECK(f.scalar(u"SELECT COUNT(*) FROM marks WHERE pupil_id = ?"_s, {f.a2.id}).toInt() == 1);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM group_members WHERE group_id = ?"_s, {f.classA.id}).toInt() == 2);

    // The teacher whose class held the pupil pulls the purge, and nothing else of theirs.
    const PullResponse pulled = pull(f, f.teacher, before);
    CHECK(hasChange(pulled, ChangeType::Purge, u"pupil_id"_s, p.pupil.id));
    CHECK_FALSE(hasChange(pulled, ChangeType::Mark, u"pupil_id"_s, p.pupil.id));
    CHECK_FALSE(hasChange(pulled, ChangeType::Pupil, u"id"_s, p.pupil.id));

    // Later pushes are rejected as erased.
    auto late = SyncService(f.db).push(f.caller(f.teacher),
                                       {u"device-1"_s, {markOp(p.pupil.id, f.objective1, f.autumn.id)}}, now);
    REQUIRE(late.ok());
    CHECK(late->results.at(0).outcome == PushOutcome::Rejected);
    CHECK(late->results.at(0).reason == QLatin1String(rejection::kErasedPupil));

    // Erasing again is answered, and changes nothing.
    auto again = eraser.erase(f.caller(f.owner), p.pupil.id, now);
    REQUIRE(again.ok());
    CHECK(again->alreadyErased);
    CHECK(f.count(u"purges"_s) == 1);
    CHECK(eraser.findPupil(f.school.id, p.pupil.id).value() == p.pupil.id);
    CHECK(eraser.findPupil(f.school.id, p.pupil.upn).error().code == ErrorCode::NotFound);
}

void checkCompaction(const QString &url)
{
    SyncFixture f(url);
    const ErasablePupil p = addErasablePupil(f);
    const qint64 before = pull(f, f.teacher, 0).nextCursor;
    writeHistory(f, p.pupil);
    auto erased = PupilEraser(f.db).erase(f.caller(f.admin), p.pupil.id, QDateTime::currentMSecsSinceEpoch());
    REQUIRE(erased.ok());
    const qint64 events = f.count(u"mark_events"_s);
    REQUIRE(f.count(u"push_results"_s) > 0);

    RetentionCompactor compactor(f.db);
    // A horizon before everything removes nothing.
    auto early = compactor.compact(f.school.id, QDateTime::currentMSecsSinceEpoch() - 24 * 3600 * 1000);
    REQUIRE(early.ok());
    REQUIRE(early->size() == 1);
    CHECK(early->at(0).purges == 0);
    CHECK(early->at(0).pushResults == 0);
    CHECK(early->at(0).retentionSeq == 0);
    CHECK(pull(f, f.teacher, before).changes.size() >= 1);

    // A horizon after the erasure: every school, the purge and the push results go.
    auto compacted = compactor.compact(QString(), QDateTime::currentMSecsSinceEpoch() + 1000);
    INFO((compacted.ok() ? std::string() : compacted.error().message.toStdString()));
    REQUIRE(compacted.ok());
    REQUIRE(compacted->size() == 2);
    const auto ours = std::find_if(compacted->begin(), compacted->end(),
                                   [&](const CompactionSummary &s) { return s.schoolId == f.school.id; });
    REQUIRE(ours != compacted->end());
    CHECK(ours->purges == 1);
    CHECK(ours->retentionSeq == erased->purgeSeq);
    CHECK(f.count(u"purges"_s) == 0);
    CHECK(f.count(u"push_results"_s) == 0);
    CHECK(f.count(u"mark_events"_s) == events);  // the audit trail stays
    CHECK(f.scalar(u"SELECT retention_seq FROM schools WHERE id = ?"_s, {f.otherSchool.id}).toLongLong() == 0);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE action = 'compact' AND entity_id = ?"_s, {f.school.id})
              .toInt()
          == 2);

    // A cursor below the horizon answers 410; at or above it, pulls go on.
    auto gone = SyncService(f.db).pull(f.caller(f.teacher), PullRequest{before, 5000, std::nullopt});
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().code == ErrorCode::Gone);
    CHECK(SyncService(f.db).pull(f.caller(f.teacher), PullRequest{erased->purgeSeq, 5000, std::nullopt}).ok());

    // From 0: a consistent snapshot without the erased pupil at all.
    const PullResponse fresh = pull(f, f.teacher, 0);
    CHECK_FALSE(fresh.hasMore);
    CHECK(hasChange(fresh, ChangeType::Pupil, u"id"_s, f.a1.id));
    CHECK_FALSE(hasChange(fresh, ChangeType::Pupil, u"id"_s, p.pupil.id));
    CHECK_FALSE(hasChange(fresh, ChangeType::Mark, u"pupil_id"_s, p.pupil.id));
    CHECK_FALSE(hasChange(fresh, ChangeType::Purge, u"pupil_id"_s, p.pupil.id));
    for (const Change &change : fresh.changes)
        if (change.type == ChangeType::Group)
            CHECK_FALSE(change.data.value(u"pupil_ids"_s).toArray().contains(p.pupil.id));

    // The erased pupil stays refused after their purge record has gone.
    auto late
        = SyncService(f.db).push(f.caller(f.teacher), {u"device-1"_s, {markOp(p.pupil.id, f.objective1, f.autumn.id)}},
                                 QDateTime::currentMSecsSinceEpoch());
    REQUIRE(late.ok());
    CHECK(late->results.at(0).reason == QLatin1String(rejection::kErasedPupil));

    auto unknown = compactor.compact(newUuid(), 0);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::NotFound);
}

// An erasure and a push for the same pupil, each on its own connection and thread, started
// together: they must not deadlock or fail, and the outcome is one order or the other.
void checkConcurrentErase(const QString &url)
{
    SyncFixture f(url);
    const auto parsed = DatabaseUrl::parse(url).value();
    int pushedFirst = 0, erasedFirst = 0;
    for (int round = 0; round < 8; ++round) {
        const ErasablePupil p = addErasablePupil(f, round);
        const PushRequest request{
            u"device-1"_s,
            {markOp(p.pupil.id, f.objective1, f.autumn.id), markOp(p.pupil.id, f.objective2, f.autumn.id)}};
        std::atomic<int> ready{0};
        std::optional<Error> pushError, eraseError;
        PushResponse pushed;
        const Caller teacher = f.caller(f.teacher);
        const Caller admin = f.caller(f.admin);
        auto startTogether = [&ready] {
            ++ready;
            while (ready.load() < 2)
                std::this_thread::yield();
        };
        std::thread pusher([&] {
            auto database = ServerDatabase::open(parsed, u"concurrent-push"_s);
            if (!database) {
                pushError = database.error();
                ++ready;
                return;
            }
            startTogether();
            auto result = SyncService(database.value()->connection())
                              .push(teacher, request, QDateTime::currentMSecsSinceEpoch());
            if (result)
                pushed = result.value();
            else
                pushError = result.error();
        });
        std::thread eraser([&] {
            auto database = ServerDatabase::open(parsed, u"concurrent-erase"_s);
            if (!database) {
                eraseError = database.error();
                ++ready;
                return;
            }
            startTogether();
            auto result = PupilEraser(database.value()->connection())
                              .erase(admin, p.pupil.id, QDateTime::currentMSecsSinceEpoch());
            if (!result)
                eraseError = result.error();
        });
        pusher.join();
        eraser.join();
        INFO((pushError ? pushError->message.toStdString() : std::string()));
        INFO((eraseError ? eraseError->message.toStdString() : std::string()));
        REQUIRE_FALSE(pushError);
        REQUIRE_FALSE(eraseError);
        REQUIRE(pushed.results.size() == 2);
        const PushOutcome first = pushed.results.at(0).outcome;
        CHECK(pushed.results.at(1).outcome == first);
        if (first == PushOutcome::Applied) {
            ++pushedFirst;
        } else {
            ++erasedFirst;
            CHECK(first == PushOutcome::Rejected);
            CHECK(pushed.results.at(0).reason == QLatin1String(rejection::kErasedPupil));
        }
        // Either way the pupil is gone, with exactly one purge record.
        CHECK(f.scalar(u"SELECT COUNT(*) FROM marks WHERE pupil_id = ?"_s, {p.pupil.id}).toInt() == 0);
        CHECK(f.scalar(u"SELECT COUNT(*) FROM pupils WHERE id = ?"_s, {p.pupil.id}).toInt() == 0);
        CHECK(f.scalar(u"SELECT COUNT(*) FROM purges WHERE pupil_id = ?"_s, {p.pupil.id}).toInt() == 1);
    }
    std::printf("concurrent erase and push: push first %d, erase first %d\n", pushedFirst, erasedFirst);
}

// A pupil with 1,000 marks (and their events and push results): how long the erasure takes
// (printed; the target is in docs/performance.md), and on SQLite, that the file's bytes no
// longer hold the pupil's fields once the server has closed it.
void checkLargeErase(const QString &url, const QString &sqliteFile)
{
    QStringList personal;
    {
        SyncFixture f(url);
        const ErasablePupil p = addErasablePupil(f);
        personal = p.personalFields;
        writeManyMarks(f, p.pupil.id, 1000);
        REQUIRE(f.scalar(u"SELECT COUNT(*) FROM marks WHERE pupil_id = ?"_s, {p.pupil.id}).toInt() == 1000);
        QElapsedTimer timer;
        timer.start();
        auto erased = PupilEraser(f.db).erase(f.caller(f.admin), p.pupil.id, QDateTime::currentMSecsSinceEpoch());
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        REQUIRE(erased.ok());
        CHECK(erased->marks == 1000);
        CHECK(erased->pushResults == 1000);
        std::printf("erasing a pupil with 1000 marks on %s: %.1f ms\n",
                    DatabaseUrl::parse(url)->kindName().toUtf8().constData(), ms);
    }
    if (!sqliteFile.isEmpty()) {
        CHECK_FALSE(QFile::exists(sqliteFile + u"-wal"_s));
        const QByteArray bytes = otrack::test::readFile(sqliteFile);
        REQUIRE(bytes.size() > 0);
        for (const QString &field : personal) {
            INFO(field.toStdString());
            CHECK_FALSE(bytes.contains(field.toUtf8()));
        }
    }
}

}  // namespace

TEST_CASE("erasing a pupil removes every row that names them on SQLite", "[server][erase]")
{
    otrack::test::TempDir dir;
    checkErase(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("erasing a pupil removes every row that names them on PostgreSQL", "[server][erase]")
{
    otrack::test::TestPostgresDatabase pg;
    checkErase(pg.url());
}

TEST_CASE("compaction raises the retention horizon and old cursors get 410 on SQLite", "[server][erase]")
{
    otrack::test::TempDir dir;
    checkCompaction(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("compaction raises the retention horizon and old cursors get 410 on PostgreSQL", "[server][erase]")
{
    otrack::test::TestPostgresDatabase pg;
    checkCompaction(pg.url());
}

TEST_CASE("an erasure racing a push for the same pupil on SQLite", "[server][erase]")
{
    otrack::test::TempDir dir;
    checkConcurrentErase(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("an erasure racing a push for the same pupil on PostgreSQL", "[server][erase]")
{
    otrack::test::TestPostgresDatabase pg;
    checkConcurrentErase(pg.url());
}

TEST_CASE("erasing a pupil with 1000 marks leaves none of their fields in the SQLite file", "[server][erase]")
{
    otrack::test::TempDir dir;
    const QString file = dir.file(u"server.db"_s);
    checkLargeErase(u"sqlite://"_s + file, file);
}

TEST_CASE("erasing a pupil with 1000 marks on PostgreSQL", "[server][erase]")
{
    otrack::test::TestPostgresDatabase pg;
    checkLargeErase(pg.url(), QString());
}
