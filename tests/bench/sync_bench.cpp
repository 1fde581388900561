// Client sync benchmark (docs/performance.md, Client sync): the SyncEngine over a fresh
// encrypted store against a real otrack-server child process on SQLite over TLS on loopback,
// the demo school made by `otrack-server admin demo --marks N`. The client is this process:
// its peak RSS is the client's. Run from a Release build:
//   build/release/tests/bench/sync_bench [--smoke] [--marks N]
// --marks sets the school's size (default 1,000,000); --smoke runs at a tiny size (CI).
#include "benchtable.h"
#include "serverprocess.h"

#include "localstore.h"
#include "markstore.h"
#include "opensslinit.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <stdexcept>

#include <sys/resource.h>
#include <unistd.h>

using namespace otrack;
using namespace otrack::bench;
using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const QString &why)
{
    throw std::runtime_error(why.toStdString());
}

template <typename T>
T check(Result<T> result, const QString &what)
{
    if (!result)
        fail(what + u": "_s + result.error().message);
    return std::move(result.value());
}

void check(const Status &status, const QString &what)
{
    if (!status)
        fail(what + u": "_s + status.error().message);
}

// CPU time (user + system) a process has used so far, in ms, from /proc: on a shared, busy
// machine it says more about the work done than wall time does.
double cpuMs(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks * 1000.0 / double(::sysconf(_SC_CLK_TCK));
}

// This process's peak resident set (VmHWM), in MiB.
double peakRssMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

// Bytes this process has written with write() and friends (/proc/self/io wchar): the store's
// WAL and database pages, each an encrypted copy of a 4 KiB page.
qint64 writtenBytes()
{
    QFile io(u"/proc/self/io"_s);
    if (!io.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : io.readAll().split('\n'))
        if (line.startsWith("wchar:"))
            return line.mid(6).trimmed().toLongLong();
    return 0;
}

void run(const QString &program, const QStringList &arguments, const QString &folder, QByteArray *out = nullptr)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(program, arguments);
    if (!process.waitForFinished(30 * 60 * 1000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        fail(program + u" failed: "_s + QString::fromLocal8Bit(process.readAllStandardError()));
    if (out)
        *out = process.readAllStandardOutput();
}

struct Account {
    QString username;
    QString password;
};

// Makes the demo school with `marks` marks; its admin sees the whole school.
Account makeSchool(const QString &folder, const QString &databaseUrl, qint64 marks, QString *schoolName)
{
    QByteArray out;
    *schoolName = u"Sync Bench Primary"_s;
    run(test::ServerProcess::binary(),
        {u"admin"_s, u"--db"_s, databaseUrl, u"demo"_s, u"--fast-passwords"_s, u"--marks"_s, QString::number(marks),
         u"--name"_s, *schoolName},
        folder, &out);
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.value(0) == "admin" && fields.size() >= 3)
            return {QString::fromUtf8(fields.at(1)), QString::fromUtf8(fields.at(2))};
    }
    fail(u"the demo school has no admin account"_s);
}

// Runs one engine operation to its end; the wall time in ms.
double timed(SyncEngine &engine, const std::function<void()> &start)
{
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::finished, &loop, &QEventLoop::quit);
    const auto began = Clock::now();
    start();
    if (engine.isBusy())
        loop.exec();
    const double ms = msSince(began);
    if (engine.status().state != SyncStatus::State::Idle)
        fail(u"sync ended in %1: %2"_s.arg(stateName(engine.status().state), engine.status().detail));
    return ms;
}

struct Cpu {
    double client;
    double server;
};

Cpu cpuNow(qint64 serverPid)
{
    return {cpuMs(::getpid()), cpuMs(serverPid)};
}

QString cpuCell(const Cpu &before, const Cpu &after, int runs = 1)
{
    const double client = (after.client - before.client) / runs;
    const double server = (after.server - before.server) / runs;
    const double share = client + server > 0 ? 100.0 * client / (client + server) : 0;
    return u"client %1, server %2 (client %3 %)"_s.arg(bench::ms(client), bench::ms(server)).arg(share, 0, 'f', 0);
}

// `count` cells the store holds, each given another value of its objective's scale.
QList<MarkEdit> editsOf(Database &db, int count, int offset)
{
    auto query = check(db.prepare("SELECT m.pupil_id, m.objective_id, m.term_id, (SELECT v.code FROM scale_values v "
                                  "WHERE v.scale_id = f.scale_id AND v.code <> coalesce(m.value, '') ORDER BY "
                                  "v.position LIMIT 1) FROM marks m JOIN objectives o ON o.id = m.objective_id JOIN "
                                  "frameworks f ON f.id = o.framework_id JOIN terms t ON t.id = m.term_id WHERE "
                                  "t.locked = 0 ORDER BY m.pupil_id, m.objective_id LIMIT ?1 OFFSET ?2"),
                       u"choosing cells"_s);
    query.bind(1, count).bind(2, offset);
    return check(query.collect([](const Query &q) {
        return MarkEdit{{q.text(0), q.text(1), q.text(2)}, q.text(3), QString()};
    }),
                 u"reading cells"_s);
}

void makeCertificate(const QString &folder)
{
    run(u"openssl"_s,
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s,
         u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.crt"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
         u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s},
        folder);
}

}  // namespace

int main(int argc, char *argv[])
{
    initOpenSsl();
    QCoreApplication app(argc, argv);
    const bool smoke = app.arguments().contains(u"--smoke"_s);
    qint64 marks = smoke ? 2000 : 1'000'000;
    if (const qsizetype at = app.arguments().indexOf(u"--marks"_s); at > 0)
        marks = app.arguments().value(at + 1).toLongLong();
    const int pushSize = smoke ? 50 : 500;
    const int pushRuns = smoke ? 2 : 5;
    const int quietRuns = smoke ? 5 : 50;
    QLoggingCategory::setFilterRules(u"otrack.*.info=false"_s);
    QTextStream out(stdout);

    Table table({u"measure"_s, u"wall"_s, u"CPU"_s, u"target"_s});
    QStringList notes;
    try {
        QTemporaryDir dir;
        if (!dir.isValid())
            fail(u"no temporary folder"_s);
        makeCertificate(dir.path());
        const QString databaseUrl = u"sqlite://"_s + dir.filePath(u"server.db"_s);
        QString schoolName;
        const auto made = Clock::now();
        const Account admin = makeSchool(dir.path(), databaseUrl, marks, &schoolName);
        notes << u"demo school with %1 marks made in %2 s"_s.arg(marks).arg(msSince(made) / 1000, 0, 'f', 1);

        test::ServerProcess server;
        if (!server.start({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--cert"_s, dir.filePath(u"server.crt"_s),
                           u"--key"_s, dir.filePath(u"server.key"_s), u"--db"_s, databaseUrl}))
            fail(u"otrack-server did not start: "_s + server.errorOutput());
        const qint64 serverPid = server.process().processId();

        // The store and the sign-in are not measured: scrypt is slow on purpose.
        auto store = check(LocalStore::create(dir.filePath(u"store"_s), admin.password), u"creating the store"_s);
        auto endpoint
            = check(ServerEndpoint::create(u"https://127.0.0.1:%1"_s.arg(server.port()), dir.filePath(u"server.crt"_s)),
                    u"the endpoint"_s);
        SyncEngine engine(std::move(store), endpoint);
        engine.setPageLimit(5000);
        engine.api().setTimeout(300000);
        check(engine.load(), u"loading the session"_s);
        timed(engine, [&] { engine.login(schoolName, admin.username, admin.password); });
        const double rssBefore = peakRssMiB();

        Cpu before = cpuNow(serverPid);
        const qint64 writtenBefore = writtenBytes();
        const double initialMs = timed(engine, [&] { engine.sync(); });
        const Cpu afterInitial = cpuNow(serverPid);
        notes << u"the initial sync wrote %1 MiB to the store's files"_s.arg(
            double(writtenBytes() - writtenBefore) / (1024 * 1024), 0, 'f', 0);
        Database &db = engine.store()->database();
        const qint64 pulled = check(db.scalar("SELECT count(*) FROM marks"), u"counting"_s).toLongLong();
        if (pulled != marks)
            fail(u"the store holds %1 marks, not %2"_s.arg(pulled).arg(marks));
        table.add({u"initial sync of %1 marks into a fresh encrypted store"_s.arg(marks),
                   u"%1 s (%2 marks/s)"_s.arg(initialMs / 1000, 0, 'f', 2).arg(marks / (initialMs / 1000), 0, 'f', 0),
                   cpuCell(before, afterInitial), u"< 10 s"_s});
        table.add({u"client peak RSS"_s,
                   u"%1 MiB (%2 MiB before the sync)"_s.arg(peakRssMiB(), 0, 'f', 0).arg(rssBefore, 0, 'f', 0),
                   QString(), u"< 300 MB"_s});

        MarkStore markStore(db, engine.session().schoolId, engine.session().userId);
        std::vector<double> pushes;
        before = cpuNow(serverPid);
        for (int r = 0; r < pushRuns; ++r) {
            check(markStore.recordAll(editsOf(db, pushSize, r * pushSize)), u"recording offline marks"_s);
            check(engine.refreshCounts(), u"counting the outbox"_s);
            if (engine.status().pending != pushSize)
                fail(u"%1 edits queued, not %2"_s.arg(engine.status().pending).arg(pushSize));
            pushes.push_back(timed(engine, [&] { engine.sync(); }));
            if (engine.status().pending != 0)
                fail(u"the push left %1 edits queued"_s.arg(engine.status().pending));
        }
        table.add({u"sync with %1 offline marks to push (%2 runs)"_s.arg(pushSize).arg(pushRuns),
                   u"p50 %1, max %2"_s.arg(bench::ms(percentile(pushes, 50)), bench::ms(percentile(pushes, 100))),
                   cpuCell(before, cpuNow(serverPid), pushRuns), u"< 60 ms"_s});

        std::vector<double> quiet;
        before = cpuNow(serverPid);
        for (int r = 0; r < quietRuns; ++r)
            quiet.push_back(timed(engine, [&] { engine.sync(); }));
        table.add({u"no-change sync (%1 runs)"_s.arg(quietRuns),
                   u"p50 %1, p95 %2"_s.arg(bench::ms(percentile(quiet, 50)), bench::ms(percentile(quiet, 95))),
                   cpuCell(before, cpuNow(serverPid), quietRuns), u"< 5 ms"_s});

        if (server.stop() != 0)
            fail(u"otrack-server did not stop cleanly: "_s + server.errorOutput());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "sync_bench failed: %s\n", e.what());
        return 1;
    }

    out << "sync_bench" << (smoke ? " (smoke sizes, not for the record)" : "") << "\n\n";
    table.print(out);
    out << '\n';
    for (const QString &note : std::as_const(notes))
        out << "- " << note << '\n';
    return 0;
}
