// Subject access (SubjectAccess, the PDF, and `admin subject-access` through the real binary):
// everything the server holds about one pupil, and nothing about anyone else.
#include "adminprocess.h"
#include "erasetestsupport.h"
#include "servercli.h"
#include "subjectaccess.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRectF>
#include <QRegularExpression>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::SyncFixture;

namespace {

QString pdfText(const QString &pdf)
{
    // Table cells wrap: one line of words, so that a phrase is found whatever its breaks.
    // NFKC: the ligatures the PDF uses ("ﬁ", "ﬂ") as plain letters.
    return QString::fromUtf8(test::runTool(u"pdftotext"_s, {pdf, u"-"_s}))
        .normalized(QString::NormalizationForm_KC)
        .simplified();
}

// Where a word is on the page, in points (pdftotext -bbox), for the first word equal to `word`.
QRectF wordBox(const QString &pdf, const QString &word)
{
    static const QRegularExpression pattern(
        uR"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re"_s);
    auto matches = pattern.globalMatch(
        QString::fromUtf8(test::runTool(u"pdftotext"_s, {u"-bbox"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, pdf, u"-"_s})));
    while (matches.hasNext()) {
        const auto match = matches.next();
        if (match.captured(5) == word)
            return QRectF(QPointF(match.captured(1).toDouble(), match.captured(2).toDouble()),
                          QPointF(match.captured(3).toDouble(), match.captured(4).toDouble()));
    }
    return {};
}

void checkReport(const QString &url)
{
    SyncFixture f(url);
    const auto p = test::addErasablePupil(f);
    test::writeHistory(f, p.pupil);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SubjectAccess access(f.db);

    auto report = access.collect(f.caller(f.admin), p.pupil.id, now);
    REQUIRE(report.ok());
    const QJsonObject pupil = report->value(u"pupil"_s).toObject();
    CHECK(pupil.value(u"id"_s).toString() == p.pupil.id);
    CHECK(pupil.value(u"upn"_s).toString() == p.pupil.upn);
    CHECK(pupil.value(u"legal_surname"_s).toString() == p.pupil.legalSurname);
    CHECK(pupil.value(u"date_of_birth"_s).toString() == u"2017-03-04"_s);
    CHECK(pupil.value(u"year_group"_s).toInt() == 4);  // numbers as numbers, on both engines
    CHECK(pupil.value(u"eal"_s).isDouble());
    CHECK(report->value(u"school"_s).toObject().value(u"name"_s).toString() == u"Hillside Primary"_s);

    const QJsonArray groups = report->value(u"groups"_s).toArray();
    REQUIRE(groups.size() == 1);
    CHECK(groups.at(0).toObject().value(u"name"_s).toString() == u"4A"_s);

    // Two cells: objective 1 (one applied write), objective 2 (applied, then the admin's
    // conflicting write): every attempt, with its author by name.
    const QJsonArray marks = report->value(u"marks"_s).toArray();
    REQUIRE(marks.size() == 2);
    int events = 0;
    for (const QJsonValue &value : marks) {
        const QJsonObject mark = value.toObject();
        CHECK(mark.value(u"framework"_s).toString() == u"KS2 Maths Year 4"_s);
        CHECK(mark.value(u"term"_s).toString() == u"Autumn 1"_s);
        CHECK(mark.value(u"author"_s).toObject().value(u"name"_s).toString() == u"T Eacher"_s);
        events += int(mark.value(u"history"_s).toArray().size());
        if (mark.value(u"objective_code"_s).toString() == u"M4.2"_s) {
            CHECK(mark.value(u"value"_s).toString() == u"WTS"_s);
            CHECK(mark.value(u"value_label"_s).toString() == u"Working towards"_s);
            CHECK(mark.value(u"note"_s).toString().contains(p.pupil.legalSurname));
            const QJsonArray history = mark.value(u"history"_s).toArray();
            REQUIRE(history.size() == 2);
            CHECK(history.at(1).toObject().value(u"outcome"_s).toString() == u"conflict"_s);
            CHECK(history.at(1).toObject().value(u"by"_s).toObject().value(u"name"_s).toString() == u"A Dmin"_s);
            CHECK(history.at(1).toObject().value(u"new_value"_s).toString() == u"GDS"_s);
        }
    }
    CHECK(events == 3);
    const QJsonArray audit = report->value(u"audit_events"_s).toArray();
    CHECK(std::any_of(audit.begin(), audit.end(), [](const QJsonValue &event) {
        return event.toObject().value(u"action"_s).toString() == u"add_pupil"_s;
    }));
    CHECK(std::any_of(audit.begin(), audit.end(), [](const QJsonValue &event) {
        return event.toObject().value(u"action"_s).toString() == u"update_pupil"_s;
    }));

    // Nothing about the other pupil of the same push, or of another school.
    const QString text = QString::fromUtf8(QJsonDocument(report.value()).toJson());
    CHECK_FALSE(text.contains(f.a2.id));
    CHECK_FALSE(text.contains(f.a2.upn));
    CHECK_FALSE(text.contains(f.otherPupil.id));

    // Admins and owners only; another school's pupil does not exist.
    CHECK(access.collect(f.caller(f.owner), p.pupil.id, now).ok());
    for (const Staff *staff : {&f.teacher, &f.readOnly, &f.reportsOnly})
        CHECK(access.collect(f.caller(*staff), p.pupil.id, now).error().code == ErrorCode::Forbidden);
    CHECK(access.collect(f.caller(f.admin), f.otherPupil.id, now).error().code == ErrorCode::NotFound);
    CHECK(access.collect(f.caller(f.admin), u"no-such-id"_s, now).error().code == ErrorCode::NotFound);
}

}  // namespace

TEST_CASE("a subject access report holds the pupil's details, groups, marks, history and audit on SQLite",
          "[server][subject-access]")
{
    test::TempDir dir;
    checkReport(u"sqlite://"_s + dir.file(u"otrack.db"_s));
}

TEST_CASE("a subject access report holds the pupil's details, groups, marks, history and audit on PostgreSQL",
          "[server][subject-access][postgres]")
{
    test::TestPostgresDatabase pg;
    checkReport(pg.url());
}

TEST_CASE("admin subject-access writes the JSON and a readable PDF", "[server][cli][subject-access]")
{
    test::TempDir dir;
    const QString db = dir.file(u"otrack.db"_s);
    const QString url = u"sqlite://"_s + db;
    test::ErasablePupil p;
    {
        SyncFixture f(url);
        p = test::addErasablePupil(f);
        test::writeHistory(f, p.pupil);
    }
    const QString json = dir.file(u"report.json"_s);
    const QString pdf = QDir(test::testOutputDir()).filePath(u"subject-access.pdf"_s);
    QFile::remove(pdf);
    auto run = test::runAdmin(url,
                              {u"subject-access"_s, u"--school"_s, u"Hillside Primary"_s, u"--pupil"_s, p.pupil.upn,
                               u"--json"_s, json, u"--pdf"_s, pdf});
    INFO(run.err.toStdString());
    REQUIRE(run.code == kExitOk);
    CHECK(run.out.startsWith(u"subject_access\t"_s + p.pupil.id));
    CHECK_FALSE(run.out.contains(p.pupil.legalSurname));

    const QJsonObject report = QJsonDocument::fromJson(test::readFile(json)).object();
    CHECK(report.value(u"pupil"_s).toObject().value(u"upn"_s).toString() == p.pupil.upn);
    CHECK(report.value(u"marks"_s).toArray().size() == 2);

    // The PDF reads as text: the pupil, their marks with authors and history, the audit trail.
    REQUIRE(test::readFile(pdf).startsWith("%PDF-"));
    const QString text = pdfText(pdf);
    CHECK(text.contains(u"Subject access report"_s));
    CHECK(text.contains(p.pupil.legalSurname));
    CHECK(text.contains(p.pupil.upn));
    CHECK(text.contains(u"Hillside Primary"_s));
    CHECK(text.contains(u"Find 1000"_s));  // the objective (its cell wraps)
    CHECK(text.contains(u"(Working"_s));  // the value's label
    CHECK(text.contains(u"T Eacher"_s));
    CHECK(text.contains(u"A Dmin"_s));
    CHECK(text.contains(u"conflict"_s));
    CHECK(text.contains(u"update_pupil"_s));
    CHECK(text.contains(u"2017-03-04"_s));
    // Readable: body text of about 9 pt, and the marks table across the page (A4 is 595 pt wide).
    const QRectF upnBox = wordBox(pdf, p.pupil.upn);
    INFO("UPN at " << upnBox.x() << "," << upnBox.y() << " height " << upnBox.height());
    CHECK(upnBox.height() > 7);
    CHECK(upnBox.height() < 14);
    CHECK(wordBox(pdf, u"History"_s).right() > 450);
    // A page to look at.
    QProcess::execute(u"pdftoppm"_s,
                      {u"-png"_s, u"-r"_s, u"60"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, pdf,
                       QDir(test::testOutputDir()).filePath(u"subject-access"_s)});

    // Asking is recorded (who asked for whose data), with nothing else in it.
    auto again = test::runAdmin(
        url, {u"subject-access"_s, u"--school"_s, u"Hillside Primary"_s, u"--pupil"_s, p.pupil.id, u"--json"_s, json});
    REQUIRE(again.code == kExitOk);
    const QJsonArray audit = QJsonDocument::fromJson(test::readFile(json)).object().value(u"audit_events"_s).toArray();
    CHECK(std::any_of(audit.begin(), audit.end(), [](const QJsonValue &event) {
        return event.toObject().value(u"action"_s).toString() == u"subject_access"_s;
    }));

    CHECK(
        test::runAdmin(url, {u"subject-access"_s, u"--school"_s, u"Hillside Primary"_s, u"--pupil"_s, p.pupil.id}).code
        == kExitUsage);  // neither --json nor --pdf
    CHECK(test::runAdmin(url,
                         {u"subject-access"_s, u"--school"_s, u"Hillside Primary"_s, u"--pupil"_s, u"Q900000000099"_s,
                          u"--json"_s, json})
              .code
          == kExitNotFound);
    CHECK(test::runAdmin(url,
                         {u"subject-access"_s, u"--school"_s, u"Hillside Primary"_s, u"--pupil"_s, p.pupil.id,
                          u"--pdf"_s, dir.file(u"no/such/folder/x.pdf"_s)})
              .code
          == kExitFailure);
}
