// MIS import benchmark (docs/performance.md, Import): a synthetic 2,000-pupil CTF 25 (every
// pupil with FSM and SEN history, a first language and eight KS1/KS2 results) read, validated
// and applied by MisImporter to a fresh school, then imported again (nothing changes), over
// SQLite and over a private PostgreSQL cluster. In-process: the server library, no HTTP.
// Run from a Release build:
//   build/release/tests/bench/import_bench [--smoke] [--sqlite-only] [--pupils N]
// Target: a 2,000-pupil file imported, end to end, in under 5 s.
#include "benchpostgres.h"
#include "benchtable.h"

#include "ctfreader.h"
#include "databaseurl.h"
#include "importvalidator.h"
#include "misimporter.h"
#include "schooladmin.h"
#include "serverdatabase.h"
#include "serverschema.h"
#include "upn.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <stdexcept>

using namespace otrack;
using namespace otrack::bench;
using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const QString &what)
{
    throw std::runtime_error(what.toStdString());
}

// Synthetic pupils of the made-up LA 999: nobody real.
QByteArray syntheticCtf(int pupils)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile>\n<Header><DocumentName>Common Transfer "
                     "File</DocumentName><CTFversion>25.0</CTFversion><DateTime>2026-07-15T10:00:00</DateTime>"
                     "<DocumentQualifier>full</DocumentQualifier><SourceSchool><LEA>999</LEA><Estab>4001</Estab>"
                     "<SchoolName>Bench Synthetic Academy</SchoolName><AcademicYear>2025</AcademicYear>"
                     "</SourceSchool></Header>\n<CTFpupilData>\n";
    const char *subjects[] = {"MAT", "REA", "GPS", "WRI"};
    for (int i = 0; i < pupils; ++i) {
        const QString upn = upn::withCheckLetter(u"99940010%1"_s.arg(i, 4, 10, QLatin1Char('0')));
        const QByteArray n = QByteArray::number(i);
        xml += "<Pupil><UPN>" + upn.toLatin1() + "</UPN><Surname>Benchsurname" + n + "</Surname><Forename>Benchforename"
            + n + "</Forename><DOB>2014-0" + QByteArray::number(1 + i % 9) + "-1" + QByteArray::number(i % 9)
            + "</DOB><Sex>" + (i % 2 ? "F" : "M") + "</Sex><BasicDetails><PreferredForename>Bench" + n
            + "</PreferredForename><NCyearActual>" + QByteArray::number(1 + i % 6)
            + "</NCyearActual><Languages><Type><LanguageType>F</LanguageType><Language>" + (i % 5 ? "ENG" : "POL")
            + "</Language></Type></Languages></BasicDetails><FSMhistory><FSMinstance><FSMstartDate>2024-09-01"
              "</FSMstartDate>"
            + (i % 3 ? "<FSMendDate>2025-01-01</FSMendDate>" : "")
            + "</FSMinstance></FSMhistory><SENhistory><SEN><StartDate>2023-09-01</StartDate><SENprovision>"
            + (i % 7 ? "N" : "K") + "</SENprovision></SEN></SENhistory><StageAssessments>";
        for (const char *stage : {"KS1", "KS2"}) {
            xml += QByteArray("<KeyStage><Stage>") + stage + "</Stage>";
            for (const char *subject : subjects)
                xml += QByteArray("<StageAssessment><Locale>ENG</Locale><Year>") + (stage[2] == '1' ? "2022" : "2026")
                    + "</Year><Subject>" + subject + "</Subject><Method>" + (stage[2] == '1' ? "TA" : "TT")
                    + "</Method><Component>" + (stage[2] == '1' ? "" : "SCALED") + "</Component><Result>"
                    + (stage[2] == '1' ? QByteArray("EXS") : QByteArray::number(90 + (i * 7 + subject[0]) % 30))
                    + "</Result></StageAssessment>";
            xml += "</KeyStage>";
        }
        xml += "</StageAssessments></Pupil>\n";
    }
    return xml + "</CTFpupilData>\n</CTfile>\n";
}

struct Row {
    QString engine;
    double readValidate = 0;
    double firstImport = 0;
    double reimport = 0;
    int created = 0;
    qint64 results = 0;
    QString skipped;
};

ImportPlan planOf(const QByteArray &ctf, const QDate &today)
{
    QBuffer buffer;
    buffer.setData(ctf);
    buffer.open(QIODevice::ReadOnly);
    auto read = CtfReader::read(&buffer, today);
    if (!read)
        fail(u"reading: "_s + read.error().message);
    ImportPlan plan = ImportValidator::validate(read.value(), today);
    if (!plan.problems.isEmpty())
        fail(u"the synthetic file has problems: "_s + plan.problems.front().message);
    return plan;
}

void benchEngine(Row &row, const QString &url, const QByteArray &ctf)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        fail(parsed.error().message);
    auto database = ServerDatabase::open(parsed.value(), u"import-bench-"_s + row.engine);
    if (!database)
        fail(database.error().message);
    QSqlDatabase db = (*database)->connection();
    if (Status s = ServerSchema::migrate(db, parsed->kind()); !s)
        fail(s.error().message);
    SchoolAdmin admin(db);
    auto school = admin.createSchool(u"Bench Synthetic Academy"_s);
    if (!school || !admin.setSchoolStatus(school->id, SchoolStatus::Active))
        fail(u"cannot create the school"_s);
    const Caller caller{school->id, u"import-bench"_s, QString(), Role::Admin, 1};
    const QDate today(2026, 12, 1);
    const qint64 now = QDateTime(today, QTime(12, 0)).toMSecsSinceEpoch();

    // The whole import, as the admin CLI does it: read, validate, apply in one transaction.
    auto importOnce = [&](double &ms) {
        const auto start = Clock::now();
        const ImportPlan plan = planOf(ctf, today);
        ImportOptions options;
        options.fullRoll = true;
        auto report = MisImporter(db).apply(caller, plan, options, now);
        ms = msSince(start);
        if (!report)
            fail(u"import: "_s + report.error().message);
        return report.value();
    };
    const ImportReport first = importOnce(row.firstImport);
    row.created = first.created;
    row.results = first.resultsCreated;
    const ImportReport again = importOnce(row.reimport);
    if (again.created != 0 || again.updated != 0 || again.resultsUnchanged != first.resultsCreated)
        fail(u"the second import changed something"_s);
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool smoke = app.arguments().contains(u"--smoke"_s);
    const bool sqliteOnly = app.arguments().contains(u"--sqlite-only"_s);
    int pupils = smoke ? 50 : 2000;
    if (const qsizetype at = app.arguments().indexOf(u"--pupils"_s); at > 0)
        pupils = app.arguments().value(at + 1).toInt();
    QLoggingCategory::setFilterRules(u"otrack.*.info=false"_s);
    QTextStream out(stdout);
    QList<Row> rows;
    try {
        QTemporaryDir dir;
        if (!dir.isValid())
            fail(u"no temporary folder"_s);
        QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) | QFile::ExeGroup | QFile::ExeOther);
        const QByteArray ctf = syntheticCtf(pupils);

        // Reading and validating alone: the median of five.
        std::vector<double> reads;
        for (int i = 0; i < 5; ++i) {
            const auto start = Clock::now();
            planOf(ctf, QDate(2026, 12, 1));
            reads.push_back(msSince(start));
        }
        const double readValidate = percentile(reads, 50);

        Row &sqlite = rows.emplaceBack();
        sqlite.engine = u"SQLite"_s;
        sqlite.readValidate = readValidate;
        benchEngine(sqlite, u"sqlite://"_s + dir.filePath(u"bench.db"_s), ctf);

        Row &postgres = rows.emplaceBack();
        postgres.engine = u"PostgreSQL"_s;
        postgres.readValidate = readValidate;
        if (sqliteOnly) {
            postgres.skipped = u"--sqlite-only"_s;
        } else {
            BenchPostgres cluster(dir.filePath(u"postgres"_s));
            QString url;
            postgres.skipped = cluster.startWithDatabase(u"bench"_s, &url);
            if (postgres.skipped.isEmpty())
                benchEngine(postgres, url, ctf);
        }
        out << "CTF of " << pupils << " pupils, " << double(ctf.size()) / 1024.0 / 1024.0 << " MiB\n\n";
    } catch (const std::exception &e) {
        std::fprintf(stderr, "import_bench failed: %s\n", e.what());
        return 1;
    }
    Table table({u"engine"_s, u"read + validate"_s, u"first import (pupils, results)"_s, u"re-import (no change)"_s,
                 u"target"_s});
    for (const Row &row : rows) {
        if (!row.skipped.isEmpty()) {
            table.add({row.engine, u"skipped: "_s + row.skipped, QString(), QString(), QString()});
            continue;
        }
        table.add({row.engine, u"%1 ms"_s.arg(row.readValidate, 0, 'f', 1),
                   u"%1 ms (%2, %3)"_s.arg(row.firstImport, 0, 'f', 1).arg(row.created).arg(row.results),
                   u"%1 ms"_s.arg(row.reimport, 0, 'f', 1), u"< 5000 ms"_s});
    }
    table.print(out);
    return 0;
}
