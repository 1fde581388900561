#include "syncfixture.h"

#include "authenticator.h"
#include "serverschema.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace otrack::test {

namespace {

template <typename T>
T required(Result<T> result)
{
    INFO((result.ok() ? std::string() : result.error().message.toStdString()));
    REQUIRE(result.ok());
    return std::move(result).value();
}

Pupil pupil(const QString &schoolId, const QString &upn, const QString &surname)
{
    Pupil p;
    p.schoolId = schoolId;
    p.upn = upn;
    p.legalSurname = surname;
    p.legalForename = u"Sam"_s;
    p.yearGroup = 4;
    return p;
}

}  // namespace

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

SyncFixture::SyncFixture(const QString &databaseUrl, const QString &connectionName) : url(databaseUrl)
{
    auto parsed = DatabaseUrl::parse(url);
    REQUIRE(parsed.ok());
    database = required(ServerDatabase::open(parsed.value(), connectionName));
    db = database->connection();
    REQUIRE(ServerSchema::migrate(db, parsed->kind()).ok());

    SchoolAdmin schools(db);
    school = required(schools.createSchool(u"Hillside Primary"_s, u"100001"_s));
    REQUIRE(schools.setSchoolStatus(school.id, SchoolStatus::Active).ok());
    school.status = SchoolStatus::Active;
    otherSchool = required(schools.createSchool(u"Other School"_s));
    REQUIRE(schools.setSchoolStatus(otherSchool.id, SchoolStatus::Active).ok());

    const auto params = ScryptParams::fastForTests();
    const QString password = u"correct horse battery"_s;
    owner = required(schools.addStaff(school.id, u"owner"_s, u"O Wner"_s, Role::Owner, password, params));
    admin = required(schools.addStaff(school.id, u"admin"_s, u"A Dmin"_s, Role::Admin, password, params));
    teacher = required(schools.addStaff(school.id, u"teacher"_s, u"T Eacher"_s, Role::Teacher, password, params));
    otherTeacher = required(schools.addStaff(school.id, u"teacher2"_s, u"T Wo"_s, Role::Teacher, password, params));
    readOnly = required(schools.addStaff(school.id, u"viewer"_s, u"V Iewer"_s, Role::ReadOnly, password, params));
    reportsOnly
        = required(schools.addStaff(school.id, u"reports"_s, u"R Eports"_s, Role::ReportsOnly, password, params));

    a1 = required(schools.addPupil(pupil(school.id, u"A100000000001"_s, u"Ash"_s)));
    a2 = required(schools.addPupil(pupil(school.id, u"A100000000002"_s, u"Birch"_s)));
    b1 = required(schools.addPupil(pupil(school.id, u"A100000000003"_s, u"Cedar"_s)));
    otherPupil = required(schools.addPupil(pupil(otherSchool.id, u"A100000000004"_s, u"Elsewhere"_s)));

    classA = required(schools.addGroup(Group{QString(), school.id, u"4A"_s, GroupKind::Class, 4}));
    classB = required(schools.addGroup(Group{QString(), school.id, u"4B"_s, GroupKind::Class, 4}));
    REQUIRE(schools.setGroupMembers(school.id, classA.id, {a1.id, a2.id}).ok());
    REQUIRE(schools.setGroupMembers(school.id, classB.id, {b1.id}).ok());
    REQUIRE(schools.assignStaffToGroup(school.id, teacher.id, classA.id).ok());
    REQUIRE(schools.assignStaffToGroup(school.id, otherTeacher.id, classB.id).ok());

    Scale s;
    s.schoolId = school.id;
    s.name = u"Primary"_s;
    s.values = {ScaleValue{u"WTS"_s, u"Working towards"_s, u"1"_s, 1, u"#cc0000"_s},
                ScaleValue{u"EXP"_s, u"Expected"_s, u"2"_s, 2, u"#00aa00"_s},
                ScaleValue{u"GDS"_s, u"Greater depth"_s, u"3"_s, 3, u"#0000cc"_s}};
    scale = required(schools.addScale(s));
    Framework f;
    f.schoolId = school.id;
    f.name = u"KS2 Maths Year 4"_s;
    f.subject = u"Maths"_s;
    f.scaleId = scale.id;
    f.objectives = {Objective{QString(), u"M4.1"_s, u"Count in multiples of 6, 7, 9, 25 and 1000"_s},
                    Objective{QString(), u"M4.2"_s, u"Find 1000 more or less than a given number"_s}};
    framework = required(schools.addFramework(f));
    REQUIRE(framework.objectives.size() == 2);
    objective1 = framework.objectives.at(0).id;
    objective2 = framework.objectives.at(1).id;
    autumn = required(schools.addTerm(Term{QString(), school.id, u"Autumn 1"_s, u"2026/27"_s, 1, false}));
    lockedTerm = required(schools.addTerm(Term{QString(), school.id, u"Summer 2"_s, u"2025/26"_s, 0, false}));
    REQUIRE(schools.lockTerm(school.id, lockedTerm.id, true).ok());
}

Caller SyncFixture::caller(const Staff &staff, const QString &device) const
{
    return Caller{staff.schoolId, staff.id, device, staff.role, 1};
}

QVariant SyncFixture::scalar(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(db);
    REQUIRE(query.prepare(sql));
    for (const QVariant &value : values)
        query.addBindValue(value);
    INFO(query.lastError().text().toStdString());
    REQUIRE(query.exec());
    REQUIRE(query.next());
    return query.value(0);
}

qint64 SyncFixture::count(const QString &table) const
{
    return scalar(u"SELECT COUNT(*) FROM "_s + table).toLongLong();
}

QByteArray accessToken(QSqlDatabase db, const Staff &staff, const QString &device)
{
    const QByteArray token = Authenticator::newToken();
    QSqlQuery query(db);
    REQUIRE(query.prepare(u"INSERT INTO tokens (token_hash, kind, school_id, user_id, device_id, expires_at, revoked) "
                          u"VALUES (?, 'access', ?, ?, ?, ?, 0)"_s));
    query.addBindValue(Authenticator::hashToken(token));
    query.addBindValue(staff.schoolId);
    query.addBindValue(staff.id);
    query.addBindValue(device);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch() + 3600 * 1000);
    REQUIRE(query.exec());
    return token;
}

}  // namespace otrack::test
