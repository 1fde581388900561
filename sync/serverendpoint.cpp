#include "serverendpoint.h"

#include "protocolversion.h"

#include <QFile>
#include <QFileInfo>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

}  // namespace

Result<ServerEndpoint> ServerEndpoint::create(const QString &text, const QString &pinnedCaFile)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return invalid(u"no server address given"_s);
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(u"not a valid URL: "_s + url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s)
        return invalid(u"plain http:// is refused: the OTrack server must be reached over https://"_s);
    if (scheme != u"https"_s)
        return invalid(u"the server address must start with https://"_s);
    if (url.host().isEmpty())
        return invalid(u"the server address has no host name"_s);
    if (!url.userInfo().isEmpty())
        return invalid(u"the server address must not contain a user name or password"_s);
    if (url.hasQuery() || url.hasFragment())
        return invalid(u"the server address must not contain a query or fragment"_s);

    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);

    QList<QSslCertificate> pinned;
    if (!pinnedCaFile.isEmpty()) {
        QFile file(pinnedCaFile);
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::NotFound,
                         u"cannot read the CA file %1: %2"_s.arg(pinnedCaFile, file.errorString())};
        // A CA bundle is small; anything larger is not what IT meant to configure.
        const QByteArray pem = file.read(1024 * 1024 + 1);
        if (pem.size() > 1024 * 1024)
            return invalid(u"the CA file %1 is too large"_s.arg(pinnedCaFile));
        pinned = QSslCertificate::fromData(pem, QSsl::Pem);
        if (pinned.isEmpty())
            return invalid(u"the CA file %1 holds no PEM certificate"_s.arg(pinnedCaFile));
        for (const QSslCertificate &certificate : std::as_const(pinned)) {
            if (certificate.isNull())
                return invalid(u"the CA file %1 holds an unreadable certificate"_s.arg(pinnedCaFile));
        }
    }
    return ServerEndpoint(std::move(url), std::move(pinned));
}

QString ServerEndpoint::displayName() const
{
    return u"%1:%2"_s.arg(m_baseUrl.host()).arg(m_baseUrl.port(443));
}

QUrl ServerEndpoint::url(const QString &apiPath) const
{
    QUrl result = m_baseUrl;
    result.setPath(m_baseUrl.path() + apiPath);
    return result;
}

ServerEndpoint::ServerEndpoint(QUrl baseUrl, QList<QSslCertificate> pinned)
    : m_baseUrl(std::move(baseUrl)), m_pinned(std::move(pinned)), m_ssl(QSslConfiguration::defaultConfiguration())
{
    m_ssl.setProtocol(QSsl::TlsV1_2OrLater);
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Read once: the system's CAs are parsed from disk on every call, which cost more than the
    // rest of a no-change sync, and one shared configuration lets the connections be reused.
    QList<QSslCertificate> authorities = QSslConfiguration::systemCaCertificates();
    authorities.append(m_pinned);
    m_ssl.setCaCertificates(authorities);
}

QNetworkRequest ServerEndpoint::request(const QString &apiPath, int timeoutMs) const
{
    QNetworkRequest request(url(apiPath));
    request.setSslConfiguration(m_ssl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader(QByteArray(protocol::kProtocolHeader), protocol::protocolHeaderValue());
    request.setRawHeader(QByteArray(protocol::kSchemaHeader), protocol::schemaHeaderValue());
    request.setRawHeader(QByteArray(protocol::kClientHeader), QByteArrayLiteral("otrack/" OTRACK_VERSION));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArray(protocol::kJsonContentType));
    return request;
}

}  // namespace otrack
