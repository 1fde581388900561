// SyncScheduler over a real SyncEngine and a TLS stub server on 127.0.0.1 that answers as told:
// the timer, the debounce after edits, a request during a sync, backoff with jitter after
// failures and its reset, and the states that stop retrying or stop the timer.
#include "stubserver.h"
#include "syncengine.h"
#include "syncscheduler.h"
#include "tempdir.h"
#include "testpki.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QTest>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::TempDir;
using Stub = otrack::test::StubServer;
using State = SyncStatus::State;
using std::chrono::milliseconds;

namespace {

// What the stub answers to push and pull (login and the legal documents always work).
enum class Mode { Ok, ServerError, Upgrade, Revoked, Unauthenticated };

struct Harness {
    explicit Harness(SyncScheduler::Timing timing, quint32 seed = 1)
        : pki(otrack::test::makeTestPki(dir.path())), stub(pki, [this](const QByteArray &, const QByteArray &path) {
              if (path.startsWith("/v1/auth/login"))
                  return Stub::loginAnswer();
              if (path.startsWith("/v1/legal/documents"))
                  return Stub::noLegalDocuments();
              if (path.startsWith("/v1/sync/pull"))
                  ++pulls;
              switch (mode) {
              case Mode::Ok:
                  return Stub::emptyPull();
              case Mode::ServerError:
                  return Stub::errorAnswer(503, "database_unavailable");
              case Mode::Upgrade:
                  return Stub::errorAnswer(426, "upgrade_required");
              case Mode::Revoked:
                  return Stub::errorAnswer(401, "device_revoked");
              case Mode::Unauthenticated:
                  return Stub::errorAnswer(401, "unauthenticated");
              }
              return Stub::emptyPull();
          })
    {
        auto store = LocalStore::create(dir.file(u"store"_s), u"stub password"_s, ScryptParams::fastForTests());
        REQUIRE(store.ok());
        engine = std::make_unique<SyncEngine>(std::move(store.value()),
                                              ServerEndpoint::create(stub.url(), pki.caCertificate).value());
        REQUIRE(engine->load().ok());
        QEventLoop loop;
        QObject::connect(engine.get(), &SyncEngine::finished, &loop, &QEventLoop::quit);
        engine->login(u"Stub School"_s, u"t.one"_s, u"stub password"_s);
        loop.exec();
        REQUIRE(engine->status().state == State::Idle);
        scheduler = std::make_unique<SyncScheduler>(engine.get(), timing, seed);
        // Connected after the scheduler's own slot, so this sees the retry it scheduled.
        QObject::connect(engine.get(), &SyncEngine::finished, [this] {
            finishedStates.append(engine->status().state);
            retryDelays.append(scheduler->retryDelayMs());
        });
    }

    int requests() const { return static_cast<int>(stub.requests().size()); }

    TempDir dir;
    otrack::test::TestPki pki;
    Mode mode = Mode::Ok;
    int pulls = 0;
    Stub stub;
    std::unique_ptr<SyncEngine> engine;
    std::unique_ptr<SyncScheduler> scheduler;
    QList<State> finishedStates;
    QList<qint64> retryDelays;
};

SyncScheduler::Timing timing(int intervalMs, int debounceMs = 200, int retryInitialMs = 100, int retryMaxMs = 800)
{
    return {milliseconds(intervalMs), milliseconds(debounceMs), milliseconds(retryInitialMs), milliseconds(retryMaxMs)};
}

constexpr int kWaitMs = 30000;

}  // namespace

TEST_CASE("the scheduler syncs at start and then on its timer without being asked", "[sync][scheduler]")
{
    Harness h(timing(300));
    h.scheduler->start();
    REQUIRE(QTest::qWaitFor([&] { return h.pulls == 1; }, kWaitMs));
    REQUIRE(QTest::qWaitFor([&] { return h.pulls >= 3; }, kWaitMs));
    INFO(stateName(h.finishedStates.first()).toStdString() << ": " << h.engine->status().detail.toStdString());
    CHECK(h.finishedStates.count(State::Idle) == h.finishedStates.size());
    CHECK(h.retryDelays.count(-1) == h.retryDelays.size());
}

TEST_CASE("a burst of edits is one sync after the debounce delay", "[sync][scheduler]")
{
    Harness h(timing(3600 * 1000, 300));
    h.scheduler->start();
    REQUIRE(QTest::qWaitFor([&] { return h.pulls == 1 && !h.engine->isBusy(); }, kWaitMs));
    for (int i = 0; i < 5; ++i) {
        h.scheduler->localEditMade();
        QTest::qWait(20);
    }
    // The delay restarts with each edit: nothing was sent during the burst.
    CHECK(h.pulls == 1);
    REQUIRE(QTest::qWaitFor([&] { return h.pulls == 2 && !h.engine->isBusy(); }, kWaitMs));
    QTest::qWait(600);
    CHECK(h.pulls == 2);
}

TEST_CASE("a request during a sync runs once right after it", "[sync][scheduler]")
{
    Harness h(timing(3600 * 1000));
    h.scheduler->start();
    // The sync start() began is still waiting for its answer.
    REQUIRE(h.engine->isBusy());
    h.scheduler->requestSync();
    h.scheduler->requestSync();
    REQUIRE(QTest::qWaitFor([&] { return h.finishedStates.size() == 2; }, kWaitMs));
    QTest::qWait(300);
    CHECK(h.pulls == 2);
    CHECK(h.finishedStates.size() == 2);
}

TEST_CASE("failures back off exponentially with jitter, and a success resets the backoff", "[sync][scheduler]")
{
    Harness h(timing(3600 * 1000, 200, 100, 800), GENERATE(1u, 2u, 3u));
    h.mode = Mode::ServerError;
    h.scheduler->start();
    // Retried by the scheduler alone: 6 failures in a row.
    REQUIRE(QTest::qWaitFor([&] { return h.finishedStates.size() == 6; }, kWaitMs));
    REQUIRE(h.retryDelays.size() == 6);
    const QList<qint64> ceilings{100, 200, 400, 800, 800, 800};
    bool jittered = false;
    for (int i = 0; i < 6; ++i) {
        INFO("failure " << i + 1 << ": retry in " << h.retryDelays.at(i) << " ms");
        CHECK(h.finishedStates.at(i) == State::Error);
        CHECK(h.retryDelays.at(i) >= ceilings.at(i) / 2);
        CHECK(h.retryDelays.at(i) <= ceilings.at(i));
        jittered = jittered || h.retryDelays.at(i) != ceilings.at(i);
    }
    CHECK(jittered);

    h.mode = Mode::Ok;
    REQUIRE(QTest::qWaitFor([&] { return h.finishedStates.last() == State::Idle; }, kWaitMs));
    CHECK(h.retryDelays.last() == -1);
    CHECK(h.scheduler->retryDelayMs() == -1);

    h.mode = Mode::ServerError;
    const qsizetype before = h.finishedStates.size();
    h.scheduler->requestSync();
    REQUIRE(QTest::qWaitFor([&] { return h.finishedStates.size() > before; }, kWaitMs));
    CHECK(h.retryDelays.last() >= 50);
    CHECK(h.retryDelays.last() <= 100);
}

TEST_CASE("upgrade required and a revoked device stop the timer; sign-in required waits for a person",
          "[sync][scheduler]")
{
    Harness h(timing(200));
    h.mode = GENERATE(Mode::Upgrade, Mode::Revoked, Mode::Unauthenticated);
    const State expected = h.mode == Mode::Upgrade ? State::UpgradeRequired
        : h.mode == Mode::Revoked                  ? State::Revoked
                                                   : State::AuthRequired;
    h.scheduler->start();
    REQUIRE(QTest::qWaitFor([&] { return !h.finishedStates.isEmpty(); }, kWaitMs));
    CHECK(h.finishedStates.first() == expected);
    CHECK(h.retryDelays.first() == -1);
    const int requests = h.requests();
    // Several timer intervals later: nothing more was sent.
    QTest::qWait(1000);
    CHECK(h.requests() == requests);
    if (expected == State::AuthRequired) {
        // The timer still runs (a person may sign in), but without tokens nothing is sent.
        CHECK(h.finishedStates.size() > 1);
        CHECK(h.finishedStates.count(State::AuthRequired) == h.finishedStates.size());
    } else {
        CHECK(h.finishedStates.size() == 1);
    }
}
