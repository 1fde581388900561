#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslSocket>

#include <chrono>
#include <functional>

namespace otrack::bench {

// One simulated OTrack client for server_bench: a single TLS connection to otrack-server kept
// alive across requests, speaking just enough HTTP/1.1 to send a request and read its answer.
// Far cheaper per request than QNetworkAccessManager (no thread, no cache, no cookie jar), so
// the load generator leaves most of the two cores to the server it measures.
class BenchClient : public QObject {
    Q_OBJECT

public:
    struct Answer {
        int status = 0;  // 0: no answer (connection failed or closed)
        QByteArray body;
        double ms = 0;  // from writing the request to reading the whole answer
    };
    using Callback = std::function<void(const Answer &)>;

    BenchClient(quint16 port, const QList<QSslCertificate> &caCertificates, QObject *parent = nullptr);

    // Connects and completes the TLS handshake; false (with errorText()) on failure.
    bool open();
    QString errorText() const { return m_error; }

    // Sends one request; `done` runs when its whole answer has arrived. One at a time.
    // The body is sent as JSON; the access token (if set) as a Bearer token.
    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body, Callback done);
    // The same, waiting in a local event loop (at most 120 s).
    Answer call(const QByteArray &method, const QByteArray &path, const QByteArray &body = {});

    void setToken(const QByteArray &token) { m_token = token; }

private:
    void readAnswer();
    void finish(Answer answer);

    quint16 m_port;
    QSslSocket m_socket;
    QByteArray m_token;
    QByteArray m_in;
    QString m_error;
    Callback m_done;
    std::chrono::steady_clock::time_point m_sent;
};

}  // namespace otrack::bench
