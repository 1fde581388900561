// Two otrack-server processes over one database, two clients logging in for real and pushing
// overlapping batches at the same time, as a client would (bases from its own last answers).
#include "loginrequest.h"
#include "loginresponse.h"
#include "protocolversion.h"
#include "pullresponse.h"
#include "pushrequest.h"
#include "pushresponse.h"
#include "serverprocess.h"
#include "syncfixture.h"
#include "testpki.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QTimer>
#include <QUrlQuery>

#include <functional>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::ServerProcess;
using otrack::test::SyncFixture;

namespace {

struct Client {
    quint16 port = 0;
    QString device;
    QByteArray token;
    QHash<QString, qint64> versions;  // cell -> the version this client last heard of
    int sent = 0;
    int answered = 0;
    int applied = 0;
    QStringList problems;
};

QNetworkRequest requestFor(const Client &client, const QString &path, const QSslConfiguration &tls)
{
    QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(client.port).arg(path)));
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(protocol::kProtocolHeader, protocol::protocolHeaderValue());
    request.setRawHeader(protocol::kSchemaHeader, protocol::schemaHeaderValue());
    if (!client.token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + client.token);
    return request;
}

void checkTwoServers(const QString &url)
{
    otrack::test::TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    SyncFixture f(url, u"process-fixture"_s);
    const QStringList args{u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--cert"_s, pki.serverCertificate,
                           u"--key"_s, pki.serverKey, u"--db"_s,        url};
    ServerProcess first, second;
    INFO(first.errorOutput().toStdString());
    REQUIRE(first.start(args));
    REQUIRE(second.start(args));

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(pki.caCertificate));
    QNetworkAccessManager network;
    auto wait = [](QNetworkReply *reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        REQUIRE(reply->isFinished());
    };

    Client clients[2];
    clients[0].port = first.port();
    clients[1].port = second.port();
    for (int i = 0; i < 2; ++i) {
        clients[i].device = otrack::test::newUuid();
        const LoginRequest login{f.school.name, f.admin.username, u"correct horse battery"_s, clients[i].device};
        QNetworkReply *reply = network.post(requestFor(clients[i], u"/v1/auth/login"_s, tls), login.encode());
        wait(reply);
        const QByteArray body = reply->readAll();
        INFO(body.toStdString());
        REQUIRE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
        auto answer = LoginResponse::decode(body);
        REQUIRE(answer.ok());
        clients[i].token = answer->accessToken.toUtf8();
        reply->deleteLater();
    }

    // Both clients push 15 batches of 8 ops over the same 6 cells, concurrently.
    const QList<std::pair<QString, QString>> cells{{f.a1.id, f.objective1}, {f.a1.id, f.objective2},
                                                   {f.a2.id, f.objective1}, {f.a2.id, f.objective2},
                                                   {f.b1.id, f.objective1}, {f.b1.id, f.objective2}};
    const QStringList codes{u"WTS"_s, u"EXP"_s, u"GDS"_s};
    constexpr int kBatches = 15;
    constexpr int kOps = 8;
    QEventLoop loop;
    int running = 2;
    std::function<void(int)> pushNext = [&](int who) {
        Client &client = clients[who];
        if (client.sent == kBatches) {
            if (--running == 0)
                loop.quit();
            return;
        }
        QList<PushOp> ops;
        for (int i = 0; i < kOps; ++i) {
            const auto &[pupil, objective] = cells.at((client.sent * 3 + i + who) % cells.size());
            PushOp op;
            op.opId = otrack::test::newUuid();
            op.pupilId = pupil;
            op.objectiveId = objective;
            op.termId = f.autumn.id;
            op.value = codes.at((client.sent + i + who) % codes.size());
            op.baseVersion = client.versions.value(pupil + objective);
            op.clientTime = client.sent;
            ops << op;
        }
        ++client.sent;
        QNetworkReply *reply
            = network.post(requestFor(client, u"/v1/sync/push"_s, tls), PushRequest{client.device, ops}.encode());
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, who, ops, reply]() {
            Client &c = clients[who];
            reply->deleteLater();
            auto answer = PushResponse::decode(reply->readAll());
            if (!answer || answer->results.size() != ops.size()) {
                c.problems << u"bad push answer"_s;
            } else {
                ++c.answered;
                for (qsizetype i = 0; i < ops.size(); ++i) {
                    const PushResult &result = answer->results.at(i);
                    const QString cell = ops.at(i).pupilId + ops.at(i).objectiveId;
                    if (result.opId != ops.at(i).opId)
                        c.problems << u"result out of order"_s;
                    if (result.outcome == PushOutcome::Applied)
                        ++c.applied;
                    else if (result.outcome != PushOutcome::Conflict && result.outcome != PushOutcome::Merged)
                        c.problems << u"outcome "_s + toString(result.outcome);
                    // A client that keeps its value resubmits on the server's version.
                    c.versions[cell] = result.version;
                }
            }
            pushNext(who);
        });
    };
    pushNext(0);
    pushNext(1);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    for (const Client &client : clients) {
        INFO(client.problems.join(u"; "_s).toStdString());
        CHECK(client.problems.isEmpty());
        CHECK(client.answered == kBatches);
    }

    // No lost update: every applied op is exactly one version of its cell, and one event.
    qint64 versions = 0;
    for (const auto &[pupil, objective] : cells)
        versions += f.scalar(u"SELECT COALESCE(MAX(version), 0) FROM marks WHERE pupil_id = ? AND objective_id = ?"_s,
                             {pupil, objective})
                        .toLongLong();
    CHECK(versions == clients[0].applied + clients[1].applied);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM mark_events WHERE outcome = 'applied'"_s).toLongLong() == versions);
    CHECK(f.count(u"mark_events"_s) == 2 * kBatches * kOps);
    CHECK(f.count(u"push_results"_s) == 2 * kBatches * kOps);

    // Either server pulls the same ordered changes.
    QByteArray pulled[2];
    for (int i = 0; i < 2; ++i) {
        QNetworkRequest request = requestFor(clients[i], u"/v1/sync/pull"_s, tls);
        QUrl pullUrl = request.url();
        pullUrl.setQuery(u"cursor=0&limit=5000"_s);
        request.setUrl(pullUrl);
        QNetworkReply *reply = network.get(request);
        wait(reply);
        REQUIRE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
        pulled[i] = reply->readAll();
        reply->deleteLater();
        REQUIRE(PullResponse::decode(pulled[i]).ok());
    }
    CHECK(pulled[0] == pulled[1]);
    const int firstExit = first.stop();
    const int secondExit = second.stop();
    INFO(first.errorOutput().toStdString() + second.errorOutput().toStdString());
    CHECK(firstExit == 0);
    CHECK(secondExit == 0);
}

}  // namespace

TEST_CASE("two server processes take concurrent pushes on SQLite", "[server][sync][process]")
{
    otrack::test::TempDir dir;
    checkTwoServers(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("two server processes take concurrent pushes on PostgreSQL", "[server][sync][process]")
{
    otrack::test::TestPostgresDatabase pg;
    checkTwoServers(pg.url());
}
