#include "faultproxy.h"

#include <QTimer>

namespace otrack::test {

struct FaultProxy::Link {
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> server;
    Plan plan;
    qint64 fromClient = 0;
    qint64 fromServer = 0;
    QByteArray pendingToServer;  // until the server side is connected
    bool closed = false;
};

FaultProxy::FaultProxy(quint16 targetPort, QObject *parent) : QObject(parent), m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

FaultProxy::~FaultProxy()
{
    cutAll();
    qDeleteAll(m_links);
}

void FaultProxy::cutAll()
{
    for (Link *link : std::as_const(m_links))
        close(link);
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *link = new Link;
        link->client = client;
        link->plan = m_planner ? m_planner(m_connections) : m_plan;
        ++m_connections;
        m_links.append(link);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        if (link->plan.refuse) {
            close(link);
            continue;
        }
        auto *server = new QTcpSocket(this);
        link->server = server;
        connect(server, &QTcpSocket::disconnected, server, &QObject::deleteLater);
        connect(server, &QTcpSocket::connected, this, [link] {
            if (!link->pendingToServer.isEmpty() && link->server)
                link->server->write(std::exchange(link->pendingToServer, {}));
        });
        connect(client, &QTcpSocket::readyRead, this, [this, link] { forward(link, true); });
        connect(server, &QTcpSocket::readyRead, this, [this, link] { forward(link, false); });
        connect(client, &QTcpSocket::disconnected, this, [this, link] { close(link); });
        connect(server, &QTcpSocket::disconnected, this, [this, link] { close(link); });
        connect(server, &QTcpSocket::errorOccurred, this, [this, link] { close(link); });
        server->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

void FaultProxy::forward(Link *link, bool fromClient)
{
    QTcpSocket *from = fromClient ? link->client : link->server;
    if (!from || link->closed)
        return;
    QByteArray bytes = from->readAll();
    const Plan &plan = link->plan;
    if (fromClient) {
        if (plan.cutClientBytes >= 0 && link->fromClient + bytes.size() > plan.cutClientBytes) {
            bytes.truncate(plan.cutClientBytes - link->fromClient);
            link->fromClient += bytes.size();
            m_fromClient += bytes.size();
            if (link->server && !bytes.isEmpty())
                link->server->write(bytes);
            if (link->server)
                link->server->flush();
            return close(link);
        }
        link->fromClient += bytes.size();
        m_fromClient += bytes.size();
    } else {
        const bool dropping
            = plan.dropAfterRequestBytes >= 0 && link->fromClient >= plan.dropAfterRequestBytes && !bytes.isEmpty();
        if (dropping)
            return close(link);
        if (plan.cutServerBytes >= 0 && link->fromServer + bytes.size() > plan.cutServerBytes) {
            bytes.truncate(plan.cutServerBytes - link->fromServer);
            link->fromServer += bytes.size();
            m_fromServer += bytes.size();
            if (link->client && !bytes.isEmpty()) {
                link->client->write(bytes);
                link->client->flush();
            }
            return close(link);
        }
        link->fromServer += bytes.size();
        m_fromServer += bytes.size();
    }
    const auto deliver = [link, fromClient, bytes] {
        if (link->closed)
            return;
        QTcpSocket *to = fromClient ? link->server : link->client;
        if (!to)
            return;
        if (to->state() == QAbstractSocket::ConnectedState)
            to->write(bytes);
        else if (fromClient)
            link->pendingToServer += bytes;
    };
    if (plan.delayMs > 0)
        QTimer::singleShot(plan.delayMs, this, deliver);
    else
        deliver();
}

void FaultProxy::close(Link *link)
{
    if (link->closed)
        return;
    link->closed = true;
    for (QTcpSocket *socket : {link->client.data(), link->server.data()}) {
        if (!socket)
            continue;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

}  // namespace otrack::test
