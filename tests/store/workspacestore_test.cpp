// The store queries and writes the teacher's workspace uses: undo of recorded edits, term
// locks, reading one grid, and the pickers' lists. Real SQLCipher stores.
#include "gridreader.h"
#include "localstore.h"
#include "markstore.h"
#include "rosterstore.h"
#include "termlocks.h"

#include "schoolfixture.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

using namespace otrack;
using otrack::test::TempDir;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct Fixture {
    TempDir dir;
    std::unique_ptr<LocalStore> store;
    otrack::test::SchoolFixture school;

    Fixture()
    {
        auto created = LocalStore::create(dir.path(), s("pw"), ScryptParams::fastForTests());
        REQUIRE(created.ok());
        store = std::move(created.value());
        school = otrack::test::seedSchool(store->database(), 8, 5);
    }
    Database &db() { return store->database(); }
    MarkStore marks() { return MarkStore(db(), school.schoolId, school.teacherId); }
    MarkKey key(int pupil, int objective, int term = 0)
    {
        return {school.pupilIds[pupil], school.objectiveIds[objective], school.termIds[term]};
    }
    int count(const char *sql) { return db().scalar(sql).value().toInt(); }
    std::optional<QString> value(const MarkKey &k)
    {
        auto m = marks().mark(k);
        REQUIRE(m.ok());
        return m->has_value() ? m->value().value : std::nullopt;
    }
};

}  // namespace

TEST_CASE("undo of a queued edit deletes its outbox entry and puts the cell back as it was")
{
    Fixture f;
    MarkStore marks = f.marks();
    // A cell the server already confirmed, and an empty one.
    REQUIRE(marks.record({f.key(0, 0), s("WTS"), s("needs support")}).ok());
    REQUIRE(f.db().exec("DELETE FROM outbox; UPDATE marks SET server_version = 7;").ok());
    auto before = marks.mark(f.key(0, 0));
    REQUIRE(before.ok());

    auto recorded = marks.recordForUndo({{f.key(0, 0), s("GDS"), s("needs support")}, {f.key(1, 0), s("EXP"), {}}});
    REQUIRE(recorded.ok());
    REQUIRE(recorded->size() == 2);
    CHECK(recorded->at(0).before->value == s("WTS"));
    CHECK_FALSE(recorded->at(1).before.has_value());
    CHECK(f.count("SELECT count(*) FROM outbox") == 2);

    auto undone = marks.undo(recorded.value());
    REQUIRE(undone.ok());
    CHECK(undone->isEmpty());  // nothing new to send: the server never heard of these edits
    CHECK(f.count("SELECT count(*) FROM outbox") == 0);
    auto restored = marks.mark(f.key(0, 0));
    REQUIRE(restored.ok());
    REQUIRE(restored->has_value());
    CHECK(restored->value().value == s("WTS"));
    CHECK(restored->value().note == s("needs support"));
    CHECK(restored->value().serverVersion == 7);
    CHECK(restored->value().updatedAt == before->value().updatedAt);
    CHECK_FALSE(f.value(f.key(1, 0)).has_value());
    CHECK(f.count("SELECT count(*) FROM marks WHERE pupil_id = 'pupil-00000002'") == 0);
    CHECK(f.count("SELECT count(*) FROM audit_events WHERE action = 'mark.undo'") == 2);
}

TEST_CASE("undo of an edit that was pushed queues a new edit back to the old value")
{
    Fixture f;
    MarkStore marks = f.marks();
    auto recorded = marks.recordForUndo({{f.key(2, 1), s("EXP"), {}}});
    REQUIRE(recorded.ok());
    // What a push result does: the entry leaves the outbox and the cell gets its version.
    REQUIRE(f.db().exec("DELETE FROM outbox; UPDATE marks SET server_version = 3;").ok());

    auto undone = marks.undo(recorded.value());
    REQUIRE(undone.ok());
    REQUIRE(undone->size() == 1);
    auto pending = marks.pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->first().opId == undone->first());
    CHECK_FALSE(pending->first().value.has_value());
    CHECK(pending->first().baseVersion == 3);
    CHECK_FALSE(f.value(f.key(2, 1)).has_value());
}

TEST_CASE("undo of an edit followed by another edit of the cell queues a new edit")
{
    Fixture f;
    MarkStore marks = f.marks();
    auto first = marks.recordForUndo({{f.key(0, 1), s("EXP"), {}}});
    REQUIRE(first.ok());
    REQUIRE(marks.record({f.key(0, 1), s("GDS"), {}}).ok());
    auto undone = marks.undo(first.value());
    REQUIRE(undone.ok());
    CHECK(undone->size() == 1);
    CHECK(f.count("SELECT count(*) FROM outbox") == 3);
    CHECK_FALSE(f.value(f.key(0, 1)).has_value());
}

TEST_CASE("undo in a locked term is refused and changes nothing")
{
    Fixture f;
    MarkStore marks = f.marks();
    auto recorded = marks.recordForUndo({{f.key(0, 0, 1), s("EXP"), {}}});
    REQUIRE(recorded.ok());
    REQUIRE(f.db().exec("UPDATE terms SET locked = 1 WHERE id = 'term-00000002'").ok());
    auto undone = marks.undo(recorded.value());
    REQUIRE_FALSE(undone.ok());
    CHECK(undone.error().code == ErrorCode::Locked);
    CHECK(f.value(f.key(0, 0, 1)) == s("EXP"));
    CHECK(f.count("SELECT count(*) FROM outbox") == 1);
}

TEST_CASE("a data manager locks and unlocks a term; a teacher may not")
{
    Fixture f;
    const QString term = f.school.termIds[0];
    TermLocks teacher(f.db(), f.school.schoolId, f.school.teacherId, Role::Teacher);
    auto refused = teacher.setLocked(term, true);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Forbidden);
    CHECK(f.count("SELECT locked FROM terms WHERE id = 'term-00000001'") == 0);

    TermLocks manager(f.db(), f.school.schoolId, s("staff-admin"), Role::Admin);
    REQUIRE(manager.setLocked(term, true).ok());
    CHECK(f.count("SELECT locked FROM terms WHERE id = 'term-00000001'") == 1);
    auto marks = f.marks();
    auto edit = marks.record({f.key(0, 0), s("EXP"), {}});
    REQUIRE_FALSE(edit.ok());
    CHECK(edit.error().code == ErrorCode::Locked);

    auto pending = manager.pending();
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->first().termId == term);
    CHECK(pending->first().locked);
    CHECK(pending->first().requestedBy == s("staff-admin"));
    CHECK(f.count("SELECT count(*) FROM audit_events WHERE action = 'term.lock'") == 1);

    // Locking again changes nothing; unlocking replaces the wish.
    REQUIRE(manager.setLocked(term, true).ok());
    CHECK(f.count("SELECT count(*) FROM audit_events WHERE action = 'term.lock'") == 1);
    REQUIRE(manager.setLocked(term, false).ok());
    pending = manager.pending();
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK_FALSE(pending->first().locked);
    CHECK(f.count("SELECT locked FROM terms WHERE id = 'term-00000001'") == 0);

    auto unknown = manager.setLocked(s("term-nope"), true);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::NotFound);
}

TEST_CASE("reading one grid gives the group's pupils, the objectives in order and only that term's marks")
{
    Fixture f;
    MarkStore marks = f.marks();
    REQUIRE(marks.recordAll({{f.key(0, 0), s("EXP"), {}}, {f.key(3, 4), s("GDS"), {}}, {f.key(1, 1, 1), s("WTS"), {}}})
                .ok());
    auto grid = GridReader(f.db(), f.school.schoolId).read(f.school.groupId, f.school.frameworkId, f.school.termIds[0]);
    REQUIRE(grid.ok());
    CHECK(grid->rowCount() == 8);
    CHECK(grid->columnCount() == 5);
    CHECK(grid->objectives().first().code == s("M4.1"));
    CHECK(grid->scale().values.size() == 3);
    CHECK(grid->value(0, 0) == s("EXP"));
    CHECK(grid->value(grid->rowOf(f.school.pupilIds[3]).value(), 4) == s("GDS"));
    CHECK_FALSE(grid->value(1, 1).has_value());
    CHECK_FALSE(grid->term().locked);

    auto locked
        = GridReader(f.db(), f.school.schoolId).read(f.school.groupId, f.school.frameworkId, f.school.termIds[2]);
    REQUIRE(locked.ok());
    CHECK(locked->term().locked);
    auto missing = GridReader(f.db(), f.school.schoolId).read(f.school.groupId, f.school.frameworkId, s("term-x"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
}

TEST_CASE("the pickers' lists, a pupil's groups and marks across terms, and staff names")
{
    Fixture f;
    RosterStore roster(f.db(), f.school.schoolId);
    REQUIRE(
        roster
            .saveGroup({s("group-set"), f.school.schoolId, s("Maths set 1"), GroupKind::Set, 4}, {f.school.pupilIds[0]})
            .ok());
    auto groups = roster.groups();
    REQUIRE(groups.ok());
    REQUIRE(groups->size() == 2);
    CHECK(groups->at(0).kind == GroupKind::Class);
    CHECK(groups->at(1).name == s("Maths set 1"));
    auto ofPupil = roster.groupsOfPupil(f.school.pupilIds[0]);
    REQUIRE(ofPupil.ok());
    CHECK(ofPupil->size() == 2);
    auto ofOther = roster.groupsOfPupil(f.school.pupilIds[1]);
    REQUIRE(ofOther.ok());
    CHECK(ofOther->size() == 1);

    auto frameworks = roster.frameworks();
    REQUIRE(frameworks.ok());
    REQUIRE(frameworks->size() == 1);
    CHECK(frameworks->first().subject == s("Maths"));
    auto school = roster.school();
    REQUIRE(school.ok());
    CHECK(school->name == s("Synthetic Primary School"));

    REQUIRE(f.db()
                .exec("INSERT INTO staff_names (id, school_id, display_name) VALUES "
                      "('staff-9', 'school-00000001', 'Mr Pulled')")
                .ok());
    auto names = roster.staffNames();
    REQUIRE(names.ok());
    CHECK(names->value(f.school.teacherId) == s("Ms Example"));
    CHECK(names->value(s("staff-9")) == s("Mr Pulled"));

    MarkStore marks = f.marks();
    REQUIRE(
        marks
            .recordAll({{f.key(0, 0, 0), s("WTS"), {}}, {f.key(0, 0, 1), s("EXP"), {}}, {f.key(1, 0, 0), s("GDS"), {}}})
            .ok());
    auto pupilMarks = marks.pupilMarks(f.school.pupilIds[0], f.school.frameworkId);
    REQUIRE(pupilMarks.ok());
    CHECK(pupilMarks->size() == 2);
}
