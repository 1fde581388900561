#include "apierror.h"
#include "healthresponse.h"
#include "jsondecode.h"
#include "protocolversion.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using otrack::ApiError;
using otrack::ErrorCode;
using otrack::HealthResponse;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

}  // namespace

TEST_CASE("protocol version and headers", "[protocol]")
{
    CHECK(otrack::protocol::kVersion == 1);
    CHECK(otrack::protocol::protocolHeaderValue() == "1");
    CHECK(QByteArray(otrack::protocol::kProtocolHeader) == "OTrack-Protocol");
    CHECK(otrack::protocol::parseVersionHeader("1") == 1);
    CHECK(otrack::protocol::parseVersionHeader(" 12 ") == 12);
    for (const char *bad : {"", "x", "1.0", "-1", "+1", "1 2", "9999999999"})
        CHECK(otrack::protocol::parseVersionHeader(bad) == -1);
}

TEST_CASE("an API error round-trips through JSON", "[protocol][error]")
{
    const ApiError withField{s("bad_request"), s("mark value is not on the scale"), s("ops[3].value")};
    const QByteArray bytes = withField.encode();
    CHECK(bytes
          == R"({"error":{"code":"bad_request","field":"ops[3].value","message":"mark value is not on the scale"}})");
    auto decoded = ApiError::decode(bytes);
    REQUIRE(decoded.ok());
    CHECK(decoded.value() == withField);

    const ApiError noField{s("not_found"), s("no such pupil"), QString()};
    CHECK_FALSE(noField.encode().contains("field"));
    auto decodedNoField = ApiError::decode(noField.encode());
    REQUIRE(decodedNoField.ok());
    CHECK(decodedNoField.value() == noField);

    // Non-ASCII survives (Welsh school names reach error messages).
    const ApiError welsh{s("bad_request"), s("Ysgol Gymraeg Bro Ŵyl"), QString()};
    auto decodedWelsh = ApiError::decode(welsh.encode());
    REQUIRE(decodedWelsh.ok());
    CHECK(decodedWelsh->message == welsh.message);
}

TEST_CASE("malformed API errors are refused with the field named", "[protocol][error]")
{
    struct Case {
        const char *json;
        const char *mentions;
    };
    const Case cases[] = {
        {"", "malformed JSON"},
        {"{", "malformed JSON"},
        {"[]", "expected a JSON object"},
        {"\"error\"", ""},  // a bare string: refused, wording up to Qt
        {"{}", "'error' is missing"},
        {R"({"error": "boom"})", "'error': expected an object"},
        {R"({"error": {"message": "m"}})", "'code' is missing"},
        {R"({"error": {"code": 42, "message": "m"}})", "'code': expected a string"},
        {R"({"error": {"code": "", "message": "m"}})", "'error.code' is empty"},
        {R"({"error": {"code": "x"}})", "'message' is missing"},
        {R"({"error": {"code": "x", "message": "m", "field": 7}})", "'field': expected a string"},
    };
    for (const Case &c : cases) {
        INFO(c.json);
        auto decoded = ApiError::decode(QByteArray(c.json));
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == ErrorCode::InvalidArgument);
        INFO(decoded.error().message.toStdString());
        CHECK(decoded.error().message.contains(QString::fromUtf8(c.mentions)));
    }
    // null field means no field
    auto nullField = ApiError::decode(R"({"error": {"code": "x", "message": "m", "field": null}})");
    REQUIRE(nullField.ok());
    CHECK(nullField->field.isEmpty());
}

TEST_CASE("a health response round-trips through JSON", "[protocol][health]")
{
    for (const char *database : {HealthResponse::kDatabaseSqlite, HealthResponse::kDatabasePostgresql}) {
        const HealthResponse health{s("ok"), 1, s(database)};
        CHECK(health.isOk());
        auto decoded = HealthResponse::decode(health.encode());
        REQUIRE(decoded.ok());
        CHECK(decoded.value() == health);
    }
    CHECK(HealthResponse{s("ok"), 1, s("sqlite")}.encode() == R"({"database":"sqlite","protocol":1,"status":"ok"})");
}

TEST_CASE("malformed health responses are refused", "[protocol][health]")
{
    const char *bad[] = {
        "",
        "not json",
        "null",
        "[1]",
        R"({"protocol": 1, "database": "sqlite"})",
        R"({"status": "", "protocol": 1, "database": "sqlite"})",
        R"({"status": "ok", "database": "sqlite"})",
        R"({"status": "ok", "protocol": "1", "database": "sqlite"})",
        R"({"status": "ok", "protocol": 1.5, "database": "sqlite"})",
        R"({"status": "ok", "protocol": 0, "database": "sqlite"})",
        R"({"status": "ok", "protocol": 1e300, "database": "sqlite"})",
        R"({"status": "ok", "protocol": 1})",
        R"({"status": "ok", "protocol": 1, "database": "mysql"})",
        R"({"status": "ok", "protocol": 1, "database": null})",
    };
    for (const char *json : bad) {
        INFO(json);
        auto decoded = HealthResponse::decode(QByteArray(json));
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == ErrorCode::InvalidArgument);
        CHECK_FALSE(decoded.error().message.isEmpty());
    }
}

TEST_CASE("oversized JSON is refused before parsing", "[protocol]")
{
    QByteArray huge = "{\"status\":\"";
    huge.append(QByteArray(otrack::protocol::kMaxJsonBytes, 'a'));
    huge.append("\"}");
    auto decoded = HealthResponse::decode(huge);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message.contains(s("too large")));
}
