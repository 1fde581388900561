#include "requestframer.h"

#include <catch2/catch.hpp>

#include <QByteArray>

using otrack::ApiError;
using otrack::RequestFramer;
using Http = QHttpServerResponse::StatusCode;

namespace {

constexpr qint64 kMaxBody = 1000;
constexpr qint64 kMaxHead = 2048;

// Feeds `bytes` one byte at a time (the worst split a network can make) and returns the first
// refusal, if any.
std::optional<RequestFramer::Refusal> feedBytewise(RequestFramer &framer, const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (auto refused = framer.feed(QByteArrayView(bytes).sliced(i, 1)))
            return refused;
    }
    return std::nullopt;
}

void checkRefused(const QByteArray &bytes, Http status, const char *code)
{
    INFO(bytes.left(200).toStdString());
    RequestFramer whole(kMaxBody, kMaxHead);
    auto refused = whole.feed(bytes);
    REQUIRE(refused.has_value());
    CHECK(refused->status == status);
    CHECK(refused->error.code == QString::fromLatin1(code));
    CHECK_FALSE(refused->error.message.isEmpty());

    RequestFramer bytewise(kMaxBody, kMaxHead);
    auto alsoRefused = feedBytewise(bytewise, bytes);
    REQUIRE(alsoRefused.has_value());
    CHECK(alsoRefused->status == status);
}

QByteArray post(const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

TEST_CASE("the framer follows keep-alive and pipelined requests however they are split", "[server][limits]")
{
    const QByteArray get = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const QByteArray stream = get + post(QByteArray(kMaxBody, 'x')) + "\r\n" + get + post("{}");

    RequestFramer whole(kMaxBody, kMaxHead);
    REQUIRE_FALSE(whole.feed(stream).has_value());
    CHECK(whole.started() == 4);
    CHECK(whole.completed() == 4);
    CHECK_FALSE(whole.inRequest());

    RequestFramer bytewise(kMaxBody, kMaxHead);
    REQUIRE_FALSE(feedBytewise(bytewise, stream).has_value());
    CHECK(bytewise.completed() == 4);

    // Mid-body, the body can be counted without being looked at.
    RequestFramer counting(kMaxBody, kMaxHead);
    REQUIRE_FALSE(counting.feed(post(QByteArray(10, 'x')).chopped(10)).has_value());
    CHECK(counting.inRequest());
    CHECK(counting.bodyRemaining() == 10);
    counting.skipBody(4);
    CHECK(counting.bodyRemaining() == 6);
    REQUIRE_FALSE(counting.feed("xxxxxx" + get.left(3)).has_value());
    CHECK(counting.completed() == 1);
    CHECK(counting.started() == 2);
    CHECK(counting.inRequest());
}

TEST_CASE("the framer accepts the forms Qt HTTP Server frames the same way", "[server][limits]")
{
    RequestFramer framer(kMaxBody, kMaxHead);
    // Blank lines before a request, HTTP/1.0, a Content-Length with leading zeros and spaces,
    // Content-Length 0, a head exactly at the limit.
    CHECK_FALSE(framer.feed("\r\n\r\nGET / HTTP/1.0\r\n\r\n").has_value());
    CHECK_FALSE(framer.feed("POST /x HTTP/1.1\r\nContent-Length:   007 \r\n\r\n1234567").has_value());
    CHECK_FALSE(framer.feed("POST /x HTTP/1.1\r\ncontent-length: 0\r\n\r\n").has_value());
    const QByteArray start = "GET /x HTTP/1.1\r\nX-Pad: ";
    const QByteArray full = start + QByteArray(kMaxHead - start.size() - 4, 'p') + "\r\n\r\n";
    REQUIRE(full.size() == kMaxHead);
    CHECK_FALSE(framer.feed(full).has_value());
    CHECK(framer.completed() == 4);
    CHECK_FALSE(framer.inRequest());
}

TEST_CASE("the framer refuses bodies and heads over the limits before they arrive", "[server][limits]")
{
    checkRefused(post(QByteArray(kMaxBody + 1, 'x')), Http::PayloadTooLarge, ApiError::kTooLarge);
    // Only the head is needed to refuse: a claim far beyond the limit, and one beyond qint64.
    checkRefused("POST / HTTP/1.1\r\nContent-Length: 67108864\r\n\r\n", Http::PayloadTooLarge, ApiError::kTooLarge);
    checkRefused("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n", Http::PayloadTooLarge,
                 ApiError::kTooLarge);
    // A head over the limit is refused as soon as it is over, whether or not it ever ends.
    checkRefused("GET /" + QByteArray(kMaxHead, 'a'), Http::RequestHeaderFieldsTooLarge, ApiError::kHeadersTooLarge);
    checkRefused("GET / HTTP/1.1\r\n" + QByteArray(kMaxHead / 2, 'a') + ": 1\r\nB: " + QByteArray(kMaxHead / 2, 'b'),
                 Http::RequestHeaderFieldsTooLarge, ApiError::kHeadersTooLarge);
    checkRefused(QByteArray(kMaxHead + 1, '\n'), Http::RequestHeaderFieldsTooLarge, ApiError::kHeadersTooLarge);
}

TEST_CASE("the framer refuses framing that Qt HTTP Server could read differently", "[server][limits]")
{
    checkRefused("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", Http::LengthRequired,
                 ApiError::kLengthRequired);
    checkRefused("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: gzip\r\n\r\n", Http::LengthRequired,
                 ApiError::kLengthRequired);
    for (const QByteArray &bad : {
             QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello"),
             QByteArray("POST / HTTP/1.1\r\nContent-Length: 5x\r\n\r\n"),
             QByteArray("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n"),
             QByteArray("POST / HTTP/1.1\r\nContent-Length: \r\n\r\n"),
             QByteArray("POST / HTTP/1.1\r\nContent-Length: 1 2\r\n\r\n"),
             QByteArray("GET / HTTP/1.1\nHost: x\n\n"),
             QByteArray("GET / HTTP/1.1\r\nHost: x\n\r\n"),
             QByteArray("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n"),
             QByteArray("GET / HTTP/1.1\r\nno colon here\r\n\r\n"),
             QByteArray("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n"),
             QByteArray("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n", sizeof("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n") - 1),
             QByteArray("GARBAGE\r\n\r\n"),
             QByteArray("GET /\r\n\r\n"),
             QByteArray("GET  / HTTP/1.1\r\n\r\n"),
             QByteArray("GET / HTTP/1.1 extra\r\n\r\n"),
             QByteArray("GET / HTTP/2.0\r\n\r\n"),
             QByteArray("GET /\x7f HTTP/1.1\r\n\r\n"),
             QByteArray("G(T / HTTP/1.1\r\n\r\n"),
         })
        checkRefused(bad, Http::BadRequest, ApiError::kBadRequest);

    // Beyond Qt's header parser (100 fields, 8 KiB a field) even within our head limit.
    QByteArray manyFields = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i)
        manyFields += "A: b\r\n";
    checkRefused(manyFields + "\r\n", Http::RequestHeaderFieldsTooLarge, ApiError::kHeadersTooLarge);
    RequestFramer roomy(kMaxBody, 64 * 1024);
    auto longField = roomy.feed("GET / HTTP/1.1\r\nA: " + QByteArray(8 * 1024, 'b') + "\r\n\r\n");
    REQUIRE(longField.has_value());
    CHECK(longField->status == Http::RequestHeaderFieldsTooLarge);

    // Nothing is read after a refusal.
    RequestFramer framer(kMaxBody, kMaxHead);
    REQUIRE(framer.feed("GARBAGE\r\n\r\n").has_value());
    CHECK_FALSE(framer.feed("GET / HTTP/1.1\r\n\r\n").has_value());
    CHECK(framer.completed() == 0);
}
