// Child process for the crash-safety test: records marks in a loop and prints one line per
// mark after its transaction committed, until it is killed.
#include "localstore.h"
#include "markstore.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace otrack;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    const QString folder = QString::fromLocal8Bit(argv[1]);
    QRandomGenerator random(static_cast<quint32>(QByteArray(argv[2]).toUInt()));
    auto store = LocalStore::openWithPassword(folder, QStringLiteral("crash-test-password"));
    if (!store) {
        std::fprintf(stderr, "open failed: %s\n", qUtf8Printable(store.error().message));
        return 1;
    }
    MarkStore marks(store.value()->database(), QStringLiteral("school-00000001"), QStringLiteral("staff-00000001"));
    const char *values[] = {"WTS", "EXP", "GDS"};
    std::printf("ready\n");
    std::fflush(stdout);
    for (;;) {
        // Mostly single edits, sometimes a pasted block.
        const int batch = random.bounded(6) == 0 ? 5 : 1;
        QList<MarkEdit> edits;
        for (int i = 0; i < batch; ++i) {
            const int pupil = random.bounded(1, 11), objective = random.bounded(1, 9), term = random.bounded(1, 3);
            edits.append({{QStringLiteral("pupil-%1").arg(pupil, 8, 10, QLatin1Char('0')),
                           QStringLiteral("objective-%1").arg(objective, 8, 10, QLatin1Char('0')),
                           QStringLiteral("term-%1").arg(term, 8, 10, QLatin1Char('0'))},
                          QLatin1String(values[random.bounded(3)]),
                          {}});
        }
        auto ops = marks.recordAll(edits);
        if (!ops) {
            std::fprintf(stderr, "record failed: %s\n", qUtf8Printable(ops.error().message));
            return 1;
        }
        for (const QString &op : ops.value())
            std::printf("saved %s\n", qUtf8Printable(op));
        std::fflush(stdout);
    }
}
