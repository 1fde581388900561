#include "syncroutes.h"

#include "apiresponse.h"
#include "authenticator.h"
#include "connectionpool.h"
#include "legalstore.h"
#include "logging.h"
#include "protocolversion.h"
#include "syncservice.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// Decoding errors name their field in the answer; storage errors keep their detail in the log.
QHttpServerResponse databaseDown(const Error &error)
{
    return databaseDownResponse(error, "sync");
}

}  // namespace

Status requireCurrentLegalAcceptance(QSqlDatabase db, const Caller &caller)
{
    auto missing = LegalStore(db).kindsToAccept(caller);
    if (!missing)
        return missing.error();
    if (missing->isEmpty())
        return {};
    QStringList kinds;
    for (LegalKind kind : missing.value())
        kinds.append(toString(kind));
    return Error{ErrorCode::LegalAcceptanceRequired,
                 u"accept the current version of these documents first: "_s + kinds.join(u", "_s)};
}

void addSyncRoutes(QHttpServer &http, ConnectionPool &pool)
{
    http.route(u"/v1/sync/push"_s, QHttpServerRequest::Method::Post,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   if (auto refused = checkProtocolHeader(request))
                       return refused->write(std::move(responder));
                   const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
                   const QByteArray body = request.body();
                   pool.respond(
                       std::move(responder),
                       [authorization, body, writer = pool.writer()](QSqlDatabase db) -> QHttpServerResponse {
                           const qint64 now = QDateTime::currentMSecsSinceEpoch();
                           auto caller = Authenticator::authenticate(db, authorization, now);
                           if (!caller)
                               return authErrorResponse(caller.error());
                           if (Status accepted = requireCurrentLegalAcceptance(db, *caller); !accepted)
                               return failureResponse(accepted.error(), "push");
                           auto decoded = PushRequest::decode(body);
                           if (!decoded)
                               return failureResponse(decoded.error(), "push");
                           auto response = SyncService(db, writer).push(*caller, *decoded, now);
                           if (!response)
                               return failureResponse(response.error(), "push");
                           return jsonResponse(response->encode(), QHttpServerResponse::StatusCode::Ok);
                       },
                       databaseDown);
               });

    http.route(u"/v1/sync/pull"_s, QHttpServerRequest::Method::Get,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   if (auto refused = checkProtocolHeader(request))
                       return refused->write(std::move(responder));
                   const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
                   const QUrlQuery query = request.query();
                   pool.respond(
                       std::move(responder),
                       [authorization, query](QSqlDatabase db) -> QHttpServerResponse {
                           const qint64 now = QDateTime::currentMSecsSinceEpoch();
                           auto caller = Authenticator::authenticate(db, authorization, now);
                           if (!caller)
                               return authErrorResponse(caller.error());
                           if (Status accepted = requireCurrentLegalAcceptance(db, *caller); !accepted)
                               return failureResponse(accepted.error(), "pull");
                           auto decoded = PullRequest::fromQuery(query);
                           if (!decoded)
                               return failureResponse(decoded.error(), "pull");
                           auto body = SyncService(db).pullBody(*caller, *decoded);
                           if (!body)
                               return failureResponse(body.error(), "pull");
                           return jsonResponse(*body, QHttpServerResponse::StatusCode::Ok);
                       },
                       databaseDown);
               });
}

}  // namespace otrack
