#pragma once

#include "result.h"

#include <QList>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

namespace otrack {

// Where the OTrack server is and how the client may talk to it: HTTPS only, TLS 1.2 or
// later, the peer verified against the system's CAs plus, optionally, a school's or trust's
// own CA (a PEM file, set by IT through policy). Certificate errors are never ignored.
class ServerEndpoint {
public:
    // `url` must be https:// with a host; plain http and URLs with credentials, a query or a
    // fragment are refused with InvalidArgument. `pinnedCaFile` may be empty; otherwise it
    // must hold at least one PEM certificate (NotFound when unreadable, InvalidArgument when
    // it holds none).
    static Result<ServerEndpoint> create(const QString &url, const QString &pinnedCaFile = QString());

    // The base URL without a trailing slash, e.g. https://otrack.example.sch.uk:8443
    const QUrl &baseUrl() const { return m_baseUrl; }
    // "host:port", safe for logs and status messages.
    QString displayName() const;
    // The URL of an API path such as "/v1/health".
    QUrl url(const QString &apiPath) const;

    const QList<QSslCertificate> &pinnedCertificates() const { return m_pinned; }
    const QSslConfiguration &sslConfiguration() const { return m_ssl; }

    // A request for `apiPath` with the TLS policy, the protocol headers every request
    // carries, a same-origin redirect policy and a transfer timeout.
    QNetworkRequest request(const QString &apiPath, int timeoutMs = kDefaultTimeoutMs) const;

    static constexpr int kDefaultTimeoutMs = 15000;

private:
    ServerEndpoint(QUrl baseUrl, QList<QSslCertificate> pinned);

    QUrl m_baseUrl;
    QList<QSslCertificate> m_pinned;
    QSslConfiguration m_ssl;
};

}  // namespace otrack
