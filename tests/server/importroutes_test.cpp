// The school data routes (POST /v1/admin/imports, import mappings, subject access, retention)
// over real TLS on the whole SyncServer, on SQLite and PostgreSQL.
#include "acceptancerequest.h"
#include "httpsclient.h"
#include "legalfixture.h"
#include "syncfixture.h"
#include "syncserver.h"
#include "testpki.h"
#include "tlsidentity.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QSqlQuery>

#include <tuple>

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

    // CSV through a mapping saved over the API, by name.
    const QByteArray csv = test::readFile(fixture("roll.csv"));
    const QUrlQuery byName = params({{u"format"_s, u"csv"_s}, {u"mapping"_s, u"SIMS roll"_s}});
    CHECK(client.send("POST", path, admin, csv, byName).status == 404);
    const QByteArray mapping = test::readFile(fixture("roll-mapping.json"));
    const QString mappingPath = u"/v1/admin/import-mappings/SIMS roll"_s;
    CHECK(client.send("PUT", mappingPath, teacher, mapping).status == 403);
    const auto badMapping = client.send("PUT", mappingPath, admin, R"({"version": 1, "columns": {"upn": "UPN"}})");
    CHECK(badMapping.status == 400);
    CHECK(badMapping.errorField() == u"body"_s);
    const auto saved = client.send("PUT", mappingPath, admin, mapping);
    REQUIRE(saved.status == 200);
    CHECK(saved.json().value(u"name"_s).toString() == u"SIMS roll"_s);
    const auto listed = client.get(u"/v1/admin/import-mappings"_s, admin);
    REQUIRE(listed.status == 200);
    REQUIRE(listed.json().value(u"mappings"_s).toArray().size() == 1);
    CHECK(listed.json().value(u"mappings"_s).toArray().at(0).toObject().value(u"name"_s).toString() == u"SIMS roll"_s);
    const auto byCsv = client.send("POST", path, admin, csv, byName);
    REQUIRE(byCsv.status == 200);
    CHECK(byCsv.json().value(u"updated"_s).toInt() == 3);  // the CSV adds pupil premium and admission dates

    // Subject access: the report as JSON, for admins and owners of the pupil's school only.
    const QString pim = f.scalar(u"SELECT id FROM pupils WHERE upn = 'X999200100001'"_s).toString();
    const QString access = u"/v1/admin/pupils/%1/subject-access"_s.arg(pim);
    CHECK(client.get(access, teacher).status == 403);
    CHECK(client.get(u"/v1/admin/pupils/%1/subject-access"_s.arg(f.otherPupil.id), admin).status == 404);
    const auto report = client.get(access, admin);
    REQUIRE(report.status == 200);
    CHECK(report.json().value(u"pupil"_s).toObject().value(u"upn"_s).toString() == u"X999200100001"_s);
    CHECK(report.json().value(u"marks"_s).toArray().size() == 4);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE action = 'subject_access' AND entity_id = ?"_s, {pim})
              .toInt()
          == 1);

    // Retention: the rule and what it makes due today (a dry run); set, refused, cleared.
    CHECK(client.get(u"/v1/admin/retention"_s, teacher).status == 403);
    const auto none = client.get(u"/v1/admin/retention"_s, admin);
    REQUIRE(none.status == 200);
    CHECK(none.json().value(u"rule"_s).isNull());
    QSqlQuery left(f.db);
    REQUIRE(left.exec(u"UPDATE pupils SET left_date = '2020-07-20' WHERE id = '%1'"_s.arg(f.a1.id)));
    const QString retention = u"/v1/admin/retention"_s;
    const auto set = client.send("PUT", retention, admin, R"({"rule": "years_after_leaving", "years": 3})");
    REQUIRE(set.status == 200);
    CHECK(set.json().value(u"rule"_s).toObject().value(u"years"_s).toInt() == 3);
    REQUIRE(set.json().value(u"due"_s).toArray().size() == 1);
    CHECK(set.json().value(u"due"_s).toArray().at(0).toObject().value(u"pupil_id"_s).toString() == f.a1.id);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM pupils WHERE id = ?"_s, {f.a1.id}).toInt() == 1);
    const auto badYears = client.send("PUT", retention, admin, R"({"rule": "years_after_leaving", "years": 500})");
    CHECK(badYears.status == 400);
    CHECK(badYears.errorField() == u"years"_s);
    CHECK(client.send("PUT", retention, admin, R"({"phase": "nursery"})").errorField() == u"phase"_s);
    const auto cleared = client.send("PUT", retention, admin, R"({"rule": null})");
    REQUIRE(cleared.status == 200);
    CHECK(cleared.json().value(u"rule"_s).isNull());

    // Once legal documents are published, no pupil data moves for an admin who has not
    // accepted them: not in, not out.
    const auto documents = test::publishAll(f.db, u"2026.1"_s);
    const qint64 before = f.count(u"pupils"_s);
    for (const auto &[method, route, body] : {std::tuple{"POST", path, clean}, std::tuple{"GET", access, QByteArray()},
                                              std::tuple{"GET", u"/v1/admin/retention"_s, QByteArray()}}) {
        const auto gated = client.send(method, route, admin, body, params({{u"format"_s, u"ctf"_s}}));
        INFO(route.toStdString());
        CHECK(gated.status == 403);
        CHECK(gated.errorCode() == u"legal_acceptance_required"_s);
    }
    CHECK(f.count(u"pupils"_s) == before);
    QList<AcceptanceRecord> records;
    for (const PublishedDocument &document : documents)
        records.append(test::acceptanceOf(document, u"office-pc"_s));
    REQUIRE(client.post(u"/v1/legal/acceptances"_s, admin, AcceptanceRequest{records}.encode()).status == 200);
    CHECK(client.get(access, admin).status == 200);
}

}  // namespace

TEST_CASE("the school data routes check role and input, and import, report and set retention, on SQLite",
          "[server][import][routes]")
{
    test::TempDir dir;
    checkImportRoute(u"sqlite://"_s + dir.file(u"otrack.db"_s));
}

TEST_CASE("the school data routes check role and input, and import, report and set retention, on PostgreSQL",
          "[server][import][routes][postgres]")
{
    test::TestPostgresDatabase pg;
    checkImportRoute(pg.url());
}
