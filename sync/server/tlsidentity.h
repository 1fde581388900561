#pragma once

#include "result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

namespace otrack {

// The server's certificate chain and private key, loaded from PEM files and checked before the
// server listens: the key must match the certificate and the certificate must be valid now.
// The TLS configuration it makes allows TLS 1.2 and later only, HTTP/1.1 over ALPN.
class TlsIdentity {
public:
    static Result<TlsIdentity> load(const QString &certificateFile, const QString &keyFile);

    const QList<QSslCertificate> &chain() const { return m_chain; }
    QSslConfiguration serverConfiguration() const;

private:
    TlsIdentity(QList<QSslCertificate> chain, QSslKey key) : m_chain(std::move(chain)), m_key(std::move(key)) { }

    QList<QSslCertificate> m_chain;
    QSslKey m_key;
};

}  // namespace otrack
