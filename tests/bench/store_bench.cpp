// Store benchmark (docs/performance.md): the same schema and code over an encrypted and a
// plain database in one process (SQLCipher without a key writes plain SQLite), so the ratio
// is the cost of encryption alone. Run from a Release build:
//   build/release/tests/bench/store_bench [--smoke]
#include "benchtable.h"

#include "localstore.h"
#include "markstore.h"
#include "migrations.h"
#include "schoolfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>
#include <stdexcept>

using namespace otrack;
using namespace otrack::bench;

namespace {

struct Sizes {
    int bulkPupils;  // x objectives x 2 open terms = bulk marks
    int bulkObjectives;
    int bulkBatch;
    int singleSaves;
    int gridReads;
};

template <typename T>
T check(Result<T> result, const char *what)
{
    if (!result)
        throw std::runtime_error(std::string(what) + ": " + result.error().message.toStdString());
    return std::move(result.value());
}

void check(const Status &status, const char *what)
{
    if (!status)
        throw std::runtime_error(std::string(what) + ": " + status.error().message.toStdString());
}

std::unique_ptr<Database> openBenchDatabase(const QString &path, bool keyed)
{
    auto db = check(Database::open(path, Database::OpenMode::CreateNew), "open");
    if (keyed)
        check(db->applyKey(SecureBytes::random(32)), "key");
    check(LocalStore::configureConnection(*db), "configure");
    check(migrate(*db, storeMigrations()), "migrate");
    return db;
}

struct Measurements {
    double bulkMs = 0;
    double singleMedian = 0;
    double singleP99 = 0;
    double gridMedian = 0;
    double gridP99 = 0;
    int gridCells = 0;
};

Measurements measure(const QString &folder, bool keyed, const Sizes &sizes)
{
    Measurements m;
    {
        auto db = openBenchDatabase(folder + QStringLiteral("/bulk.db"), keyed);
        auto school = test::seedSchool(*db, sizes.bulkPupils, sizes.bulkObjectives);
        MarkStore marks(*db, school.schoolId, school.teacherId);
        QList<MarkEdit> all;
        for (int t = 0; t < 2; ++t)
            for (const QString &pupil : school.pupilIds)
                for (const QString &objective : school.objectiveIds)
                    all.append({{pupil, objective, school.termIds[t]}, school.valueCodes[all.size() % 3], {}});
        const auto start = Clock::now();
        for (qsizetype i = 0; i < all.size(); i += sizes.bulkBatch)
            check(marks.recordAll(all.mid(i, sizes.bulkBatch)), "bulk");
        m.bulkMs = msSince(start);
    }
    {
        auto db = openBenchDatabase(folder + QStringLiteral("/typing.db"), keyed);
        auto school = test::seedSchool(*db, 35, 60);
        MarkStore marks(*db, school.schoolId, school.teacherId);
        std::vector<double> saves;
        for (int i = 0; i < sizes.singleSaves; ++i) {
            const MarkEdit edit{{school.pupilIds[i % 35], school.objectiveIds[(i / 35) % 60], school.termIds[0]},
                                school.valueCodes[i % 3],
                                {}};
            const auto start = Clock::now();
            check(marks.record(edit), "save");
            saves.push_back(msSince(start));
        }
        m.singleMedian = percentile(saves, 50);
        m.singleP99 = percentile(saves, 99);

        // Fill both open terms so the grid query has to pick one term's cells out of two.
        QList<MarkEdit> fill;
        for (int t = 0; t < 2; ++t)
            for (const QString &pupil : school.pupilIds)
                for (const QString &objective : school.objectiveIds)
                    fill.append({{pupil, objective, school.termIds[t]}, school.valueCodes[fill.size() % 3], {}});
        check(marks.recordAll(fill), "fill");
        std::vector<double> reads;
        for (int i = 0; i < sizes.gridReads; ++i) {
            const auto start = Clock::now();
            auto grid = check(marks.grid(school.groupId, school.frameworkId, school.termIds[0]), "grid");
            reads.push_back(msSince(start));
            m.gridCells = static_cast<int>(grid.size());
        }
        m.gridMedian = percentile(reads, 50);
        m.gridP99 = percentile(reads, 99);
    }
    return m;
}

QString ratio(double keyed, double plain)
{
    return plain > 0 ? QString::number(keyed / plain, 'f', 2) : QStringLiteral("-");
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool smoke = app.arguments().contains(QStringLiteral("--smoke"));
    const Sizes sizes = smoke ? Sizes{20, 10, 100, 50, 5} : Sizes{500, 100, 1000, 2000, 200};
    QTextStream out(stdout);
    QLoggingCategory::setFilterRules(QStringLiteral("otrack.*.info=false"));

    try {
        QTemporaryDir dir;
        if (!dir.isValid())
            throw std::runtime_error("no temporary folder");
        QDir().mkpath(dir.filePath(QStringLiteral("keyed")));
        QDir().mkpath(dir.filePath(QStringLiteral("plain")));
        const Measurements keyed = measure(dir.filePath(QStringLiteral("keyed")), true, sizes);
        const Measurements plain = measure(dir.filePath(QStringLiteral("plain")), false, sizes);

        // Opening as a teacher does: scrypt with the real parameters, key, integrity check.
        const QString storeDir = dir.filePath(QStringLiteral("store"));
        {
            auto store = check(LocalStore::create(storeDir, QStringLiteral("benchmark password")), "create");
            test::seedSchool(store->database(), 35, 60);
        }
        std::vector<double> unlocks;
        for (int i = 0; i < (smoke ? 1 : 5); ++i) {
            const auto start = Clock::now();
            check(LocalStore::openWithPassword(storeDir, QStringLiteral("benchmark password")), "unlock");
            unlocks.push_back(msSince(start));
        }

        const int bulkMarks = sizes.bulkPupils * sizes.bulkObjectives * 2;
        out << "store_bench" << (smoke ? " (smoke sizes, not for the record)" : "") << "\n\n";
        Table table({QStringLiteral("measure"), QStringLiteral("encrypted"), QStringLiteral("plain"),
                     QStringLiteral("ratio"), QStringLiteral("target")});
        table.add({QStringLiteral("%1 marks in %2-mark transactions").arg(bulkMarks).arg(sizes.bulkBatch),
                   ms(keyed.bulkMs), ms(plain.bulkMs), ratio(keyed.bulkMs, plain.bulkMs),
                   QStringLiteral("ratio < 1.5")});
        table.add({QStringLiteral("one-mark save, median of %1").arg(sizes.singleSaves), ms(keyed.singleMedian),
                   ms(plain.singleMedian), ratio(keyed.singleMedian, plain.singleMedian), QStringLiteral("< 1 ms")});
        table.add({QStringLiteral("one-mark save, p99"), ms(keyed.singleP99), ms(plain.singleP99),
                   ratio(keyed.singleP99, plain.singleP99), QStringLiteral("< 5 ms")});
        table.add({QStringLiteral("grid read (35 x 60, %1 cells), median").arg(keyed.gridCells), ms(keyed.gridMedian),
                   ms(plain.gridMedian), ratio(keyed.gridMedian, plain.gridMedian), QStringLiteral("< 20 ms")});
        table.add({QStringLiteral("grid read, p99"), ms(keyed.gridP99), ms(plain.gridP99),
                   ratio(keyed.gridP99, plain.gridP99), QString()});
        table.add({QStringLiteral("open + unlock (scrypt, integrity check), median"), ms(percentile(unlocks, 50)),
                   QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("< 500 ms")});
        table.print(out);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "store_bench failed: %s\n", e.what());
        return 1;
    }
    return 0;
}
