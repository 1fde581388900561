// POST /v1/admin/pupils/<id>/erase over real TLS on the whole SyncServer, and the purge pulled
// over the same connection, on SQLite and PostgreSQL.
#include "erasetestsupport.h"
#include "httpsclient.h"
#include "legalfixture.h"
#include "pullresponse.h"
#include "syncserver.h"
#include "testpki.h"
#include "tlsidentity.h"

#include "apierror.h"
#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::SyncFixture;

namespace {

void checkEraseRoute(const QString &url)
{
    otrack::test::TempDir dir;
    const auto pki = otrack::test::makeTestPki(dir.path());
    SyncFixture f(url, u"erase-routes-fixture"_s);
    const auto p = otrack::test::addErasablePupil(f);
    otrack::test::writeHistory(f, p.pupil);
    auto otherAdmin = SchoolAdmin(f.db).addStaff(f.otherSchool.id, u"other-admin"_s, u"O Ther"_s, Role::Admin,
                                                 u"correct horse battery"_s, ScryptParams::fastForTests());
    REQUIRE(otherAdmin.ok());

    auto identity = TlsIdentity::load(pki.serverCertificate, pki.serverKey);
    REQUIRE(identity.ok());
    auto database = ServerDatabase::open(DatabaseUrl::parse(url).value(), u"erase-routes-server"_s);
    REQUIRE(database.ok());
    SyncServer server(std::move(database.value()));
    auto port = server.listen(identity.value(), QHostAddress::LocalHost, 0);
    REQUIRE(port.ok());
    otrack::test::HttpsClient client(port.value(), pki.caCertificate);

    const QByteArray teacher = otrack::test::accessToken(f.db, f.teacher, u"laptop-1"_s);
    const QByteArray admin = otrack::test::accessToken(f.db, f.admin, u"office-pc"_s);
    const QByteArray owner = otrack::test::accessToken(f.db, f.owner, u"head-pc"_s);
    const QByteArray other = otrack::test::accessToken(f.db, otherAdmin.value(), u"other-pc"_s);
    const QString path = u"/v1/admin/pupils/%1/erase"_s.arg(p.pupil.id);
    const qint64 before = otrack::test::pull(f, f.teacher, 0).nextCursor - 1;

    // Refusals first: nothing is erased by any of them.
    CHECK(client.send("POST", path, admin, {}, {}, false).status == 426);
    CHECK(client.send("POST", path, {}).status == 401);
    const auto byTeacher = client.send("POST", path, teacher);
    CHECK(byTeacher.status == 403);
    CHECK(byTeacher.errorCode() == u"forbidden"_s);
    const auto byOtherSchool = client.send("POST", path, other);
    CHECK(byOtherSchool.status == 404);
    CHECK(byOtherSchool.errorCode() == QLatin1String(ApiError::kNotFound));
    CHECK(client.send("POST", u"/v1/admin/pupils/%1/erase"_s.arg(f.otherPupil.id), admin).status == 404);
    CHECK(client.send("POST", u"/v1/admin/pupils/%1/erase"_s.arg(otrack::test::newUuid()), admin).status == 404);
    CHECK(client.send("GET", path, admin).status == 404);  // POST only
    CHECK(f.scalar(u"SELECT COUNT(*) FROM pupils WHERE id = ?"_s, {p.pupil.id}).toInt() == 1);

    const auto erased = client.send("POST", path, admin);
    INFO(erased.body.toStdString());
    REQUIRE(erased.status == 200);
    CHECK(erased.json().value(u"status"_s).toString() == u"erased"_s);
    CHECK(erased.json().value(u"pupil_id"_s).toString() == p.pupil.id);
    CHECK(erased.json().value(u"marks"_s).toInt() == 2);
    CHECK(erased.json().value(u"groups"_s).toInt() == 1);
    const qint64 purgeSeq = erased.json().value(u"purge_seq"_s).toInteger();
    CHECK(purgeSeq > before);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM pupils WHERE id = ?"_s, {p.pupil.id}).toInt() == 0);

    // Idempotent: a retry after a lost answer is told it is done.
    const auto again = client.send("POST", path, owner);
    REQUIRE(again.status == 200);
    CHECK(again.json().value(u"status"_s).toString() == u"already_erased"_s);
    CHECK(f.count(u"purges"_s) == 1);

    // The teacher's next pull, over TLS, carries the purge.
    const auto pulled
        = client.send("GET", u"/v1/sync/pull"_s, teacher, {}, QUrlQuery(u"cursor=%1&limit=5000"_s.arg(before)));
    INFO(pulled.body.toStdString());
    REQUIRE(pulled.status == 200);
    auto changes = PullResponse::decode(pulled.body);
    REQUIRE(changes.ok());
    CHECK(std::any_of(changes->changes.begin(), changes->changes.end(), [&](const Change &change) {
        return change.type == ChangeType::Purge && change.seq == purgeSeq
            && change.data.value(u"pupil_id"_s).toString() == p.pupil.id;
    }));
}

}  // namespace

TEST_CASE("the erase endpoint over TLS on SQLite", "[server][erase][http]")
{
    otrack::test::TempDir dir;
    checkEraseRoute(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("the erase endpoint over TLS on PostgreSQL", "[server][erase][http]")
{
    otrack::test::TestPostgresDatabase pg;
    checkEraseRoute(pg.url());
}
