#include "adminroutes.h"

#include "apiresponse.h"
#include "authenticator.h"
#include "connectionpool.h"
#include "importendpoint.h"
#include "logging.h"
#include "pupileraser.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

QHttpServerResponse databaseDown(const Error &error)
{
    return databaseDownResponse(error, "admin");
}

QJsonObject toJson(const ErasureSummary &summary)
{
    QJsonObject body{{u"pupil_id"_s, summary.pupilId},
                     {u"status"_s, summary.alreadyErased ? u"already_erased"_s : u"erased"_s}};
    if (!summary.alreadyErased) {
        body.insert(u"purge_seq"_s, summary.purgeSeq);
        body.insert(u"marks"_s, summary.marks);
        body.insert(u"mark_events"_s, summary.markEvents);
        body.insert(u"groups"_s, summary.groups);
    }
    return body;
}

}  // namespace

void addAdminRoutes(QHttpServer &http, ConnectionPool &pool)
{
    http.route(u"/v1/admin/pupils/<arg>/erase"_s, QHttpServerRequest::Method::Post,
               [&pool](const QString &pupilId, const QHttpServerRequest &request) -> QFuture<QHttpServerResponse> {
                   if (auto refused = checkProtocolHeader(request))
                       return QtFuture::makeReadyFuture(std::move(*refused));
                   const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
                   return pool.run(
                       [authorization, pupilId](QSqlDatabase db) -> QHttpServerResponse {
                           const qint64 now = QDateTime::currentMSecsSinceEpoch();
                           auto caller = Authenticator::authenticate(db, authorization, now);
                           if (!caller)
                               return authErrorResponse(caller.error());
                           auto erased = PupilEraser(db).erase(*caller, pupilId, now);
                           if (!erased)
                               return failureResponse(erased.error(), "erase");
                           return jsonResponse(toJson(*erased));
                       },
                       databaseDown);
               });
    http.route(u"/v1/admin/imports"_s, QHttpServerRequest::Method::Post,
               [&pool](const QHttpServerRequest &request) -> QFuture<QHttpServerResponse> {
                   if (auto refused = checkProtocolHeader(request))
                       return QtFuture::makeReadyFuture(std::move(*refused));
                   const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
                   return pool.run(
                       [authorization, query = request.query(), body = request.body()](QSqlDatabase db) {
                           const qint64 now = QDateTime::currentMSecsSinceEpoch();
                           auto caller = Authenticator::authenticate(db, authorization, now);
                           if (!caller)
                               return authErrorResponse(caller.error());
                           auto answer = handleImportRequest(db, *caller, query, body, now);
                           if (!answer)
                               return failureResponse(answer.error(), "import");
                           return jsonResponse(*answer);
                       },
                       databaseDown);
               });
}

}  // namespace otrack
