#pragma once

#include "apierror.h"
#include "result.h"

#include <QByteArray>
#include <QHttpServerResponse>
#include <QJsonObject>

#include <optional>

class QHttpServerRequest;

namespace otrack {

// Building every answer the same way: JSON, never cached, and errors in the one shape
// (ApiError) with the HTTP status that belongs to their ErrorCode.
QHttpServerResponse jsonResponse(const QByteArray &body, QHttpServerResponse::StatusCode status);
QHttpServerResponse jsonResponse(const QJsonObject &body,
                                 QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok);
QHttpServerResponse errorResponse(const ApiError &error, QHttpServerResponse::StatusCode status);
// The same error answer as raw HTTP/1.1 bytes with "Connection: close", for the transport guard
// (connectionguard.h), which refuses a request before Qt HTTP Server has one to answer.
// `reason` is the status line's reason phrase.
QByteArray closingErrorAnswer(const ApiError &error, QHttpServerResponse::StatusCode status, const char *reason);
// Maps the code to its status and stable wire code. Internal failures are logged by the
// caller and answered without their detail.
QHttpServerResponse errorResponse(const Error &error, const QString &field = QString());
QHttpServerResponse::StatusCode httpStatusFor(ErrorCode code);
QString apiCodeFor(ErrorCode code);

// The protocol check every /v1 route except /v1/health runs first, on the handler thread
// (shared by the auth and sync routes): a request without an OTrack-Protocol header, or with a
// version older than protocol::kVersion (or an OTrack-Schema older than
// protocol::kMinClientSchemaVersion), answers 426 upgrade_required. nullopt: go on.
std::optional<QHttpServerResponse> checkProtocolHeader(const QHttpServerRequest &request);

// The answer to a failed Authenticator::authenticate: 401 "unauthenticated", or 401
// "device_revoked" (ApiError::kDeviceRevoked) for a revoked device; storage failures 503/500.
QHttpServerResponse authErrorResponse(const Error &error);

// The answer to an error a route's work returned. A refused request names the field its
// message names ("field 'ops[1].value' ..."); a storage or internal failure is logged as
// "<what> failed" and answered without its detail.
QHttpServerResponse failureResponse(const Error &error, const char *what);
// The answer when no database connection can be had (ConnectionPool::run's fallback): 503,
// with the reason in the log under `area`.
QHttpServerResponse databaseDownResponse(const Error &error, const char *area);

// The request body as a JSON object: 400 (with the reason) when it is not one.
Result<QJsonObject> jsonBody(const QHttpServerRequest &request);

}  // namespace otrack
