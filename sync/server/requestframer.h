#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHttpServerResponse>

#include <optional>

namespace otrack {

// Follows where each HTTP/1.1 request on one connection begins and ends, reading the
// decrypted bytes in arrival order, so that ConnectionGuard can refuse a request before Qt
// HTTP Server 6.4 buffers it. It keeps at most one request head (bounded by the header limit)
// and counts body bytes without keeping them.
//
// Its framing must never differ from Qt HTTP Server's, or the two would disagree about where
// the next request starts. So it accepts a subset of what Qt accepts and refuses the rest:
// CRLF line ends only; a request line "METHOD SP TARGET SP HTTP/1.x"; header names of token
// characters, no folded lines, at most 100 fields of at most 8 KiB each (beyond those Qt's
// header parser gives up silently and would read the body as the next request); at most one
// Content-Length of digits only; no Transfer-Encoding at all (411: our clients always send a
// Content-Length, and Qt's chunked decoder is unbounded). Blank lines before a request line
// are skipped (as Qt does) but count towards the header limit.
class RequestFramer {
public:
    struct Refusal {
        QHttpServerResponse::StatusCode status;
        ApiError error;
    };

    RequestFramer(qint64 maxBodyBytes, qint64 maxHeaderBytes);

    // Reads `bytes`. Stops at the first refusal, after which the connection is beyond repair.
    std::optional<Refusal> feed(QByteArrayView bytes);

    // Body bytes the current request still expects: the caller may count them with skipBody()
    // without looking at them.
    qint64 bodyRemaining() const { return m_state == State::Body ? m_bodyRemaining : 0; }
    void skipBody(qint64 count);

    // True from a request's first byte (blank lines before it aside) until its last.
    bool inRequest() const { return m_state == State::Head || m_state == State::Body; }
    // Requests begun and requests complete since the connection opened.
    quint64 started() const { return m_started; }
    quint64 completed() const { return m_completed; }

private:
    enum class State { Between, Head, Body, Refused };

    std::optional<Refusal> endOfHead();
    std::optional<Refusal> refuse(QHttpServerResponse::StatusCode status, const char *code, const QString &message);
    void completeRequest();

    const qint64 m_maxBodyBytes;
    const qint64 m_maxHeaderBytes;
    State m_state = State::Between;
    QByteArray m_head;
    qint64 m_blankBytes = 0;  // blank-line bytes skipped before the current request line
    qint64 m_bodyRemaining = 0;
    quint64 m_started = 0;
    quint64 m_completed = 0;
};

}  // namespace otrack
