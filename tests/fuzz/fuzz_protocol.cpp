// libFuzzer target: every decoder of sync/protocol/ over the same bytes (a request body, a
// response body, a pull query string, a version header), as the server and the client receive
// them from an untrusted peer.
//
// Invariants, beyond "no crash, no sanitizer report":
// - a decoding failure is InvalidArgument (the server answers 400 naming the field);
// - what decodes survives a round trip: decode(encode(x)) == x. A decoder that accepts a value
//   its own encoder cannot reproduce (a string the JSON writer alters, a field normalised into
//   something invalid) would store or answer something other than what was sent.

#include "fuzzcheck.h"

#include "acceptancerequest.h"
#include "acceptanceresponse.h"
#include "apierror.h"
#include "healthresponse.h"
#include "jsondecode.h"
#include "legaldocumentsresponse.h"
#include "loginrequest.h"
#include "loginresponse.h"
#include "protocolversion.h"
#include "publisheddocument.h"
#include "pullrequest.h"
#include "pullresponse.h"
#include "pushrequest.h"
#include "pushresponse.h"

#include <QByteArray>
#include <QUrlQuery>

#include <concepts>
#include <cstddef>
#include <cstdint>

using namespace otrack;
using fuzz::require;
using namespace Qt::StringLiterals;

namespace {

void requireInvalidArgument(const Error &error, const char *decoder)
{
    require(error.code == ErrorCode::InvalidArgument, decoder,
            u"failed with a code other than InvalidArgument: "_s + error.message);
    // Must not crash on any message; what it finds is the answer's "field".
    (void)protocol::fieldOfError(error);
}

// T::decode(bytes) and, when it succeeds, the round trip through T::encode().
template <typename T>
void decodeAndRoundTrip(const QByteArray &bytes, const char *decoder)
{
    const Result<T> decoded = T::decode(bytes);
    if (!decoded) {
        requireInvalidArgument(decoded.error(), decoder);
        return;
    }
    const QByteArray encoded = decoded.value().encode();
    const Result<T> again = T::decode(encoded);
    require(again.ok(), decoder,
            u"its own encoding does not decode: "_s + (again.ok() ? QString() : again.error().message));
    if constexpr (std::equality_comparable<T>)
        require(again.value() == decoded.value(), decoder,
                u"decode(encode(x)) != x for "_s + QString::fromUtf8(encoded));
    else
        require(again.value().encode() == encoded, decoder,
                u"encode(decode(encode(x))) != encode(x) for "_s + QString::fromUtf8(encoded));
}

void pullQuery(const QByteArray &bytes)
{
    const QUrlQuery query(QString::fromUtf8(bytes));
    const Result<PullRequest> decoded = PullRequest::fromQuery(query);
    if (!decoded) {
        requireInvalidArgument(decoded.error(), "PullRequest::fromQuery");
        return;
    }
    const PullRequest &request = decoded.value();
    require(request.cursor >= 0 && request.limit >= 1 && request.limit <= PullRequest::kMaxLimit
                && (!request.epoch || *request.epoch >= 0),
            "PullRequest::fromQuery", u"accepted an out-of-range value"_s);
    const Result<PullRequest> again = PullRequest::fromQuery(request.toQuery());
    require(again.ok() && again.value() == request, "PullRequest::fromQuery",
            u"fromQuery(toQuery(x)) != x for "_s + request.toQuery().toString());
}

void versionHeader(const QByteArray &bytes)
{
    const int version = protocol::parseVersionHeader(bytes);
    require(version >= -1, "parseVersionHeader", u"returned below -1"_s);
    if (version >= 0)
        require(protocol::parseVersionHeader(QByteArray::number(version)) == version, "parseVersionHeader",
                u"does not read back its own number"_s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    // Requests the server decodes.
    decodeAndRoundTrip<LoginRequest>(bytes, "LoginRequest::decode");
    decodeAndRoundTrip<RefreshRequest>(bytes, "RefreshRequest::decode");
    decodeAndRoundTrip<PushRequest>(bytes, "PushRequest::decode");
    decodeAndRoundTrip<AcceptanceRequest>(bytes, "AcceptanceRequest::decode");
    pullQuery(bytes);
    versionHeader(bytes);
    // Answers the client decodes: a hostile or broken server must not crash it either.
    decodeAndRoundTrip<LoginResponse>(bytes, "LoginResponse::decode");
    decodeAndRoundTrip<PushResponse>(bytes, "PushResponse::decode");
    decodeAndRoundTrip<PullResponse>(bytes, "PullResponse::decode");
    decodeAndRoundTrip<ApiError>(bytes, "ApiError::decode");
    decodeAndRoundTrip<HealthResponse>(bytes, "HealthResponse::decode");
    decodeAndRoundTrip<AcceptanceResponse>(bytes, "AcceptanceResponse::decode");
    decodeAndRoundTrip<LegalDocumentsResponse>(bytes, "LegalDocumentsResponse::decode");
    decodeAndRoundTrip<PublishedDocument>(bytes, "PublishedDocument::decode");
    return 0;
}
