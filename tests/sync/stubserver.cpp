#include "stubserver.h"

#include "apierror.h"
#include "legaldocumentsresponse.h"
#include "loginresponse.h"
#include "pullresponse.h"

#include <QFile>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace otrack::test {

StubServer::StubServer(const TestPki &pki, Responder responder) : m_pki(pki), m_responder(std::move(responder))
{
    listen(QHostAddress::LocalHost, 0);
}

StubServer::Answer StubServer::loginAnswer(const QString &schoolId, const QString &userId)
{
    LoginResponse login;
    login.accessToken = u"access"_s;
    login.refreshToken = u"refresh"_s;
    login.accessExpiresAt = login.refreshExpiresAt = 4102444800000;
    login.user = {userId, schoolId, u"t.one"_s, u"T One"_s, Role::Teacher};
    login.school = {schoolId, u"Stub School"_s, QString(), SchoolStatus::Active};
    login.deviceKey = QString::fromLatin1(QByteArray(32, 'k').toBase64());
    return {200, login.encode()};
}

StubServer::Answer StubServer::errorAnswer(int status, const char *code)
{
    return {status, ApiError{QString::fromLatin1(code), u"stub"_s, QString()}.encode()};
}

StubServer::Answer StubServer::noLegalDocuments()
{
    return {200, LegalDocumentsResponse{}.encode()};
}

StubServer::Answer StubServer::emptyPull()
{
    PullResponse page;
    page.epoch = 1;
    return {200, page.encode()};
}

QString StubServer::url() const
{
    return u"https://127.0.0.1:%1"_s.arg(serverPort());
}

void StubServer::incomingConnection(qintptr handle)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    socket->setLocalCertificate(m_pki.serverCertificate);
    QFile keyFile(m_pki.serverKey);
    keyFile.open(QIODevice::ReadOnly);
    socket->setPrivateKey(QSslKey(&keyFile, QSsl::Ec));  // testpki makes P-256 keys
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QSslSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer->left(end).split('\n');
        qsizetype length = 0;
        for (const QByteArray &line : lines)
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer->size() < end + 4 + length)
            return;
        const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
        buffer->remove(0, end + 4 + length);
        m_requests.append(request.value(0) + ' ' + request.value(1));
        const Answer answer = m_responder(request.value(0), request.value(1));
        socket->write("HTTP/1.1 " + QByteArray::number(answer.status)
                      + " Stub\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(answer.body.size()) + "\r\n\r\n" + answer.body);
    });
    socket->startServerEncryption();
}

}  // namespace otrack::test
