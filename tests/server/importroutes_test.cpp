// POST /v1/admin/imports over real TLS on the whole SyncServer, on SQLite and PostgreSQL.
#include "httpsclient.h"
#include "importmappingstore.h"
#include "syncfixture.h"
#include "syncserver.h"
#include "testpki.h"
#include "tlsidentity.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::SyncFixture;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(OTRACK_IMPORT_FIXTURES "/") + QLatin1String(name);
}

QUrlQuery params(std::initializer_list<std::pair<QString, QString>> items)
{
    QUrlQuery query;
    for (const auto &[key, value] : items)
        query.addQueryItem(key, value);
    return query;
}

void checkImportRoute(const QString &url)
{
    test::TempDir dir;
    const auto pki = test::makeTestPki(dir.path());
    SyncFixture f(url, u"import-routes-fixture"_s);
    auto identity = TlsIdentity::load(pki.serverCertificate, pki.serverKey);
    REQUIRE(identity.ok());
    auto database = ServerDatabase::open(DatabaseUrl::parse(url).value(), u"import-routes-server"_s);
    REQUIRE(database.ok());
    SyncServer server(std::move(database.value()));
    auto port = server.listen(identity.value(), QHostAddress::LocalHost, 0);
    REQUIRE(port.ok());
    test::HttpsClient client(port.value(), pki.caCertificate);
    const QByteArray admin = test::accessToken(f.db, f.admin, u"office-pc"_s);
    const QByteArray teacher = test::accessToken(f.db, f.teacher, u"laptop-1"_s);
    const QString path = u"/v1/admin/imports"_s;
    const QByteArray clean = test::readFile(fixture("clean-ctf25.xml"));
    const QByteArray bad = test::readFile(fixture("bad-records-ctf25.xml"));
    const qint64 pupils = f.count(u"pupils"_s);

    CHECK(client.send("POST", path, admin, clean, params({{u"format"_s, u"ctf"_s}}), false).status == 426);
    CHECK(client.send("POST", path, {}, clean, params({{u"format"_s, u"ctf"_s}})).status == 401);
    const auto byTeacher = client.send("POST", path, teacher, clean, params({{u"format"_s, u"ctf"_s}}));
    CHECK(byTeacher.status == 403);
    CHECK(byTeacher.errorCode() == u"forbidden"_s);
    const auto noFormat = client.send("POST", path, admin, clean);
    CHECK(noFormat.status == 400);
    CHECK(noFormat.errorField() == u"format"_s);
    const auto doctype = client.send("POST", path, admin, test::readFile(fixture("doctype-internal.xml")),
                                     params({{u"format"_s, u"ctf"_s}}));
    CHECK(doctype.status == 400);
    CHECK(doctype.errorField() == u"body"_s);
    CHECK(f.count(u"pupils"_s) == pupils);

    // Validation only: every problem, nothing written.
    const auto validated
        = client.send("POST", path, admin, bad, params({{u"format"_s, u"ctf"_s}, {u"validate_only"_s, u"true"_s}}));
    REQUIRE(validated.status == 200);
    CHECK(validated.json().value(u"plan"_s).toObject().value(u"problems"_s).toArray().size() == 11);
    const auto refused = client.send("POST", path, admin, bad, params({{u"format"_s, u"ctf"_s}}));
    CHECK(refused.status == 400);
    CHECK(f.count(u"pupils"_s) == pupils);

    const auto dry = client.send("POST", path, admin, clean, params({{u"format"_s, u"ctf"_s}, {u"dry_run"_s, u"1"_s}}));
    REQUIRE(dry.status == 200);
    CHECK(dry.json().value(u"created"_s).toInt() == 4);
    CHECK(f.count(u"pupils"_s) == pupils);
    const auto done = client.send("POST", path, admin, clean, params({{u"format"_s, u"ctf"_s}}));
    REQUIRE(done.status == 200);
    CHECK(done.json().value(u"created"_s).toInt() == 4);
    CHECK(f.count(u"pupils"_s) == pupils + 4);

    // CSV through a saved mapping.
    const QByteArray csv = test::readFile(fixture("roll.csv"));
    CHECK(client.send("POST", path, admin, csv, params({{u"format"_s, u"csv"_s}, {u"mapping"_s, u"SIMS"_s}})).status
          == 404);
    auto mapping = ColumnMapping::readFile(fixture("roll-mapping.json"));
    REQUIRE(mapping.ok());
    REQUIRE(ImportMappingStore(f.db).save(f.school.id, u"SIMS"_s, mapping.value(), f.admin.id, 0).ok());
    const auto byCsv
        = client.send("POST", path, admin, csv, params({{u"format"_s, u"csv"_s}, {u"mapping"_s, u"SIMS"_s}}));
    REQUIRE(byCsv.status == 200);
    CHECK(byCsv.json().value(u"updated"_s).toInt() == 3);  // the CSV adds pupil premium and admission dates
}

}  // namespace

TEST_CASE("the import endpoint checks role and file, validates, and imports on SQLite", "[server][import][routes]")
{
    test::TempDir dir;
    checkImportRoute(u"sqlite://"_s + dir.file(u"otrack.db"_s));
}

TEST_CASE("the import endpoint checks role and file, validates, and imports on PostgreSQL",
          "[server][import][routes][postgres]")
{
    test::TestPostgresDatabase pg;
    checkImportRoute(pg.url());
}
