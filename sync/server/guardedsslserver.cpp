#include "guardedsslserver.h"

#include "connectionguard.h"
#include "logging.h"

#include <QAbstractHttpServer>
#include <QSslSocket>

#include <algorithm>

using namespace std::chrono_literals;

namespace otrack {

GuardedSslServer::GuardedSslServer(const QSslConfiguration &tls, const ConnectionLimits &limits, QObject *parent)
    : QSslServer(parent), m_limits(limits)
{
    setSslConfiguration(tls);
    setHandshakeTimeout(int(std::min<std::chrono::milliseconds>(limits.requestTimeout, 5s).count()));
    // QSslServer counts connections still in their handshake as pending and stops accepting
    // at this number (30 by default): a few idle TCP connections would lock everyone out.
    setMaxPendingConnections(limits.maxConnections);
}

void GuardedSslServer::serve(QAbstractHttpServer &http)
{
    http.bind(this);
    // bind() connected Qt HTTP Server's handler first, so this one runs after it: by then Qt
    // has taken each new socket (through nextPendingConnection(), which made its guard) and
    // connected its own readyRead handler.
    connect(this, &QTcpServer::pendingConnectionAvailable, this, &GuardedSslServer::guardsFollowHttpServer);
}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    // Made here, before the caller connects to the socket: see ConnectionGuard.
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        m_newGuards.append(new ConnectionGuard(tls, m_limits));
    return socket;
}

void GuardedSslServer::guardsFollowHttpServer()
{
    for (const QPointer<ConnectionGuard> &guard : std::as_const(m_newGuards)) {
        if (guard)
            guard->followHttpServer();
    }
    m_newGuards.clear();
}

void GuardedSslServer::incomingConnection(qintptr handle)
{
    // QSslServer makes each connection's socket as its child, handshaking or handed over,
    // until the socket is closed and deleted.
    const qsizetype open = findChildren<QSslSocket *>(Qt::FindDirectChildrenOnly).size();
    if (open >= m_limits.maxConnections) {
        if (!m_full)
            qCWarning(lcServer) << "at the limit of" << m_limits.maxConnections
                                << "connections: closing new ones until some end";
        m_full = true;
        QTcpSocket refused;
        if (refused.setSocketDescriptor(handle))
            refused.abort();
        return;
    }
    if (m_full)
        qCInfo(lcServer) << "below the connection limit again";
    m_full = false;
    QSslServer::incomingConnection(handle);
}

}  // namespace otrack
