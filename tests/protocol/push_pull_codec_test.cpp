#include "pullrequest.h"
#include "pullresponse.h"
#include "pushrequest.h"
#include "pushresponse.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using namespace otrack;
using namespace Qt::StringLiterals;

namespace {

const QString kOpId = u"0b6f4d3e-9d1c-4a51-8c1e-3f2a5b6c7d8e"_s;

PushOp sampleOp()
{
    PushOp op;
    op.opId = kOpId;
    op.pupilId = u"p1"_s;
    op.objectiveId = u"o1"_s;
    op.termId = u"t1"_s;
    op.value = u"EXP"_s;
    op.note = u"secure"_s;
    op.baseVersion = 3;
    op.clientTime = 1764412345678;
    return op;
}

QString fieldOf(const QByteArray &body)
{
    auto decoded = PushRequest::decode(body);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().code == ErrorCode::InvalidArgument);
    return protocol::fieldOfError(decoded.error());
}

}  // namespace

TEST_CASE("a push request round-trips through JSON", "[protocol][sync]")
{
    PushOp cleared = sampleOp();
    cleared.opId = u"1b6f4d3e-9d1c-4a51-8c1e-3f2a5b6c7d8e"_s;
    cleared.value.reset();
    cleared.note.clear();
    const PushRequest request{u"device-1"_s, {sampleOp(), cleared}};
    const QByteArray bytes = request.encode();
    CHECK(bytes.contains(R"("value":null)"));
    auto decoded = PushRequest::decode(bytes);
    REQUIRE(decoded.ok());
    CHECK(decoded.value() == request);

    // Unknown fields are ignored; a missing note is empty.
    QJsonObject json = request.toJson();
    QJsonArray ops = json.value(u"ops"_s).toArray();
    QJsonObject op = ops.at(0).toObject();
    op.remove(u"note"_s);
    op.insert(u"future"_s, 1);
    ops.replace(0, op);
    json.insert(u"ops"_s, ops);
    json.insert(u"extra"_s, u"x"_s);
    auto lenient = PushRequest::fromJson(json);
    REQUIRE(lenient.ok());
    CHECK(lenient->ops.at(0).note.isEmpty());
}

TEST_CASE("a bad push request names the field at fault", "[protocol][sync]")
{
    auto withOp = [](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject op = sampleOp().toJson();
        edit(op);
        return QJsonDocument(QJsonObject{{u"device_id"_s, u"d"_s}, {u"ops"_s, QJsonArray{sampleOp().toJson(), op}}})
            .toJson();
    };
    CHECK(fieldOf("[]").isEmpty());
    CHECK(fieldOf(R"({"ops":[]})") == u"device_id"_s);
    CHECK(fieldOf(R"({"device_id":"d"})") == u"ops"_s);
    CHECK(fieldOf(R"({"device_id":"d","ops":{}})") == u"ops"_s);
    CHECK(fieldOf(R"({"device_id":"d","ops":[1]})") == u"ops[0]"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.remove(u"op_id"_s); })) == u"ops[1].op_id"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.insert(u"op_id"_s, u"not-a-uuid"_s); })) == u"ops[1].op_id"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.insert(u"kind"_s, u"pupil"_s); })) == u"ops[1].kind"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.insert(u"pupil_id"_s, 5); })) == u"ops[1].pupil_id"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.insert(u"term_id"_s, u""_s); })) == u"ops[1].term_id"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.remove(u"value"_s); })) == u"ops[1].value"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.insert(u"value"_s, 2); })) == u"ops[1].value"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.insert(u"value"_s, u""_s); })) == u"ops[1].value"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.insert(u"base_version"_s, -1); })) == u"ops[1].base_version"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.insert(u"base_version"_s, 1.5); })) == u"ops[1].base_version"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.insert(u"client_time"_s, u"now"_s); })) == u"ops[1].client_time"_s);
    CHECK(fieldOf(withOp([](QJsonObject &op) { op.insert(u"note"_s, QString(5000, u'x')); })) == u"ops[1].note"_s);

    // At most 500 ops.
    QJsonArray many;
    for (int i = 0; i <= PushRequest::kMaxOps; ++i)
        many.append(sampleOp().toJson());
    CHECK(fieldOf(QJsonDocument(QJsonObject{{u"device_id"_s, u"d"_s}, {u"ops"_s, many}}).toJson()) == u"ops"_s);
    many.removeLast();
    CHECK(PushRequest::decode(QJsonDocument(QJsonObject{{u"device_id"_s, u"d"_s}, {u"ops"_s, many}}).toJson()).ok());
}

TEST_CASE("push results round-trip through JSON", "[protocol][sync]")
{
    PushResult applied{kOpId, PushOutcome::Applied, 4, {}, {}, {}, {}};
    PushResult conflict{kOpId, PushOutcome::Conflict, 5, {}, {}, ServerMark{std::nullopt, u"n"_s, u"author"_s, 17, 5},
                        {}};
    PushResult rejected{kOpId,
                        PushOutcome::Rejected,
                        0,
                        QString::fromLatin1(rejection::kValidation),
                        u"value is not on the objective's scale"_s,
                        {},
                        {}};
    PushResult duplicate = conflict;
    duplicate.originalOutcome = PushOutcome::Conflict;
    duplicate.outcome = PushOutcome::Duplicate;
    PushResult merged{kOpId, PushOutcome::Merged, 2, {}, {}, {}, {}};
    const PushResponse response{{applied, conflict, rejected, duplicate, merged}, 99};
    auto decoded = PushResponse::decode(response.encode());
    REQUIRE(decoded.ok());
    CHECK(decoded.value() == response);
    CHECK(decoded->results.at(3).effectiveOutcome() == PushOutcome::Conflict);
    CHECK(QJsonDocument(applied.toJson()).toJson(QJsonDocument::Compact)
          == R"({"op_id":"0b6f4d3e-9d1c-4a51-8c1e-3f2a5b6c7d8e","outcome":"applied","version":4})");
    CHECK(QJsonDocument(rejected.toJson()).toJson(QJsonDocument::Compact)
          == R"({"detail":"value is not on the objective's scale","op_id":"0b6f4d3e-9d1c-4a51-8c1e-3f2a5b6c7d8e",)"
             R"("outcome":"rejected","reason":"validation"})");

    CHECK_FALSE(PushResponse::decode(R"({"results":[{"op_id":"x","outcome":"won"}],"server_time":1})").ok());
    CHECK_FALSE(
        PushResponse::decode(R"({"results":[{"op_id":"x","outcome":"conflict","version":1}],"server_time":1})").ok());
    CHECK_FALSE(PushResponse::decode(R"({"results":[{"op_id":"x","outcome":"rejected"}],"server_time":1})").ok());
    CHECK_FALSE(
        PushResponse::decode(R"({"results":[{"op_id":"x","outcome":"duplicate","version":1}],"server_time":1})").ok());
}

TEST_CASE("pull requests are read from the query string", "[protocol][sync]")
{
    auto defaults = PullRequest::fromQuery(QUrlQuery());
    REQUIRE(defaults.ok());
    CHECK(defaults->cursor == 0);
    CHECK(defaults->limit == PullRequest::kDefaultLimit);
    CHECK_FALSE(defaults->epoch.has_value());

    PullRequest request;
    request.cursor = 42;
    request.limit = 5000;
    request.epoch = 3;
    auto decoded = PullRequest::fromQuery(request.toQuery());
    REQUIRE(decoded.ok());
    CHECK(decoded.value() == request);
    CHECK(PullRequest::fromQuery(QUrlQuery(u"cursor=1&other=x"_s)).ok());

    for (const auto &[query, field] :
         {std::pair{u"cursor=-1"_s, u"cursor"_s}, std::pair{u"cursor=abc"_s, u"cursor"_s},
          std::pair{u"cursor="_s, u"cursor"_s}, std::pair{u"cursor=1e3"_s, u"cursor"_s},
          std::pair{u"limit=0"_s, u"limit"_s}, std::pair{u"limit=5001"_s, u"limit"_s},
          std::pair{u"epoch=x"_s, u"epoch"_s}, std::pair{u"cursor=99999999999999999999"_s, u"cursor"_s}}) {
        auto bad = PullRequest::fromQuery(QUrlQuery(query));
        REQUIRE_FALSE(bad.ok());
        CHECK(protocol::fieldOfError(bad.error()) == field);
    }
}

TEST_CASE("a pull response round-trips through JSON", "[protocol][sync]")
{
    const PulledMark mark{u"p"_s, u"t"_s, u"o"_s, std::nullopt, u"n"_s, u"a"_s, 1, 2, 3};
    PullResponse response;
    response.changes = {Change{5, ChangeType::Mark, mark.toJson()},
                        Change{7, ChangeType::Purge, QJsonObject{{u"pupil_id"_s, u"p"_s}}},
                        Change{9, ChangeType::Term, QJsonObject{{u"id"_s, u"t"_s}, {u"locked"_s, true}}}};
    response.nextCursor = 9;
    response.hasMore = true;
    response.epoch = 2;
    auto decoded = PullResponse::decode(response.encode());
    REQUIRE(decoded.ok());
    CHECK(decoded.value() == response);
    auto pulled = PulledMark::fromJson(decoded->changes.at(0).data);
    REQUIRE(pulled.ok());
    CHECK(pulled.value() == mark);
    for (const char *type : {"mark", "pupil", "group", "scale", "framework", "term", "staff", "purge"})
        CHECK(changeTypeFromString(QString::fromLatin1(type)).has_value());

    // Out of order, unknown types and a cursor behind the changes are refused.
    CHECK_FALSE(
        PullResponse::decode(R"({"changes":[{"seq":2,"type":"mark","data":{}},{"seq":2,"type":"mark","data":{}}],)"
                             R"("next_cursor":2,"has_more":false,"epoch":1})")
            .ok());
    CHECK_FALSE(PullResponse::decode(
                    R"({"changes":[{"seq":2,"type":"badger","data":{}}],"next_cursor":2,"has_more":false,"epoch":1})")
                    .ok());
    CHECK_FALSE(PullResponse::decode(
                    R"({"changes":[{"seq":2,"type":"mark","data":{}}],"next_cursor":1,"has_more":false,"epoch":1})")
                    .ok());
    auto resync = PullResponse::decode(R"({"changes":[],"next_cursor":0,"has_more":true,"epoch":3,"resync":true})");
    REQUIRE(resync.ok());
    CHECK(resync->resync);
}
