#pragma once

#include "connectionlimits.h"

#include <QList>
#include <QPointer>
#include <QSslServer>

class QAbstractHttpServer;

namespace otrack {

class ConnectionGuard;

// The TLS listener under the HTTP server (passed to QAbstractHttpServer::bind()): every
// connection it hands over carries a ConnectionGuard that holds it to `limits` below Qt HTTP
// Server's buffering. Beyond `limits.maxConnections` (TLS handshakes included) a new
// connection is closed as soon as it is accepted. A TLS handshake must complete within the
// request timeout or 5 seconds, whichever is shorter (QSslServer's own handshake timeout; it
// also closes a connection that never starts TLS).
class GuardedSslServer : public QSslServer {
    Q_OBJECT

public:
    GuardedSslServer(const QSslConfiguration &tls, const ConnectionLimits &limits, QObject *parent = nullptr);

    // Hands this server's connections to `http`, which becomes its parent. Call after listen().
    void serve(QAbstractHttpServer &http);

    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr handle) override;

private:
    void guardsFollowHttpServer();

    const ConnectionLimits m_limits;
    // Guards made for sockets that Qt HTTP Server is taking right now.
    QList<QPointer<ConnectionGuard>> m_newGuards;
    bool m_full = false;
};

}  // namespace otrack
