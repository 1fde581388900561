// The auth endpoints over real TLS on loopback, against SQLite and PostgreSQL: an in-process
// SyncServer on port 0 and a QNetworkAccessManager that pins the test CA.
#include "accountstore.h"
#include "apierror.h"
#include "authenticator.h"
#include "loginresponse.h"
#include "protocolversion.h"
#include "schooladmin.h"
#include "serverdatabase.h"
#include "serverschema.h"
#include "syncserver.h"
#include "testpki.h"
#include "tlsidentity.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTimer>

using namespace otrack;
using namespace Qt::StringLiterals;

namespace {

struct Reply {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(u"error"_s).toObject().value(u"code"_s).toString(); }
    QString errorField() const { return json().value(u"error"_s).toObject().value(u"field"_s).toString(); }
};

class Client {
public:
    Client(quint16 port, const QString &caFile) : m_port(port)
    {
        m_tls.setCaCertificates(QSslCertificate::fromPath(caFile));
    }

    Reply post(const QString &path, const QByteArray &body, const QByteArray &token = {},
               const QByteArray &protocolVersion = protocol::protocolHeaderValue())
    {
        QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
        request.setSslConfiguration(m_tls);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!protocolVersion.isEmpty())
            request.setRawHeader(protocol::kProtocolHeader, protocolVersion);
        if (!token.isEmpty())
            request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token);
        QNetworkReply *reply = m_network.post(request, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        REQUIRE(reply->isFinished());
        Reply answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                     reply->rawHeader("Retry-After")};
        reply->deleteLater();
        return answer;
    }

    Reply login(const QString &school, const QString &username, const QString &password,
                const QString &device = u"device-1"_s)
    {
        return post(u"/v1/auth/login"_s, LoginRequest{school, username, password, device}.encode());
    }

private:
    quint16 m_port;
    QSslConfiguration m_tls = QSslConfiguration::defaultConfiguration();
    QNetworkAccessManager m_network;
};

const QString kPassword = u"correct horse 1"_s;

void checkAuth(const QString &url)
{
    otrack::test::TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    auto identity = TlsIdentity::load(pki.serverCertificate, pki.serverKey);
    REQUIRE(identity.ok());

    auto parsed = DatabaseUrl::parse(url);
    REQUIRE(parsed.ok());
    auto setup = ServerDatabase::open(parsed.value(), u"auth-test-setup"_s);
    REQUIRE(setup.ok());
    QSqlDatabase db = setup.value()->connection();
    REQUIRE(ServerSchema::migrate(db, parsed->kind()).ok());
    SchoolAdmin admin(db);
    auto school = admin.createSchool(u"Auth Primary"_s);
    auto other = admin.createSchool(u"Other Primary"_s);
    REQUIRE(school.ok());
    REQUIRE(other.ok());
    REQUIRE(admin.setSchoolStatus(school->id, SchoolStatus::Active).ok());
    auto teacher = admin.addStaff(school->id, u"t.one"_s, u"Teacher One"_s, Role::Teacher, kPassword,
                                  ScryptParams::fastForTests());
    REQUIRE(teacher.ok());
    REQUIRE(admin.addStaff(other->id, u"o.one"_s, u"Other One"_s, Role::Owner, kPassword, ScryptParams::fastForTests())
                .ok());

    auto serverDb = ServerDatabase::open(parsed.value(), u"auth-test-server"_s);
    REQUIRE(serverDb.ok());
    SyncServer server(std::move(serverDb.value()));
    auto port = server.listen(identity.value(), QHostAddress::LocalHost, 0);
    REQUIRE(port.ok());
    Client client(port.value(), pki.caCertificate);

    SECTION("a request without the protocol header or with an older one gets 426")
    {
        const QByteArray body = LoginRequest{u"Auth Primary"_s, u"t.one"_s, kPassword, u"d"_s}.encode();
        Reply missing = client.post(u"/v1/auth/login"_s, body, {}, {});
        CHECK(missing.status == 426);
        CHECK(missing.errorCode() == QString::fromLatin1(ApiError::kUpgradeRequired));
        Reply old = client.post(u"/v1/auth/login"_s, body, {}, "0");
        CHECK(old.status == 426);
        Reply garbage = client.post(u"/v1/auth/refresh"_s, "{}", {}, "one");
        CHECK(garbage.status == 426);
        CHECK(client.post(u"/v1/auth/logout"_s, {}, {}, {}).status == 426);
    }

    SECTION("login returns tokens the user the school and the device key")
    {
        Reply ok = client.login(u"Auth Primary"_s, u"t.one"_s, kPassword);
        INFO(ok.body.toStdString());
        REQUIRE(ok.status == 200);
        auto answer = LoginResponse::decode(ok.body);
        REQUIRE(answer.ok());
        CHECK(answer->accessToken.size() == 43);
        CHECK(answer->refreshToken.size() == 43);
        CHECK(answer->accessToken != answer->refreshToken);
        CHECK(answer->user.id == teacher->id);
        CHECK(answer->user.role == Role::Teacher);
        CHECK(answer->user.displayName == u"Teacher One"_s);
        CHECK(answer->epoch == 1);
        CHECK(answer->school.id == school->id);
        CHECK(answer->school.status == SchoolStatus::Active);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        CHECK(answer->accessExpiresAt > now + 14 * 60 * 1000);
        CHECK(answer->accessExpiresAt <= now + 15 * 60 * 1000);
        CHECK(answer->refreshExpiresAt > now + 29ll * 24 * 3600 * 1000);
        CHECK(QByteArray::fromBase64(answer->deviceKey.toLatin1()).size() == 32);

        // Tokens are stored only hashed.
        QSqlQuery query(db);
        REQUIRE(query.exec(u"SELECT token_hash FROM tokens"_s));
        while (query.next()) {
            CHECK(query.value(0).toString() != answer->accessToken);
            CHECK(query.value(0).toString().size() == 64);
        }

        // The same device gets the same key; another device another; by school id too.
        auto again = LoginResponse::decode(client.login(school->id, u"t.one"_s, kPassword).body);
        REQUIRE(again.ok());
        CHECK(again->deviceKey == answer->deviceKey);
        CHECK(again->accessToken != answer->accessToken);
        auto otherDevice = LoginResponse::decode(client.login(u"Auth Primary"_s, u"t.one"_s, kPassword, u"d2"_s).body);
        REQUIRE(otherDevice.ok());
        CHECK(otherDevice->deviceKey != answer->deviceKey);

        // Logout revokes the device's tokens.
        Reply out = client.post(u"/v1/auth/logout"_s, {}, answer->accessToken.toLatin1());
        CHECK(out.status == 200);
        CHECK(client.post(u"/v1/auth/logout"_s, {}, again->accessToken.toLatin1()).status == 401);
        Reply refreshAfterLogout = client.post(u"/v1/auth/refresh"_s, RefreshRequest{answer->refreshToken}.encode());
        CHECK(refreshAfterLogout.status == 401);
        // The other device is still logged in.
        CHECK(client.post(u"/v1/auth/logout"_s, {}, otherDevice->accessToken.toLatin1()).status == 200);
    }

    SECTION("a wrong password an unknown user and an unknown school get the same 401")
    {
        Reply wrong = client.login(u"Auth Primary"_s, u"t.one"_s, u"wrong password"_s);
        Reply unknownUser = client.login(u"Auth Primary"_s, u"nobody"_s, u"wrong password"_s);
        Reply unknownSchool = client.login(u"Nowhere School"_s, u"t.one"_s, kPassword);
        Reply otherSchool = client.login(u"Other Primary"_s, u"t.one"_s, kPassword);
        for (const Reply *reply : {&wrong, &unknownUser, &unknownSchool, &otherSchool}) {
            CHECK(reply->status == 401);
            CHECK(reply->body == wrong.body);
            CHECK_FALSE(reply->body.contains("t.one"));
        }
        CHECK(wrong.errorCode() == u"unauthenticated"_s);
    }

    SECTION("bad bodies get 400 naming the field")
    {
        Reply notJson = client.post(u"/v1/auth/login"_s, "not json");
        CHECK(notJson.status == 400);
        Reply missing = client.post(u"/v1/auth/login"_s, R"({"school":"Auth Primary","password":"x","device_id":"d"})");
        CHECK(missing.status == 400);
        CHECK(missing.errorField() == u"username"_s);
        Reply wrongType = client.post(u"/v1/auth/login"_s,
                                      R"({"school":"Auth Primary","username":"t.one","password":1,"device_id":"d"})");
        CHECK(wrongType.status == 400);
        CHECK(wrongType.errorField() == u"password"_s);
        Reply badDevice = client.post(
            u"/v1/auth/login"_s,
            R"({"school":"Auth Primary","username":"t.one","password":"correct horse 1","device_id":"a b"})");
        CHECK(badDevice.status == 400);
        CHECK(badDevice.errorField() == u"device_id"_s);
        CHECK(client.post(u"/v1/auth/refresh"_s, "{}").errorField() == u"refresh_token"_s);
    }

    SECTION("refresh rotates the refresh token and a reused one ends the session")
    {
        auto first = LoginResponse::decode(client.login(u"Auth Primary"_s, u"t.one"_s, kPassword).body);
        REQUIRE(first.ok());
        Reply refreshed = client.post(u"/v1/auth/refresh"_s, RefreshRequest{first->refreshToken}.encode());
        REQUIRE(refreshed.status == 200);
        auto second = LoginResponse::decode(refreshed.body);
        REQUIRE(second.ok());
        CHECK(second->refreshToken != first->refreshToken);
        CHECK(second->accessToken != first->accessToken);
        CHECK(second->deviceKey.isEmpty());
        CHECK(second->user.id == teacher->id);

        // The old refresh token is spent; presenting it again revokes the new ones too.
        CHECK(client.post(u"/v1/auth/refresh"_s, RefreshRequest{first->refreshToken}.encode()).status == 401);
        CHECK(client.post(u"/v1/auth/refresh"_s, RefreshRequest{second->refreshToken}.encode()).status == 401);
        CHECK(client.post(u"/v1/auth/logout"_s, {}, second->accessToken.toLatin1()).status == 401);
        CHECK(client.post(u"/v1/auth/refresh"_s, RefreshRequest{u"not-a-token"_s}.encode()).status == 401);
    }

    SECTION("a revoked device is refused with device_revoked and gets no key")
    {
        auto before = LoginResponse::decode(client.login(u"Auth Primary"_s, u"t.one"_s, kPassword, u"lost"_s).body);
        REQUIRE(before.ok());
        REQUIRE(admin.revokeDevice(school->id, teacher->id, u"lost"_s).ok());
        Reply refused = client.login(u"Auth Primary"_s, u"t.one"_s, kPassword, u"lost"_s);
        CHECK(refused.status == 401);
        CHECK(refused.errorCode() == QString::fromLatin1(ApiError::kDeviceRevoked));
        CHECK_FALSE(refused.json().contains(u"device_key"_s));
        Reply oldToken = client.post(u"/v1/auth/logout"_s, {}, before->accessToken.toLatin1());
        CHECK(oldToken.status == 401);
        CHECK(oldToken.errorCode() == QString::fromLatin1(ApiError::kDeviceRevoked));
        CHECK(client.post(u"/v1/auth/refresh"_s, RefreshRequest{before->refreshToken}.encode()).errorCode()
              == QString::fromLatin1(ApiError::kDeviceRevoked));
        // A device revoked before it ever logged in is refused too.
        REQUIRE(admin.revokeDevice(school->id, teacher->id, u"never-seen"_s).ok());
        CHECK(client.login(u"Auth Primary"_s, u"t.one"_s, kPassword, u"never-seen"_s).errorCode()
              == QString::fromLatin1(ApiError::kDeviceRevoked));
        // Other devices are unaffected.
        CHECK(client.login(u"Auth Primary"_s, u"t.one"_s, kPassword, u"kept"_s).status == 200);
    }

    SECTION("failed logins are rate limited per account and per address with Retry-After")
    {
        for (int i = 0; i < AccountStore::kMaxAccountFailures; ++i)
            CHECK(client.login(u"Auth Primary"_s, u"t.one"_s, u"wrong password"_s).status == 401);
        // Now even the right password waits.
        Reply limited = client.login(u"Auth Primary"_s, u"t.one"_s, kPassword);
        CHECK(limited.status == 429);
        CHECK(limited.errorCode() == u"rate_limited"_s);
        CHECK(limited.retryAfter.toInt() > 0);
        CHECK(limited.retryAfter.toInt() <= 15 * 60);
        // An unknown account is limited the same way.
        for (int i = 0; i < AccountStore::kMaxAccountFailures; ++i)
            CHECK(client.login(u"Auth Primary"_s, u"ghost"_s, u"wrong password"_s).status == 401);
        CHECK(client.login(u"Auth Primary"_s, u"ghost"_s, u"wrong password"_s).status == 429);

        // The other school's owner is not limited yet: the account limit is per account ...
        CHECK(client.login(u"Other Primary"_s, u"o.one"_s, kPassword).status == 200);
        // ... but this address has failed 10 times; 10 more reach the address limit.
        for (int i = 0; i < AccountStore::kMaxAddressFailures - 2 * AccountStore::kMaxAccountFailures; ++i)
            CHECK(client.login(u"Other Primary"_s, u"user%1"_s.arg(i), u"wrong password"_s).status == 401);
        Reply addressLimited = client.login(u"Other Primary"_s, u"o.one"_s, kPassword);
        CHECK(addressLimited.status == 429);
        CHECK(addressLimited.retryAfter.toInt() > 0);
    }

    SECTION("an access token reaches only its own school")
    {
        auto mine = LoginResponse::decode(client.login(u"Other Primary"_s, u"o.one"_s, kPassword).body);
        REQUIRE(mine.ok());
        CHECK(mine->school.id == other->id);
        auto caller = Authenticator::authenticate(db, "Bearer " + mine->accessToken.toLatin1(),
                                                  QDateTime::currentMSecsSinceEpoch());
        REQUIRE(caller.ok());
        CHECK(caller->schoolId == other->id);
        CHECK(caller->role == Role::Owner);
        // Expired and malformed tokens are refused.
        CHECK(Authenticator::authenticate(db, "Bearer " + mine->accessToken.toLatin1(),
                                          QDateTime::currentMSecsSinceEpoch() + 16 * 60 * 1000)
                  .error()
                  .code
              == ErrorCode::Unauthenticated);
        CHECK_FALSE(Authenticator::authenticate(db, "Basic abc", 0).ok());
        CHECK_FALSE(Authenticator::authenticate(db, {}, 0).ok());
        // A refresh token is not an access token.
        CHECK_FALSE(Authenticator::authenticate(db, "Bearer " + mine->refreshToken.toLatin1(),
                                                QDateTime::currentMSecsSinceEpoch())
                        .ok());
    }
}

}  // namespace

TEST_CASE("auth endpoints work on SQLite", "[server][auth]")
{
    otrack::test::TempDir dir;
    checkAuth(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("auth endpoints work on PostgreSQL", "[server][auth]")
{
    otrack::test::TestPostgresDatabase pg;
    checkAuth(pg.url());
}
