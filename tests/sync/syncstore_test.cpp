// The engine's store logic without a socket: batching and chaining the outbox, applying push
// results, applying pull pages, restarting from 0, purges, resolving conflicts, backoff.
#include "backoff.h"
#include "conflictstore.h"
#include "localstore.h"
#include "markstore.h"
#include "outboxpush.h"
#include "pullapplier.h"
#include "schoolfixture.h"
#include "syncsession.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace otrack;
using namespace Qt::StringLiterals;

namespace {

struct Store {
    otrack::test::TempDir dir;
    std::unique_ptr<LocalStore> store;
    otrack::test::SchoolFixture school;
    SyncSession session;

    Store()
    {
        auto created = LocalStore::create(dir.path(), u"password"_s, ScryptParams::fastForTests());
        REQUIRE(created.ok());
        store = std::move(created.value());
        school = otrack::test::seedSchool(db(), 3, 3);
        auto loaded = SyncSession::load(db());
        REQUIRE(loaded.ok());
        session = loaded.value();
        session.schoolId = school.schoolId;
        session.userId = school.teacherId;
    }
    Database &db() { return store->database(); }
    MarkKey key(int pupil, int objective = 0) const
    {
        return {school.pupilIds[pupil], school.objectiveIds[objective], school.termIds[0]};
    }
    QString mark(const MarkKey &key, const QString &value)
    {
        auto opId = MarkStore(db(), school.schoolId, school.teacherId).record({key, value, QString()});
        REQUIRE(opId.ok());
        return opId.value();
    }
    qint64 count(const char *sql)
    {
        auto value = db().scalar(sql);
        REQUIRE(value.ok());
        return value->toLongLong();
    }
};

PushResult applied(const PushOp &op, qint64 version)
{
    PushResult result;
    result.opId = op.opId;
    result.outcome = PushOutcome::Applied;
    result.version = version;
    return result;
}

Change markChange(qint64 seq, const MarkKey &key, const QString &value, qint64 version)
{
    PulledMark mark{key.pupilId, key.termId, key.objectiveId, value, QString(), u"other"_s, 1, 2, version};
    return Change{seq, ChangeType::Mark, mark.toJson()};
}

}  // namespace

TEST_CASE("a batch carries only the first queued edit of each cell and its result rebases the next", "[sync][outbox]")
{
    Store s;
    const QString first = s.mark(s.key(0), u"WTS"_s);
    const QString second = s.mark(s.key(0), u"EXP"_s);
    const QString other = s.mark(s.key(1), u"GDS"_s);
    OutboxPush push(s.db(), s.school.schoolId, s.school.teacherId);

    auto batch = push.nextBatch(500);
    REQUIRE(batch.ok());
    REQUIRE(batch->size() == 2);
    CHECK(batch->at(0).opId == first);
    CHECK(batch->at(1).opId == other);
    CHECK(batch->at(0).baseVersion == 0);
    CHECK(batch->at(0).clientTime > 0);

    PushResponse response{{applied(batch->at(0), 1), applied(batch->at(1), 1)}, 0};
    auto summary = push.apply(batch.value(), response);
    REQUIRE(summary.ok());
    CHECK(summary->applied == 2);

    auto next = push.nextBatch(500);
    REQUIRE(next.ok());
    REQUIRE(next->size() == 1);
    CHECK(next->at(0).opId == second);
    CHECK(next->at(0).baseVersion == 1);  // chained on the first edit's result
    REQUIRE(push.apply(next.value(), PushResponse{{applied(next->at(0), 2)}, 0}).ok());
    CHECK(s.count("SELECT count(*) FROM outbox") == 0);
    CHECK(s.count("SELECT max(server_version) FROM marks") == 2);
}

TEST_CASE("a batch never holds more than the limit", "[sync][outbox]")
{
    Store s;
    for (int p = 0; p < 3; ++p)
        for (int o = 0; o < 3; ++o)
            s.mark(s.key(p, o), u"EXP"_s);
    auto batch = OutboxPush(s.db(), s.school.schoolId, s.school.teacherId).nextBatch(4);
    REQUIRE(batch.ok());
    CHECK(batch->size() == 4);
}

TEST_CASE("an answer that does not match the batch deletes nothing", "[sync][outbox]")
{
    Store s;
    s.mark(s.key(0), u"EXP"_s);
    s.mark(s.key(1), u"EXP"_s);
    OutboxPush push(s.db(), s.school.schoolId, s.school.teacherId);
    auto batch = push.nextBatch(500);
    REQUIRE(batch.ok());
    CHECK_FALSE(push.apply(batch.value(), PushResponse{{applied(batch->at(0), 1)}, 0}).ok());
    CHECK_FALSE(push.apply(batch.value(), PushResponse{{applied(batch->at(1), 1), applied(batch->at(0), 1)}, 0}).ok());
    CHECK(s.count("SELECT count(*) FROM outbox") == 2);
}

TEST_CASE("a conflict keeps both sides and folds the cell's later edits into it", "[sync][outbox]")
{
    Store s;
    s.mark(s.key(0), u"WTS"_s);
    const QString last = s.mark(s.key(0), u"GDS"_s);
    OutboxPush push(s.db(), s.school.schoolId, s.school.teacherId);
    auto batch = push.nextBatch(500);
    REQUIRE(batch.ok());
    PushResult result;
    result.opId = batch->at(0).opId;
    result.outcome = PushOutcome::Conflict;
    result.version = 7;
    result.server = ServerMark{u"EXP"_s, u"their note"_s, u"someone"_s, 1700000000000, 7};
    auto summary = push.apply(batch.value(), PushResponse{{result}, 0});
    REQUIRE(summary.ok());
    CHECK(summary->conflicts == 1);
    CHECK(s.count("SELECT count(*) FROM outbox") == 0);

    ConflictStore conflicts(s.db(), s.school.schoolId, s.school.teacherId);
    auto list = conflicts.conflicts();
    REQUIRE(list.ok());
    REQUIRE(list->size() == 1);
    const MarkConflict &c = list->first();
    CHECK(c.opId == last);
    CHECK(c.localValue == u"GDS"_s);
    CHECK(c.serverValue == u"EXP"_s);
    CHECK(c.serverNote == u"their note"_s);
    CHECK(c.serverVersion == 7);

    // A pulled row for the cell does not overwrite the teacher's value while they choose.
    PullApplier applier(s.db(), s.session);
    REQUIRE(applier.applyPage(PullResponse{{markChange(5, s.key(0), u"EXP"_s, 7)}, 5, false, 1, false}).ok());
    CHECK(MarkStore(s.db(), s.school.schoolId, s.school.teacherId).mark(s.key(0)).value()->value == u"GDS"_s);

    REQUIRE(conflicts.resolve(c.id, ConflictStore::Choice::KeepMine).ok());
    auto mine = OutboxPush(s.db(), s.school.schoolId, s.school.teacherId).nextBatch(500);
    REQUIRE(mine.ok());
    REQUIRE(mine->size() == 1);
    CHECK(mine->at(0).baseVersion == 7);
    CHECK(mine->at(0).value == u"GDS"_s);
}

TEST_CASE("rejections are kept and a school that is not active holds the op", "[sync][outbox]")
{
    Store s;
    s.mark(s.key(0), u"EXP"_s);
    s.mark(s.key(1), u"EXP"_s);
    OutboxPush push(s.db(), s.school.schoolId, s.school.teacherId);
    auto batch = push.nextBatch(500);
    REQUIRE(batch.ok());
    PushResult locked{batch->at(0).opId, PushOutcome::Rejected, 0, u"locked_term"_s, u"detail"_s, {}, {}};
    PushResult inactive{batch->at(1).opId, PushOutcome::Rejected, 0, u"school_not_active"_s, {}, {}, {}};
    auto summary = push.apply(batch.value(), PushResponse{{locked, inactive}, 0});
    REQUIRE(summary.ok());
    CHECK(summary->rejected == 1);
    CHECK(summary->held == 1);
    auto rejections = ConflictStore(s.db(), s.school.schoolId, s.school.teacherId).rejections();
    REQUIRE(rejections.ok());
    REQUIRE(rejections->size() == 1);
    CHECK(rejections->first().reason == u"locked_term"_s);
    CHECK(s.count("SELECT count(*) FROM outbox") == 1);
}

TEST_CASE("a pull page and its cursor commit together and a bad page changes nothing", "[sync][pull]")
{
    Store s;
    PullApplier applier(s.db(), s.session);
    REQUIRE(applier.applyPage(PullResponse{{markChange(3, s.key(2), u"EXP"_s, 4)}, 3, true, 1, false}).ok());
    CHECK(s.session.cursor == 3);
    CHECK_FALSE(s.session.initialSyncDone);
    CHECK(SyncSession::load(s.db()).value().cursor == 3);

    Change broken{9, ChangeType::Pupil, QJsonObject{{u"id"_s, u"x"_s}}};
    auto failed = applier.applyPage(PullResponse{{markChange(8, s.key(1), u"GDS"_s, 1), broken}, 9, false, 1, false});
    CHECK_FALSE(failed.ok());
    CHECK(s.session.cursor == 3);
    CHECK(SyncSession::load(s.db()).value().cursor == 3);
    CHECK_FALSE(MarkStore(s.db(), s.school.schoolId, s.school.teacherId).mark(s.key(1)).value().has_value());

    REQUIRE(applier.applyPage(PullResponse{{}, 12, false, 1, false}).ok());
    CHECK(SyncSession::load(s.db()).value().initialSyncDone);
}

TEST_CASE("a pulled mark does not overwrite a queued edit nor an older version a newer", "[sync][pull]")
{
    Store s;
    s.mark(s.key(0), u"WTS"_s);
    PullApplier applier(s.db(), s.session);
    REQUIRE(applier.applyPage(PullResponse{{markChange(2, s.key(0), u"EXP"_s, 3)}, 2, false, 1, false}).ok());
    MarkStore marks(s.db(), s.school.schoolId, s.school.teacherId);
    CHECK(marks.mark(s.key(0)).value()->value == u"WTS"_s);

    REQUIRE(applier.applyPage(PullResponse{{markChange(4, s.key(1), u"GDS"_s, 5)}, 4, false, 1, false}).ok());
    REQUIRE(applier.applyPage(PullResponse{{markChange(6, s.key(1), u"WTS"_s, 4)}, 6, false, 1, false}).ok());
    CHECK(marks.mark(s.key(1)).value()->value == u"GDS"_s);
    CHECK(marks.mark(s.key(1)).value()->serverVersion == 5);
}

TEST_CASE("restarting from 0 keeps the outbox and the cells it needs", "[sync][pull]")
{
    Store s;
    PullApplier applier(s.db(), s.session);
    REQUIRE(applier.applyPage(PullResponse{{markChange(3, s.key(1), u"EXP"_s, 1)}, 3, false, 1, false}).ok());
    s.mark(s.key(0), u"GDS"_s);
    REQUIRE(applier.restartFromZero(2).ok());
    CHECK(s.session.cursor == 0);
    CHECK(s.session.epoch == 2);
    CHECK(s.count("SELECT count(*) FROM outbox") == 1);
    CHECK(s.count("SELECT count(*) FROM marks") == 1);
    CHECK(s.count("SELECT count(*) FROM pupils") == 1);
    CHECK(s.count("SELECT count(*) FROM groups") == 0);
    CHECK(s.count("SELECT count(*) FROM terms") == 3);
    CHECK(SyncSession::load(s.db()).value().cursor == 0);
}

TEST_CASE("a purge deletes the pupil from every table", "[sync][pull]")
{
    Store s;
    s.mark(s.key(0), u"GDS"_s);
    s.mark(s.key(1), u"GDS"_s);
    const QString gone = s.school.pupilIds[0];
    PullApplier applier(s.db(), s.session);
    REQUIRE(applier
                .applyPage(PullResponse{
                    {Change{7, ChangeType::Purge, QJsonObject{{u"pupil_id"_s, gone}}}}, 7, false, 1, false})
                .ok());
    for (const char *table : {"pupils WHERE id", "marks WHERE pupil_id", "outbox WHERE pupil_id",
                              "group_members WHERE pupil_id", "audit_events WHERE substr(entity_id, 1, 36)"}) {
        auto q = s.db().prepare(std::string("SELECT count(*) FROM ") + table + " = ?1");
        REQUIRE(q.ok());
        REQUIRE(q->bind(1, gone).next().value());
        INFO(table);
        CHECK(q->int64(0) == 0);
    }
    CHECK(s.count("SELECT count(*) FROM outbox") == 1);
    CHECK(s.count("SELECT count(*) FROM pupils") == 2);
}

TEST_CASE("backoff grows exponentially to its maximum with jitter in the upper half", "[sync][backoff]")
{
    using std::chrono::milliseconds;
    Backoff backoff(milliseconds(100), milliseconds(1000), 42);
    CHECK(backoff.ceiling(1) == milliseconds(100));
    CHECK(backoff.ceiling(2) == milliseconds(200));
    CHECK(backoff.ceiling(4) == milliseconds(800));
    CHECK(backoff.ceiling(5) == milliseconds(1000));
    CHECK(backoff.ceiling(60) == milliseconds(1000));
    QList<qint64> delays;
    for (int i = 1; i <= 8; ++i) {
        const auto delay = backoff.next();
        CHECK(delay <= backoff.ceiling(i));
        CHECK(delay >= backoff.ceiling(i) / 2);
        delays.append(delay.count());
    }
    backoff.reset();
    CHECK(backoff.failures() == 0);
    // Jitter: two clients with different seeds do not retry in step.
    Backoff other(milliseconds(100), milliseconds(1000), 43);
    QList<qint64> otherDelays;
    for (int i = 1; i <= 8; ++i)
        otherDelays.append(other.next().count());
    CHECK(delays != otherDelays);
}
