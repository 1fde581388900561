// The legal routes and the legal gate on push and pull, over real TLS on loopback, against
// SQLite and PostgreSQL: an in-process SyncServer on port 0, as clients see it.
#include "acceptancerequest.h"
#include "acceptanceresponse.h"
#include "apierror.h"
#include "httpsclient.h"
#include "legaldocumentsresponse.h"
#include "legalfixture.h"
#include "legalstore.h"
#include "publisheddocument.h"
#include "pullresponse.h"
#include "pushrequest.h"
#include "pushresponse.h"
#include "syncfixture.h"
#include "syncserver.h"
#include "testpki.h"
#include "tlsidentity.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>
#include <QSqlQuery>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::acceptanceOf;
using otrack::test::accessToken;
using otrack::test::HttpsClient;
using otrack::test::HttpsReply;
using otrack::test::SyncFixture;

namespace {

const QString kDevice = u"laptop-1"_s;
const QString kLegalCode = QString::fromLatin1(ApiError::kLegalAcceptanceRequired);

struct Served {
    explicit Served(const QString &url) : pki(otrack::test::makeTestPki(dir.path())), fixture(url, u"legal-fixture"_s)
    {
        auto identity = TlsIdentity::load(pki.serverCertificate, pki.serverKey);
        REQUIRE(identity.ok());
        auto database = ServerDatabase::open(DatabaseUrl::parse(url).value(), u"legal-server"_s);
        REQUIRE(database.ok());
        server = std::make_unique<SyncServer>(std::move(database.value()));
        auto port = server->listen(identity.value(), QHostAddress::LocalHost, 0);
        REQUIRE(port.ok());
        client = std::make_unique<HttpsClient>(port.value(), pki.caCertificate);
    }

    otrack::test::TempDir dir;
    otrack::test::TestPki pki;
    SyncFixture fixture;
    std::unique_ptr<SyncServer> server;
    std::unique_ptr<HttpsClient> client;
};

HttpsReply accept(HttpsClient &client, const QByteArray &token, const QList<AcceptanceRecord> &records)
{
    return client.post(u"/v1/legal/acceptances"_s, token, AcceptanceRequest{records}.encode());
}

QList<LegalKind> toAccept(HttpsClient &client, const QByteArray &token)
{
    const HttpsReply listed = client.get(u"/v1/legal/documents"_s, token);
    REQUIRE(listed.status == 200);
    auto decoded = LegalDocumentsResponse::decode(listed.body);
    REQUIRE(decoded.ok());
    return decoded->toAccept;
}

HttpsReply pull(HttpsClient &client, const QByteArray &token)
{
    return client.get(u"/v1/sync/pull"_s, token, QUrlQuery(u"cursor=0"_s));
}

HttpsReply push(HttpsClient &client, const QByteArray &token, const SyncFixture &f, const QString &value)
{
    PushOp op;
    op.opId = otrack::test::newUuid();
    op.pupilId = f.a1.id;
    op.objectiveId = f.objective1;
    op.termId = f.autumn.id;
    op.value = value;
    op.clientTime = 1;
    return client.post(u"/v1/sync/push"_s, token, PushRequest{kDevice, {op}}.encode());
}

qint64 acceptancesOf(const SyncFixture &f, const Staff &staff)
{
    return f.scalar(u"SELECT COUNT(*) FROM acceptances WHERE user_id = ?"_s, {staff.id}).toLongLong();
}

void checkDocumentsAndGate(const QString &url)
{
    Served s(url);
    SyncFixture &f = s.fixture;
    HttpsClient &client = *s.client;
    const QByteArray teacher = accessToken(f.db, f.teacher, kDevice);

    // Nothing published: nothing to accept, and sync works.
    CHECK(toAccept(client, teacher).isEmpty());
    CHECK(pull(client, teacher).status == 200);

    const QList<PublishedDocument> v1 = otrack::test::publishAll(f.db, u"2026.1"_s);

    // The list: every kind's current version without its text, and all four still to accept.
    const HttpsReply listed = client.get(u"/v1/legal/documents"_s, teacher);
    REQUIRE(listed.status == 200);
    auto documents = LegalDocumentsResponse::decode(listed.body);
    REQUIRE(documents.ok());
    REQUIRE(documents->documents.size() == 4);
    CHECK(documents->toAccept.size() == 4);
    CHECK_FALSE(listed.body.contains("not legal advice"));
    for (const PublishedDocument &document : documents->documents)
        CHECK(document.version == u"2026.1"_s);

    // One version with its exact text.
    const HttpsReply fetched = client.get(u"/v1/legal/documents/privacy_policy/2026.1"_s, teacher);
    REQUIRE(fetched.status == 200);
    auto policy = PublishedDocument::decode(fetched.body);
    REQUIRE(policy.ok());
    CHECK(policy->body == otrack::test::legalDocument(LegalKind::PrivacyPolicy, u"2026.1"_s).body);
    CHECK(policy->sha256 == PublishedDocument::sha256Of(policy->body));
    CHECK(client.get(u"/v1/legal/documents/privacy_policy/1999.1"_s, teacher).status == 404);
    CHECK(client.get(u"/v1/legal/documents/eula/2026.1"_s, teacher).status == 404);
    CHECK(client.send("GET", u"/v1/legal/documents"_s, teacher, {}, {}, false).status == 426);
    CHECK(client.get(u"/v1/legal/documents"_s, {}).status == 401);

    // The gate is closed: push and pull answer 403 legal_acceptance_required, naming the kinds.
    HttpsReply refused = pull(client, teacher);
    CHECK(refused.status == 403);
    CHECK(refused.errorCode() == kLegalCode);
    CHECK(refused.errorMessage().contains(u"privacy_policy"_s));
    refused = push(client, teacher, f, u"EXP"_s);
    CHECK(refused.status == 403);
    CHECK(refused.errorCode() == kLegalCode);
    CHECK(f.count(u"marks"_s) == 0);

    // Three of four accepted: still closed, for the fourth only.
    const HttpsReply three
        = accept(client, teacher,
                 {acceptanceOf(v1.at(0), kDevice), acceptanceOf(v1.at(1), kDevice), acceptanceOf(v1.at(2), kDevice)});
    INFO(three.body.toStdString());
    REQUIRE(three.status == 200);
    CHECK(toAccept(client, teacher) == QList<LegalKind>{v1.at(3).kind});
    refused = pull(client, teacher);
    CHECK(refused.errorCode() == kLegalCode);
    CHECK(refused.errorMessage().contains(toString(v1.at(3).kind)));
    CHECK_FALSE(refused.errorMessage().contains(toString(v1.at(0).kind)));

    // Refused records: nothing of the batch is kept, and the field names the record.
    AcceptanceRecord fourth = acceptanceOf(v1.at(3), kDevice);
    AcceptanceRecord wrongText = fourth;
    wrongText.sha256 = PublishedDocument::sha256Of(u"another text"_s);
    HttpsReply bad = accept(client, teacher, {acceptanceOf(v1.at(0), kDevice), wrongText});
    CHECK(bad.status == 409);
    CHECK(bad.errorField() == u"acceptances[1].sha256"_s);
    AcceptanceRecord unknownVersion = fourth;
    unknownVersion.version = u"1999.1"_s;
    bad = accept(client, teacher, {unknownVersion});
    CHECK(bad.status == 404);
    CHECK(bad.errorField() == u"acceptances[0].version"_s);
    AcceptanceRecord otherDevice = fourth;
    otherDevice.deviceId = u"laptop-2"_s;
    bad = accept(client, teacher, {otherDevice});
    CHECK(bad.status == 400);
    CHECK(bad.errorField() == u"acceptances[0].device_id"_s);
    bad = client.post(u"/v1/legal/acceptances"_s, teacher, R"({"acceptances": [{"id": "x"}]})");
    CHECK(bad.status == 400);
    CHECK(bad.errorField() == u"acceptances[0].id"_s);
    CHECK(acceptancesOf(f, f.teacher) == 3);

    // The fourth: recorded; the same batch again (its answer was lost): duplicate, nothing new.
    const HttpsReply recorded = accept(client, teacher, {fourth});
    REQUIRE(recorded.status == 200);
    auto results = AcceptanceResponse::decode(recorded.body);
    REQUIRE(results.ok());
    REQUIRE(results->results.size() == 1);
    CHECK(results->results.at(0).id == fourth.id);
    CHECK(results->results.at(0).outcome == AcceptanceOutcome::Recorded);
    CHECK(results->schoolStatus == SchoolStatus::Active);
    const qint64 audits = f.count(u"audit_events"_s);
    const HttpsReply retried = accept(client, teacher, {fourth});
    REQUIRE(retried.status == 200);
    CHECK(AcceptanceResponse::decode(retried.body)->results.at(0).outcome == AcceptanceOutcome::Duplicate);
    CHECK(acceptancesOf(f, f.teacher) == 4);
    CHECK(f.count(u"audit_events"_s) == audits);
    AcceptanceRecord reused = acceptanceOf(v1.at(0), kDevice);
    reused.id = fourth.id;
    CHECK(accept(client, teacher, {reused}).status == 409);

    // The gate is open.
    CHECK(toAccept(client, teacher).isEmpty());
    CHECK(pull(client, teacher).status == 200);
    const HttpsReply pushed = push(client, teacher, f, u"EXP"_s);
    REQUIRE(pushed.status == 200);
    CHECK(PushResponse::decode(pushed.body)->results.at(0).outcome == PushOutcome::Applied);
    // Others have accepted nothing: still closed for them.
    CHECK(pull(client, accessToken(f.db, f.admin, kDevice)).errorCode() == kLegalCode);

    // A newer version closes it again, for that document only; v1's acceptance does not count.
    auto v2 = LegalStore(f.db).publish(otrack::test::legalDocument(LegalKind::PrivacyPolicy, u"2026.2"_s), u"test"_s,
                                       QDateTime::currentMSecsSinceEpoch());
    REQUIRE(v2.ok());
    CHECK(toAccept(client, teacher) == QList<LegalKind>{LegalKind::PrivacyPolicy});
    refused = push(client, teacher, f, u"GDS"_s);
    CHECK(refused.status == 403);
    CHECK(refused.errorCode() == kLegalCode);
    CHECK(refused.errorMessage().contains(u"privacy_policy"_s));
    REQUIRE(accept(client, teacher, {acceptanceOf(v2->document, kDevice)}).status == 200);
    CHECK(pull(client, teacher).status == 200);
}

void checkSignatureAndLedger(const QString &url)
{
    Served s(url);
    SyncFixture &f = s.fixture;
    HttpsClient &client = *s.client;
    const QList<PublishedDocument> v1 = otrack::test::publishAll(f.db, u"2026.1"_s);
    const PublishedDocument &terms = v1.at(0);
    REQUIRE(terms.kind == LegalKind::DataProcessingTerms);

    // A new school awaits its terms.
    SchoolAdmin schools(f.db);
    auto newSchool = schools.createSchool(u"Brookside Infants"_s);
    REQUIRE(newSchool.ok());
    const auto params = ScryptParams::fastForTests();
    auto owner = schools.addStaff(newSchool->id, u"head"_s, u"H Ead"_s, Role::Owner, u"correct horse 1"_s, params);
    auto teacher = schools.addStaff(newSchool->id, u"t1"_s, u"T One"_s, Role::Teacher, u"correct horse 1"_s, params);
    REQUIRE((owner.ok() && teacher.ok()));
    const QByteArray ownerToken = accessToken(f.db, owner.value(), kDevice);
    const QByteArray teacherToken = accessToken(f.db, teacher.value(), kDevice);
    auto status = [&] {
        return f.scalar(u"SELECT status FROM schools WHERE id = ?"_s, {newSchool->id}).toString();
    };

    AcceptanceRecord signature = acceptanceOf(terms, kDevice);
    signature.signatoryName = u"Harriet Example"_s;
    signature.signatoryPosition = u"Headteacher"_s;

    // A teacher cannot sign for the school, and their batch records nothing.
    const HttpsReply notOwner
        = accept(client, teacherToken, {acceptanceOf(v1.at(1), kDevice), acceptanceOf(terms, kDevice), signature});
    CHECK(notOwner.status == 403);
    CHECK(notOwner.errorField() == u"acceptances[2].signatory_name"_s);
    CHECK(acceptancesOf(f, teacher.value()) == 0);
    CHECK(status() == u"awaiting_terms"_s);

    // The owner's signature of the current terms activates the school.
    const HttpsReply signedTerms = accept(client, ownerToken, {signature});
    INFO(signedTerms.body.toStdString());
    REQUIRE(signedTerms.status == 200);
    CHECK(AcceptanceResponse::decode(signedTerms.body)->schoolStatus == SchoolStatus::Active);
    CHECK(status() == u"active"_s);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE school_id = ? AND action = 'set_school_status'"_s,
                   {newSchool->id})
              .toLongLong()
          == 1);

    // Hillside's ledger: a staff member whose display name looks like a formula accepts.
    auto tricky = schools.addStaff(f.school.id, u"tricky"_s, u"=HYPERLINK(\"http://x.invalid\")"_s, Role::Teacher,
                                   u"correct horse 1"_s, params);
    REQUIRE(tricky.ok());
    REQUIRE(accept(client, accessToken(f.db, tricky.value(), kDevice), {acceptanceOf(v1.at(2), kDevice)}).status
            == 200);
    const QByteArray adminToken = accessToken(f.db, f.admin, kDevice);
    REQUIRE(accept(client, adminToken, {acceptanceOf(v1.at(3), kDevice)}).status == 200);

    const HttpsReply ledger = client.get(u"/v1/legal/ledger.csv"_s, adminToken);
    REQUIRE(ledger.status == 200);
    CHECK(ledger.contentType.startsWith("text/csv"));
    const QList<QByteArray> lines = ledger.body.split('\n');
    REQUIRE(lines.size() == 4);  // header, two rows, and the empty piece after the last CRLF
    CHECK(lines.at(0)
          == "accepted_at,received_at,user_id,username,display_name,role,kind,version,sha256,device_id,app_version,"
             "signatory_name,signatory_position\r");
    CHECK(ledger.body.contains(",tricky,\"'=HYPERLINK(\"\"http://x.invalid\"\")\",teacher,privacy_policy,2026.1,"));
    CHECK(ledger.body.contains(",admin,A Dmin,admin,cookie_policy,2026.1," + v1.at(3).sha256.toUtf8() + ","
                               + kDevice.toUtf8() + ",0.1.0,,\r\n"));
    CHECK(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z,"_s)
              .match(QString::fromUtf8(lines.at(1)))
              .hasMatch());
    // Another school's rows never appear, in either direction.
    CHECK_FALSE(ledger.body.contains(owner->id.toUtf8()));
    CHECK_FALSE(ledger.body.contains("Harriet"));
    const HttpsReply theirs = client.get(u"/v1/legal/ledger.csv"_s, ownerToken);
    REQUIRE(theirs.status == 200);
    CHECK(theirs.body.contains(",head,H Ead,owner,data_processing_terms,2026.1,"));
    CHECK(theirs.body.contains("Harriet Example,Headteacher\r\n"));
    CHECK_FALSE(theirs.body.contains("tricky"));

    // Teachers and the other read roles may not export it.
    for (const Staff &who : {f.teacher, f.readOnly, f.reportsOnly}) {
        const HttpsReply forbidden = client.get(u"/v1/legal/ledger.csv"_s, accessToken(f.db, who, kDevice));
        CHECK(forbidden.status == 403);
        CHECK(forbidden.errorCode() == u"forbidden"_s);
    }
    CHECK(client.get(u"/v1/legal/ledger.csv"_s, teacherToken).status == 403);
}

}  // namespace

TEST_CASE("legal documents and the legal gate over TLS on SQLite", "[server][legal][http]")
{
    otrack::test::TempDir dir;
    checkDocumentsAndGate(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("legal documents and the legal gate over TLS on PostgreSQL", "[server][legal][http]")
{
    otrack::test::TestPostgresDatabase pg;
    checkDocumentsAndGate(pg.url());
}

TEST_CASE("the owner's signature and the ledger export over TLS on SQLite", "[server][legal][http]")
{
    otrack::test::TempDir dir;
    checkSignatureAndLedger(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("the owner's signature and the ledger export over TLS on PostgreSQL", "[server][legal][http]")
{
    otrack::test::TestPostgresDatabase pg;
    checkSignatureAndLedger(pg.url());
}
