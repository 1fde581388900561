// Writes a fixture store at the current schema version into the folder given, for the
// migration tests (CONTRIBUTING.md, "Adding a migration"). Synthetic data only.
#include "localstore.h"
#include "markstore.h"

#include "schoolfixture.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace otrack;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    if (argc != 2) {
        err << "usage: make_store_fixture FOLDER\n";
        return 2;
    }
    const QString folder = QString::fromLocal8Bit(argv[1]);
    auto store = LocalStore::create(folder, QStringLiteral("fixture-password"), ScryptParams::fastForTests());
    if (!store) {
        err << "cannot create the fixture: " << store.error().message << '\n';
        return 1;
    }
    auto school = otrack::test::seedSchool(store.value()->database(), 5, 4);
    MarkStore marks(store.value()->database(), school.schoolId, school.teacherId);
    QList<MarkEdit> edits;
    for (const QString &pupil : school.pupilIds)
        for (const QString &objective : school.objectiveIds)
            edits.append({{pupil, objective, school.termIds[0]}, school.valueCodes[edits.size() % 3], {}});
    if (auto recorded = marks.recordAll(edits); !recorded) {
        err << "cannot write marks: " << recorded.error().message << '\n';
        return 1;
    }
    // Fold the WAL into the main file so that the fixture is two files.
    if (auto checkpoint = store.value()->database().exec("PRAGMA journal_mode = DELETE"); !checkpoint) {
        err << "cannot checkpoint: " << checkpoint.error().message << '\n';
        return 1;
    }
    QTextStream(stdout) << "fixture at schema " << store.value()->schemaVersion() << " written to " << folder << '\n';
    return 0;
}
