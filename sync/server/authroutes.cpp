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
#include <QHttpServerResponse>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

QString fieldOf(const Error &error)
{
    if (error.code != ErrorCode::InvalidArgument)
        return {};
    static const QRegularExpression pattern(u"field '([^']*)'"_s);
    const auto match = pattern.match(error.message);
    return match.hasMatch() ? match.captured(1) : QString();
}

QHttpServerResponse failure(const Error &error, const char *what)
{
    if (httpStatusFor(error.code) == QHttpServerResponse::StatusCode::InternalServerError)
        qCWarning(lcServer) << what << "failed:" << error.message;
    return errorResponse(error, fieldOf(error));
}

QHttpServerResponse databaseDown(const Error &error)
{
    qCWarning(lcServer) << "auth: no database connection:" << error.message;
    return errorResponse(Error{ErrorCode::Busy, u"the database is not answering"_s});
}

QFuture<QHttpServerResponse> ready(QHttpServerResponse response)
{
    return QtFuture::makeReadyFuture(std::move(response));
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
               [&pool](const QHttpServerRequest &request) -> QFuture<QHttpServerResponse> {
                   if (auto refused = checkProtocolHeader(request))
                       return ready(std::move(*refused));
                   auto decoded = LoginRequest::decode(request.body());
                   if (!decoded)
                       return ready(failure(decoded.error(), "login"));
                   const QString address = clientAddress(request);
                   return pool.run(
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
                           return failure(answer.error(), "login");
                       },
                       databaseDown);
               });

    http.route(u"/v1/auth/refresh"_s, QHttpServerRequest::Method::Post,
               [&pool](const QHttpServerRequest &request) -> QFuture<QHttpServerResponse> {
                   if (auto refused = checkProtocolHeader(request))
                       return ready(std::move(*refused));
                   auto decoded = RefreshRequest::decode(request.body());
                   if (!decoded)
                       return ready(failure(decoded.error(), "refresh"));
                   return pool.run(
                       [token = decoded->refreshToken](QSqlDatabase db) -> QHttpServerResponse {
                           auto answer = AccountStore(db).refresh(token, QDateTime::currentMSecsSinceEpoch());
                           if (answer)
                               return jsonResponse(answer->toJson());
                           if (answer.error().code == ErrorCode::Unauthenticated)
                               return authErrorResponse(answer.error());
                           return failure(answer.error(), "refresh");
                       },
                       databaseDown);
               });

    http.route(u"/v1/auth/logout"_s, QHttpServerRequest::Method::Post,
               [&pool](const QHttpServerRequest &request) -> QFuture<QHttpServerResponse> {
                   if (auto refused = checkProtocolHeader(request))
                       return ready(std::move(*refused));
                   const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
                   return pool.run(
                       [authorization](QSqlDatabase db) -> QHttpServerResponse {
                           const qint64 now = QDateTime::currentMSecsSinceEpoch();
                           auto caller = Authenticator::authenticate(db, authorization, now);
                           if (!caller)
                               return authErrorResponse(caller.error());
                           if (Status done = AccountStore(db).logout(*caller, now); !done)
                               return failure(done.error(), "logout");
                           return jsonResponse(QJsonObject{{u"status"_s, u"logged_out"_s}});
                       },
                       databaseDown);
               });
}

}  // namespace otrack
