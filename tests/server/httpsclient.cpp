#include "httpsclient.h"

#include "protocolversion.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace otrack::test {

QJsonObject HttpsReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpsReply::errorCode() const
{
    return json().value(u"error"_s).toObject().value(u"code"_s).toString();
}

QString HttpsReply::errorField() const
{
    return json().value(u"error"_s).toObject().value(u"field"_s).toString();
}

QString HttpsReply::errorMessage() const
{
    return json().value(u"error"_s).toObject().value(u"message"_s).toString();
}

HttpsClient::HttpsClient(quint16 port, const QString &caFile) : m_port(port)
{
    m_tls.setCaCertificates(QSslCertificate::fromPath(caFile));
}

HttpsReply HttpsClient::send(const QByteArray &method, const QString &path, const QByteArray &token,
                             const QByteArray &body, const QUrlQuery &query, bool withProtocol)
{
    QUrl url(u"https://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (withProtocol) {
        request.setRawHeader(protocol::kProtocolHeader, protocol::protocolHeaderValue());
        request.setRawHeader(protocol::kSchemaHeader, protocol::schemaHeaderValue());
    }
    if (!token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    REQUIRE(reply->isFinished());
    HttpsReply answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                      reply->header(QNetworkRequest::ContentTypeHeader).toByteArray()};
    reply->deleteLater();
    return answer;
}

}  // namespace otrack::test
