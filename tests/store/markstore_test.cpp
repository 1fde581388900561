#include "localstore.h"
#include "markstore.h"

#include "schoolfixture.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

using namespace otrack;
using otrack::test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    std::unique_ptr<LocalStore> store;
    otrack::test::SchoolFixture school;

    Fixture()
    {
        auto created = LocalStore::create(dir.path(), QStringLiteral("pw"), ScryptParams::fastForTests());
        REQUIRE(created.ok());
        store = std::move(created.value());
        school = otrack::test::seedSchool(store->database(), 10, 8);
    }
    MarkStore marks() { return MarkStore(store->database(), school.schoolId, school.teacherId); }
    MarkKey key(int pupil, int objective, int term = 0)
    {
        return {school.pupilIds[pupil], school.objectiveIds[objective], school.termIds[term]};
    }
    int count(const char *table)
    {
        return store->database().scalar(std::string("SELECT count(*) FROM ") + table).value().toInt();
    }
};

}  // namespace

TEST_CASE("recording a mark writes the mark, an outbox entry and an audit event together")
{
    Fixture f;
    MarkStore marks = f.marks();
    auto op = marks.record({f.key(1, 2), QStringLiteral("EXP"), QStringLiteral("secure with column addition")});
    REQUIRE(op.ok());

    auto mark = marks.mark(f.key(1, 2));
    REQUIRE(mark.ok());
    REQUIRE(mark->has_value());
    CHECK(mark->value().value == QStringLiteral("EXP"));
    CHECK(mark->value().note == QStringLiteral("secure with column addition"));
    CHECK(mark->value().authorId == f.school.teacherId);
    CHECK(mark->value().serverVersion == 0);

    auto pending = marks.pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->first().opId == op.value());
    CHECK(pending->first().key == f.key(1, 2));
    CHECK(pending->first().value == QStringLiteral("EXP"));
    CHECK(pending->first().baseVersion == 0);
    CHECK(f.count("audit_events") == 1);
    CHECK(f.store->database().scalar("SELECT action FROM audit_events").value() == QStringLiteral("mark.set"));
}

TEST_CASE("an edit carries the server version the teacher saw as its base")
{
    Fixture f;
    MarkStore marks = f.marks();
    REQUIRE(marks.record({f.key(0, 0), QStringLiteral("WTS"), {}}).ok());
    // As if the server had confirmed version 7 of this cell.
    REQUIRE(f.store->database().exec("UPDATE marks SET server_version = 7; DELETE FROM outbox;").ok());
    REQUIRE(marks.record({f.key(0, 0), std::nullopt, {}}).ok());

    auto pending = marks.pending(10).value();
    REQUIRE(pending.size() == 1);
    CHECK(pending.first().baseVersion == 7);
    CHECK_FALSE(pending.first().value.has_value());
    CHECK_FALSE(marks.mark(f.key(0, 0)).value()->value.has_value());
    CHECK(f.store->database().scalar("SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1").value()
          == QStringLiteral("mark.clear"));
}

TEST_CASE("invalid edits are refused and write nothing")
{
    Fixture f;
    MarkStore marks = f.marks();
    const auto lockedTerm = 2;

    auto locked = marks.record({f.key(0, 0, lockedTerm), QStringLiteral("EXP"), {}});
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.error().code == ErrorCode::Locked);

    auto offScale = marks.record({f.key(0, 0), QStringLiteral("A*"), {}});
    REQUIRE_FALSE(offScale.ok());
    CHECK(offScale.error().code == ErrorCode::InvalidArgument);

    auto unknownPupil = marks.record(
        {{QStringLiteral("no-such-pupil"), f.school.objectiveIds[0], f.school.termIds[0]}, QStringLiteral("EXP"), {}});
    CHECK(unknownPupil.error().code == ErrorCode::InvalidArgument);

    MarkStore otherSchool(f.store->database(), QStringLiteral("another-school"), f.school.teacherId);
    CHECK(otherSchool.record({f.key(0, 0), QStringLiteral("EXP"), {}}).error().code == ErrorCode::InvalidArgument);

    CHECK(f.count("marks") == 0);
    CHECK(f.count("outbox") == 0);
    CHECK(f.count("audit_events") == 0);
}

TEST_CASE("a batch of edits is recorded whole or not at all")
{
    Fixture f;
    MarkStore marks = f.marks();
    QList<MarkEdit> edits;
    for (int p = 0; p < 10; ++p)
        for (int o = 0; o < 5; ++o)
            edits.append({f.key(p, o), f.school.valueCodes[(p * o) % 3], {}});

    QList<MarkEdit> withBadLast = edits;
    withBadLast.append({f.key(0, 0), QStringLiteral("nonsense"), {}});
    CHECK(marks.recordAll(withBadLast).error().code == ErrorCode::InvalidArgument);
    CHECK(f.count("marks") == 0);
    CHECK(f.count("outbox") == 0);

    auto ops = marks.recordAll(edits);
    REQUIRE(ops.ok());
    CHECK(ops->size() == 50);
    CHECK(QSet<QString>(ops->begin(), ops->end()).size() == 50);
    CHECK(f.count("marks") == 50);
    CHECK(marks.pendingCount().value() == 50);
}

TEST_CASE("a grid read returns the group's marks for one framework and term")
{
    Fixture f;
    MarkStore marks = f.marks();
    QList<MarkEdit> edits;
    for (int p = 0; p < 10; ++p)
        for (int o = 0; o < 8; ++o) {
            edits.append({f.key(p, o, 0), QStringLiteral("EXP"), {}});
            if (o < 3)
                edits.append({f.key(p, o, 1), QStringLiteral("GDS"), {}});
        }
    REQUIRE(marks.recordAll(edits).ok());

    auto autumn = marks.grid(f.school.groupId, f.school.frameworkId, f.school.termIds[0]);
    REQUIRE(autumn.ok());
    CHECK(autumn->size() == 80);
    auto spring = marks.grid(f.school.groupId, f.school.frameworkId, f.school.termIds[1]);
    REQUIRE(spring.ok());
    CHECK(spring->size() == 30);
    for (const Mark &m : spring.value())
        CHECK(m.value == QStringLiteral("GDS"));
    CHECK(marks.grid(QStringLiteral("other-group"), f.school.frameworkId, f.school.termIds[0])->isEmpty());
}
