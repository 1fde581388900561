#include "localstore.h"
#include "markstore.h"

#include "schoolfixture.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <csignal>

using namespace otrack;
using otrack::test::TempDir;

// A teacher's PC can lose power or have the app killed at any instant. Kill a writer with
// SIGKILL at random moments: every mark it reported saved must be there with its outbox
// entry and audit event, and no mark may exist without them.
TEST_CASE("marks survive SIGKILL at random moments with their outbox entries")
{
    const quint32 seed = qEnvironmentVariableIsSet("OTRACK_SEED") ? qEnvironmentVariable("OTRACK_SEED").toUInt()
                                                                  : QRandomGenerator::system()->generate();
    INFO("seed " << seed << " (rerun with OTRACK_SEED=" << seed << ")");
    QRandomGenerator random(seed);

    TempDir dir;
    {
        auto store
            = LocalStore::create(dir.path(), QStringLiteral("crash-test-password"), ScryptParams::fastForTests());
        REQUIRE(store.ok());
        otrack::test::seedSchool(store.value()->database(), 10, 8);
    }

    QSet<QString> reported;
    constexpr int kRounds = 30;
    for (int round = 0; round < kRounds; ++round) {
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QStringLiteral(OTRACK_CRASHWRITER), {dir.path(), QString::number(random.generate())});
        REQUIRE(child.waitForStarted(10000));
        REQUIRE(child.waitForReadyRead(30000));
        REQUIRE(child.readLine().trimmed() == "ready");
        QThread::msleep(random.bounded(5, 250));
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        REQUIRE(child.waitForFinished(10000));
        INFO("round " << round << " stderr: " << child.readAllStandardError().toStdString());
        CHECK(child.exitStatus() == QProcess::CrashExit);

        // Only whole lines count: a line cut by the kill was never fully reported.
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            if (lines[i].startsWith("saved "))
                reported.insert(QString::fromLatin1(lines[i].mid(6)));
    }
    REQUIRE(reported.size() > kRounds);

    auto store = LocalStore::openWithPassword(dir.path(), QStringLiteral("crash-test-password"));
    REQUIRE(store.ok());
    Database &db = store.value()->database();

    QSet<QString> inOutbox;
    auto ops = db.prepare("SELECT op_id FROM outbox");
    REQUIRE(ops.ok());
    REQUIRE(ops->forEach([&](const Query &row) { inOutbox.insert(row.text(0)); }).ok());
    for (const QString &op : reported)
        CHECK(inOutbox.contains(op));

    // Each cell's value is the value of its latest outbox entry, and every edit has its audit event.
    auto orphans = db.scalar(
        "SELECT count(*) FROM marks m WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.pupil_id = m.pupil_id AND "
        "o.term_id = m.term_id AND o.objective_id = m.objective_id AND o.seq = (SELECT max(seq) FROM outbox o2 WHERE "
        "o2.pupil_id = m.pupil_id AND o2.term_id = m.term_id AND o2.objective_id = m.objective_id) AND "
        "o.value IS m.value)");
    CHECK(orphans.value() == QStringLiteral("0"));
    CHECK(db.scalar("SELECT count(DISTINCT pupil_id || term_id || objective_id) FROM outbox").value()
          == db.scalar("SELECT count(*) FROM marks").value());
    CHECK(db.scalar("SELECT count(*) FROM audit_events").value() == db.scalar("SELECT count(*) FROM outbox").value());
}
