#include "connectionpool.h"
#include "httpsclient.h"
#include "protocolversion.h"
#include "pullresponse.h"
#include "pushrequest.h"
#include "pushresponse.h"
#include "syncfixture.h"
#include "syncroutes.h"
#include "testpki.h"
#include "tlsidentity.h"

#include "apierror.h"
#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QHttpServer>
#include <QSqlQuery>
#include <QUrlQuery>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::accessToken;
using otrack::test::HttpsClient;
using otrack::test::HttpsReply;
using otrack::test::SyncFixture;

namespace {

void checkRoutes(const QString &url)
{
    otrack::test::TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    SyncFixture f(url, u"routes-fixture"_s);
    auto identity = TlsIdentity::load(pki.serverCertificate, pki.serverKey);
    REQUIRE(identity.ok());
    ConnectionPool pool(DatabaseUrl::parse(url).value(), 2);
    QHttpServer http;
    addSyncRoutes(http, pool);
    http.sslSetup(identity->serverConfiguration());
    const quint16 port = http.listen(QHostAddress::LocalHost, 0);
    REQUIRE(port != 0);
    HttpsClient client(port, pki.caCertificate);
    const QByteArray teacher = accessToken(f.db, f.teacher, u"laptop-1"_s);

    PushOp op;
    op.opId = otrack::test::newUuid();
    op.pupilId = f.a1.id;
    op.objectiveId = f.objective1;
    op.termId = f.autumn.id;
    op.value = u"EXP"_s;
    op.clientTime = 1;
    const QByteArray body = PushRequest{u"laptop-1"_s, {op}}.encode();

    // Push, and the same push again after a "lost" answer.
    const HttpsReply pushed = client.send("POST", u"/v1/sync/push"_s, teacher, body);
    INFO(pushed.body.toStdString());
    REQUIRE(pushed.status == 200);
    auto results = PushResponse::decode(pushed.body);
    REQUIRE(results.ok());
    CHECK(results->results.at(0).outcome == PushOutcome::Applied);
    const HttpsReply again = client.send("POST", u"/v1/sync/push"_s, teacher, body);
    REQUIRE(again.status == 200);
    CHECK(PushResponse::decode(again.body)->results.at(0).outcome == PushOutcome::Duplicate);

    // Pull it back.
    const HttpsReply pulled = client.send("GET", u"/v1/sync/pull"_s, teacher, {}, QUrlQuery(u"cursor=0&limit=5000"_s));
    REQUIRE(pulled.status == 200);
    auto changes = PullResponse::decode(pulled.body);
    REQUIRE(changes.ok());
    CHECK_FALSE(changes->hasMore);
    CHECK(std::any_of(changes->changes.begin(), changes->changes.end(),
                      [](const Change &c) { return c.type == ChangeType::Mark; }));

    // Refusals: no protocol header (426), no token (401), bad body (400 naming the field),
    // bad query (400), a cursor below the retention horizon (410).
    CHECK(client.send("POST", u"/v1/sync/push"_s, teacher, body, {}, false).status == 426);
    CHECK(client.send("POST", u"/v1/sync/push"_s, {}, body).status == 401);
    CHECK(client.send("GET", u"/v1/sync/pull"_s, "x", {}).status == 401);
    const HttpsReply badJson = client.send("POST", u"/v1/sync/push"_s, teacher, "{not json");
    CHECK(badJson.status == 400);
    const HttpsReply badField
        = client.send("POST", u"/v1/sync/push"_s, teacher, R"({"device_id":"laptop-1","ops":[{}]})");
    CHECK(badField.status == 400);
    CHECK(badField.errorField() == u"ops[0].op_id"_s);
    const HttpsReply badLimit = client.send("GET", u"/v1/sync/pull"_s, teacher, {}, QUrlQuery(u"limit=0"_s));
    CHECK(badLimit.status == 400);
    CHECK(badLimit.errorField() == u"limit"_s);
    const HttpsReply beyond = client.send("GET", u"/v1/sync/pull"_s, teacher, {}, QUrlQuery(u"cursor=999999"_s));
    CHECK(beyond.status == 400);
    CHECK(beyond.errorField() == u"cursor"_s);
    QSqlQuery query(f.db);
    REQUIRE(query.prepare(u"UPDATE schools SET retention_seq = 10 WHERE id = ?"_s));
    query.addBindValue(f.school.id);
    REQUIRE(query.exec());
    CHECK(client.send("GET", u"/v1/sync/pull"_s, teacher, {}, QUrlQuery(u"cursor=3"_s)).status == 410);
    const HttpsReply otherDevice
        = client.send("POST", u"/v1/sync/push"_s, teacher, PushRequest{u"laptop-2"_s, {op}}.encode());
    CHECK(otherDevice.status == 400);
    CHECK(otherDevice.errorField() == u"device_id"_s);
}

}  // namespace

TEST_CASE("sync routes over TLS on SQLite", "[server][sync][http]")
{
    otrack::test::TempDir dir;
    checkRoutes(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("sync routes over TLS on PostgreSQL", "[server][sync][http]")
{
    otrack::test::TestPostgresDatabase pg;
    checkRoutes(pg.url());
}
