#include "schoolfixture.h"

#include "rosterstore.h"

#include <stdexcept>

namespace otrack::test {

namespace {

void require(const Status &status, const char *what)
{
    if (!status)
        throw std::runtime_error(std::string(what) + ": " + status.error().message.toStdString());
}

// Fixed ids keep fixtures and benchmarks reproducible.
QString fixedId(const char *kind, int n)
{
    return QStringLiteral("%1-%2").arg(QLatin1String(kind)).arg(n, 8, 10, QLatin1Char('0'));
}

}  // namespace

SchoolFixture seedSchool(Database &db, int pupils, int objectives, const QString &marker)
{
    SchoolFixture f;
    f.schoolId = fixedId("school", 1);
    f.teacherId = fixedId("staff", 1);
    f.groupId = fixedId("group", 1);
    f.frameworkId = fixedId("framework", 1);
    f.scaleId = fixedId("scale", 1);
    f.pupilMarker = marker;

    auto tx = Transaction::begin(db);
    require(tx.ok() ? Status() : Status(tx.error()), "begin");
    RosterStore roster(db, f.schoolId);
    require(roster.saveSchool({f.schoolId, QStringLiteral("Synthetic Primary School"), QStringLiteral("999999"),
                               SchoolStatus::Active}),
            "school");
    require(roster.saveStaff(
                {f.teacherId, f.schoolId, QStringLiteral("teacher1"), QStringLiteral("Ms Example"), Role::Teacher}),
            "staff");

    Scale scale{f.scaleId, f.schoolId, QStringLiteral("Primary"), {}};
    scale.values = {
        {QStringLiteral("WTS"), QStringLiteral("Working towards"), QStringLiteral("W"), 1, QStringLiteral("#f4a261")},
        {QStringLiteral("EXP"), QStringLiteral("Expected"), QStringLiteral("E"), 2, QStringLiteral("#2a9d8f")},
        {QStringLiteral("GDS"), QStringLiteral("Greater depth"), QStringLiteral("G"), 3, QStringLiteral("#264653")}};
    for (const auto &v : scale.values)
        f.valueCodes.append(v.code);
    require(roster.saveScale(scale), "scale");

    Framework framework{f.frameworkId,           f.schoolId, QStringLiteral("Maths Year 4"),
                        QStringLiteral("Maths"), f.scaleId,  {}};
    for (int i = 0; i < objectives; ++i) {
        const QString id = fixedId("objective", i + 1);
        framework.objectives.append({id, QStringLiteral("M4.%1").arg(i + 1),
                                     QStringLiteral("Synthetic objective statement number %1").arg(i + 1)});
        f.objectiveIds.append(id);
    }
    require(roster.saveFramework(framework), "framework");

    const char *termNames[] = {"Autumn 1", "Autumn 2", "Spring 1"};
    for (int i = 0; i < 3; ++i) {
        const QString id = fixedId("term", i + 1);
        require(roster.saveTerm({id, f.schoolId, QLatin1String(termNames[i]), QStringLiteral("2026/27"), i, i == 2}),
                "term");
        f.termIds.append(id);
    }

    for (int i = 0; i < pupils; ++i) {
        Pupil p;
        p.id = fixedId("pupil", i + 1);
        p.schoolId = f.schoolId;
        p.upn = QStringLiteral("X%1").arg(820000000000LL + i);
        p.legalForename = QStringLiteral("Pupil%1").arg(i + 1, 4, 10, QLatin1Char('0'));
        p.legalSurname = marker + QStringLiteral("son");
        p.preferredForename = p.legalForename;
        p.preferredSurname = p.legalSurname;
        p.dateOfBirth = QDate(2017, 9, 1).addDays(i);
        p.gender = i % 2 ? QStringLiteral("F") : QStringLiteral("M");
        p.yearGroup = 4;
        p.pupilPremium = i % 4 == 0;
        p.senStatus = i % 7 == 0 ? QStringLiteral("K") : QStringLiteral("N");
        p.eal = i % 5 == 0;
        p.onRollDate = QDate(2021, 9, 1);
        require(roster.savePupil(p), "pupil");
        f.pupilIds.append(p.id);
    }
    require(roster.saveGroup({f.groupId, f.schoolId, QStringLiteral("4 Oak"), GroupKind::Class, 4}, f.pupilIds),
            "group");
    require(tx.value()->commit(), "commit");
    return f;
}

}  // namespace otrack::test
