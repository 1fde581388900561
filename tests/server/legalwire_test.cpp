// The legal wire types: what one end encodes the other decodes, and bad input is refused
// with the field named.
#include "acceptancerequest.h"
#include "acceptanceresponse.h"
#include "legaldocumentsresponse.h"
#include "publisheddocument.h"
#include "pushrequest.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using namespace otrack;
using namespace Qt::StringLiterals;

namespace {

AcceptanceRecord sampleAcceptance()
{
    AcceptanceRecord record;
    record.id = u"6f1c2a8e-0d4b-4d0c-9a3e-2b7f5c1d9e01"_s;
    record.kind = LegalKind::DataProcessingTerms;
    record.version = u"2026.1"_s;
    record.sha256 = PublishedDocument::sha256Of(u"text"_s);
    record.acceptedAt = 1795000000000;
    record.deviceId = u"laptop-1"_s;
    record.appVersion = u"0.1.0"_s;
    record.signatoryName = u"Alex Example"_s;
    record.signatoryPosition = u"Headteacher"_s;
    return record;
}

QString fieldOf(const QByteArray &json)
{
    auto decoded = AcceptanceRequest::decode(json);
    REQUIRE_FALSE(decoded.ok());
    return protocol::fieldOfError(decoded.error());
}

}  // namespace

TEST_CASE("a document version's identity is the SHA-256 of its UTF-8 text", "[server][legal][wire]")
{
    // FIPS 180-2's example for "abc".
    CHECK(PublishedDocument::sha256Of(u"abc"_s)
          == u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    CHECK(PublishedDocument::sha256Of(u"abc\n"_s) != PublishedDocument::sha256Of(u"abc\r\n"_s));
    CHECK(PublishedDocument::isValidVersion(u"2026.1.2"_s));
    // The client orders versions by number: anything else would never be shown.
    CHECK_FALSE(PublishedDocument::isValidVersion(u"2026.1-rc_2"_s));
    CHECK_FALSE(PublishedDocument::isValidVersion(u"2026/1"_s));
    CHECK_FALSE(PublishedDocument::isValidVersion(QString()));
    CHECK_FALSE(PublishedDocument::isValidVersion(QString(65, u'1')));
}

TEST_CASE("legal documents and the list round-trip and a body must match its hash", "[server][legal][wire]")
{
    PublishedDocument document;
    document.kind = LegalKind::CookiePolicy;
    document.version = u"2026.2"_s;
    document.title = u"Cookie Policy"_s;
    document.body = u"# Cookies\n\nOTrack Desktop stores no cookies.\n"_s;
    document.sha256 = PublishedDocument::sha256Of(document.body);
    document.effectiveDate = QDate(2026, 9, 1);
    document.audience = u"staff"_s;
    document.summary = u"First version"_s;
    document.publishedAt = 1795000000000;

    auto decoded = PublishedDocument::decode(document.encode());
    REQUIRE(decoded.ok());
    CHECK(decoded.value() == document);

    QJsonObject tampered = document.toJson(PublishedDocument::Body::Include);
    tampered.insert(u"body"_s, document.body + u" "_s);
    auto refused = PublishedDocument::fromJson(tampered);
    REQUIRE_FALSE(refused.ok());
    CHECK(protocol::fieldOfError(refused.error()) == u"body"_s);

    LegalDocumentsResponse list{{document}, {LegalKind::PrivacyPolicy}};
    const QByteArray bytes = list.encode();
    CHECK_FALSE(bytes.contains("stores no cookies"));  // lists carry no bodies
    auto listed = LegalDocumentsResponse::decode(bytes);
    REQUIRE(listed.ok());
    CHECK(listed->toAccept == QList<LegalKind>{LegalKind::PrivacyPolicy});
    REQUIRE(listed->documents.size() == 1);
    CHECK(listed->documents.at(0).body.isEmpty());
    CHECK(listed->documents.at(0).sha256 == document.sha256);

    QJsonObject badDate = list.toJson();
    QJsonObject badDocument = document.toJson(PublishedDocument::Body::Omit);
    badDocument.insert(u"effective_date"_s, u"1 September"_s);
    badDate.insert(u"documents"_s, QJsonArray{badDocument});
    auto badList = LegalDocumentsResponse::fromJson(badDate);
    REQUIRE_FALSE(badList.ok());
    CHECK(protocol::fieldOfError(badList.error()) == u"documents[0].effective_date"_s);
}

TEST_CASE("acceptance batches round-trip and ignore unknown fields", "[server][legal][wire]")
{
    AcceptanceRecord plain = sampleAcceptance();
    plain.kind = LegalKind::PrivacyPolicy;
    plain.signatoryName.reset();
    plain.signatoryPosition.reset();
    const AcceptanceRequest request{{sampleAcceptance(), plain}};
    auto decoded = AcceptanceRequest::decode(request.encode());
    REQUIRE(decoded.ok());
    CHECK(decoded.value() == request);

    QJsonObject withExtra = request.toJson();
    withExtra.insert(u"from_the_future"_s, 1);
    CHECK(AcceptanceRequest::fromJson(withExtra).ok());

    const AcceptanceResponse response{{{plain.id, AcceptanceOutcome::Recorded}, {u"x"_s, AcceptanceOutcome::Duplicate}},
                                      SchoolStatus::Active};
    auto answer = AcceptanceResponse::decode(response.encode());
    REQUIRE(answer.ok());
    CHECK(answer.value() == response);
}

TEST_CASE("bad acceptance records are refused naming the field", "[server][legal][wire]")
{
    auto with = [](const QString &field, const QJsonValue &value) {
        QJsonObject record = sampleAcceptance().toJson();
        if (value.isUndefined())
            record.remove(field);
        else
            record.insert(field, value);
        return QJsonDocument(QJsonObject{{u"acceptances"_s, QJsonArray{sampleAcceptance().toJson(), record}}}).toJson();
    };
    CHECK(fieldOf(with(u"id"_s, u"not-a-uuid"_s)) == u"acceptances[1].id"_s);
    CHECK(fieldOf(with(u"kind"_s, u"eula"_s)) == u"acceptances[1].kind"_s);
    CHECK(fieldOf(with(u"version"_s, u"1 2"_s)) == u"acceptances[1].version"_s);
    CHECK(fieldOf(with(u"sha256"_s, u"ABC"_s)) == u"acceptances[1].sha256"_s);
    CHECK(fieldOf(with(u"accepted_at"_s, u"yesterday"_s)) == u"acceptances[1].accepted_at"_s);
    CHECK(fieldOf(with(u"device_id"_s, QJsonValue::Undefined)) == u"acceptances[1].device_id"_s);
    CHECK(fieldOf(with(u"app_version"_s, u""_s)) == u"acceptances[1].app_version"_s);
    CHECK(fieldOf(with(u"signatory_position"_s, QJsonValue::Undefined)) == u"acceptances[1].signatory_position"_s);
    QJsonObject signedPolicy = sampleAcceptance().toJson();
    signedPolicy.insert(u"kind"_s, u"privacy_policy"_s);
    CHECK(fieldOf(QJsonDocument(QJsonObject{{u"acceptances"_s, QJsonArray{signedPolicy}}}).toJson())
          == u"acceptances[0].signatory_name"_s);
    CHECK(fieldOf(R"({"acceptances": []})") == u"acceptances"_s);
    CHECK(fieldOf(R"({"acceptances": {}})") == u"acceptances"_s);
    CHECK(fieldOf(R"({"acceptances": [1]})") == u"acceptances[0]"_s);
    CHECK_FALSE(AcceptanceRequest::decode("[]").ok());
}
