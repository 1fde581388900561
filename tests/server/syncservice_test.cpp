#include "syncfixture.h"
#include "syncservice.h"

#include "serverdatabase.h"
#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>

#include <atomic>
#include <mutex>
#include <thread>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::newUuid;
using otrack::test::SyncFixture;

namespace {

constexpr qint64 kNow = 1764412345678;

PushOp markOp(const QString &pupil, const QString &objective, const QString &term, std::optional<QString> value,
              qint64 base, const QString &note = QString())
{
    PushOp op;
    op.opId = newUuid();
    op.pupilId = pupil;
    op.objectiveId = objective;
    op.termId = term;
    op.value = std::move(value);
    op.note = note;
    op.baseVersion = base;
    op.clientTime = kNow - 1000;
    return op;
}

PushResponse push(SyncFixture &f, const Caller &caller, const QList<PushOp> &ops)
{
    SyncService service(f.db);
    auto response = service.push(caller, PushRequest{caller.deviceId, ops}, kNow);
    INFO((response.ok() ? std::string() : response.error().message.toStdString()));
    REQUIRE(response.ok());
    REQUIRE(response->results.size() == ops.size());
    for (qsizetype i = 0; i < ops.size(); ++i)
        REQUIRE(response->results.at(i).opId == ops.at(i).opId);
    return response.value();
}

PushResult pushOne(SyncFixture &f, const Caller &caller, const PushOp &op)
{
    return push(f, caller, {op}).results.at(0);
}

QString reasonOf(SyncFixture &f, const Caller &caller, const PushOp &op)
{
    const PushResult result = pushOne(f, caller, op);
    CHECK(result.outcome == PushOutcome::Rejected);
    return result.reason;
}

void checkPushOutcomes(const QString &url)
{
    SyncFixture f(url);
    const Caller teacher = f.caller(f.teacher);
    const qint64 eventsBefore = f.count(u"mark_events"_s);

    // Applied, then the same batch again: the same results, flagged duplicate; nothing changes.
    const QList<PushOp> batch{markOp(f.a1.id, f.objective1, f.autumn.id, u"EXP"_s, 0, u"good"_s),
                              markOp(f.a2.id, f.objective1, f.autumn.id, u"WTS"_s, 0)};
    const PushResponse first = push(f, teacher, batch);
    for (const PushResult &result : first.results) {
        CHECK(result.outcome == PushOutcome::Applied);
        CHECK(result.version == 1);
    }
    const qint64 nextSeq = f.scalar(u"SELECT next_seq FROM schools WHERE id = ?"_s, {f.school.id}).toLongLong();
    CHECK(f.count(u"mark_events"_s) == eventsBefore + 2);
    const PushResponse retried = push(f, teacher, batch);
    for (qsizetype i = 0; i < batch.size(); ++i) {
        PushResult expected = first.results.at(i);
        expected.originalOutcome = expected.outcome;
        expected.outcome = PushOutcome::Duplicate;
        CHECK(retried.results.at(i) == expected);
        CHECK(retried.results.at(i).effectiveOutcome() == PushOutcome::Applied);
    }
    CHECK(f.count(u"mark_events"_s) == eventsBefore + 2);
    CHECK(f.scalar(u"SELECT next_seq FROM schools WHERE id = ?"_s, {f.school.id}).toLongLong() == nextSeq);
    CHECK(f.scalar(u"SELECT version FROM marks WHERE pupil_id = ? AND objective_id = ? AND term_id = ?"_s,
                   {f.a1.id, f.objective1, f.autumn.id})
              .toLongLong()
          == 1);

    // Another device on the same base: a conflict carrying the server's cell; the server keeps it.
    const PushResult conflict
        = pushOne(f, f.caller(f.admin, u"device-2"_s), markOp(f.a1.id, f.objective1, f.autumn.id, u"GDS"_s, 0));
    CHECK(conflict.outcome == PushOutcome::Conflict);
    CHECK(conflict.version == 1);
    REQUIRE(conflict.server.has_value());
    CHECK(conflict.server->value == u"EXP"_s);
    CHECK(conflict.server->note == u"good"_s);
    CHECK(conflict.server->authorId == f.teacher.id);
    CHECK(conflict.server->serverTime == kNow);
    CHECK(conflict.server->version == 1);
    CHECK(f.scalar(u"SELECT value FROM marks WHERE pupil_id = ? AND objective_id = ? AND term_id = ?"_s,
                   {f.a1.id, f.objective1, f.autumn.id})
              .toString()
          == u"EXP"_s);
    CHECK(f.scalar(u"SELECT outcome FROM mark_events WHERE op_id = ?"_s, {conflict.opId}).toString() == u"conflict"_s);

    // The same value and note on a stale base merge; a different note does not.
    const PushResult merged = pushOne(f, f.caller(f.admin, u"device-2"_s),
                                      markOp(f.a1.id, f.objective1, f.autumn.id, u"EXP"_s, 0, u"good"_s));
    CHECK(merged.outcome == PushOutcome::Merged);
    CHECK(merged.version == 1);
    CHECK(pushOne(f, teacher, markOp(f.a1.id, f.objective1, f.autumn.id, u"EXP"_s, 0, u"other"_s)).outcome
          == PushOutcome::Conflict);

    // On the current base: applied; clearing is a write too.
    const PushResult second = pushOne(f, teacher, markOp(f.a1.id, f.objective1, f.autumn.id, u"GDS"_s, 1));
    CHECK(second.outcome == PushOutcome::Applied);
    CHECK(second.version == 2);
    const PushResult cleared = pushOne(f, teacher, markOp(f.a1.id, f.objective1, f.autumn.id, std::nullopt, 2));
    CHECK(cleared.outcome == PushOutcome::Applied);
    CHECK(cleared.version == 3);
    CHECK(f.scalar(u"SELECT value FROM marks WHERE pupil_id = ? AND objective_id = ? AND term_id = ?"_s,
                   {f.a1.id, f.objective1, f.autumn.id})
              .isNull());
    // A cleared cell and a null value on a stale base merge.
    CHECK(pushOne(f, teacher, markOp(f.a1.id, f.objective1, f.autumn.id, std::nullopt, 1)).outcome
          == PushOutcome::Merged);
    // A cell with no row is version 0 with no value.
    const PushResult absent = pushOne(f, teacher, markOp(f.a2.id, f.objective2, f.autumn.id, u"EXP"_s, 4));
    CHECK(absent.outcome == PushOutcome::Conflict);
    CHECK(absent.server->version == 0);
    CHECK_FALSE(absent.server->value.has_value());

    // Every attempt so far left one event (duplicates none).
    CHECK(f.count(u"mark_events"_s) == eventsBefore + 9);
    CHECK(f.count(u"push_results"_s) == 9);
}

void checkRejections(const QString &url)
{
    SyncFixture f(url);
    const Caller teacher = f.caller(f.teacher);
    const Caller admin = f.caller(f.admin);

    // Another school's pupil looks exactly like one that does not exist.
    const PushResult foreign = pushOne(f, teacher, markOp(f.otherPupil.id, f.objective1, f.autumn.id, u"EXP"_s, 0));
    const PushResult missing = pushOne(f, teacher, markOp(newUuid(), f.objective1, f.autumn.id, u"EXP"_s, 0));
    CHECK(foreign.reason == QLatin1String(rejection::kUnknownPupil));
    PushResult comparable = foreign;
    comparable.opId = missing.opId;
    CHECK(comparable == missing);
    CHECK(reasonOf(f, admin, markOp(f.otherPupil.id, f.objective1, f.autumn.id, u"EXP"_s, 0))
          == QLatin1String(rejection::kUnknownPupil));

    // A teacher writes only their groups' pupils; read_only and reports_only never write.
    CHECK(reasonOf(f, teacher, markOp(f.b1.id, f.objective1, f.autumn.id, u"EXP"_s, 0))
          == QLatin1String(rejection::kPermission));
    CHECK(reasonOf(f, f.caller(f.readOnly), markOp(f.a1.id, f.objective1, f.autumn.id, u"EXP"_s, 0))
          == QLatin1String(rejection::kPermission));
    CHECK(reasonOf(f, f.caller(f.reportsOnly), markOp(f.a1.id, f.objective1, f.autumn.id, u"EXP"_s, 0))
          == QLatin1String(rejection::kPermission));
    CHECK(pushOne(f, admin, markOp(f.b1.id, f.objective1, f.autumn.id, u"EXP"_s, 0)).outcome == PushOutcome::Applied);
    CHECK(pushOne(f, f.caller(f.owner), markOp(f.b1.id, f.objective2, f.autumn.id, u"EXP"_s, 0)).outcome
          == PushOutcome::Applied);

    // Erased pupils.
    const QString erased = newUuid();
    QSqlQuery query(f.db);
    REQUIRE(query.prepare(u"INSERT INTO erased_pupils (pupil_id, school_id, erased_at) VALUES (?, ?, 1)"_s));
    query.addBindValue(erased);
    query.addBindValue(f.school.id);
    REQUIRE(query.exec());
    CHECK(reasonOf(f, admin, markOp(erased, f.objective1, f.autumn.id, u"EXP"_s, 0))
          == QLatin1String(rejection::kErasedPupil));

    // A locked term: closed to teachers, open to admins and owners.
    CHECK(reasonOf(f, teacher, markOp(f.a1.id, f.objective1, f.lockedTerm.id, u"EXP"_s, 0))
          == QLatin1String(rejection::kLockedTerm));
    CHECK(pushOne(f, admin, markOp(f.a1.id, f.objective1, f.lockedTerm.id, u"EXP"_s, 0)).outcome
          == PushOutcome::Applied);

    // Validation: unknown term or objective (also another school's), a value off the scale.
    for (const PushOp &op :
         {markOp(f.a1.id, f.objective1, newUuid(), u"EXP"_s, 0), markOp(f.a1.id, newUuid(), f.autumn.id, u"EXP"_s, 0),
          markOp(f.a1.id, f.objective1, f.autumn.id, u"XYZ"_s, 0)}) {
        const PushResult result = pushOne(f, teacher, op);
        CHECK(result.outcome == PushOutcome::Rejected);
        CHECK(result.reason == QLatin1String(rejection::kValidation));
        CHECK_FALSE(result.detail.isEmpty());
    }
    CHECK(f.count(u"marks"_s) == 3);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM mark_events WHERE outcome = 'rejected'"_s).toLongLong() == 11);

    // A school that is not active records nothing: the op may be sent again once it is.
    SchoolAdmin schools(f.db);
    REQUIRE(schools.setSchoolStatus(f.school.id, SchoolStatus::Suspended).ok());
    const PushOp later = markOp(f.a2.id, f.objective2, f.autumn.id, u"EXP"_s, 0);
    const qint64 events = f.count(u"mark_events"_s);
    CHECK(reasonOf(f, teacher, later) == QLatin1String(rejection::kSchoolNotActive));
    CHECK(f.count(u"mark_events"_s) == events);
    REQUIRE(schools.setSchoolStatus(f.school.id, SchoolStatus::Active).ok());
    CHECK(pushOne(f, teacher, later).outcome == PushOutcome::Applied);

    // The body's device must be the token's.
    SyncService service(f.db);
    auto wrongDevice = service.push(teacher, PushRequest{u"someone-else"_s, {later}}, kNow);
    REQUIRE_FALSE(wrongDevice.ok());
    CHECK(wrongDevice.error().code == ErrorCode::InvalidArgument);
}

void checkBatchOrder(const QString &url)
{
    SyncFixture f(url);
    // Results come back in request order, whatever order the ops are applied in; two ops on
    // one cell in one batch behave as if sent one after the other.
    QList<PushOp> ops{markOp(f.a2.id, f.objective2, f.autumn.id, u"EXP"_s, 0),
                      markOp(f.a1.id, f.objective1, f.autumn.id, u"EXP"_s, 0),
                      markOp(f.a1.id, f.objective1, f.autumn.id, u"GDS"_s, 1)};
    ops.append(ops.at(0));  // the same op id twice: the second is a duplicate of the first
    const PushResponse response = push(f, f.caller(f.admin), ops);
    CHECK(response.results.at(0).outcome == PushOutcome::Applied);
    CHECK(response.results.at(1).outcome == PushOutcome::Applied);
    CHECK(response.results.at(2).outcome == PushOutcome::Applied);
    CHECK(response.results.at(2).version == 2);
    CHECK(response.results.at(3).outcome == PushOutcome::Duplicate);
    CHECK(response.serverTime == kNow);
}

QList<Change> pullAll(SyncFixture &f, const Caller &caller, qint64 cursor, int limit, int *pages = nullptr,
                      qint64 *finalCursor = nullptr)
{
    SyncService service(f.db);
    QList<Change> all;
    for (int page = 0; page < 10000; ++page) {
        PullRequest request;
        request.cursor = cursor;
        request.limit = limit;
        auto response = service.pull(caller, request);
        INFO((response.ok() ? std::string() : response.error().message.toStdString()));
        REQUIRE(response.ok());
        REQUIRE(response->changes.size() <= limit);
        for (const Change &change : response->changes) {
            REQUIRE(change.seq > cursor);
            if (!all.isEmpty())
                REQUIRE(change.seq > all.constLast().seq);
            all.append(change);
        }
        REQUIRE(response->nextCursor >= cursor);
        cursor = response->nextCursor;
        if (pages)
            *pages = page + 1;
        if (!response->hasMore)
            break;
    }
    if (finalCursor)
        *finalCursor = cursor;
    return all;
}

QSet<QString> idsOf(const QList<Change> &changes, ChangeType type, const QString &field = u"id"_s)
{
    QSet<QString> ids;
    for (const Change &change : changes)
        if (change.type == type)
            ids.insert(change.data.value(field).toString());
    return ids;
}

void checkPull(const QString &url)
{
    SyncFixture f(url);
    push(f, f.caller(f.admin),
         {markOp(f.a1.id, f.objective1, f.autumn.id, u"EXP"_s, 0, u"note"_s),
          markOp(f.a2.id, f.objective1, f.autumn.id, u"WTS"_s, 0),
          markOp(f.b1.id, f.objective1, f.autumn.id, u"GDS"_s, 0)});

    // The whole school for an admin, in one page or in many: the same changes.
    qint64 cursor = 0;
    const QList<Change> whole = pullAll(f, f.caller(f.admin), 0, 1000, nullptr, &cursor);
    CHECK(cursor == f.scalar(u"SELECT next_seq FROM schools WHERE id = ?"_s, {f.school.id}).toLongLong() - 1);
    int pages = 0;
    const QList<Change> paged = pullAll(f, f.caller(f.admin), 0, 3, &pages);
    CHECK(paged == whole);
    CHECK(pages > 3);
    CHECK(idsOf(whole, ChangeType::Pupil) == QSet<QString>{f.a1.id, f.a2.id, f.b1.id});
    CHECK(idsOf(whole, ChangeType::Mark, u"pupil_id"_s) == QSet<QString>{f.a1.id, f.a2.id, f.b1.id});
    CHECK(idsOf(whole, ChangeType::Group) == QSet<QString>{f.classA.id, f.classB.id});
    CHECK(idsOf(whole, ChangeType::Term) == QSet<QString>{f.autumn.id, f.lockedTerm.id});
    CHECK(idsOf(whole, ChangeType::Scale) == QSet<QString>{f.scale.id});
    CHECK(idsOf(whole, ChangeType::Framework) == QSet<QString>{f.framework.id});
    CHECK(idsOf(whole, ChangeType::Staff).size() == 6);
    for (const Change &change : whole) {
        if (change.type == ChangeType::Mark && change.data.value(u"pupil_id"_s).toString() == f.a1.id) {
            auto mark = PulledMark::fromJson(change.data);
            REQUIRE(mark.ok());
            CHECK(mark->value == u"EXP"_s);
            CHECK(mark->note == u"note"_s);
            CHECK(mark->version == 1);
            CHECK(mark->authorId == f.admin.id);
        }
        if (change.type == ChangeType::Scale)
            CHECK(change.data.value(u"values"_s).toArray().size() == 3);
        if (change.type == ChangeType::Framework)
            CHECK(change.data.value(u"objectives"_s).toArray().size() == 2);
        if (change.type == ChangeType::Group && change.data.value(u"id"_s).toString() == f.classA.id)
            CHECK(change.data.value(u"pupil_ids"_s).toArray().size() == 2);
        if (change.type == ChangeType::Staff)
            CHECK_FALSE(change.data.contains(u"password_hash"_s));
        if (change.type == ChangeType::Term && change.data.value(u"id"_s).toString() == f.lockedTerm.id)
            CHECK(change.data.value(u"locked"_s).toBool());
    }
    CHECK(pullAll(f, f.caller(f.readOnly), 0, 1000) == whole);
    CHECK(pullAll(f, f.caller(f.reportsOnly), 0, 1000) == whole);

    // A teacher sees only their groups' pupils and marks.
    const QList<Change> mine = pullAll(f, f.caller(f.teacher), 0, 2);
    CHECK(idsOf(mine, ChangeType::Pupil) == QSet<QString>{f.a1.id, f.a2.id});
    CHECK(idsOf(mine, ChangeType::Mark, u"pupil_id"_s) == QSet<QString>{f.a1.id, f.a2.id});
    CHECK(idsOf(mine, ChangeType::Group) == QSet<QString>{f.classA.id});
    CHECK(idsOf(mine, ChangeType::Scale) == QSet<QString>{f.scale.id});

    // Incremental: only what changed after the cursor; nothing new leaves the cursor alone.
    push(f, f.caller(f.teacher), {markOp(f.a2.id, f.objective1, f.autumn.id, u"EXP"_s, 1)});
    qint64 after = 0;
    const QList<Change> delta = pullAll(f, f.caller(f.admin), cursor, 1000, nullptr, &after);
    REQUIRE(delta.size() == 1);
    CHECK(delta.at(0).type == ChangeType::Mark);
    CHECK(delta.at(0).data.value(u"version"_s).toInteger() == 2);
    CHECK(after == delta.at(0).seq);
    CHECK(pullAll(f, f.caller(f.admin), after, 1000).isEmpty());
    // A teacher's cursor moves on past changes they cannot see.
    push(f, f.caller(f.admin), {markOp(f.b1.id, f.objective2, f.autumn.id, u"EXP"_s, 0)});
    qint64 teacherCursor = 0;
    CHECK(pullAll(f, f.caller(f.teacher), after, 1000, nullptr, &teacherCursor).isEmpty());
    CHECK(teacherCursor == after + 1);

    // Purges reach everyone, with the pupil's id only.
    SyncService service(f.db);
    QSqlQuery query(f.db);
    REQUIRE(query.prepare(u"UPDATE schools SET next_seq = next_seq + 1 WHERE id = ?"_s));
    query.addBindValue(f.school.id);
    REQUIRE(query.exec());
    REQUIRE(query.prepare(u"INSERT INTO purges (school_id, seq, pupil_id) VALUES (?, ?, ?)"_s));
    query.addBindValue(f.school.id);
    query.addBindValue(teacherCursor + 1);
    query.addBindValue(u"gone-pupil"_s);
    REQUIRE(query.exec());
    const QList<Change> purge = pullAll(f, f.caller(f.teacher), teacherCursor, 1000);
    REQUIRE(purge.size() == 1);
    CHECK(purge.at(0).type == ChangeType::Purge);
    CHECK(purge.at(0).data == QJsonObject{{u"pupil_id"_s, u"gone-pupil"_s}});

    // Bad cursors: beyond the school's sequence (400), below the retention horizon (410).
    PullRequest beyond;
    beyond.cursor = teacherCursor + 2;
    auto refused = service.pull(f.caller(f.admin), beyond);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidArgument);
    REQUIRE(query.prepare(u"UPDATE schools SET retention_seq = 5 WHERE id = ?"_s));
    query.addBindValue(f.school.id);
    REQUIRE(query.exec());
    PullRequest old;
    old.cursor = 4;
    auto gone = service.pull(f.caller(f.admin), old);
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().code == ErrorCode::Gone);
    old.cursor = 0;
    CHECK(service.pull(f.caller(f.admin), old).ok());
    old.cursor = 5;
    CHECK(service.pull(f.caller(f.admin), old).ok());

    // An epoch the client no longer matches: start again.
    SchoolAdmin schools(f.db);
    const qint64 epoch = schools.staffEpoch(f.school.id, f.teacher.id).value();
    PullRequest stale;
    stale.cursor = 5;
    stale.epoch = epoch;
    auto fine = service.pull(f.caller(f.teacher), stale);
    REQUIRE(fine.ok());
    CHECK_FALSE(fine->resync);
    CHECK(fine->epoch == epoch);
    REQUIRE(schools.removeStaffFromGroup(f.school.id, f.teacher.id, f.classA.id).ok());
    auto resync = service.pull(f.caller(f.teacher), stale);
    REQUIRE(resync.ok());
    CHECK(resync->resync);
    CHECK(resync->epoch == epoch + 1);
    CHECK(resync->nextCursor == 0);
    CHECK(resync->changes.isEmpty());
}

struct CellKey {
    QString pupil;
    QString objective;
    bool operator==(const CellKey &) const = default;
};

size_t qHash(const CellKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.pupil, key.objective);
}

// Two writers on their own connections push overlapping batches while a reader pages through
// the changes: every op gets one answer, every applied op is one version of its cell (no lost
// update), and the reader, which never sees a number after a larger one, ends with the same
// cells as the server.
void checkConcurrentPushes(const QString &url)
{
    SyncFixture f(url);
    const QList<CellKey> cells{{f.a1.id, f.objective1}, {f.a1.id, f.objective2}, {f.a2.id, f.objective1},
                               {f.a2.id, f.objective2}, {f.b1.id, f.objective1}, {f.b1.id, f.objective2}};
    const QStringList codes{u"WTS"_s, u"EXP"_s, u"GDS"_s};
    std::mutex mutex;
    QStringList failures;
    QHash<CellKey, qint64> applied;
    std::atomic<int> writersRunning{2};
    auto fail = [&](const QString &what) {
        std::lock_guard lock(mutex);
        failures << what;
    };

    auto writer = [&](int number) {
        {
            auto parsed = DatabaseUrl::parse(url);
            auto opened = ServerDatabase::open(parsed.value(), u"writer-%1"_s.arg(number));
            if (!opened) {
                fail(opened.error().message);
                --writersRunning;
                return;
            }
            QSqlDatabase db = opened.value()->connection();
            SyncService service(db);
            const Caller caller{f.school.id, f.admin.id, u"device-%1"_s.arg(number), Role::Admin, 1};
            for (int round = 0; round < 30; ++round) {
                QList<PushOp> ops;
                for (int i = 0; i < 4; ++i) {
                    const CellKey &cell = cells.at((round + i * (number + 1)) % cells.size());
                    QSqlQuery read(db);
                    read.prepare(
                        u"SELECT version FROM marks WHERE pupil_id = ? AND objective_id = ? AND term_id = ?"_s);
                    read.addBindValue(cell.pupil);
                    read.addBindValue(cell.objective);
                    read.addBindValue(f.autumn.id);
                    read.exec();
                    const qint64 base = read.next() ? read.value(0).toLongLong() : 0;
                    ops << markOp(cell.pupil, cell.objective, f.autumn.id, codes.at((round + number + i) % 3), base);
                }
                auto response = service.push(caller, PushRequest{caller.deviceId, ops}, kNow + round);
                if (!response) {
                    fail(response.error().message);
                    continue;
                }
                std::lock_guard lock(mutex);
                for (qsizetype i = 0; i < ops.size(); ++i) {
                    const PushResult &result = response->results.at(i);
                    if (result.outcome == PushOutcome::Applied)
                        ++applied[CellKey{ops.at(i).pupilId, ops.at(i).objectiveId}];
                    else if (result.outcome != PushOutcome::Conflict && result.outcome != PushOutcome::Merged)
                        failures << u"unexpected outcome "_s + toString(result.outcome);
                }
            }
        }
        --writersRunning;
    };

    QHash<CellKey, qint64> seen;
    auto reader = [&]() {
        {
            auto parsed = DatabaseUrl::parse(url);
            auto opened = ServerDatabase::open(parsed.value(), u"reader"_s);
            if (!opened) {
                fail(opened.error().message);
                return;
            }
            SyncService service(opened.value()->connection());
            const Caller caller{f.school.id, f.readOnly.id, u"device-r"_s, Role::ReadOnly, 1};
            qint64 cursor = 0;
            qint64 lastSeq = 0;
            bool last = false;
            while (!last) {
                last = writersRunning.load() == 0;  // one more full pass after the writers end
                for (;;) {
                    PullRequest request;
                    request.cursor = cursor;
                    request.limit = 7;
                    auto response = service.pull(caller, request);
                    if (!response) {
                        fail(response.error().message);
                        return;
                    }
                    for (const Change &change : response->changes) {
                        if (change.seq <= lastSeq)
                            fail(u"seq %1 after %2"_s.arg(change.seq).arg(lastSeq));
                        lastSeq = change.seq;
                        if (change.type == ChangeType::Mark)
                            seen[CellKey{change.data.value(u"pupil_id"_s).toString(),
                                         change.data.value(u"objective_id"_s).toString()}]
                                = change.data.value(u"version"_s).toInteger();
                    }
                    cursor = response->nextCursor;
                    if (!response->hasMore)
                        break;
                }
            }
        }
    };

    std::thread w1(writer, 1), w2(writer, 2), r(reader);
    w1.join();
    w2.join();
    r.join();
    INFO(failures.join(u"; "_s).toStdString());
    REQUIRE(failures.isEmpty());

    qint64 totalApplied = 0;
    for (const CellKey &cell : cells) {
        const qint64 version = f.scalar(u"SELECT COALESCE(MAX(version), 0) FROM marks WHERE pupil_id = ? AND "
                                        u"objective_id = ? AND term_id = ?"_s,
                                        {cell.pupil, cell.objective, f.autumn.id})
                                   .toLongLong();
        CHECK(version == applied.value(cell));
        CHECK(seen.value(cell) == version);
        totalApplied += version;
    }
    CHECK(totalApplied > 0);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM mark_events WHERE outcome = 'applied'"_s).toLongLong() == totalApplied);
    CHECK(f.count(u"mark_events"_s) == 2 * 30 * 4);
}

}  // namespace

TEST_CASE("push outcomes on SQLite", "[server][sync]")
{
    otrack::test::TempDir dir;
    checkPushOutcomes(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("push outcomes on PostgreSQL", "[server][sync]")
{
    otrack::test::TestPostgresDatabase pg;
    checkPushOutcomes(pg.url());
}

TEST_CASE("push rejections on SQLite", "[server][sync]")
{
    otrack::test::TempDir dir;
    checkRejections(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("push rejections on PostgreSQL", "[server][sync]")
{
    otrack::test::TestPostgresDatabase pg;
    checkRejections(pg.url());
}

TEST_CASE("push batch order on SQLite", "[server][sync]")
{
    otrack::test::TempDir dir;
    checkBatchOrder(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("push batch order on PostgreSQL", "[server][sync]")
{
    otrack::test::TestPostgresDatabase pg;
    checkBatchOrder(pg.url());
}

TEST_CASE("pull paging and scope on SQLite", "[server][sync]")
{
    otrack::test::TempDir dir;
    checkPull(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("pull paging and scope on PostgreSQL", "[server][sync]")
{
    otrack::test::TestPostgresDatabase pg;
    checkPull(pg.url());
}

TEST_CASE("concurrent pushes and pulls on SQLite", "[server][sync]")
{
    otrack::test::TempDir dir;
    checkConcurrentPushes(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("concurrent pushes and pulls on PostgreSQL", "[server][sync]")
{
    otrack::test::TestPostgresDatabase pg;
    checkConcurrentPushes(pg.url());
}
