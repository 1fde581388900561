#include "benchclient.h"

#include "protocolversion.h"

#include <QEventLoop>
#include <QSslConfiguration>
#include <QTimer>

namespace otrack::bench {

BenchClient::BenchClient(quint16 port, const QList<QSslCertificate> &caCertificates, QObject *parent)
    : QObject(parent), m_port(port)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(caCertificates);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_socket.setSslConfiguration(tls);
    // Requests are small and sent whole: Nagle would only add a delayed-ACK wait to each one.
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(&m_socket, &QSslSocket::readyRead, this, &BenchClient::readAnswer);
    connect(&m_socket, &QSslSocket::disconnected, this, [this] {
        if (m_done)
            finish(Answer{});
    });
}

bool BenchClient::open()
{
    m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
    if (!m_socket.waitForEncrypted(30000)) {
        m_error = m_socket.errorString();
        return false;
    }
    return true;
}

void BenchClient::send(const QByteArray &method, const QByteArray &path, const QByteArray &body, Callback done)
{
    // The server closes connections left idle (a minute): come back as a client would, with
    // the handshake kept out of the request's time.
    if (m_socket.state() != QAbstractSocket::ConnectedState || !m_socket.isEncrypted()) {
        m_socket.abort();
        m_in.clear();
        if (!open()) {
            m_done = std::move(done);
            finish(Answer{});
            return;
        }
    }
    QByteArray request;
    request.reserve(body.size() + 400);
    request += method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
    request += QByteArray(protocol::kProtocolHeader) + ": " + protocol::protocolHeaderValue() + "\r\n";
    request += QByteArray(protocol::kSchemaHeader) + ": " + protocol::schemaHeaderValue() + "\r\n";
    request += QByteArray(protocol::kClientHeader) + ": otrack-bench/1\r\n";
    if (!m_token.isEmpty())
        request += "Authorization: Bearer " + m_token + "\r\n";
    if (!body.isEmpty())
        request += QByteArray("Content-Type: ") + protocol::kJsonContentType + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    request += body;
    m_done = std::move(done);
    m_sent = std::chrono::steady_clock::now();
    m_socket.write(request);
}

BenchClient::Answer BenchClient::call(const QByteArray &method, const QByteArray &path, const QByteArray &body)
{
    Answer answer;
    QEventLoop loop;
    bool finished = false;
    send(method, path, body, [&](const Answer &received) {
        answer = received;
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    if (!finished)
        loop.exec();
    if (!finished)
        m_done = nullptr;
    return answer;
}

void BenchClient::readAnswer()
{
    m_in += m_socket.readAll();
    if (!m_done)
        return;
    const qsizetype headerEnd = m_in.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> lines = m_in.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).split(' ');
    Answer answer;
    answer.status = statusLine.value(1).toInt();
    // Qt HTTP Server 6.4 always sends Content-Length (it never chunks), so that is all we read.
    qsizetype length = -1;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (length < 0) {
        m_error = QStringLiteral("an answer without Content-Length");
        finish(Answer{});
        return;
    }
    if (m_in.size() < headerEnd + 4 + length)
        return;
    answer.body = m_in.mid(headerEnd + 4, length);
    m_in.remove(0, headerEnd + 4 + length);
    finish(std::move(answer));
}

void BenchClient::finish(Answer answer)
{
    answer.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_sent).count();
    // The callback may send the next request, which sets a new m_done.
    Callback done = std::move(m_done);
    m_done = nullptr;
    done(answer);
}

}  // namespace otrack::bench
