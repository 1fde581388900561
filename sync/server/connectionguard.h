#pragma once

#include "connectionlimits.h"
#include "requestframer.h"

#include <QObject>
#include <QTimer>

class QSslSocket;

namespace otrack {

// Holds one TLS connection to the limits in ConnectionLimits, underneath Qt HTTP Server 6.4
// (which has no hook before it buffers a request). A child of its socket.
//
// It sees every decrypted byte before Qt HTTP Server does: its readyRead handler is connected
// before Qt's (GuardedSslServer makes it inside nextPendingConnection(), and Qt connects its
// own handler only after that call returns), and Qt invokes a signal's slots in the order they
// were connected. It only peeks at the bytes, following the request framing (RequestFramer);
// a request over a limit is answered with a JSON error and "Connection: close", its bytes are
// read and thrown away before Qt's handler runs (so Qt never buffers them), and the connection
// is closed once the client has had a moment to read the answer.
//
// A second handler, connected after Qt's (followHttpServer()), notes how many bytes Qt left
// unread, so the next time it knows which unread bytes it has not framed yet.
//
// Timers: from a request's first byte, its line, headers and body must arrive within the
// request timeout (else 408 and close: slow clients, slowloris); with no request in progress
// the connection is closed after the idle timeout, which answers written to the client (bytes
// it read) restart.
class ConnectionGuard : public QObject {
    Q_OBJECT

public:
    ConnectionGuard(QSslSocket *socket, const ConnectionLimits &limits);

    // Call once Qt HTTP Server has connected its own readyRead handler.
    void followHttpServer();

private:
    void beforeHttpServer();
    void afterHttpServer();
    void timedOut();
    void refuse(const RequestFramer::Refusal &refusal);
    void discardInput();

    QSslSocket *const m_socket;
    const ConnectionLimits m_limits;
    RequestFramer m_framer;
    QTimer m_timer;
    // Unread bytes at the front of the socket's buffer that the framer has already read.
    qint64 m_framedUnread = 0;
    bool m_refused = false;
};

}  // namespace otrack
