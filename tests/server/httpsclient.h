#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QString>
#include <QUrlQuery>

namespace otrack::test {

// An answer as a test looks at it.
struct HttpsReply {
    int status = 0;
    QByteArray body;
    QByteArray contentType;

    QJsonObject json() const;
    QString errorCode() const;
    QString errorField() const;
    QString errorMessage() const;
};

// Requests to a server on 127.0.0.1 over real TLS, trusting only the test CA, with this build's
// protocol headers unless told otherwise. Each call waits for its answer (at most 30 s).
class HttpsClient {
public:
    HttpsClient(quint16 port, const QString &caFile);

    HttpsReply send(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body = {},
                    const QUrlQuery &query = {}, bool withProtocol = true);
    HttpsReply get(const QString &path, const QByteArray &token, const QUrlQuery &query = {})
    {
        return send(QByteArrayLiteral("GET"), path, token, {}, query);
    }
    HttpsReply post(const QString &path, const QByteArray &token, const QByteArray &body)
    {
        return send(QByteArrayLiteral("POST"), path, token, body);
    }

private:
    quint16 m_port;
    QSslConfiguration m_tls = QSslConfiguration::defaultConfiguration();
    QNetworkAccessManager m_network;
};

}  // namespace otrack::test
