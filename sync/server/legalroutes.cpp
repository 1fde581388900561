#include "legalroutes.h"

#include "acceptancerequest.h"
#include "apiresponse.h"
#include "authenticator.h"
#include "connectionpool.h"
#include "legaldocumentsresponse.h"
#include "legalstore.h"
#include "logging.h"
#include "pushrequest.h"

#include <QBuffer>
#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

using Http = QHttpServerResponse::StatusCode;

// Every refusal of a batch names the record's field whatever its code (403, 404, 409 too), so
// that the client can tell which record to set aside. Storage errors keep their detail in the log.
QHttpServerResponse databaseDown(const Error &error)
{
    return databaseDownResponse(error, "legal");
}

// The protocol check on the handler thread, then `work(db, caller, now)` on a pool thread for
// an authenticated caller.
template <typename Work>
void authenticated(ConnectionPool &pool, const QHttpServerRequest &request, QHttpServerResponder &&responder, Work work)
{
    if (auto refused = checkProtocolHeader(request))
        return refused->write(std::move(responder));
    const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
    pool.respond(
        std::move(responder),
        [authorization, work = std::move(work)](QSqlDatabase db) -> QHttpServerResponse {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            auto caller = Authenticator::authenticate(db, authorization, now);
            if (!caller)
                return authErrorResponse(caller.error());
            return work(db, caller.value(), now);
        },
        databaseDown);
}

QHttpServerResponse documents(QSqlDatabase db, const Caller &caller)
{
    LegalStore store(db);
    auto current = store.currentDocuments();
    if (!current)
        return failureResponse(current.error(), "listing documents");
    auto toAccept = store.kindsToAccept(caller);
    if (!toAccept)
        return failureResponse(toAccept.error(), "listing documents");
    return jsonResponse(LegalDocumentsResponse{current.value(), toAccept.value()}.encode(), Http::Ok);
}

QHttpServerResponse document(QSqlDatabase db, const QString &kindText, const QString &version)
{
    const auto kind = legalKindFromString(kindText);
    if (!kind || !PublishedDocument::isValidVersion(version))
        return errorResponse(Error{ErrorCode::NotFound, u"no such document"_s});
    auto found = LegalStore(db).document(*kind, version);
    if (!found)
        return failureResponse(found.error(), "reading a document");
    return jsonResponse(found->encode(), Http::Ok);
}

QHttpServerResponse acceptances(QSqlDatabase db, const Caller &caller, const QByteArray &body, qint64 now)
{
    auto decoded = AcceptanceRequest::decode(body);
    if (!decoded)
        return failureResponse(decoded.error(), "acceptances");
    auto recorded = LegalStore(db).recordAcceptances(caller, decoded->acceptances, now);
    if (!recorded)
        return failureResponse(recorded.error(), "acceptances");
    return jsonResponse(recorded->encode(), Http::Ok);
}

QHttpServerResponse ledger(QSqlDatabase db, const Caller &caller)
{
    if (caller.role != Role::Owner && caller.role != Role::Admin)
        return errorResponse(
            Error{ErrorCode::Forbidden, u"only the school's owner and admins may export the ledger"_s});
    auto entries = LegalStore(db).ledger(caller.schoolId);
    if (!entries)
        return failureResponse(entries.error(), "exporting the ledger");
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (Status written = LegalStore::writeLedgerCsv(entries.value(), &buffer); !written)
        return failureResponse(written.error(), "exporting the ledger");
    QHttpServerResponse response(QByteArrayLiteral("text/csv; charset=utf-8"), buffer.data(), Http::Ok);
    // Names and signatures: never cached on the way or on the admin's disk.
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.addHeader(QByteArrayLiteral("Content-Disposition"),
                       QByteArrayLiteral("attachment; filename=\"otrack-acceptances.csv\""));
    return response;
}

}  // namespace

void addLegalRoutes(QHttpServer &http, ConnectionPool &pool)
{
    http.route(u"/v1/legal/documents"_s, QHttpServerRequest::Method::Get,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   return authenticated(
                       pool, request, std::move(responder),
                       [](QSqlDatabase db, const Caller &caller, qint64) { return documents(db, caller); });
               });

    http.route(u"/v1/legal/documents/<arg>/<arg>"_s, QHttpServerRequest::Method::Get,
               [&pool](const QString &kind, const QString &version, const QHttpServerRequest &request,
                       QHttpServerResponder &&responder) {
                   return authenticated(pool, request, std::move(responder),
                                        [kind, version](QSqlDatabase db, const Caller &, qint64) {
                                            return document(db, kind, version);
                                        });
               });

    http.route(u"/v1/legal/acceptances"_s, QHttpServerRequest::Method::Post,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   return authenticated(pool, request, std::move(responder),
                                        [body = request.body()](QSqlDatabase db, const Caller &caller, qint64 now) {
                                            return acceptances(db, caller, body, now);
                                        });
               });

    http.route(u"/v1/legal/ledger.csv"_s, QHttpServerRequest::Method::Get,
               [&pool](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   return authenticated(
                       pool, request, std::move(responder),
                       [](QSqlDatabase db, const Caller &caller, qint64) { return ledger(db, caller); });
               });
}

}  // namespace otrack
