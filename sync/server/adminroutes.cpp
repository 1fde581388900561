#include "adminroutes.h"

#include "apiresponse.h"
#include "authenticator.h"
#include "connectionpool.h"
#include "dataendpoints.h"
#include "logging.h"
#include "pupileraser.h"
#include "syncroutes.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
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

// The shape of the school data routes (dataendpoints.h): the protocol check on the handler
// thread, then on a pool thread the caller's token, the legal gate (pupil data moves only for
// staff who have accepted the current documents, as on push and pull) and `work(db, caller,
// now)`, whose answer is the JSON body and whose error is answered as `what` failed.
template <typename Work>
void callerRequest(ConnectionPool &pool, const QHttpServerRequest &request, QHttpServerResponder &&responder,
                   const char *what, Work work)
{
    if (auto refused = checkProtocolHeader(request))
        return refused->write(std::move(responder));
    const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
    pool.respond(
        std::move(responder),
        [authorization, what, work = std::move(work)](QSqlDatabase db) -> QHttpServerResponse {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            auto caller = Authenticator::authenticate(db, authorization, now);
            if (!caller)
                return authErrorResponse(caller.error());
            if (Status accepted = requireCurrentLegalAcceptance(db, *caller); !accepted)
                return failureResponse(accepted.error(), what);
            auto answer = work(db, *caller, now);
            if (!answer)
                return failureResponse(answer.error(), what);
            return jsonResponse(*answer);
        },
        databaseDown);
}

void addDataRoutes(QHttpServer &http, ConnectionPool &pool)
{
    using Method = QHttpServerRequest::Method;
    http.route(u"/v1/admin/imports"_s, Method::Post,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   return callerRequest(pool, request, std::move(responder), "import",
                                        [query = request.query(),
                                         body = request.body()](QSqlDatabase db, const Caller &caller, qint64 now) {
                                            return handleImportRequest(db, caller, query, body, now);
                                        });
               });
    http.route(u"/v1/admin/import-mappings"_s, Method::Get,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   return callerRequest(
                       pool, request, std::move(responder), "import mappings",
                       [](QSqlDatabase db, const Caller &caller, qint64) { return handleListMappings(db, caller); });
               });
    http.route(u"/v1/admin/import-mappings/<arg>"_s, Method::Put,
               [&pool](const QString &name, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   return callerRequest(
                       pool, request, std::move(responder), "import mapping",
                       [name, body = request.body()](QSqlDatabase db, const Caller &caller, qint64 now) {
                           return handleSaveMapping(db, caller, name, body, now);
                       });
               });
    http.route(u"/v1/admin/pupils/<arg>/subject-access"_s, Method::Get,
               [&pool](const QString &pupilId, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   return callerRequest(pool, request, std::move(responder), "subject access",
                                        [pupilId](QSqlDatabase db, const Caller &caller, qint64 now) {
                                            return handleSubjectAccess(db, caller, pupilId, now);
                                        });
               });
    http.route(u"/v1/admin/retention"_s, Method::Get,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   return callerRequest(pool, request, std::move(responder), "retention",
                                        [](QSqlDatabase db, const Caller &caller, qint64 now) {
                                            return handleGetRetention(db, caller, now);
                                        });
               });
    http.route(u"/v1/admin/retention"_s, Method::Put,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   return callerRequest(pool, request, std::move(responder), "retention",
                                        [body = request.body()](QSqlDatabase db, const Caller &caller, qint64 now) {
                                            return handleSetRetention(db, caller, body, now);
                                        });
               });
}

}  // namespace

void addAdminRoutes(QHttpServer &http, ConnectionPool &pool)
{
    http.route(u"/v1/admin/pupils/<arg>/erase"_s, QHttpServerRequest::Method::Post,
               [&pool](const QString &pupilId, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   if (auto refused = checkProtocolHeader(request))
                       return refused->write(std::move(responder));
                   const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
                   pool.respond(
                       std::move(responder),
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
    addDataRoutes(http, pool);
}

}  // namespace otrack
