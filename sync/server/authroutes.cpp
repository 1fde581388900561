#include "authroutes.h"

#include "accountstore.h"
#include "apiresponse.h"
#include "authenticator.h"
#include "connectionpool.h"
#include "logging.h"
#include "passwordhash.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

QHttpServerResponse databaseDown(const Error &error)
{
    return databaseDownResponse(error, "auth");
}

// The address failed logins are counted against. IPv4-mapped IPv6 counts as IPv4.
QString clientAddress(const QHttpServerRequest &request)
{
    const QHostAddress address = request.remoteAddress();
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

}  // namespace

void addAuthRoutes(QHttpServer &http, ConnectionPool &pool)
{
    // Makes the dummy hash now, so that the first login with an unknown account costs what any
    // other failed login costs.
    (void)QtConcurrent::run([] { passwordhash::verifyDummy(QString()); });

    http.route(u"/v1/auth/login"_s, QHttpServerRequest::Method::Post,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   if (auto refused = checkProtocolHeader(request))
                       return refused->write(std::move(responder));
                   auto decoded = LoginRequest::decode(request.body());
                   if (!decoded)
                       return failureResponse(decoded.error(), "login").write(std::move(responder));
                   const QString address = clientAddress(request);
                   pool.respond(
                       std::move(responder),
                       [login = std::move(decoded.value()), address](QSqlDatabase db) -> QHttpServerResponse {
                           int retryAfter = 0;
                           auto answer = AccountStore(db).login(login, address, QDateTime::currentMSecsSinceEpoch(),
                                                                &retryAfter);
                           if (answer)
                               return jsonResponse(answer->toJson());
                           if (answer.error().code == ErrorCode::RateLimited) {
                               qCInfo(lcServer) << "login: rate limited";
                               QHttpServerResponse response = errorResponse(answer.error());
                               response.addHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter));
                               return response;
                           }
                           if (answer.error().code == ErrorCode::Unauthenticated)
                               return authErrorResponse(answer.error());
                           return failureResponse(answer.error(), "login");
                       },
                       databaseDown);
               });

    http.route(u"/v1/auth/refresh"_s, QHttpServerRequest::Method::Post,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   if (auto refused = checkProtocolHeader(request))
                       return refused->write(std::move(responder));
                   auto decoded = RefreshRequest::decode(request.body());
                   if (!decoded)
                       return failureResponse(decoded.error(), "refresh").write(std::move(responder));
                   pool.respond(
                       std::move(responder),
                       [token = decoded->refreshToken](QSqlDatabase db) -> QHttpServerResponse {
                           auto answer = AccountStore(db).refresh(token, QDateTime::currentMSecsSinceEpoch());
                           if (answer)
                               return jsonResponse(answer->toJson());
                           if (answer.error().code == ErrorCode::Unauthenticated)
                               return authErrorResponse(answer.error());
                           return failureResponse(answer.error(), "refresh");
                       },
                       databaseDown);
               });

    http.route(u"/v1/auth/logout"_s, QHttpServerRequest::Method::Post,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   if (auto refused = checkProtocolHeader(request))
                       return refused->write(std::move(responder));
                   const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
                   pool.respond(
                       std::move(responder),
                       [authorization](QSqlDatabase db) -> QHttpServerResponse {
                           const qint64 now = QDateTime::currentMSecsSinceEpoch();
                           auto caller = Authenticator::authenticate(db, authorization, now);
                           if (!caller)
                               return authErrorResponse(caller.error());
                           if (Status done = AccountStore(db).logout(*caller, now); !done)
                               return failureResponse(done.error(), "logout");
                           return jsonResponse(QJsonObject{{u"status"_s, u"logged_out"_s}});
                       },
                       databaseDown);
               });
}

}  // namespace otrack
