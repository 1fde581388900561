// The sync engine against a real otrack-server over real TLS on 127.0.0.1, with real
// encrypted stores: login, push, pull, chaining, conflicts, purge, 410, epoch, revocation.
#include "conflictstore.h"
#include "demoserver.h"
#include "loginresponse.h"
#include "markstore.h"
#include "schoolfixture.h"
#include "stubserver.h"
#include "testclient.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QFile>
#include <QTcpServer>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::DemoServer;
using otrack::test::TempDir;
using otrack::test::TestClient;
using Stub = otrack::test::StubServer;
using State = SyncStatus::State;

namespace {

// The server's value and version of a cell, "value|version" ("" when the cell is empty).
QString serverCell(DemoServer &server, const TestClient::Cell &cell)
{
    return server.sql(u"SELECT coalesce(value, 'null') || '|' || version FROM marks WHERE pupil_id = '%1' AND "
                      u"objective_id = '%2' AND term_id = '%3'"_s.arg(cell.pupil, cell.objective, cell.term));
}

QString cellWhere(const TestClient::Cell &cell)
{
    return u" WHERE pupil_id = '%1' AND objective_id = '%2' AND term_id = '%3'"_s.arg(cell.pupil, cell.objective,
                                                                                      cell.term);
}

// The version of a cell on the server (0 when it has none).
qint64 serverVersion(DemoServer &server, const TestClient::Cell &cell)
{
    return server.sql(u"SELECT coalesce(max(version), 0) FROM marks"_s + cellWhere(cell)).toLongLong();
}

}  // namespace

TEST_CASE("login then sync then a mark is pushed and confirmed", "[sync][engine]")
{
    DemoServer server;
    TempDir dir;
    TestClient client(dir.file(u"teacher"_s), server, server.account(u"teacher"_s));
    REQUIRE(client.login() == State::Idle);
    CHECK(client.engine().session().loggedIn());
    CHECK(client.engine().store()->keyVault().hasDeviceWrap());

    REQUIRE(client.sync() == State::Idle);
    CHECK(client.engine().status().initialSyncDone);
    CHECK(client.engine().status().cursor > 0);
    CHECK(client.scalar(u"SELECT count(*) FROM pupils"_s).toInt() == 30);  // the teacher's class only
    CHECK(client.scalar(u"SELECT count(*) FROM terms"_s).toInt() == 6);

    const auto cell = client.cell();
    const qint64 before = serverVersion(server, cell);
    client.mark(cell.pupil, cell.objective, cell.term, u"GDS"_s);
    CHECK(client.engine().status().pending == 1);
    REQUIRE(client.sync() == State::Idle);
    CHECK(client.engine().status().pending == 0);
    CHECK(serverCell(server, cell) == u"GDS|%1"_s.arg(before + 1));
    CHECK(client.scalar(u"SELECT server_version FROM marks"_s + cellWhere(cell)).toLongLong() == before + 1);
    CHECK(client.engine().status().lastSyncedAt.isValid());
}

TEST_CASE("the same cell edited twice offline reaches the server as two applied versions", "[sync][engine]")
{
    DemoServer server;
    TempDir dir;
    TestClient client(dir.file(u"teacher"_s), server, server.account(u"teacher"_s));
    REQUIRE(client.login() == State::Idle);
    REQUIRE(client.sync() == State::Idle);
    const auto cell = client.cell(1);
    const qint64 before = serverVersion(server, cell);
    client.mark(cell.pupil, cell.objective, cell.term, u"WTS"_s);
    client.mark(cell.pupil, cell.objective, cell.term, u"EXP"_s);
    CHECK(client.engine().status().pending == 2);
    REQUIRE(client.sync() == State::Idle);
    CHECK(client.engine().status().pending == 0);
    CHECK(client.engine().status().conflicts == 0);
    CHECK(serverCell(server, cell) == u"EXP|%1"_s.arg(before + 2));
    CHECK(server
              .sql(u"SELECT group_concat(outcome) FROM (SELECT outcome FROM mark_events"_s + cellWhere(cell)
                   + u" ORDER BY id)"_s)
              .endsWith(u"applied,applied"_s));
}

TEST_CASE("two clients on the same cell make a conflict that keep mine and take theirs resolve", "[sync][engine]")
{
    DemoServer server;
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    TestClient a(dir.file(u"a"_s), server, teacher);
    TestClient b(dir.file(u"b"_s), server, teacher);
    for (TestClient *c : {&a, &b}) {
        REQUIRE(c->login() == State::Idle);
        REQUIRE(c->sync() == State::Idle);
    }
    const auto cell = a.cell(2);
    const qint64 base = serverVersion(server, cell);
    a.mark(cell.pupil, cell.objective, cell.term, u"EXP"_s);
    b.mark(cell.pupil, cell.objective, cell.term, u"GDS"_s);
    REQUIRE(a.sync() == State::Idle);
    REQUIRE(b.sync() == State::Idle);
    CHECK(b.engine().status().conflicts == 1);
    CHECK(b.engine().status().pending == 0);

    ConflictStore conflicts(b.db(), b.engine().session().schoolId, b.engine().session().userId);
    auto list = conflicts.conflicts();
    REQUIRE(list.ok());
    REQUIRE(list->size() == 1);
    MarkConflict c = list->first();
    CHECK(c.localValue == u"GDS"_s);
    CHECK(c.serverValue == u"EXP"_s);
    CHECK(c.serverVersion == base + 1);
    CHECK(c.baseVersion == base);
    CHECK(c.serverAuthorId == a.engine().session().userId);
    CHECK(c.localAuthorId == b.engine().session().userId);
    CHECK(c.localTime.isValid());
    CHECK(c.serverTime.isValid());
    // The local cell keeps the teacher's value until they choose.
    CHECK(b.scalar(u"SELECT value FROM marks"_s + cellWhere(cell)) == u"GDS"_s);

    REQUIRE(conflicts.resolve(c.id, ConflictStore::Choice::KeepMine).ok());
    REQUIRE(b.engine().refreshCounts().ok());
    CHECK(b.engine().status().conflicts == 0);
    CHECK(b.engine().status().pending == 1);
    REQUIRE(b.sync() == State::Idle);
    CHECK(serverCell(server, cell) == u"GDS|%1"_s.arg(base + 2));
    CHECK(b.engine().status().conflicts == 0);

    // Now the other way: a's edit loses and a takes theirs.
    REQUIRE(a.sync() == State::Idle);
    a.mark(cell.pupil, cell.objective, cell.term, u"WTS"_s);
    b.mark(cell.pupil, cell.objective, cell.term, u"EXP"_s);
    REQUIRE(b.sync() == State::Idle);
    REQUIRE(a.sync() == State::Idle);
    ConflictStore aConflicts(a.db(), a.engine().session().schoolId, a.engine().session().userId);
    auto aList = aConflicts.conflicts();
    REQUIRE(aList.ok());
    REQUIRE(aList->size() == 1);
    CHECK(aList->first().localValue == u"WTS"_s);
    CHECK(aList->first().serverValue == u"EXP"_s);
    REQUIRE(aConflicts.resolve(aList->first().id, ConflictStore::Choice::TakeTheirs).ok());
    CHECK(a.scalar(u"SELECT value || '|' || server_version FROM marks"_s + cellWhere(cell))
          == u"EXP|%1"_s.arg(base + 3));
    CHECK(a.scalar(u"SELECT count(*) FROM outbox"_s) == u"0"_s);
    REQUIRE(a.sync() == State::Idle);
    CHECK(serverCell(server, cell) == u"EXP|%1"_s.arg(base + 3));
    CHECK(a.scalar(u"SELECT count(*) FROM audit_events WHERE action = 'mark.conflict.take_theirs'"_s) == u"1"_s);
    CHECK(aConflicts.resolve(aList->first().id, ConflictStore::Choice::TakeTheirs).error().code == ErrorCode::NotFound);
}

TEST_CASE("marks made offline are kept and pushed when the server is reachable", "[sync][engine]")
{
    DemoServer server;
    TempDir dir;
    TestClient client(dir.file(u"teacher"_s), server, server.account(u"teacher"_s));
    REQUIRE(client.login() == State::Idle);
    REQUIRE(client.sync() == State::Idle);

    quint16 closedPort = 0;
    {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    client.reopen(server.url(closedPort));
    const auto cell = client.cell(3);
    const qint64 before = serverVersion(server, cell);
    client.mark(cell.pupil, cell.objective, cell.term, u"GDS"_s);
    CHECK(client.sync() == State::Offline);
    CHECK(client.engine().status().pending == 1);
    CHECK(client.engine().status().detail.contains(u"refused"_s, Qt::CaseInsensitive));

    client.reopen(server.url());
    REQUIRE(client.sync() == State::Idle);
    CHECK(client.engine().status().pending == 0);
    CHECK(serverCell(server, cell) == u"GDS|%1"_s.arg(before + 1));
}

TEST_CASE("a purge deletes every local trace of the pupil including queued edits", "[sync][engine]")
{
    DemoServer server;
    TempDir dir;
    TestClient client(dir.file(u"teacher"_s), server, server.account(u"teacher"_s));
    REQUIRE(client.login() == State::Idle);
    REQUIRE(client.sync() == State::Idle);
    const auto cell = client.cell(0);
    const auto other = client.cell(4);
    REQUIRE(cell.pupil != other.pupil);
    client.mark(cell.pupil, cell.objective, cell.term, u"GDS"_s);
    REQUIRE(client.sync() == State::Idle);
    client.mark(cell.pupil, cell.objective, cell.term, u"WTS"_s);  // queued when the erasure happens
    client.mark(other.pupil, other.objective, other.term, u"EXP"_s);

    server.erasePupil(cell.pupil);
    REQUIRE(client.sync() == State::Idle);
    const QString id = cell.pupil;
    for (const QString &sql :
         {u"SELECT count(*) FROM pupils WHERE id = '%1'"_s, u"SELECT count(*) FROM marks WHERE pupil_id = '%1'"_s,
          u"SELECT count(*) FROM outbox WHERE pupil_id = '%1'"_s,
          u"SELECT count(*) FROM conflicts WHERE pupil_id = '%1'"_s,
          u"SELECT count(*) FROM rejections WHERE pupil_id = '%1'"_s,
          u"SELECT count(*) FROM group_members WHERE pupil_id = '%1'"_s,
          u"SELECT count(*) FROM audit_events WHERE entity_id LIKE '%1%'"_s}) {
        INFO(sql.toStdString());
        CHECK(client.scalar(sql.arg(id)) == u"0"_s);
    }
    // The other pupil is untouched and their edit went through.
    CHECK(client.scalar(u"SELECT count(*) FROM pupils WHERE id = '%1'"_s.arg(other.pupil)) == u"1"_s);
    CHECK(client.engine().status().pending == 0);
    CHECK(serverCell(server, other).startsWith(u"EXP|"_s));
}

TEST_CASE("a 410 pulls again from 0 and the store ends up complete", "[sync][engine]")
{
    DemoServer server;
    TempDir dir;
    TestClient client(dir.file(u"teacher"_s), server, server.account(u"teacher"_s));
    REQUIRE(client.login() == State::Idle);
    REQUIRE(client.sync() == State::Idle);
    const QString marksBefore = client.scalar(u"SELECT count(*) FROM marks"_s);
    const auto cell = client.cell(5);
    client.mark(cell.pupil, cell.objective, cell.term, u"GDS"_s);
    REQUIRE(client.sync() == State::Idle);
    // History compacted beyond the client's cursor.
    server.sql(u"UPDATE schools SET retention_seq = next_seq"_s);
    const auto next = client.cell(6);
    client.mark(next.pupil, next.objective, next.term, u"WTS"_s);
    REQUIRE(client.sync() == State::Idle);
    CHECK(client.engine().status().pending == 0);
    CHECK(client.engine().status().initialSyncDone);
    CHECK(client.scalar(u"SELECT count(*) FROM pupils"_s).toInt() == 30);
    CHECK(client.scalar(u"SELECT count(*) FROM marks"_s).toInt() >= marksBefore.toInt());
    CHECK(client.scalar(u"SELECT value FROM marks"_s + cellWhere(next)) == u"WTS"_s);
    CHECK(serverCell(server, next).startsWith(u"WTS|"_s));
}

TEST_CASE("an epoch change drops what is out of scope and pulls again", "[sync][engine]")
{
    DemoServer server;
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    TestClient client(dir.file(u"teacher"_s), server, teacher);
    REQUIRE(client.login() == State::Idle);
    REQUIRE(client.sync() == State::Idle);
    REQUIRE(client.scalar(u"SELECT count(*) FROM pupils"_s).toInt() == 30);
    const auto cell = client.cell(0);
    client.mark(cell.pupil, cell.objective, cell.term, u"GDS"_s);

    server.admin({u"unassign"_s, server.schoolName(), teacher.username, teacher.groupName});
    REQUIRE(client.sync() == State::Idle);
    // The queued edit was refused (no longer their class) and is kept as a rejection, not lost.
    CHECK(client.engine().status().pending == 0);
    CHECK(client.engine().status().rejections == 1);
    CHECK(client.scalar(u"SELECT reason FROM rejections"_s) == u"permission"_s);
    CHECK(client.scalar(u"SELECT count(*) FROM pupils"_s) == u"0"_s);
    CHECK(client.scalar(u"SELECT count(*) FROM marks"_s) == u"0"_s);
    CHECK(client.scalar(u"SELECT count(*) FROM terms"_s).toInt() == 6);

    server.admin({u"assign"_s, server.schoolName(), teacher.username, teacher.groupName});
    REQUIRE(client.sync() == State::Idle);
    CHECK(client.scalar(u"SELECT count(*) FROM pupils"_s).toInt() == 30);
}

TEST_CASE("a revoked device wipes its local store at the next contact", "[sync][engine]")
{
    DemoServer server;
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    TestClient client(dir.file(u"teacher"_s), server, teacher);
    REQUIRE(client.login() == State::Idle);
    REQUIRE(client.sync() == State::Idle);
    server.admin({u"revoke-device"_s, server.schoolName(), teacher.username, client.engine().session().deviceId});
    CHECK(client.sync() == State::Revoked);
    CHECK(client.engine().store() == nullptr);
    CHECK_FALSE(QFile::exists(LocalStore::databasePath(client.folder())));
    CHECK_FALSE(QFile::exists(LocalStore::keyPath(client.folder())));
}

TEST_CASE("an expired access token is refreshed once and the sync goes on", "[sync][engine]")
{
    DemoServer server;
    TempDir dir;
    TestClient client(dir.file(u"teacher"_s), server, server.account(u"teacher"_s));
    REQUIRE(client.login() == State::Idle);
    server.sql(u"UPDATE tokens SET expires_at = 0 WHERE kind = 'access'"_s);
    const QString oldRefresh = client.engine().session().refreshToken;
    REQUIRE(client.sync() == State::Idle);
    CHECK(client.engine().session().refreshToken != oldRefresh);
    // The rotated token was stored: a restart still syncs.
    client.reopen();
    CHECK(client.engine().session().refreshToken != oldRefresh);
    REQUIRE(client.sync() == State::Idle);

    // Both tokens gone: sign in again.
    server.sql(u"DELETE FROM tokens"_s);
    CHECK(client.sync() == State::AuthRequired);
    CHECK_FALSE(client.engine().session().loggedIn());
    CHECK(client.login() == State::Idle);
}

TEST_CASE("wrong credentials at login leave the store signed out", "[sync][engine]")
{
    DemoServer server;
    TempDir dir;
    auto teacher = server.account(u"teacher"_s);
    TestClient client(dir.file(u"teacher"_s), server, teacher);
    client.engine().login(server.schoolName(), teacher.username, u"not the password"_s);
    QEventLoop loop;
    QObject::connect(&client.engine(), &SyncEngine::finished, &loop, &QEventLoop::quit);
    loop.exec();
    CHECK(client.engine().status().state == State::AuthRequired);
    CHECK_FALSE(client.engine().session().loggedIn());
}

TEST_CASE("426 keeps the outbox and reports that an upgrade is needed", "[sync][engine]")
{
    TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    auto store = LocalStore::create(dir.file(u"store"_s), u"stub password"_s, ScryptParams::fastForTests());
    REQUIRE(store.ok());
    const auto fixture = otrack::test::seedSchool(store.value()->database(), 2, 2);
    otrack::test::StubServer stub(pki, [&fixture](const QByteArray &, const QByteArray &path) {
        if (path.startsWith("/v1/auth/login"))
            return Stub::loginAnswer(fixture.schoolId, fixture.teacherId);
        return path.startsWith("/v1/legal/documents") ? Stub::noLegalDocuments()
                                                      : Stub::errorAnswer(426, ApiError::kUpgradeRequired);
    });
    SyncEngine engine(std::move(store.value()), ServerEndpoint::create(stub.url(), pki.caCertificate).value());
    REQUIRE(engine.load().ok());
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::finished, &loop, &QEventLoop::quit);
    engine.login(u"Stub School"_s, u"t.one"_s, u"stub password"_s);
    loop.exec();
    REQUIRE(engine.status().state == State::Idle);
    MarkStore marks(engine.store()->database(), fixture.schoolId, fixture.teacherId);
    REQUIRE(marks.record({{fixture.pupilIds[0], fixture.objectiveIds[0], fixture.termIds[0]}, u"EXP"_s, {}}).ok());
    engine.sync();
    loop.exec();
    CHECK(engine.status().state == State::UpgradeRequired);
    CHECK(engine.status().pending == 1);
    CHECK(stub.requests().last().startsWith("POST /v1/sync/push"));
}

TEST_CASE("403 legal acceptance required is its own state and nothing is pulled", "[sync][engine]")
{
    TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    otrack::test::StubServer stub(pki, [](const QByteArray &, const QByteArray &path) {
        if (path.startsWith("/v1/auth/login"))
            return Stub::loginAnswer();
        return path.startsWith("/v1/legal/documents") ? Stub::noLegalDocuments()
                                                      : Stub::errorAnswer(403, ApiError::kLegalAcceptanceRequired);
    });
    auto store = LocalStore::create(dir.file(u"store"_s), u"stub password"_s, ScryptParams::fastForTests());
    REQUIRE(store.ok());
    SyncEngine engine(std::move(store.value()), ServerEndpoint::create(stub.url(), pki.caCertificate).value());
    REQUIRE(engine.load().ok());
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::finished, &loop, &QEventLoop::quit);
    engine.login(u"Stub School"_s, u"t.one"_s, u"stub password"_s);
    loop.exec();
    REQUIRE(engine.status().state == State::Idle);
    engine.sync();
    loop.exec();
    CHECK(engine.status().state == State::WaitingForLegalAcceptance);
    CHECK(engine.session().cursor == 0);
    CHECK(engine.session().loggedIn());
    REQUIRE(stub.requests().size() == 3);
    CHECK(stub.requests().at(1).startsWith("GET /v1/legal/documents"));
    CHECK(stub.requests().at(2).startsWith("GET /v1/sync/pull"));
}

TEST_CASE("an untrusted certificate is reported with its reason and nothing is sent", "[sync][engine]")
{
    TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    otrack::test::StubServer stub(pki, [](const QByteArray &, const QByteArray &) { return Stub::loginAnswer(); });
    auto store = LocalStore::create(dir.file(u"store"_s), u"stub password"_s, ScryptParams::fastForTests());
    REQUIRE(store.ok());
    SyncEngine engine(std::move(store.value()), ServerEndpoint::create(stub.url(), pki.otherCaCertificate).value());
    REQUIRE(engine.load().ok());
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::finished, &loop, &QEventLoop::quit);
    engine.login(u"Stub School"_s, u"t.one"_s, u"stub password"_s);
    loop.exec();
    CHECK(engine.status().state == State::CertificateError);
    CHECK_FALSE(engine.status().certificateErrors.isEmpty());
    CHECK(stub.requests().isEmpty());
    CHECK_FALSE(engine.session().loggedIn());
}
