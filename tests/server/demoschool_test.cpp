#include "demoschool.h"
#include "serverdatabase.h"
#include "serverschema.h"
#include "upn.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

using namespace otrack;
using namespace Qt::StringLiterals;

namespace {

QVariant scalar(QSqlDatabase db, const QString &sql, const QString &schoolId)
{
    QSqlQuery query(db);
    REQUIRE(query.prepare(sql));
    query.addBindValue(schoolId);
    REQUIRE(query.exec());
    REQUIRE(query.next());
    return query.value(0);
}

// Everything about a school that does not depend on ids or time: the same for a seed.
QStringList fingerprint(QSqlDatabase db, const QString &schoolId)
{
    QStringList rows;
    QSqlQuery query(db);
    REQUIRE(query.prepare(u"SELECT p.upn, p.legal_forename, p.legal_surname, p.date_of_birth, p.year_group, "
                          u"o.code, t.name, m.value FROM marks m JOIN pupils p ON p.id = m.pupil_id "
                          u"JOIN objectives o ON o.id = m.objective_id JOIN terms t ON t.id = m.term_id "
                          u"WHERE m.school_id = ? ORDER BY p.upn, t.position, o.code"_s));
    query.addBindValue(schoolId);
    REQUIRE(query.exec());
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < 8; ++i)
            row.append(query.value(i).toString());
        rows.append(row.join(u'|'));
    }
    return rows;
}

void checkDemo(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    REQUIRE(parsed.ok());
    auto opened = ServerDatabase::open(parsed.value(), u"demo-test"_s);
    REQUIRE(opened.ok());
    QSqlDatabase db = opened.value()->connection();
    REQUIRE(ServerSchema::migrate(db, parsed->kind()).ok());

    DemoOptions options;
    options.seed = 42;
    options.pupilsPerClass = 4;
    options.passwordParams = ScryptParams::fastForTests();
    auto demo = DemoSchool::create(db, options);
    INFO((demo.ok() ? std::string() : demo.error().message.toStdString()));
    REQUIRE(demo.ok());
    const QString id = demo->school.id;
    CHECK(demo->school.status == SchoolStatus::Active);
    CHECK(scalar(db, u"SELECT status FROM schools WHERE id = ?"_s, id).toString() == u"active"_s);
    CHECK(demo->pupils == 14 * 4);
    CHECK(demo->groups == 14);
    CHECK(demo->terms == 6);
    CHECK(scalar(db, u"SELECT COUNT(*) FROM pupils WHERE school_id = ?"_s, id).toInt() == 56);
    CHECK(scalar(db, u"SELECT COUNT(*) FROM groups WHERE school_id = ?"_s, id).toInt() == 14);
    CHECK(scalar(db, u"SELECT COUNT(*) FROM group_members WHERE school_id = ?"_s, id).toInt() == 56);
    CHECK(scalar(db, u"SELECT COUNT(*) FROM terms WHERE school_id = ?"_s, id).toInt() == 6);
    CHECK(scalar(db, u"SELECT COUNT(*) FROM frameworks WHERE school_id = ?"_s, id).toInt() == 6);
    CHECK(scalar(db, u"SELECT COUNT(*) FROM objectives WHERE school_id = ?"_s, id).toInt() == 60);
    // Years 1-6 (48 pupils) x 3 subjects x 10 objectives x 3 terms.
    CHECK(demo->marks == 48 * 3 * 10 * 3);
    CHECK(scalar(db, u"SELECT COUNT(*) FROM marks WHERE school_id = ?"_s, id).toInt() == demo->marks);
    CHECK(scalar(db, u"SELECT COUNT(DISTINCT term_id) FROM marks WHERE school_id = ?"_s, id).toInt() == 3);
    // Most marks are Expected; all three values appear.
    const int expected = scalar(db, u"SELECT COUNT(*) FROM marks WHERE school_id = ? AND value = 'EXP'"_s, id).toInt();
    CHECK(expected * 2 > demo->marks);
    CHECK(scalar(db, u"SELECT COUNT(DISTINCT value) FROM marks WHERE school_id = ?"_s, id).toInt() == 3);
    // Every mark has a unique seq and its author teaches the pupil's class.
    CHECK(scalar(db, u"SELECT COUNT(DISTINCT seq) FROM marks WHERE school_id = ?"_s, id).toInt() == demo->marks);
    CHECK(scalar(db,
                 u"SELECT COUNT(*) FROM marks m WHERE m.school_id = ? AND NOT EXISTS (SELECT 1 FROM staff_groups sg "
                 u"JOIN group_members gm ON gm.group_id = sg.group_id WHERE sg.staff_id = m.author_id "
                 u"AND gm.pupil_id = m.pupil_id)"_s,
                 id)
              .toInt()
          == 0);
    CHECK(scalar(db, u"SELECT MAX(seq) FROM marks WHERE school_id = ?"_s, id).toLongLong()
          < scalar(db, u"SELECT next_seq FROM schools WHERE id = ?"_s, id).toLongLong());

    // Valid, unique UPNs.
    QSqlQuery query(db);
    REQUIRE(query.prepare(u"SELECT upn FROM pupils WHERE school_id = ?"_s));
    query.addBindValue(id);
    REQUIRE(query.exec());
    QSet<QString> upns;
    while (query.next()) {
        const QString upn = query.value(0).toString();
        CHECK(upn::isValid(upn));
        upns.insert(upn);
    }
    CHECK(upns.size() == 56);

    // Staff of every role; a teacher per class; passwords returned once and stored hashed.
    QSet<int> roles;
    int teachers = 0;
    for (const DemoAccount &account : demo->accounts) {
        roles.insert(int(account.staff.role));
        CHECK(account.password.size() >= 16);
        if (account.staff.role == Role::Teacher) {
            ++teachers;
            CHECK_FALSE(account.groupName.isEmpty());
        }
    }
    CHECK(roles.size() == 5);
    CHECK(teachers == 14);
    CHECK(scalar(db, u"SELECT COUNT(*) FROM staff_groups WHERE school_id = ?"_s, id).toInt() == 14);
    CHECK(scalar(db, u"SELECT COUNT(*) FROM staff WHERE school_id = ? AND password_hash NOT LIKE 'scrypt$%'"_s, id)
              .toInt()
          == 0);

    // The same seed makes the same school; another seed another.
    options.name = u"Demo Two"_s;
    auto twin = DemoSchool::create(db, options);
    REQUIRE(twin.ok());
    CHECK(fingerprint(db, id) == fingerprint(db, twin->school.id));
    options.name = u"Demo Three"_s;
    options.seed = 43;
    auto other = DemoSchool::create(db, options);
    REQUIRE(other.ok());
    CHECK(fingerprint(db, id) != fingerprint(db, other->school.id));

    // --marks makes exactly that many, adding objectives as needed.
    options.name = u"Demo Scaled"_s;
    options.marks = 5000;
    auto scaled = DemoSchool::create(db, options);
    REQUIRE(scaled.ok());
    CHECK(scaled->marks == 5000);
    CHECK(scalar(db, u"SELECT COUNT(*) FROM marks WHERE school_id = ?"_s, scaled->school.id).toInt() == 5000);
    CHECK(scaled->objectives > 60);

    // The name is taken now.
    CHECK(DemoSchool::create(db, options).error().code == ErrorCode::AlreadyExists);
}

}  // namespace

TEST_CASE("the demo school is complete and deterministic on SQLite", "[server][demo]")
{
    otrack::test::TempDir dir;
    checkDemo(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("the demo school is complete and deterministic on PostgreSQL", "[server][demo]")
{
    otrack::test::TestPostgresDatabase pg;
    checkDemo(pg.url());
}
