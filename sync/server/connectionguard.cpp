#include "connectionguard.h"

#include "apiresponse.h"
#include "logging.h"

#include <QSslSocket>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace otrack {

namespace {

using Http = QHttpServerResponse::StatusCode;

// After a refusal the client gets this long (or the request timeout, if shorter) to read the
// answer before the connection is cut. Closing at once while its request is still arriving
// would make the kernel reset the connection, and a reset can destroy the unread answer.
constexpr std::chrono::milliseconds kLinger = 2s;

const char *reasonPhrase(Http status)
{
    switch (status) {
    case Http::RequestTimeout:
        return "Request Timeout";
    case Http::LengthRequired:
        return "Length Required";
    case Http::PayloadTooLarge:
        return "Content Too Large";
    case Http::RequestHeaderFieldsTooLarge:
        return "Request Header Fields Too Large";
    default:
        return "Bad Request";
    }
}

}  // namespace

ConnectionGuard::ConnectionGuard(QSslSocket *socket, const ConnectionLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits), m_framer(limits.maxBodyBytes, limits.maxHeaderBytes)
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::beforeHttpServer);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, [this] {
        if (!m_refused && !m_framer.inRequest())
            m_timer.start(m_limits.idleTimeout);
    });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::timedOut);
    m_timer.start(m_limits.idleTimeout);
}

void ConnectionGuard::followHttpServer()
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::afterHttpServer);
}

void ConnectionGuard::beforeHttpServer()
{
    if (m_refused) {
        discardInput();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    qint64 framed = std::min(m_framedUnread, available);
    m_framedUnread = available;
    if (framed == available)
        return;

    const quint64 startedBefore = m_framer.started();
    const quint64 completedBefore = m_framer.completed();
    // Body bytes only need counting: no copy of them.
    const qint64 body = std::min(m_framer.bodyRemaining(), available - framed);
    if (body > 0) {
        m_framer.skipBody(body);
        framed += body;
    }
    if (framed < available) {
        const QByteArray unread = m_socket->peek(available);
        if (auto refusal = m_framer.feed(QByteArrayView(unread).sliced(framed))) {
            refuse(*refusal);
            return;
        }
    }

    if (m_framer.inRequest()) {
        if (m_framer.started() != startedBefore)
            m_timer.start(m_limits.requestTimeout);
    } else if (m_framer.completed() != completedBefore) {
        m_timer.start(m_limits.idleTimeout);
    }
}

void ConnectionGuard::afterHttpServer()
{
    m_framedUnread = m_socket->bytesAvailable();
    // Qt HTTP Server 6.4 takes one request per readyRead, so requests a client sends ahead
    // (pipelined) wait unread. A client never needs more than one whole request waiting: more
    // is a client feeding the server faster than it answers, which would only grow the buffer.
    if (!m_refused && m_framedUnread > m_limits.maxHeaderBytes + m_limits.maxBodyBytes) {
        qCWarning(lcServer) << "closing a connection that sent" << m_framedUnread
                            << "bytes ahead of the request being answered";
        m_socket->abort();
    }
}

void ConnectionGuard::timedOut()
{
    if (m_refused) {
        m_socket->abort();
    } else if (m_framer.inRequest()) {
        refuse(
            {Http::RequestTimeout,
             ApiError{QString::fromLatin1(ApiError::kRequestTimeout),
                      u"the request did not arrive within %1 ms"_s.arg(m_limits.requestTimeout.count()), QString()}});
    } else if (m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() > 0) {
        // Idle, and not even reading its answers: no point in a graceful close.
        m_socket->abort();
    } else {
        m_socket->disconnectFromHost();
    }
}

void ConnectionGuard::refuse(const RequestFramer::Refusal &refusal)
{
    qCInfo(lcServer) << "refusing a request:" << int(refusal.status) << refusal.error.code;
    m_refused = true;
    m_socket->write(closingErrorAnswer(refusal.error, refusal.status, reasonPhrase(refusal.status)));
    discardInput();
    m_timer.start(std::min(kLinger, m_limits.requestTimeout));
}

void ConnectionGuard::discardInput()
{
    // Qt HTTP Server keeps the bytes of a request it is still reading in a read transaction.
    // That request will never complete: let its bytes go too.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
    m_framedUnread = 0;
}

}  // namespace otrack
