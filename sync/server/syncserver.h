#pragma once

#include "connectionlimits.h"
#include "connectionpool.h"
#include "result.h"
#include "serverdatabase.h"
#include "tlsidentity.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

#include <memory>

class QHttpServerRequest;
class QHttpServerResponse;

namespace otrack {

// The HTTPS API: routes on a QHttpServer that only speaks TLS 1.2 or later, held to `limits`
// underneath (guardedsslserver.h). It keeps no state outside its database, so several
// instances can serve one PostgreSQL.
class SyncServer : public QObject {
    Q_OBJECT

public:
    explicit SyncServer(std::unique_ptr<ServerDatabase> database, const ConnectionLimits &limits = {},
                        QObject *parent = nullptr);
    ~SyncServer() override;

    // Port 0 picks a free port. Returns the bound port, or Busy when the address cannot be
    // bound (in use, not local, or not allowed).
    Result<quint16> listen(const TlsIdentity &identity, const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }

    ServerDatabase &database() { return *m_database; }
    // Database work of the routes runs here, off the handler thread (connectionpool.h).
    ConnectionPool &pool() { return *m_pool; }

private:
    void addRoutes();
    QHttpServerResponse health();

    std::unique_ptr<ServerDatabase> m_database;
    const ConnectionLimits m_limits;
    // Declared before m_http: the routes hold a reference to it and go first.
    std::unique_ptr<ConnectionPool> m_pool;
    QHttpServer m_http;
    quint16 m_port = 0;
};

}  // namespace otrack
