// UI benchmark (docs/performance.md), Release build, offscreen:
//   QT_QPA_PLATFORM=offscreen build/release/tests/bench/ui_bench [--smoke]
// - cold start to the sign-in window: this program started again as a child process, from
//   QProcess::start until the child has shown the window and processed its first events;
// - opening a 35 x 60 grid from a store holding 1,000,000 marks: from choosing the group,
//   framework and term until the grid's model is filled (the store read runs on the window's
//   store thread, as in the app);
// - 200 typed marks: from the key press until the mark and its outbox entry are committed
//   and the grid shows it.
#include "benchtable.h"

#include "appcontroller.h"
#include "grideditor.h"
#include "localstore.h"
#include "mainwindow.h"
#include "markgridmodel.h"
#include "markgridview.h"
#include "markingpage.h"
#include "opensslinit.h"
#include "rosterstore.h"
#include "schoolfixture.h"
#include "signinwindow.h"
#include "storeworker.h"
#include "syncsession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <stdexcept>

using namespace otrack;
using namespace otrack::bench;

namespace {

constexpr int kGridPupils = 35;
constexpr int kGridObjectives = 60;

void check(const Status &status, const char *what)
{
    if (!status)
        throw std::runtime_error(std::string(what) + ": " + status.error().message.toStdString());
}

// The child: start the app as main() does, up to the sign-in window on screen.
int startChild(const QString &dataDir)
{
    AppOptions options;
    options.dataDir = dataDir;
    AppController controller(options);
    controller.start();
    QTimer::singleShot(0, [&] {
        if (controller.signInWindow() && controller.signInWindow()->isVisible())
            std::fputs("shown\n", stdout);
        std::fflush(stdout);
        QApplication::exit(0);
    });
    return QApplication::exec();
}

std::vector<double> coldStarts(int runs, const QString &dataDir)
{
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"),
                   env.value(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")));
        child.setProcessEnvironment(env);
        const auto start = Clock::now();
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-start"), dataDir});
        if (!child.waitForStarted(10000))
            throw std::runtime_error("the child did not start");
        QByteArray out;
        while (!out.contains("shown\n") && child.waitForReadyRead(20000))
            out += child.readAllStandardOutput();
        const double elapsed = msSince(start);
        child.waitForFinished(20000);
        if (!out.contains("shown\n"))
            throw std::runtime_error("the child did not show the sign-in window");
        samples.push_back(elapsed);
    }
    return samples;
}

struct BenchStore {
    QString folder;
    test::SchoolFixture school;
    QString benchGroup;
    qint64 marks = 0;
};

// A store with `pupils` pupils x 60 objectives x the two open terms of marks (1,008,000 for
// 8,400 pupils), and a class of 35 of them: the grid a teacher opens.
BenchStore makeStore(const QString &folder, int pupils)
{
    auto store = LocalStore::create(folder, QStringLiteral("bench password"), ScryptParams::fastForTests());
    if (!store)
        throw std::runtime_error("cannot create the store");
    Database &db = store.value()->database();
    BenchStore b;
    b.folder = folder;
    b.school = test::seedSchool(db, pupils, kGridObjectives);
    b.benchGroup = QStringLiteral("group-bench");
    {
        auto tx = Transaction::begin(db);
        check(tx ? Status() : Status(tx.error()), "begin");
        RosterStore roster(db, b.school.schoolId);
        check(roster.saveGroup({b.benchGroup, b.school.schoolId, QStringLiteral("4 Bench"), GroupKind::Class, 4},
                               b.school.pupilIds.mid(pupils / 2, kGridPupils)),
              "group");
        const QString at = QStringLiteral("2026-10-01T09:00:00.000Z");
        for (int t = 0; t < 2; ++t)
            for (int p = 0; p < pupils; ++p)
                for (int o = 0; o < kGridObjectives; ++o) {
                    // Autumn 2 of the bench class stays empty: that is where typing goes.
                    if (t == 1 && p >= pupils / 2 && p < pupils / 2 + kGridPupils)
                        continue;
                    auto q
                        = db.prepare("INSERT INTO marks (school_id, pupil_id, term_id, objective_id, value, "
                                     "author_id, updated_at, server_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)");
                    q->bind(1, b.school.schoolId).bind(2, b.school.pupilIds[p]).bind(3, b.school.termIds[t]);
                    q->bind(4, b.school.objectiveIds[o]).bind(5, b.school.valueCodes[(p + o + t) % 3]);
                    q->bind(6, b.school.teacherId).bind(7, at);
                    check(q->run(), "mark");
                    ++b.marks;
                }
        check(tx.value()->commit(), "commit");
    }
    auto session = SyncSession::load(db);
    if (!session)
        throw std::runtime_error("session");
    session->schoolId = b.school.schoolId;
    session->userId = b.school.teacherId;
    session->username = QStringLiteral("teacher1");
    session->role = QStringLiteral("teacher");
    check(session->save(db), "session");
    check(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"), "checkpoint");
    return b;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    return done();
}

}  // namespace

int main(int argc, char *argv[])
{
    initOpenSsl();
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("otrack.*.info=false"));
    const QStringList args = app.arguments();
    if (args.value(1) == u"--child-start")
        return startChild(args.value(2));
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    QTextStream out(stdout);
    try {
        QTemporaryDir dir;
        const std::vector<double> starts = coldStarts(smoke ? 1 : 7, dir.filePath(QStringLiteral("start")));

        const int pupils = smoke ? 200 : 8400;
        const auto seedStart = Clock::now();
        BenchStore store = makeStore(dir.filePath(QStringLiteral("store")), pupils);
        const double seedMs = msSince(seedStart);

        auto opened = LocalStore::openWithPassword(store.folder, QStringLiteral("bench password"));
        if (!opened)
            throw std::runtime_error("cannot open the store");
        MainWindow window(std::move(opened.value()), QStringLiteral("Synthetic Primary School"),
                          QStringLiteral("teacher1"));
        window.resize(1280, 800);
        window.show();
        if (!window.waitUntilLoaded(60000))
            throw std::runtime_error("the window did not load");
        MarkingPage &page = *window.markingPage();

        // Grid open: alternate the two open terms, so each open reads a grid from the store.
        std::vector<double> opens;
        bool loaded = false;
        QObject::connect(&page, &MarkingPage::gridLoaded, [&] { loaded = true; });
        for (int i = 0; i < (smoke ? 4 : 40); ++i) {
            loaded = false;
            const auto start = Clock::now();
            page.choose(store.benchGroup, store.school.frameworkId, store.school.termIds[i % 2]);
            if (!waitFor([&] { return loaded; }))
                throw std::runtime_error("the grid did not load");
            opens.push_back(msSince(start));
            if (page.gridModel()->grid().rowCount() != kGridPupils
                || page.gridModel()->grid().columnCount() != kGridObjectives)
                throw std::runtime_error("the grid has the wrong size");
        }

        // Typing: the first open term of the bench class, which holds no marks yet.
        page.choose(store.benchGroup, store.school.frameworkId, store.school.termIds[1]);
        if (!waitFor([&] { return !page.gridModel()->grid().objectives().isEmpty(); }))
            throw std::runtime_error("no grid to type into");
        MarkGridView &view = *page.gridView();
        view.setFocus();
        view.selectionModel()->setCurrentIndex(view.model()->index(0, MarkGridModel::FlagColumnCount),
                                               QItemSelectionModel::ClearAndSelect);
        int saved = 0;
        QObject::connect(page.editor(), &GridEditor::saved, [&] { ++saved; });
        std::vector<double> keys;
        const Qt::Key keyOf[] = {Qt::Key_W, Qt::Key_E, Qt::Key_G};
        for (int i = 0; i < (smoke ? 20 : 200); ++i) {
            const int before = saved;
            const auto start = Clock::now();
            QTest::keyClick(&view, keyOf[i % 3]);
            if (!waitFor([&] { return saved > before; }))
                throw std::runtime_error("a typed mark was not saved");
            keys.push_back(msSince(start));
        }

        out << "ui_bench" << (smoke ? " (smoke sizes, not for the record)" : "") << ", store of " << store.marks
            << " marks (seeded in " << ms(seedMs) << ")\n\n";
        Table table({QStringLiteral("measure"), QStringLiteral("runs"), QStringLiteral("median"), QStringLiteral("p95"),
                     QStringLiteral("max"), QStringLiteral("target")});
        auto row = [&](const QString &name, const std::vector<double> &samples, const QString &target) {
            table.add({name, QString::number(samples.size()), ms(percentile(samples, 50)), ms(percentile(samples, 95)),
                       ms(percentile(samples, 100)), target});
        };
        row(QStringLiteral("cold start to the sign-in window"), starts, QStringLiteral("< 1 s"));
        row(QStringLiteral("open a 35 x 60 grid"), opens, QStringLiteral("< 100 ms"));
        row(QStringLiteral("typed mark, key to saved"), keys, QStringLiteral("< 16 ms each"));
        table.print(out);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ui_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
