#include "passwordhash.h"
#include "schooladmin.h"
#include "serverdatabase.h"
#include "serverschema.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>
#include <QVariant>

using namespace otrack;

namespace {

QVariant scalar(QSqlDatabase db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    REQUIRE(query.prepare(sql));
    for (const QVariant &value : values)
        query.addBindValue(value);
    REQUIRE(query.exec());
    REQUIRE(query.next());
    return query.value(0);
}

void checkSchoolAdmin(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    REQUIRE(parsed.ok());
    auto opened = ServerDatabase::open(parsed.value(), QStringLiteral("schooladmin-test"));
    REQUIRE(opened.ok());
    QSqlDatabase db = opened.value()->connection();
    REQUIRE(ServerSchema::migrate(db, parsed->kind()).ok());
    SchoolAdmin admin(db);

    auto school = admin.createSchool(QStringLiteral("Hillside Primary"), QStringLiteral("100001"));
    INFO((school.ok() ? std::string() : school.error().message.toStdString()));
    REQUIRE(school.ok());
    CHECK(school->status == SchoolStatus::AwaitingTerms);
    CHECK(school->id.size() == 36);
    auto again = admin.createSchool(QStringLiteral("Hillside Primary"));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::AlreadyExists);
    CHECK(admin.findSchool(QStringLiteral("Hillside Primary"))->id == school->id);
    CHECK(admin.findSchool(school->id)->name == QStringLiteral("Hillside Primary"));
    CHECK(admin.findSchool(QStringLiteral("Nowhere")).error().code == ErrorCode::NotFound);
    REQUIRE(admin.setSchoolStatus(school->id, SchoolStatus::Active).ok());
    CHECK(admin.findSchool(school->id)->status == SchoolStatus::Active);

    auto other = admin.createSchool(QStringLiteral("Other School"));
    REQUIRE(other.ok());

    const qint64 seqBefore
        = scalar(db, QStringLiteral("SELECT next_seq FROM schools WHERE id = ?"), {school->id}).toLongLong();
    auto teacher = admin.addStaff(school->id, QStringLiteral("t.jones"), QStringLiteral("T Jones"), Role::Teacher,
                                  QStringLiteral("a long password"), ScryptParams::fastForTests());
    REQUIRE(teacher.ok());
    CHECK(scalar(db, QStringLiteral("SELECT next_seq FROM schools WHERE id = ?"), {school->id}).toLongLong()
          == seqBefore + 1);
    CHECK(scalar(db, QStringLiteral("SELECT seq FROM staff WHERE id = ?"), {teacher->id}).toLongLong() == seqBefore);
    const QString hash
        = scalar(db, QStringLiteral("SELECT password_hash FROM staff WHERE id = ?"), {teacher->id}).toString();
    CHECK(hash.startsWith(QStringLiteral("scrypt$")));
    CHECK(passwordhash::verify(QStringLiteral("a long password"), hash));
    CHECK(admin
              .addStaff(school->id, QStringLiteral("t.jones"), QStringLiteral("X"), Role::Admin,
                        QStringLiteral("a long password"), ScryptParams::fastForTests())
              .error()
              .code
          == ErrorCode::AlreadyExists);
    CHECK(admin
              .addStaff(school->id, QStringLiteral("short"), QStringLiteral("X"), Role::Admin, QStringLiteral("short"),
                        ScryptParams::fastForTests())
              .error()
              .code
          == ErrorCode::InvalidArgument);
    // The same username in another school is another person.
    REQUIRE(admin
                .addStaff(other->id, QStringLiteral("t.jones"), QStringLiteral("T Jones"), Role::Owner,
                          QStringLiteral("another password"), ScryptParams::fastForTests())
                .ok());
    CHECK(admin.findStaff(school->id, QStringLiteral("t.jones"))->role == Role::Teacher);
    CHECK(admin.findStaff(other->id, QStringLiteral("t.jones"))->role == Role::Owner);
    CHECK(admin.listStaff(school->id)->size() == 1);

    Pupil pupil;
    pupil.schoolId = school->id;
    pupil.upn = QStringLiteral("L201234567890");
    pupil.legalSurname = QStringLiteral("Surname");
    pupil.legalForename = QStringLiteral("Forename");
    pupil.dateOfBirth = QDate(2019, 5, 1);
    pupil.pupilPremium = true;
    auto added = admin.addPupil(pupil);
    REQUIRE(added.ok());
    CHECK(scalar(db, QStringLiteral("SELECT date_of_birth FROM pupils WHERE id = ?"), {added->id}).toString()
          == QStringLiteral("2019-05-01"));
    CHECK(scalar(db, QStringLiteral("SELECT pupil_premium FROM pupils WHERE id = ?"), {added->id}).toInt() == 1);

    auto group = admin.addGroup(Group{QString(), school->id, QStringLiteral("Year 1 Oak"), GroupKind::Class, 1});
    REQUIRE(group.ok());
    CHECK(admin.findGroup(school->id, QStringLiteral("Year 1 Oak"))->id == group->id);
    CHECK(admin.findGroup(other->id, group->id).error().code == ErrorCode::NotFound);
    REQUIRE(admin.setGroupMembers(school->id, group->id, {added->id}).ok());
    CHECK(scalar(db, QStringLiteral("SELECT COUNT(*) FROM group_members WHERE group_id = ?"), {group->id}).toInt()
          == 1);
    // Another school's pupil cannot be put in the group.
    CHECK(admin.setGroupMembers(other->id, group->id, {added->id}).error().code == ErrorCode::NotFound);

    // Any change of a teacher's scope starts a new epoch, so their client re-syncs: rows that
    // came into scope carry sequence numbers below the client's cursor.
    REQUIRE(admin.assignStaffToGroup(school->id, teacher->id, group->id).ok());
    CHECK(admin.staffEpoch(school->id, teacher->id).value() == 2);
    REQUIRE(admin.assignStaffToGroup(school->id, teacher->id, group->id).ok());  // idempotent
    CHECK(admin.staffEpoch(school->id, teacher->id).value() == 2);
    CHECK(admin.assignStaffToGroup(other->id, teacher->id, group->id).error().code == ErrorCode::NotFound);
    REQUIRE(admin.setGroupMembers(school->id, group->id, {}).ok());
    CHECK(admin.staffEpoch(school->id, teacher->id).value() == 3);
    REQUIRE(admin.removeStaffFromGroup(school->id, teacher->id, group->id).ok());
    CHECK(admin.staffEpoch(school->id, teacher->id).value() == 4);
    CHECK(admin.removeStaffFromGroup(school->id, teacher->id, group->id).error().code == ErrorCode::NotFound);

    Scale scale{
        QString(),
        school->id,
        QStringLiteral("KS"),
        {{QStringLiteral("WTS"), QStringLiteral("Working towards"), QStringLiteral("W"), 1, QStringLiteral("#f4a261")},
         {QStringLiteral("EXP"), QStringLiteral("Expected"), QStringLiteral("E"), 2, QStringLiteral("#2a9d8f")}}};
    auto addedScale = admin.addScale(scale);
    REQUIRE(addedScale.ok());
    Framework framework{QString(),
                        school->id,
                        QStringLiteral("KS1 Maths"),
                        QStringLiteral("maths"),
                        addedScale->id,
                        {{QString(), QStringLiteral("M1"), QStringLiteral("Count to 100")},
                         {QString(), QStringLiteral("M2"), QStringLiteral("Add within 20")}}};
    auto addedFramework = admin.addFramework(framework);
    REQUIRE(addedFramework.ok());
    CHECK_FALSE(addedFramework->objectives[1].id.isEmpty());
    CHECK(scalar(db, QStringLiteral("SELECT COUNT(*) FROM objectives WHERE framework_id = ?"), {addedFramework->id})
              .toInt()
          == 2);
    framework.schoolId = other->id;
    CHECK(admin.addFramework(framework).error().code == ErrorCode::NotFound);  // the scale is not theirs

    auto term
        = admin.addTerm(Term{QString(), school->id, QStringLiteral("Autumn 1"), QStringLiteral("2026/27"), 1, false});
    REQUIRE(term.ok());
    REQUIRE(admin.lockTerm(school->id, term->id).ok());
    CHECK(scalar(db, QStringLiteral("SELECT locked FROM terms WHERE id = ?"), {term->id}).toInt() == 1);
    CHECK(admin.lockTerm(other->id, term->id).error().code == ErrorCode::NotFound);

    REQUIRE(admin.revokeDevice(school->id, teacher->id, QStringLiteral("device-1")).ok());
    CHECK_FALSE(
        scalar(db, QStringLiteral("SELECT revoked_at FROM devices WHERE device_id = ?"), {QStringLiteral("device-1")})
            .isNull());

    // Every action left an audit event, and none carries a pupil's name or a password.
    CHECK(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE school_id = ?"), {school->id}).toInt()
          >= 12);
    CHECK(scalar(db,
                 QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE detail LIKE '%Surname%' "
                                "OR detail LIKE '%password%'"))
              .toInt()
          == 0);

    // Sequence numbers are allocated in blocks and never reused.
    db.transaction();
    auto block = SchoolAdmin::allocateSequence(db, school->id, 100);
    REQUIRE(block.ok());
    auto next = SchoolAdmin::allocateSequence(db, school->id, 1);
    REQUIRE(next.ok());
    db.commit();
    CHECK(next.value() == block.value() + 100);
    CHECK(SchoolAdmin::allocateSequence(db, QStringLiteral("no-such-school")).error().code == ErrorCode::NotFound);
}

}  // namespace

TEST_CASE("school administration works on SQLite")
{
    otrack::test::TempDir dir;
    checkSchoolAdmin(QStringLiteral("sqlite://") + dir.file(QStringLiteral("server.db")));
}

TEST_CASE("school administration works on PostgreSQL")
{
    otrack::test::TestPostgresDatabase pg;
    checkSchoolAdmin(pg.url());
}
