#include "erasetestsupport.h"

#include "pullrequest.h"
#include "pushresponse.h"
#include "syncservice.h"

#include <catch2/catch.hpp>

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace otrack::test {

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

PushResponse push(SyncFixture &f, const Staff &staff, const QString &device, const QList<PushOp> &ops)
{
    auto pushed = SyncService(f.db).push(f.caller(staff, device), PushRequest{device, ops}, now());
    INFO((pushed.ok() ? std::string() : pushed.error().message.toStdString()));
    REQUIRE(pushed.ok());
    return pushed.value();
}

}  // namespace

ErasablePupil addErasablePupil(SyncFixture &f, int serial)
{
    Pupil pupil;
    pupil.schoolId = f.school.id;
    pupil.upn = u"Q9%1"_s.arg(serial, 11, 10, QLatin1Char('0'));
    pupil.legalSurname = u"Quillfeather%1"_s.arg(QChar(u'A' + serial));
    pupil.legalForename = u"Marigold"_s;
    pupil.dateOfBirth = QDate(2017, 3, 4);
    pupil.yearGroup = 4;
    SchoolAdmin admin(f.db);
    auto added = admin.addPupil(pupil);
    REQUIRE(added.ok());
    REQUIRE(admin.setGroupMembers(f.school.id, f.classA.id, {f.a1.id, f.a2.id, added->id}).ok());
    return {added.value(), {pupil.legalSurname, pupil.legalForename, pupil.upn}};
}

PushOp markOp(const QString &pupilId, const QString &objectiveId, const QString &termId, const QString &value,
              qint64 baseVersion, const QString &note)
{
    PushOp op;
    op.opId = newUuid();
    op.pupilId = pupilId;
    op.objectiveId = objectiveId;
    op.termId = termId;
    op.value = value;
    op.note = note;
    op.baseVersion = baseVersion;
    op.clientTime = now();
    return op;
}

void writeHistory(SyncFixture &f, const Pupil &pupil)
{
    const QString note = pupil.legalSurname + u" finds this hard"_s;
    const PushResponse taught = push(f, f.teacher, u"device-1"_s,
                                     {markOp(pupil.id, f.objective1, f.autumn.id),
                                      markOp(pupil.id, f.objective2, f.autumn.id, u"WTS"_s, 0, note),
                                      markOp(f.a2.id, f.objective1, f.autumn.id)});
    for (const PushResult &result : taught.results)
        REQUIRE(result.outcome == PushOutcome::Applied);
    const PushResponse lost
        = push(f, f.admin, u"office-pc"_s, {markOp(pupil.id, f.objective2, f.autumn.id, u"GDS"_s, 0)});
    REQUIRE(lost.results.at(0).outcome == PushOutcome::Conflict);
    REQUIRE(SchoolAdmin::audit(f.db, f.school.id, u"importer"_s, u"update_pupil"_s, u"pupil"_s, pupil.id,
                               u"surname="_s + pupil.legalSurname)
                .ok());
}

void writeManyMarks(SyncFixture &f, const QString &pupilId, int count)
{
    SchoolAdmin admin(f.db);
    Framework framework;
    framework.schoolId = f.school.id;
    framework.name = u"Benchmark framework"_s;
    framework.scaleId = f.scale.id;
    for (int i = 0; i < count / 2; ++i)
        framework.objectives.append(Objective{QString(), u"B.%1"_s.arg(i), u"Objective %1"_s.arg(i)});
    auto added = admin.addFramework(framework);
    REQUIRE(added.ok());
    auto spring = admin.addTerm(Term{QString(), f.school.id, u"Spring 1"_s, u"2026/27"_s, 2, false});
    REQUIRE(spring.ok());
    QList<PushOp> ops;
    for (const QString &term : {f.autumn.id, spring->id})
        for (const Objective &objective : added->objectives)
            ops.append(markOp(pupilId, objective.id, term));
    for (qsizetype start = 0; start < ops.size(); start += PushRequest::kMaxOps)
        push(f, f.admin, u"office-pc"_s, ops.mid(start, PushRequest::kMaxOps));
}

PullResponse pull(SyncFixture &f, const Staff &staff, qint64 cursor)
{
    auto pulled = SyncService(f.db).pull(f.caller(staff), PullRequest{cursor, 5000, std::nullopt});
    INFO((pulled.ok() ? std::string() : pulled.error().message.toStdString()));
    REQUIRE(pulled.ok());
    return pulled.value();
}

}  // namespace otrack::test
