// Faults between client and server (issue 4): a loopback proxy that delays, cuts connections
// after N bytes either way, drops answers after the request went through, refuses
// connections; the server restarts between syncs. Seeded (OTRACK_SEED replays a run;
// OTRACK_FAULT_ROUNDS sets the rounds, 200 in CI). At the end every mark a client reported
// saved reached the server exactly once, or lost a conflict that the client holds, or was
// superseded by the same client's later edit of the cell; no outbox entry is left; and the
// clients agree with the server.
#include "conflictstore.h"
#include "demoserver.h"
#include "faultproxy.h"
#include "testclient.h"

#include <catch2/catch.hpp>

#include <QHash>
#include <QRandomGenerator>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::DemoServer;
using otrack::test::FaultProxy;
using otrack::test::TempDir;
using otrack::test::TestClient;
using State = SyncStatus::State;

namespace {

quint32 seedFromEnvironment()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("OTRACK_SEED").toUInt(&ok);
    return ok ? seed : QRandomGenerator::global()->generate();
}

int roundsFromEnvironment(int fallback)
{
    bool ok = false;
    const int rounds = qEnvironmentVariableIntValue("OTRACK_FAULT_ROUNDS", &ok);
    return ok && rounds > 0 ? rounds : fallback;
}

FaultProxy::Plan randomPlan(QRandomGenerator &random)
{
    FaultProxy::Plan plan;
    switch (random.bounded(6)) {
    case 0:
        break;
    case 1:
        plan.delayMs = random.bounded(1, 80);
        break;
    case 2:
        plan.cutClientBytes = random.bounded(0, 6000);
        break;
    case 3:
        plan.cutServerBytes = random.bounded(0, 12000);
        break;
    case 4:
        plan.dropAfterRequestBytes = random.bounded(600, 3000);
        break;
    case 5:
        plan.refuse = true;
        break;
    }
    return plan;
}

struct Saved {
    int client;
    QString opId;
    QString cell;
    int order;  // per client, increasing
};

}  // namespace

TEST_CASE("marks survive a faulty network and server restarts exactly once", "[sync][fault]")
{
    const quint32 seed = seedFromEnvironment();
    const int rounds = roundsFromEnvironment(12);
    WARN("fault test seed " << seed << " (OTRACK_SEED=" << seed << " to replay), " << rounds << " rounds");
    QRandomGenerator random(seed);

    DemoServer server;
    FaultProxy proxy(server.port());
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    const QString via = server.url(proxy.port());
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<TestClient>(dir.file(u"client%1"_s.arg(i)), server, teacher, via));
        REQUIRE(clients.back()->login() == State::Idle);
        REQUIRE(clients.back()->sync() == State::Idle);
        clients.back()->engine().api().setTimeout(5000);
        clients.back()->engine().setPageLimit(25);
    }
    QList<TestClient::Cell> cells;
    for (int i = 0; i < 6; ++i)
        cells.append(clients[0]->cell(i));
    const QStringList values{u"WTS"_s, u"EXP"_s, u"GDS"_s};

    QList<Saved> saved;
    int order = 0;
    for (int round = 0; round < rounds; ++round) {
        INFO("round " << round << " seed " << seed);
        for (int c = 0; c < int(clients.size()); ++c) {
            const int edits = random.bounded(0, 3);
            for (int e = 0; e < edits; ++e) {
                const auto &cell = cells.at(random.bounded(cells.size()));
                const QString opId
                    = clients[c]->mark(cell.pupil, cell.objective, cell.term, values.at(random.bounded(values.size())));
                saved.append({c, opId, cell.pupil + cell.objective + cell.term, ++order});
            }
        }
        proxy.cutAll();
        proxy.setPlanner([&random](int) { return randomPlan(random); });
        for (auto &client : clients) {
            const State state = client->sync();
            INFO(client->engine().status().detail.toStdString());
            CHECK(
                (state == State::Idle || state == State::Offline || state == State::Error || state == State::TlsError));
        }
        if (random.bounded(8) == 0) {
            proxy.cutAll();
            server.restart();
        }
    }

    // The network heals: every client syncs until nothing is queued, twice so that each hears
    // the others' last changes.
    proxy.cutAll();
    proxy.setPlanner({});
    proxy.setPlan({});
    for (int pass = 0; pass < 2; ++pass)
        for (auto &client : clients) {
            INFO(client->engine().status().detail.toStdString());
            REQUIRE(client->sync() == State::Idle);
            CHECK(client->engine().status().pending == 0);
        }

    // Exactly once on the server, or held as a conflict, or superseded by a later own edit.
    QHash<QString, int> events;
    for (const QString &line : server.sql(u"SELECT op_id || ' ' || count(*) FROM mark_events GROUP BY op_id"_s)
                                   .split(u'\n', Qt::SkipEmptyParts))
        events.insert(line.section(u' ', 0, 0), line.section(u' ', 1).toInt());
    QHash<int, QSet<QString>> conflictOps;
    for (int c = 0; c < int(clients.size()); ++c) {
        ConflictStore store(clients[c]->db(), clients[c]->engine().session().schoolId,
                            clients[c]->engine().session().userId);
        auto open = store.conflicts();
        REQUIRE(open.ok());
        for (const MarkConflict &conflict : open.value())
            conflictOps[c].insert(conflict.opId);
    }
    int lost = 0;
    for (const Saved &mark : saved) {
        const int times = events.value(mark.opId);
        CHECK(times <= 1);
        if (times == 1 || conflictOps[mark.client].contains(mark.opId))
            continue;
        bool superseded = false;
        for (const Saved &later : saved)
            superseded = superseded
                || (later.client == mark.client && later.cell == mark.cell && later.order > mark.order
                    && (events.value(later.opId) == 1 || conflictOps[later.client].contains(later.opId)));
        if (!superseded) {
            ++lost;
            UNSCOPED_INFO("lost op " << mark.opId.toStdString() << " of client " << mark.client);
        }
    }
    CHECK(lost == 0);

    // Clients without a pending conflict on a cell show the server's value.
    for (auto &client : clients) {
        for (const auto &cell : cells) {
            const QString where = u" WHERE pupil_id = '%1' AND objective_id = '%2' AND term_id = '%3'"_s.arg(
                cell.pupil, cell.objective, cell.term);
            if (client->scalar(u"SELECT count(*) FROM conflicts"_s + where) != u"0"_s)
                continue;
            CHECK(client->scalar(u"SELECT coalesce(value, 'null') || '|' || server_version FROM marks"_s + where)
                  == server.sql(u"SELECT coalesce(value, 'null') || '|' || version FROM marks"_s + where));
        }
    }
}

TEST_CASE("an initial pull cut mid-way resumes from its stored cursor", "[sync][fault]")
{
    DemoServer server(400);
    FaultProxy proxy(server.port());
    TempDir dir;
    const auto admin = server.account(u"admin"_s);  // the whole school: many pages
    TestClient client(dir.file(u"admin"_s), server, admin, server.url(proxy.port()));
    REQUIRE(client.login() == State::Idle);
    client.engine().setPageLimit(50);

    // A full pull's size, from a second store over the same proxy.
    TestClient reference(dir.file(u"reference"_s), server, admin, server.url(proxy.port()));
    REQUIRE(reference.login() == State::Idle);
    reference.engine().setPageLimit(50);
    proxy.cutAll();
    const qint64 start = proxy.bytesFromServer();
    REQUIRE(reference.sync() == State::Idle);
    const qint64 full = proxy.bytesFromServer() - start;

    // Cut every connection after a third of that.
    proxy.cutAll();
    proxy.setPlan({false, 0, -1, full / 3, -1});
    CHECK(client.sync() != State::Idle);
    const qint64 cursor = client.engine().session().cursor;
    CHECK(cursor > 0);
    CHECK_FALSE(client.engine().session().initialSyncDone);

    // The same store reopened (as after a restart) carries on from there.
    proxy.cutAll();
    proxy.setPlan({});
    client.reopen();
    CHECK(client.engine().session().cursor == cursor);
    const qint64 resumedStart = proxy.bytesFromServer();
    REQUIRE(client.sync() == State::Idle);
    CHECK(proxy.bytesFromServer() - resumedStart < full * 9 / 10);
    CHECK(client.engine().session().initialSyncDone);
    CHECK(client.scalar(u"SELECT count(*) FROM marks"_s) == reference.scalar(u"SELECT count(*) FROM marks"_s));
    CHECK(client.scalar(u"SELECT count(*) FROM pupils"_s) == reference.scalar(u"SELECT count(*) FROM pupils"_s));
}
