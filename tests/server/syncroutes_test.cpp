#include "authenticator.h"
#include "connectionpool.h"
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

#include <QEventLoop>
#include <QHttpServer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTimer>
#include <QUrlQuery>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::SyncFixture;

namespace {

struct Reply {
    int status = 0;
    QByteArray body;
};

class Client {
public:
    Client(quint16 port, const QString &caFile) : m_port(port)
    {
        m_tls.setCaCertificates(QSslCertificate::fromPath(caFile));
    }

    Reply send(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body = {},
               const QUrlQuery &query = {}, bool withProtocol = true)
    {
        QUrl url(u"https://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setSslConfiguration(m_tls);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (withProtocol) {
            request.setRawHeader(protocol::kProtocolHeader, protocol::protocolHeaderValue());
            request.setRawHeader(protocol::kSchemaHeader, protocol::schemaHeaderValue());
        }
        if (!token.isEmpty())
            request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        REQUIRE(reply->isFinished());
        Reply answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        reply->deleteLater();
        return answer;
    }

private:
    quint16 m_port;
    QSslConfiguration m_tls = QSslConfiguration::defaultConfiguration();
    QNetworkAccessManager m_network;
};

QByteArray tokenFor(SyncFixture &f, const Staff &staff, const QString &device)
{
    const QByteArray token = Authenticator::newToken();
    QSqlQuery query(f.db);
    REQUIRE(query.prepare(u"INSERT INTO tokens (token_hash, kind, school_id, user_id, device_id, expires_at, revoked) "
                          u"VALUES (?, 'access', ?, ?, ?, ?, 0)"_s));
    query.addBindValue(Authenticator::hashToken(token));
    query.addBindValue(staff.schoolId);
    query.addBindValue(staff.id);
    query.addBindValue(device);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch() + 3600 * 1000);
    REQUIRE(query.exec());
    return token;
}

QString errorField(const Reply &reply)
{
    auto error = ApiError::decode(reply.body);
    REQUIRE(error.ok());
    return error->field;
}

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
    Client client(port, pki.caCertificate);
    const QByteArray teacher = tokenFor(f, f.teacher, u"laptop-1"_s);

    PushOp op;
    op.opId = otrack::test::newUuid();
    op.pupilId = f.a1.id;
    op.objectiveId = f.objective1;
    op.termId = f.autumn.id;
    op.value = u"EXP"_s;
    op.clientTime = 1;
    const QByteArray body = PushRequest{u"laptop-1"_s, {op}}.encode();

    // Push, and the same push again after a "lost" answer.
    const Reply pushed = client.send("POST", u"/v1/sync/push"_s, teacher, body);
    INFO(pushed.body.toStdString());
    REQUIRE(pushed.status == 200);
    auto results = PushResponse::decode(pushed.body);
    REQUIRE(results.ok());
    CHECK(results->results.at(0).outcome == PushOutcome::Applied);
    const Reply again = client.send("POST", u"/v1/sync/push"_s, teacher, body);
    REQUIRE(again.status == 200);
    CHECK(PushResponse::decode(again.body)->results.at(0).outcome == PushOutcome::Duplicate);

    // Pull it back.
    const Reply pulled = client.send("GET", u"/v1/sync/pull"_s, teacher, {}, QUrlQuery(u"cursor=0&limit=5000"_s));
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
    const Reply badJson = client.send("POST", u"/v1/sync/push"_s, teacher, "{not json");
    CHECK(badJson.status == 400);
    const Reply badField = client.send("POST", u"/v1/sync/push"_s, teacher, R"({"device_id":"laptop-1","ops":[{}]})");
    CHECK(badField.status == 400);
    CHECK(errorField(badField) == u"ops[0].op_id"_s);
    const Reply badLimit = client.send("GET", u"/v1/sync/pull"_s, teacher, {}, QUrlQuery(u"limit=0"_s));
    CHECK(badLimit.status == 400);
    CHECK(errorField(badLimit) == u"limit"_s);
    const Reply beyond = client.send("GET", u"/v1/sync/pull"_s, teacher, {}, QUrlQuery(u"cursor=999999"_s));
    CHECK(beyond.status == 400);
    CHECK(errorField(beyond) == u"cursor"_s);
    QSqlQuery query(f.db);
    REQUIRE(query.prepare(u"UPDATE schools SET retention_seq = 10 WHERE id = ?"_s));
    query.addBindValue(f.school.id);
    REQUIRE(query.exec());
    CHECK(client.send("GET", u"/v1/sync/pull"_s, teacher, {}, QUrlQuery(u"cursor=3"_s)).status == 410);
    const Reply otherDevice
        = client.send("POST", u"/v1/sync/push"_s, teacher, PushRequest{u"laptop-2"_s, {op}}.encode());
    CHECK(otherDevice.status == 400);
    CHECK(errorField(otherDevice) == u"device_id"_s);
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
