#include "apiresponse.h"

#include "authenticator.h"
#include "logging.h"

#include "jsondecode.h"
#include "protocolversion.h"
#include "pushrequest.h"

#include <QHttpServerRequest>
#include <QJsonDocument>

#include <utility>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// Answers may hold personal data: never cached by a proxy or the client's disk cache.
constexpr std::pair<const char *, const char *> kAnswerHeaders[]
    = {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}};

}  // namespace

QHttpServerResponse jsonResponse(const QByteArray &body, QHttpServerResponse::StatusCode status)
{
    QHttpServerResponse response(QByteArray(protocol::kJsonContentType), body, status);
    for (const auto &[name, value] : kAnswerHeaders)
        response.addHeader(QByteArray(name), QByteArray(value));
    return response;
}

QByteArray closingErrorAnswer(const ApiError &error, QHttpServerResponse::StatusCode status, const char *reason)
{
    const QByteArray body = error.encode();
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(int(status)) + ' ' + reason + "\r\n";
    answer += "Content-Type: " + QByteArray(protocol::kJsonContentType) + "\r\n";
    answer += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : kAnswerHeaders)
        answer += QByteArray(name) + ": " + value + "\r\n";
    answer += "Connection: close\r\n\r\n" + body;
    return answer;
}

QHttpServerResponse jsonResponse(const QJsonObject &body, QHttpServerResponse::StatusCode status)
{
    return jsonResponse(QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse errorResponse(const ApiError &error, QHttpServerResponse::StatusCode status)
{
    return jsonResponse(error.encode(), status);
}

QHttpServerResponse::StatusCode httpStatusFor(ErrorCode code)
{
    using S = QHttpServerResponse::StatusCode;
    switch (code) {
    case ErrorCode::InvalidArgument:
        return S::BadRequest;
    case ErrorCode::NotFound:
        return S::NotFound;
    case ErrorCode::AlreadyExists:
    case ErrorCode::Conflict:
        return S::Conflict;
    case ErrorCode::Locked:
    case ErrorCode::Forbidden:
    case ErrorCode::LegalAcceptanceRequired:
        return S::Forbidden;
    case ErrorCode::Unauthenticated:
    case ErrorCode::WrongPassword:
    case ErrorCode::WrongDeviceKey:
        return S::Unauthorized;
    case ErrorCode::RateLimited:
        return S::TooManyRequests;
    case ErrorCode::UpgradeRequired:
        return S::UpgradeRequired;
    case ErrorCode::Gone:
        return S::Gone;
    case ErrorCode::TooLarge:
        return S::PayloadTooLarge;
    case ErrorCode::Busy:
        return S::ServiceUnavailable;
    case ErrorCode::Damaged:
    case ErrorCode::NotEncrypted:
    case ErrorCode::NotSqlCipher:
    case ErrorCode::NewerVersion:
    case ErrorCode::DiskFull:
    case ErrorCode::NotWritable:
    case ErrorCode::StorageFailure:
        return S::InternalServerError;
    }
    return S::InternalServerError;
}

QString apiCodeFor(ErrorCode code)
{
    switch (httpStatusFor(code)) {
    case QHttpServerResponse::StatusCode::BadRequest:
        return QString::fromLatin1(ApiError::kBadRequest);
    case QHttpServerResponse::StatusCode::NotFound:
        return QString::fromLatin1(ApiError::kNotFound);
    case QHttpServerResponse::StatusCode::UpgradeRequired:
        return QString::fromLatin1(ApiError::kUpgradeRequired);
    case QHttpServerResponse::StatusCode::Unauthorized:
        return u"unauthenticated"_s;
    case QHttpServerResponse::StatusCode::Forbidden:
        if (code == ErrorCode::LegalAcceptanceRequired)
            return QString::fromLatin1(ApiError::kLegalAcceptanceRequired);
        return code == ErrorCode::Locked ? u"locked"_s : u"forbidden"_s;
    case QHttpServerResponse::StatusCode::Conflict:
        return u"conflict"_s;
    case QHttpServerResponse::StatusCode::TooManyRequests:
        return u"rate_limited"_s;
    case QHttpServerResponse::StatusCode::Gone:
        return u"gone"_s;
    case QHttpServerResponse::StatusCode::PayloadTooLarge:
        return QString::fromLatin1(ApiError::kTooLarge);
    case QHttpServerResponse::StatusCode::ServiceUnavailable:
        return QString::fromLatin1(ApiError::kDatabaseUnavailable);
    default:
        return QString::fromLatin1(ApiError::kInternal);
    }
}

QHttpServerResponse errorResponse(const Error &error, const QString &field)
{
    const auto status = httpStatusFor(error.code);
    // Internal detail (SQL, paths) stays in the server's log, never in an answer.
    const QString message = status == QHttpServerResponse::StatusCode::InternalServerError
        ? u"the server could not complete the request"_s
        : error.message;
    return errorResponse(ApiError{apiCodeFor(error.code), message, field}, status);
}

std::optional<QHttpServerResponse> checkProtocolHeader(const QHttpServerRequest &request)
{
    const int version = protocol::parseVersionHeader(request.value(QByteArray(protocol::kProtocolHeader)));
    const QByteArray schemaHeader = request.value(QByteArray(protocol::kSchemaHeader));
    const int schema
        = schemaHeader.isEmpty() ? protocol::kMinClientSchemaVersion : protocol::parseVersionHeader(schemaHeader);
    if (version >= protocol::kVersion && schema >= protocol::kMinClientSchemaVersion)
        return std::nullopt;
    const QString message = version < 0
        ? u"the OTrack-Protocol header is missing or malformed; this server speaks protocol %1"_s.arg(
            protocol::kVersion)
        : u"this client is too old for the server (protocol %1, schema %2 at least): please upgrade OTrack"_s
              .arg(protocol::kVersion)
              .arg(protocol::kMinClientSchemaVersion);
    return errorResponse(ApiError{QString::fromLatin1(ApiError::kUpgradeRequired), message, QString()},
                         QHttpServerResponse::StatusCode::UpgradeRequired);
}

QHttpServerResponse authErrorResponse(const Error &error)
{
    if (Authenticator::isDeviceRevoked(error))
        return errorResponse(ApiError{QString::fromLatin1(ApiError::kDeviceRevoked),
                                      u"this device has been revoked: its local data must be wiped"_s, QString()},
                             QHttpServerResponse::StatusCode::Unauthorized);
    if (error.code != ErrorCode::Unauthenticated)
        qCWarning(lcServer) << "authentication failed:" << error.message;  // no token in it
    return errorResponse(error);
}

Result<QJsonObject> jsonBody(const QHttpServerRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::InvalidArgument, u"the body is not valid JSON: "_s + parseError.errorString()};
    if (!doc.isObject())
        return Error{ErrorCode::InvalidArgument, u"the body must be a JSON object"_s};
    return doc.object();
}

QHttpServerResponse failureResponse(const Error &error, const char *what)
{
    if (httpStatusFor(error.code) == QHttpServerResponse::StatusCode::InternalServerError
        || error.code == ErrorCode::Busy) {
        qCWarning(lcServer) << what << "failed:" << error.message;
        return errorResponse(error);
    }
    return errorResponse(error, protocol::fieldNamedIn(error.message));
}

QHttpServerResponse databaseDownResponse(const Error &error, const char *area)
{
    qCWarning(lcServer) << area << ": no database connection:" << error.message;
    return errorResponse(Error{ErrorCode::Busy, u"the database is not answering"_s});
}

}  // namespace otrack
