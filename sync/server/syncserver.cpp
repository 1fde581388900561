#include "syncserver.h"

#include "adminroutes.h"
#include "apierror.h"
#include "apiresponse.h"
#include "authroutes.h"
#include "guardedsslserver.h"
#include "healthresponse.h"
#include "legalroutes.h"
#include "logging.h"
#include "protocolversion.h"
#include "syncroutes.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QThread>

using namespace Qt::StringLiterals;

namespace otrack {

SyncServer::SyncServer(std::unique_ptr<ServerDatabase> database, const ConnectionLimits &limits, QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_limits(limits),
      // More threads than cores: a request's thread mostly waits (for the writer's group commit,
      // or for PostgreSQL), and every waiting push can join the next group.
      m_pool(std::make_unique<ConnectionPool>(m_database->url(), qMax(16, QThread::idealThreadCount() * 4)))
{
    addRoutes();
}

SyncServer::~SyncServer() = default;

void SyncServer::addRoutes()
{
    m_http.route(u"/v1/health"_s, QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &) { return health(); });
    addAuthRoutes(m_http, *m_pool);
    addSyncRoutes(m_http, *m_pool);
    addLegalRoutes(m_http, *m_pool);
    addAdminRoutes(m_http, *m_pool);
}

QHttpServerResponse SyncServer::health()
{
    if (Status alive = m_database->ping(); !alive) {
        // The reason stays in the server's log; the answer says only what failed.
        qCWarning(lcServer) << "health: database check failed:" << alive.error().message;
        return errorResponse(ApiError{QString::fromLatin1(ApiError::kDatabaseUnavailable),
                                      u"the database is not answering"_s, QString()},
                             QHttpServerResponse::StatusCode::ServiceUnavailable);
    }
    const HealthResponse answer{QString::fromLatin1(HealthResponse::kStatusOk), protocol::kVersion,
                                m_database->url().kindName()};
    return jsonResponse(answer.encode(), QHttpServerResponse::StatusCode::Ok);
}

Result<quint16> SyncServer::listen(const TlsIdentity &identity, const QHostAddress &address, quint16 port)
{
    auto tls = std::make_unique<GuardedSslServer>(identity.serverConfiguration(), m_limits);
    if (!tls->listen(address, port))
        return Error{ErrorCode::Busy,
                     u"cannot listen on %1 port %2 (in use, not an address of this machine, "
                     u"or not allowed)"_s.arg(address.toString())
                         .arg(port)};
    m_port = tls->serverPort();
    tls.release()->serve(m_http);
    qCInfo(lcServer) << "listening with TLS 1.2+ on" << address.toString() << m_port;
    return m_port;
}

}  // namespace otrack
