#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace otrack::test {

// A loopback TCP proxy between a client and the server that misbehaves on purpose. TLS goes
// through it untouched (it sees only bytes), so faults are by byte counts and timing:
//   - refuse: accept and close at once (as a server that is down behind a load balancer);
//   - delay: hold every chunk this long before forwarding it;
//   - cut after N bytes client -> server, or server -> client, on each connection;
//   - drop the response: once the client has sent `dropAfterRequestBytes` on a connection,
//     the server's next bytes are thrown away and the connection closed, so a request that
//     the server received and answered never hears its answer.
// The plan can change between requests; `onConnection` lets a test pick per connection.
class FaultProxy : public QObject {
    Q_OBJECT

public:
    struct Plan {
        bool refuse = false;
        int delayMs = 0;
        qint64 cutClientBytes = -1;  // -1: never
        qint64 cutServerBytes = -1;
        qint64 dropAfterRequestBytes = -1;
    };

    explicit FaultProxy(quint16 targetPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    quint16 port() const { return m_server.serverPort(); }
    void setPlan(const Plan &plan) { m_plan = plan; }
    // Called for each new connection with its number (from 0); returns that connection's plan.
    void setPlanner(std::function<Plan(int)> planner) { m_planner = std::move(planner); }
    void setTargetPort(quint16 port) { m_targetPort = port; }

    int connections() const { return m_connections; }
    qint64 bytesFromServer() const { return m_fromServer; }
    qint64 bytesFromClient() const { return m_fromClient; }
    // Closes every open connection (a network cut).
    void cutAll();

private:
    struct Link;
    void onNewConnection();
    void forward(Link *link, bool fromClient);
    void close(Link *link);

    QTcpServer m_server;
    quint16 m_targetPort;
    Plan m_plan;
    std::function<Plan(int)> m_planner;
    QList<Link *> m_links;
    int m_connections = 0;
    qint64 m_fromServer = 0;
    qint64 m_fromClient = 0;
};

}  // namespace otrack::test
