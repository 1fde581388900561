// Server benchmark (docs/performance.md, Server): a real otrack-server child process over
// SQLite and over PostgreSQL, loaded by simulated clients that speak the protocol over TLS
// with keep-alive. Each client is a teacher (their class's pupils are their scope) logged in
// for real on a device of their own. Run from a Release build:
//   build/release/tests/bench/server_bench [--smoke] [--sqlite-only] [--marks N]
// --marks sets the demo school's size (default 1,000,000; quicker runs while profiling).
// --smoke runs every measure at a tiny size (CI); PostgreSQL rows are skipped, with the
// reason, when no private cluster can be started.
#include "benchclient.h"
#include "benchpostgres.h"
#include "benchtable.h"
#include "serverprocess.h"

#include "databaseurl.h"
#include "demoschool.h"
#include "loginrequest.h"
#include "loginresponse.h"
#include "pullrequest.h"
#include "pullresponse.h"
#include "pushrequest.h"
#include "pushresponse.h"
#include "schooladmin.h"
#include "serverdatabase.h"
#include "serverschema.h"
#include "upn.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>

#include <unistd.h>

using namespace otrack;
using namespace otrack::bench;
using namespace Qt::StringLiterals;

namespace {

struct Sizes {
    qint64 demoMarks;
    int pupilsPerClass;
    QList<int> clientCounts;  // concurrent pushers; the last is also the number of pullers
    int pushRequests;  // per load run, shared among its clients
    int pullRequests;
    int replays;
    int bigPushes;  // sequential 500-mark pushes
    int erasures;  // pupils with kErasedMarks marks each, erased one after another
    double budgetSeconds;  // the longest a load run goes on
};

constexpr int kBatch = 50;
constexpr int kBigBatch = PushRequest::kMaxOps;
constexpr int kPageLimit = PullRequest::kMaxLimit;
constexpr int kErasedMarks = 1000;
const QString kPassword = u"bench password, not a secret"_s;

[[noreturn]] void fail(const QString &what)
{
    throw std::runtime_error(what.toStdString());
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

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList column(QSqlDatabase db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        fail(u"reading the demo: "_s + query.lastError().text());
    QStringList out;
    while (query.next())
        out << query.value(0).toString();
    return out;
}

struct Cell {
    QString pupil, objective, term;
};

// A simulated client's identity, and the cells that only it writes: so the base version of
// each op is known without asking (the n-th write of a cell is based on version n - 1).
struct ClientPlan {
    QString username;
    QString deviceId = newId();
    QList<Cell> cells;
    qint64 written = 0;
    QStringList codes;

    QByteArray nextBatch(int size)
    {
        PushRequest request;
        request.deviceId = deviceId;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < size; ++i, ++written) {
            const Cell &cell = cells.at(written % cells.size());
            PushOp op;
            op.opId = newId();
            op.pupilId = cell.pupil;
            op.objectiveId = cell.objective;
            op.termId = cell.term;
            op.value = codes.at(written % codes.size());
            op.baseVersion = written / cells.size();
            op.clientTime = now;
            request.ops.append(op);
        }
        return request.encode();
    }
};

struct Demo {
    QString schoolName;
    QString adminUsername;
    QString adminPassword;
    qint64 marks = 0;
    double seconds = 0;
    QList<ClientPlan> clients;
    // Pupils in no class, for the erasure measure: the admin gives each kErasedMarks marks.
    QStringList sparePupils;
    QStringList objectives;
    QStringList openTerms;
    QStringList codes;
};

// The demo school (DemoSchool, as `otrack-server admin demo` makes it), then one bench
// teacher per simulated client, assigned to a class; client c writes its class's pupils on
// every objective in the three unmarked terms, sharing a class with others only through
// disjoint objectives.
Demo makeDemo(const QString &url, const Sizes &sizes, int clientCount)
{
    const DatabaseUrl parsed = check(DatabaseUrl::parse(url), u"database URL"_s);
    auto database = check(ServerDatabase::open(parsed, u"bench-setup"_s), u"opening the database"_s);
    QSqlDatabase db = database->connection();
    check(ServerSchema::migrate(db, parsed.kind()), u"creating the schema"_s);

    DemoOptions options;
    options.marks = sizes.demoMarks;
    options.pupilsPerClass = sizes.pupilsPerClass;
    options.passwordParams = ScryptParams::fastForTests();
    const auto start = Clock::now();
    const DemoSummary summary = check(DemoSchool::create(db, options), u"making the demo school"_s);
    Demo demo;
    demo.seconds = msSince(start) / 1000;
    demo.schoolName = summary.school.name;
    demo.marks = summary.marks;
    for (const DemoAccount &account : summary.accounts)
        if (account.staff.role == Role::Admin) {
            demo.adminUsername = account.staff.username;
            demo.adminPassword = account.password;
        }

    const QString school = summary.school.id;
    const QStringList classes
        = column(db, u"SELECT id FROM groups WHERE school_id = ? AND kind = 'class' ORDER BY name"_s, {school});
    const QStringList objectives
        = column(db, u"SELECT id FROM objectives WHERE school_id = ? ORDER BY framework_id, position"_s, {school});
    const QStringList terms = column(db, u"SELECT id FROM terms WHERE school_id = ? ORDER BY position"_s, {school});
    const QStringList codes = column(db, u"SELECT code FROM scale_values ORDER BY position"_s, {});
    const QStringList openTerms = terms.mid(3);  // the demo marks only the first three
    demo.objectives = objectives;
    demo.openTerms = openTerms;
    demo.codes = codes;
    const int slotCount = (clientCount + int(classes.size()) - 1) / int(classes.size());

    SchoolAdmin admin(db, u"server-bench"_s);
    for (int c = 0; c < clientCount; ++c) {
        ClientPlan plan;
        plan.username = u"bench.teacher.%1"_s.arg(c);
        plan.codes = codes;
        const auto staff = check(admin.addStaff(school, plan.username, u"Bench Teacher %1"_s.arg(c), Role::Teacher,
                                                kPassword, ScryptParams::fastForTests()),
                                 u"adding a bench teacher"_s);
        const QString group = classes.at(c % classes.size());
        check(admin.assignStaffToGroup(school, staff.id, group), u"assigning a bench teacher"_s);
        const QStringList pupils
            = column(db, u"SELECT pupil_id FROM group_members WHERE group_id = ? ORDER BY pupil_id"_s, {group});
        const int slot = c / int(classes.size());
        for (const QString &term : openTerms)
            for (int o = slot; o < objectives.size(); o += slotCount)
                for (const QString &pupil : pupils)
                    plan.cells.append({pupil, objectives.at(o), term});
        if (plan.cells.size() < kBigBatch)
            fail(u"too few cells for a %1-mark batch"_s.arg(kBigBatch));
        demo.clients.append(plan);
    }
    for (int i = 0; i < sizes.erasures; ++i) {
        Pupil pupil;
        pupil.schoolId = school;
        pupil.legalForename = u"Spare"_s;
        pupil.legalSurname = u"Pupil %1"_s.arg(i);
        pupil.gender = u"F"_s;
        pupil.yearGroup = 3;
        pupil.upn = upn::withCheckLetter(u"999888826%1"_s.arg(i, 3, 10, QLatin1Char('0')));
        demo.sparePupils << check(admin.addPupil(pupil), u"adding a spare pupil"_s).id;
    }
    return demo;
}

struct Stats {
    std::vector<double> ms;
    double seconds = 0;

    double perSecond() const { return seconds > 0 ? double(ms.size()) / seconds : 0; }
    QString p(double percent) const { return bench::ms(percentile(ms, percent)); }
    QString spread() const
    {
        if (ms.empty())
            return u"-"_s;
        return u"p50 %1, p99 %2, max %3"_s.arg(p(50), p(99), bench::ms(*std::max_element(ms.begin(), ms.end())));
    }
};

QString rate(double perSecond)
{
    return QString::number(perSecond, 'f', 0) + u"/s"_s;
}

struct Request {
    QByteArray method;
    QByteArray path;
    QByteArray body;
};

// Closed loop: every client sends its next request as soon as its previous answer is in,
// until its list is done or `budgetSeconds` have passed. Returns the latencies and the wall
// time, and in `sent` how many of each client's requests went out; every answer must be 200,
// and `verify` sees every answer's body after the clock has stopped.
Stats runLoad(const QList<BenchClient *> &clients, const QList<QList<Request>> &requests, double budgetSeconds,
              const std::function<void(const QByteArray &)> &verify, QList<int> *sent = nullptr)
{
    Stats stats;
    const auto deadline = Clock::now() + std::chrono::duration<double>(budgetSeconds);
    QList<QList<QByteArray>> answers(clients.size());
    QEventLoop loop;
    int running = int(clients.size());
    QString failure;
    std::function<void(int, int)> sendNext = [&](int c, int i) {
        if (i == requests[c].size() || !failure.isEmpty() || Clock::now() > deadline) {
            if (--running == 0)
                loop.quit();
            return;
        }
        const Request &r = requests[c][i];
        clients[c]->send(r.method, r.path, r.body, [&, c, i](const BenchClient::Answer &answer) {
            if (answer.status != 200 && failure.isEmpty())
                failure = u"%1 %2 answered %3: %4"_s
                              .arg(QString::fromLatin1(requests[c][i].method), QString::fromLatin1(requests[c][i].path))
                              .arg(answer.status)
                              .arg(QString::fromUtf8(answer.body.left(300)));
            stats.ms.push_back(answer.ms);
            answers[c].append(answer.body);
            sendNext(c, i + 1);
        });
    };
    const auto start = Clock::now();
    for (int c = 0; c < clients.size(); ++c)
        sendNext(c, 0);
    if (running > 0)
        loop.exec();
    stats.seconds = msSince(start) / 1000;
    if (!failure.isEmpty())
        fail(failure);
    for (const auto &list : answers) {
        if (sent)
            sent->append(int(list.size()));
        for (const QByteArray &body : list)
            verify(body);
    }
    return stats;
}

void expectOutcomes(const QByteArray &body, PushOutcome expected, qsizetype count)
{
    const PushResponse response = check(PushResponse::decode(body), u"a push answer"_s);
    if (response.results.size() != count)
        fail(u"a push answer with %1 results, expected %2"_s.arg(response.results.size()).arg(count));
    for (const PushResult &result : response.results)
        if (result.outcome != expected)
            fail(u"an op answered %1 (%2), expected %3"_s.arg(toString(result.outcome), result.reason,
                                                              toString(expected)));
}

// A client that keeps asking one cheap thing (health, or a pull with nothing new) every few
// milliseconds while something heavy runs, to show whether the heavy work stalls others.
class Prober {
public:
    Prober(BenchClient &client, Request request) : m_client(client), m_request(std::move(request)) { }
    void start()
    {
        m_stats = Stats{};
        m_running = true;
        next();
    }
    Stats stop()
    {
        m_running = false;
        while (m_busy) {
            QEventLoop loop;
            QTimer::singleShot(5, &loop, &QEventLoop::quit);
            loop.exec();
        }
        // Thrown here, not in the callback: exceptions must not cross Qt's event loop.
        if (!m_failure.isEmpty())
            fail(m_failure);
        return m_stats;
    }

private:
    void next()
    {
        if (!m_running)
            return;
        m_busy = true;
        m_client.send(m_request.method, m_request.path, m_request.body, [this](const BenchClient::Answer &answer) {
            m_busy = false;
            if (answer.status != 200)
                m_failure = u"a probe answered %1"_s.arg(answer.status);
            m_stats.ms.push_back(answer.ms);
            QTimer::singleShot(10, [this] { next(); });
        });
    }

    BenchClient &m_client;
    Request m_request;
    Stats m_stats;
    QString m_failure;
    bool m_running = false;
    bool m_busy = false;
};

struct EngineResult {
    QString name;
    QString skipped;  // why, when the engine could not be measured
    QList<std::pair<QString, QString>> cells;  // measure, result; in the order measured
    void add(const QString &measure, const QString &value) { cells.append({measure, value}); }
    QStringList notes;
};

QByteArray pullPath(qint64 cursor, int limit)
{
    return "/v1/sync/pull?cursor=" + QByteArray::number(cursor) + "&limit=" + QByteArray::number(limit);
}

qint64 currentCursor(const QString &url)
{
    const DatabaseUrl parsed = check(DatabaseUrl::parse(url), u"database URL"_s);
    auto database = check(ServerDatabase::open(parsed, u"bench-cursor"_s), u"opening the database"_s);
    const QStringList next = column(database->connection(), u"SELECT next_seq FROM schools"_s, {});
    return next.value(0).toLongLong() - 1;
}

// CPU time (user + system) the process has used so far, in ms: on a busy machine, CPU per
// request says more about the server than wall-clock rates do.
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

void benchEngine(EngineResult &result, const QString &url, const QString &pkiFolder, const Sizes &sizes, bool smoke)
{
    const int maxClients = sizes.clientCounts.constLast();
    Demo demo = makeDemo(url, sizes, maxClients);
    result.notes << u"demo school with %1 marks made in %2 s"_s.arg(demo.marks).arg(demo.seconds, 0, 'f', 1);

    test::ServerProcess server;
    server.process().setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_LOGGING_RULES"_s, u"otrack.*.info=false"_s);
    server.process().setProcessEnvironment(environment);
    if (!server.start({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--cert"_s, pkiFolder + u"/server.crt"_s,
                       u"--key"_s, pkiFolder + u"/server.key"_s, u"--db"_s, url}))
        fail(u"otrack-server did not start: "_s + server.errorOutput());
    const auto ca = QSslCertificate::fromPath(pkiFolder + u"/server.crt"_s);

    auto login = [&](const QString &username, const QString &password, const QString &deviceId) {
        auto client = std::make_unique<BenchClient>(server.port(), ca);
        if (!client->open())
            fail(u"TLS connection: "_s + client->errorText());
        const LoginRequest request{demo.schoolName, username, password, deviceId};
        const auto answer = client->call("POST", "/v1/auth/login", request.encode());
        if (answer.status != 200)
            fail(u"login answered %1: %2"_s.arg(answer.status).arg(QString::fromUtf8(answer.body)));
        client->setToken(check(LoginResponse::decode(answer.body), u"login answer"_s).accessToken.toUtf8());
        return client;
    };
    std::vector<std::unique_ptr<BenchClient>> clients;
    for (const ClientPlan &plan : demo.clients)
        clients.push_back(login(plan.username, kPassword, plan.deviceId));
    const QString adminDevice = newId();
    auto admin = login(demo.adminUsername, demo.adminPassword, adminDevice);
    auto healthClient = login(demo.adminUsername, demo.adminPassword, newId());
    auto pullClient = login(demo.clients.constLast().username, kPassword, newId());

    const Request health{"GET", "/v1/health", {}};
    Prober healthProbe(*healthClient, health);
    Prober pullProbe(*pullClient, Request{"GET", pullPath(currentCursor(url), 100), {}});
    auto probeAnswers = [&](const QString &during, Stats healthStats, Stats pullStats) {
        result.add(u"health, %1"_s.arg(during), healthStats.spread());
        result.add(u"small pull (limit 100), %1"_s.arg(during), pullStats.spread());
    };
    healthProbe.start();
    pullProbe.start();
    {
        QEventLoop loop;
        QTimer::singleShot(smoke ? 200 : 2000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    probeAnswers(u"idle"_s, healthProbe.stop(), pullProbe.stop());

    // One client's initial pull of the whole school, in the largest pages.
    {
        healthProbe.start();
        pullProbe.start();
        qint64 cursor = 0;
        qint64 rows = 0;
        qint64 marks = 0;
        int pages = 0;
        const auto start = Clock::now();
        for (bool more = true; more; ++pages) {
            const auto answer = admin->call("GET", pullPath(cursor, kPageLimit));
            if (answer.status != 200)
                fail(u"initial pull answered %1"_s.arg(answer.status));
            // What a client must read of each page at least: the changes, the cursor, has_more.
            const QJsonObject page = QJsonDocument::fromJson(answer.body).object();
            const QJsonArray changes = page.value(u"changes"_s).toArray();
            rows += changes.size();
            for (const QJsonValue &change : changes)
                marks += change.toObject().value(u"type"_s).toString() == u"mark"_s;
            cursor = page.value(u"next_cursor"_s).toInteger();
            more = page.value(u"has_more"_s).toBool();
        }
        const double seconds = msSince(start) / 1000;
        probeAnswers(u"during the initial pull"_s, healthProbe.stop(), pullProbe.stop());
        if (marks != demo.marks)
            fail(u"the initial pull brought %1 marks of %2"_s.arg(marks).arg(demo.marks));
        result.notes << u"initial pull: %1 marks, %2 rows, %3 pages of %4"_s.arg(marks).arg(rows).arg(pages).arg(
            kPageLimit);
        result.add(u"initial pull of the whole school by one client"_s,
                   u"%1 s, %2 rows/s"_s.arg(seconds, 0, 'f', 2).arg(double(rows) / seconds, 0, 'f', 0));
    }

    // N teachers pushing 50-mark batches at once.
    QByteArray replay50;
    for (int n : sizes.clientCounts) {
        QList<BenchClient *> pushers;
        QList<QList<Request>> requests;
        const int each = qMax(smoke ? 2 : 20, sizes.pushRequests / n);
        for (int c = 0; c < n; ++c) {
            pushers.append(clients[std::size_t(c)].get());
            QList<Request> list;
            for (int i = 0; i < each; ++i)
                list.append({"POST", "/v1/sync/push", demo.clients[c].nextBatch(kBatch)});
            requests.append(list);
        }
        replay50 = requests[0][0].body;
        QList<int> sent;
        const double cpuBefore = cpuMs(server.process().processId());
        const Stats stats = runLoad(
            pushers, requests, sizes.budgetSeconds,
            [](const QByteArray &body) { expectOutcomes(body, PushOutcome::Applied, kBatch); }, &sent);
        // Batches made but never sent: the next batches take their cells and base versions.
        for (int c = 0; c < n; ++c)
            demo.clients[c].written -= qint64(each - sent.at(c)) * kBatch;
        result.add(u"push 50 marks, %1 clients: requests/s"_s.arg(n), rate(stats.perSecond()));
        result.add(u"push 50 marks, %1 clients: server CPU per request"_s.arg(n),
                   bench::ms((cpuMs(server.process().processId()) - cpuBefore) / double(stats.ms.size())));
        result.add(u"push 50 marks, %1 clients: latency"_s.arg(n), stats.spread());
    }

    // Pulls with nothing new, from every client at once.
    {
        const qint64 cursor = currentCursor(url);
        QList<BenchClient *> pullers;
        QList<QList<Request>> requests;
        const int each = qMax(smoke ? 2 : 50, sizes.pullRequests / maxClients);
        for (int c = 0; c < maxClients; ++c) {
            pullers.append(clients[std::size_t(c)].get());
            requests.append(QList<Request>(each, Request{"GET", pullPath(cursor, 1000), {}}));
        }
        const double cpuBefore = cpuMs(server.process().processId());
        const Stats stats = runLoad(pullers, requests, sizes.budgetSeconds, [cursor](const QByteArray &body) {
            const PullResponse page = check(PullResponse::decode(body), u"a pull answer"_s);
            if (!page.changes.isEmpty() || page.hasMore || page.nextCursor != cursor)
                fail(u"a pull with nothing new brought changes"_s);
        });
        result.add(u"no-change pull, %1 clients: pulls/s"_s.arg(maxClients), rate(stats.perSecond()));
        result.add(u"no-change pull, %1 clients: server CPU per request"_s.arg(maxClients),
                   bench::ms((cpuMs(server.process().processId()) - cpuBefore) / double(stats.ms.size())));
        result.add(u"no-change pull, %1 clients: latency"_s.arg(maxClients), stats.spread());
    }

    // 500-mark pushes one after another, while the probes ask for health and small pulls.
    BenchClient &pusher = *clients.front();
    QByteArray replay500;
    {
        Stats stats;
        healthProbe.start();
        pullProbe.start();
        for (int i = 0; i < sizes.bigPushes; ++i) {
            const QByteArray body = demo.clients[0].nextBatch(kBigBatch);
            const auto answer = pusher.call("POST", "/v1/sync/push", body);
            if (answer.status != 200)
                fail(u"a 500-mark push answered %1"_s.arg(answer.status));
            expectOutcomes(answer.body, PushOutcome::Applied, kBigBatch);
            stats.ms.push_back(answer.ms);
            replay500 = body;
        }
        probeAnswers(u"during 500-mark pushes"_s, healthProbe.stop(), pullProbe.stop());
        result.add(u"push 500 marks, one client"_s, u"p50 %1, p95 %2"_s.arg(stats.p(50), stats.p(95)));
    }

    // A retried batch (its answer was lost): every op is a duplicate.
    for (const auto &[size, body] : {std::pair{kBatch, replay50}, std::pair{kBigBatch, replay500}}) {
        Stats stats;
        for (int i = 0; i < sizes.replays; ++i) {
            const auto answer = pusher.call("POST", "/v1/sync/push", body);
            if (answer.status != 200)
                fail(u"a replayed push answered %1"_s.arg(answer.status));
            expectOutcomes(answer.body, PushOutcome::Duplicate, size);
            stats.ms.push_back(answer.ms);
        }
        result.add(u"replayed %1-mark push"_s.arg(size), u"p50 %1, p99 %2"_s.arg(stats.p(50), stats.p(99)));
    }

    // Erasing a pupil with kErasedMarks marks (given by the admin's pushes, so each also has
    // as many mark events and stored push results), through the admin route.
    {
        ClientPlan plan;
        plan.deviceId = adminDevice;
        plan.codes = demo.codes;
        Stats stats;
        for (const QString &pupil : demo.sparePupils) {
            plan.cells.clear();
            plan.written = 0;
            for (const QString &term : demo.openTerms)
                for (const QString &objective : demo.objectives)
                    if (plan.cells.size() < kErasedMarks)
                        plan.cells.append({pupil, objective, term});
            for (qsizetype given = 0; given < plan.cells.size(); given += kBigBatch) {
                const int size = int(qMin<qsizetype>(kBigBatch, plan.cells.size() - given));
                const auto answer = admin->call("POST", "/v1/sync/push", plan.nextBatch(size));
                if (answer.status != 200)
                    fail(u"giving a pupil marks answered %1"_s.arg(answer.status));
                expectOutcomes(answer.body, PushOutcome::Applied, size);
            }
            const auto answer = admin->call("POST", "/v1/admin/pupils/" + pupil.toUtf8() + "/erase");
            if (answer.status != 200)
                fail(u"erasing a pupil answered %1: %2"_s.arg(answer.status).arg(QString::fromUtf8(answer.body)));
            const QJsonObject erased = QJsonDocument::fromJson(answer.body).object();
            if (erased.value(u"marks"_s).toInteger() != plan.cells.size())
                fail(u"the erasure removed %1 marks, expected %2"_s.arg(erased.value(u"marks"_s).toInteger())
                         .arg(plan.cells.size()));
            stats.ms.push_back(answer.ms);
        }
        result.add(
            u"erase a pupil with %1 marks (%2 pupils)"_s.arg(plan.cells.size()).arg(stats.ms.size()),
            u"p50 %1, max %2"_s.arg(stats.p(50), bench::ms(*std::max_element(stats.ms.begin(), stats.ms.end()))));
    }

    if (server.stop() != 0)
        fail(u"otrack-server did not stop cleanly: "_s + server.errorOutput());
}

void makeCertificate(const QString &folder)
{
    QProcess openssl;
    openssl.setWorkingDirectory(folder);
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                   u"-nodes"_s, u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.crt"_s, u"-days"_s, u"2"_s,
                   u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
        fail(u"openssl could not make a certificate: "_s + QString::fromLocal8Bit(openssl.readAll()));
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool smoke = app.arguments().contains(u"--smoke"_s);
    const bool sqliteOnly = app.arguments().contains(u"--sqlite-only"_s);
    Sizes sizes = smoke ? Sizes{2000, 4, {1, 3}, 12, 12, 3, 3, 1, 5}
                        : Sizes{1'000'000, 30, {1, 10, 50}, 5000, 20000, 200, 100, 5, 10};
    if (const qsizetype at = app.arguments().indexOf(u"--marks"_s); at > 0)
        sizes.demoMarks = app.arguments().value(at + 1).toLongLong();
    QTextStream out(stdout);
    QLoggingCategory::setFilterRules(u"otrack.*.info=false"_s);

    QList<EngineResult> results;
    try {
        QTemporaryDir dir;
        if (!dir.isValid())
            fail(u"no temporary folder"_s);
        // The PostgreSQL cluster lives here too: its parents must be traversable by postgres.
        QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) | QFile::ExeGroup | QFile::ExeOther);
        makeCertificate(dir.path());

        EngineResult &sqlite = results.emplaceBack();
        sqlite.name = u"SQLite"_s;
        benchEngine(sqlite, u"sqlite://"_s + dir.filePath(u"bench.db"_s), dir.path(), sizes, smoke);

        EngineResult &postgres = results.emplaceBack();
        postgres.name = u"PostgreSQL"_s;
        if (sqliteOnly) {
            postgres.skipped = u"--sqlite-only"_s;
        } else {
            BenchPostgres cluster(dir.filePath(u"postgres"_s));
            QString url;
            postgres.skipped = cluster.startWithDatabase(u"bench"_s, &url);
            if (postgres.skipped.isEmpty())
                benchEngine(postgres, url, dir.path(), sizes, smoke);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "server_bench failed: %s\n", e.what());
        return 1;
    }

    out << "server_bench" << (smoke ? " (smoke sizes, not for the record)" : "") << "\n\n";
    const std::map<QString, QString> targets{
        {u"push 50 marks, 50 clients: requests/s"_s, u">= 1000/s (SQLite)"_s},
        {u"push 50 marks, 50 clients: latency"_s, u"p99 < 100 ms (SQLite)"_s},
        {u"no-change pull, 50 clients: pulls/s"_s, u">= 5000/s"_s},
        {u"replayed 50-mark push"_s, u"< 5 ms"_s},
        {u"replayed 500-mark push"_s, u"< 5 ms"_s},
        {u"push 500 marks, one client"_s, u"p95 < 60 ms (SQLite), < 25 ms (PostgreSQL)"_s},
        {u"erase a pupil with 1000 marks (5 pupils)"_s, u"< 100 ms"_s},
    };
    QStringList header{u"measure"_s};
    QStringList measures;
    for (const EngineResult &result : results) {
        header << result.name;
        for (const auto &[measure, value] : result.cells)
            if (!measures.contains(measure))
                measures << measure;
    }
    header << u"target"_s;
    Table table(header);
    for (const QString &measure : measures) {
        QStringList row{measure};
        for (const EngineResult &result : results) {
            const auto found = std::find_if(result.cells.begin(), result.cells.end(),
                                            [&](const auto &cell) { return cell.first == measure; });
            row << (found != result.cells.end() ? found->second : u"-"_s);
        }
        const auto target = targets.find(measure);
        row << (target != targets.end() ? target->second : QString());
        table.add(row);
    }
    table.print(out);
    out << '\n';
    for (const EngineResult &result : results) {
        if (!result.skipped.isEmpty())
            out << result.name << " skipped: " << result.skipped << '\n';
        for (const QString &note : result.notes)
            out << result.name << ": " << note << '\n';
    }
    return 0;
}
