// The pupil panel, the analysis view (with its CSV and PDF) and the conflicts view, on the
// offscreen platform over real encrypted stores.
#include "analysispage.h"
#include "analysisreport.h"
#include "conflictspage.h"
#include "markgridmodel.h"
#include "markgridview.h"
#include "markingpage.h"
#include "markstore.h"
#include "pupilpage.h"
#include "storejob.h"
#include "workspacefixture.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace otrack;
using otrack::test::onStore;
using otrack::test::Workspace;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Marks for the first `pupils` pupils in every objective of `term`, cycling through the scale.
void markTerm(Database &db, const test::SchoolFixture &f, int term, int pupils, int offset)
{
    MarkStore marks(db, f.schoolId, f.teacherId);
    QList<MarkEdit> edits;
    for (int p = 0; p < pupils; ++p)
        for (int o = 0; o < f.objectiveIds.size(); ++o)
            edits.append({{f.pupilIds[p], f.objectiveIds[o], f.termIds[term]}, f.valueCodes[(p + o + offset) % 3], {}});
    REQUIRE(marks.recordAll(edits).ok());
    // As if pushed: the outbox is empty, the cells stand on server version 1.
    REQUIRE(db.exec("DELETE FROM outbox; UPDATE marks SET server_version = 1;").ok());
}

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(s("pdftotext"), {s("-layout"), path, s("-")});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

}  // namespace

TEST_CASE("pupil panel: details, groups and attainment across terms", "[app][gui][pages]")
{
    Workspace w(8, 4, s("teacher"), [](Database &db, const test::SchoolFixture &f) {
        markTerm(db, f, 0, 8, 0);
        markTerm(db, f, 1, 8, 1);
    });
    MainWindow &main = *w.window;
    PupilPage *pupil = main.pupilPage();
    REQUIRE(pupil);
    QSignalSpy loaded(pupil, &PupilPage::loaded);
    // The grid opens on the first pupil; the panel follows the grid's current pupil (read when
    // the page is shown).
    main.pages()->setCurrentWidget(pupil);
    REQUIRE(QTest::qWaitFor([&] { return pupil->chartPoints().size() == 2; }, 10000));
    CHECK(pupil->pupilId() == w.school.pupilIds[0]);
    CHECK(pupil->detailsText().contains(s("Pupil0001 Zebedeeson")));
    CHECK(pupil->detailsText().contains(s("4 Oak")));
    CHECK(pupil->detailsText().contains(s("pupil premium")));
    CHECK(pupil->detailsText().contains(s("X820000000000")));
    // Pupil 1, four objectives: Autumn 1 cycles EXP GDS WTS EXP (2 3 1 2: mean 2);
    // Autumn 2 GDS WTS EXP GDS (3 1 2 3: mean 9/4).
    MarkGridView &view = *main.markingPage()->gridView();
    loaded.clear();
    view.selectionModel()->setCurrentIndex(view.model()->index(1, MarkGridModel::FlagColumnCount),
                                           QItemSelectionModel::ClearAndSelect);
    REQUIRE(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 10000));
    CHECK(pupil->pupilId() == w.school.pupilIds[1]);
    CHECK(pupil->detailsText().contains(s("girl")));
    CHECK_FALSE(pupil->detailsText().contains(s("pupil premium")));
    const auto points = pupil->chartPoints();
    REQUIRE(points.size() == 2);
    CHECK(points[0].first == s("Autumn 1 2026/27"));
    CHECK(points[0].second == Approx(2.0));
    CHECK(points[1].second == Approx(2.25));
    main.resize(1100, 700);
    test::screenshot(main, s("pupil-panel.png"));
}

TEST_CASE("analysis view: the table, the CSV and a readable PDF report", "[app][gui][pages]")
{
    Workspace w(12, 5, s("teacher"), [](Database &db, const test::SchoolFixture &f) { markTerm(db, f, 1, 10, 0); });
    MainWindow &main = *w.window;
    AnalysisPage *analysis = main.analysisPage();
    REQUIRE(analysis);
    main.pages()->setCurrentWidget(analysis);
    QApplication::processEvents();
    const GroupAnalysis expected = GroupAnalysis::compute(main.markingPage()->gridModel()->grid());
    // The page shows what core computes: the subject line first, then each objective.
    auto *model = qobject_cast<QStandardItemModel *>(analysis->table()->model());
    REQUIRE(model);
    REQUIRE(model->rowCount() == 6);
    for (int c = 0; c < model->columnCount(); ++c)
        CHECK(model->item(0, c)->text() == expected.table().at(0).at(c));
    // 10 of 12 pupils marked, one value each per objective, cycling: 5 x 10 = 50 marks, of
    // which WTS 17, EXP 17, GDS 16 (34%, 34%, 32%).
    CHECK(model->item(0, 2)->text() == s("10"));
    CHECK(model->item(0, 3)->text() == s("34"));
    CHECK(model->item(0, 5)->text() == s("32"));

    const QString csv = test::testOutputDir() + s("/analysis.csv");
    REQUIRE(analysis->exportCsv(csv).ok());
    const QByteArray csvBytes = test::readFile(csv);
    CHECK(csvBytes.startsWith("Objective,Pupils,Assessed,% Working towards"));
    CHECK(csvBytes.contains("All objectives,12,10,34,34,32,"));

    main.pages()->setCurrentWidget(analysis);
    main.resize(1200, 760);
    QApplication::processEvents();
    test::screenshot(main, s("analysis-view.png"));

    const QString pdf = test::testOutputDir() + s("/analysis-report.pdf");
    QFile::remove(pdf);
    auto written = analysis->exportPdf(pdf);
    REQUIRE(written.ok());
    CHECK(written.value());
    const QString text = pdfText(pdf);
    CHECK(text.contains(s("Attainment: Maths Year 4, 4 Oak (class),")));
    CHECK(text.contains(s("Autumn 2 2026/27")));
    CHECK(text.contains(s("Synthetic Primary School")));
    CHECK(text.contains(s("Produced by Ms Example")));
    CHECK(text.contains(QLocale().toString(QDate::currentDate(), QLocale::LongFormat)));
    CHECK(text.contains(s("M4.3")));
    CHECK(text.contains(s("page 1 of")));
    CHECK(text.contains(s("Synthetic objective statement number 5")));
}

TEST_CASE("analysis report: cancelling leaves no file behind", "[app][gui][pages]")
{
    Workspace w(6, 3);
    AnalysisReport report(w.window->analysisPage()->analysis(),
                          {s("School"), s("Group"), s("Framework"), s("Term"), s("Someone"), QDate(2026, 12, 1)});
    const QString pdf = test::testOutputDir() + s("/cancelled-report.pdf");
    QFile::remove(pdf);
    int calls = 0;
    auto written = report.writePdf(pdf, [&](int, int) { return ++calls < 1; });
    REQUIRE(written.ok());
    CHECK_FALSE(written.value());
    CHECK_FALSE(QFile::exists(pdf));
    auto unwritable = report.writePdf(s("/proc/no-such-folder/report.pdf"));
    REQUIRE_FALSE(unwritable.ok());
    CHECK(unwritable.error().code == ErrorCode::NotWritable);
}

TEST_CASE("conflicts view: both sides shown; keep mine queues an edit, take theirs writes theirs", "[app][gui][pages]")
{
    Workspace w(6, 3, s("teacher"), [](Database &db, const test::SchoolFixture &f) {
        markTerm(db, f, 1, 3, 0);
        REQUIRE(db.exec("INSERT INTO staff_names (id, school_id, display_name) VALUES "
                        "('staff-other', 'school-00000001', 'Mr Colleague')")
                    .ok());
        for (int p = 0; p < 3; ++p)
            REQUIRE(db.exec(QStringLiteral(
                                "INSERT INTO conflicts (id, school_id, pupil_id, term_id, objective_id, op_id, "
                                "local_value, local_author_id, local_time, base_version, server_value, "
                                "server_author_id, server_time, server_version, detected_at) VALUES ('c%1', "
                                "'school-00000001', '%2', 'term-00000002', 'objective-00000001', 'op-%1', 'GDS', "
                                "'staff-00000001', '2026-11-30T09:00:00.000Z', 1, 'WTS', 'staff-other', "
                                "1796032800000, 4, '2026-11-30T10:00:00.000Z')")
                                .arg(p)
                                .arg(f.pupilIds[p])
                                .toStdString())
                        .ok());
    });
    MainWindow &main = *w.window;
    ConflictsPage *conflicts = main.conflictsPage();
    REQUIRE(conflicts);
    REQUIRE(QTest::qWaitFor([&] { return conflicts->conflictCount() == 3; }, 10000));
    auto *model = conflicts->conflictsView()->model();
    CHECK(model->index(0, 0).data().toString() == s("Pupil0001 Zebedeeson"));
    CHECK(model->index(0, 1).data().toString() == s("M4.1"));
    CHECK(model->index(0, 3).data().toString() == s("GDS"));
    CHECK(model->index(0, 5).data().toString() == s("WTS"));
    CHECK(model->index(0, 6).data().toString() == s("Mr Colleague"));
    CHECK(main.pages()->tabText(main.pages()->indexOf(conflicts)).contains(s("(3)")));
    main.pages()->setCurrentWidget(conflicts);
    test::screenshot(main, s("conflicts-view.png"));

    auto cell = [&](int p) {
        auto m = onStore(main.storeWorker(), [&](LocalStore &store) {
            return MarkStore(store.database(), w.school.schoolId, w.school.teacherId).mark(w.key(p, 0));
        });
        REQUIRE(m.ok());
        REQUIRE(m->has_value());
        return m->value();
    };
    auto pending = [&] {
        auto p = onStore(main.storeWorker(), [&](LocalStore &store) {
            return MarkStore(store.database(), w.school.schoolId, w.school.teacherId).pending(100);
        });
        REQUIRE(p.ok());
        return p.value();
    };

    // One by one: the first row, keep mine (a new op on the server's version 4).
    conflicts->conflictsView()->selectRow(0);
    QTest::mouseClick(conflicts->findChild<QPushButton *>(s("keepMine")), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return conflicts->conflictCount() == 2; }, 10000));
    auto queued = pending();
    REQUIRE(queued.size() == 1);
    CHECK(queued[0].key == w.key(0, 0));
    CHECK(queued[0].value == s("GDS"));
    CHECK(queued[0].baseVersion == 4);

    // All the rest: take theirs; nothing is sent.
    QTest::mouseClick(conflicts->findChild<QPushButton *>(s("takeAllTheirs")), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return conflicts->conflictCount() == 0; }, 10000));
    CHECK(pending().size() == 1);
    CHECK(cell(1).value == s("WTS"));
    CHECK(cell(2).value == s("WTS"));
    CHECK(cell(2).serverVersion == 4);
    // The grid shows the values chosen.
    REQUIRE(main.waitUntilLoaded());
    REQUIRE(w.window->storeWorker()->waitForIdle());
    QApplication::processEvents();
    CHECK(main.markingPage()->gridModel()->grid().value(1, 0) == s("WTS"));
    CHECK(main.markingPage()->gridModel()->grid().value(0, 0) == s("GDS"));
}

TEST_CASE("main window: File > Settings opens the settings dialog", "[app][gui][pages]")
{
    Workspace w(3, 2);
    QAction *settings = nullptr;
    for (QAction *a : w.window->findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(QKeySequence::Preferences) && !a->shortcut().isEmpty())
            settings = a;
    if (!settings)
        for (QAction *a : w.window->findChildren<QAction *>())
            if (a->text() == s("Se&ttings..."))
                settings = a;
    REQUIRE(settings);
    bool shown = false;
    QTimer::singleShot(0, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        shown = dialog && dialog->objectName() == s("settingsDialog");
        if (dialog)
            dialog->close();
    });
    settings->trigger();
    CHECK(shown);
}
