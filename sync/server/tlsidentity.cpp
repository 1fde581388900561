#include "tlsidentity.h"

#include <QDateTime>
#include <QFile>
#include <QSslSocket>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

constexpr qint64 kMaxPemBytes = 1024 * 1024;

Result<QByteArray> readPem(const QString &path, const char *what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound,
                     u"cannot read the %1 file %2: %3"_s.arg(QLatin1String(what), path, file.errorString())};
    QByteArray bytes = file.read(kMaxPemBytes + 1);
    if (bytes.size() > kMaxPemBytes)
        return Error{ErrorCode::InvalidArgument, u"the %1 file %2 is too large"_s.arg(QLatin1String(what), path)};
    return bytes;
}

struct BioFree {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct X509Free {
    void operator()(X509 *x509) const { X509_free(x509); }
};
struct PkeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};

// QSslKey cannot say whether a key belongs to a certificate; OpenSSL can.
bool keyMatchesCertificate(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    std::unique_ptr<BIO, BioFree> certBio(BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    std::unique_ptr<BIO, BioFree> keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    if (!certBio || !keyBio)
        return false;
    std::unique_ptr<X509, X509Free> certificate(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    std::unique_ptr<EVP_PKEY, PkeyFree> key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    return certificate && key && X509_check_private_key(certificate.get(), key.get()) == 1;
}

}  // namespace

Result<TlsIdentity> TlsIdentity::load(const QString &certificateFile, const QString &keyFile)
{
    if (!QSslSocket::supportsSsl())
        return Error{ErrorCode::StorageFailure, u"this Qt has no TLS backend (install the OpenSSL plugin)"_s};
    auto certificatePem = readPem(certificateFile, "certificate");
    if (!certificatePem)
        return certificatePem.error();
    auto keyPem = readPem(keyFile, "key");
    if (!keyPem)
        return keyPem.error();

    QList<QSslCertificate> chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Error{ErrorCode::InvalidArgument, u"%1 holds no PEM certificate"_s.arg(certificateFile)};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (chain.first().effectiveDate() > now)
        return Error{ErrorCode::InvalidArgument,
                     u"the certificate in %1 is not valid before %2"_s.arg(
                         certificateFile, chain.first().effectiveDate().toString(Qt::ISODate))};
    if (chain.first().expiryDate() < now)
        return Error{ErrorCode::InvalidArgument,
                     u"the certificate in %1 expired on %2"_s.arg(certificateFile,
                                                                  chain.first().expiryDate().toString(Qt::ISODate))};

    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(*keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return Error{ErrorCode::InvalidArgument,
                     u"%1 holds no unencrypted RSA or EC private key in PEM form"_s.arg(keyFile)};
    if (!keyMatchesCertificate(*certificatePem, *keyPem))
        return Error{ErrorCode::InvalidArgument,
                     u"the key in %1 does not belong to the certificate in %2"_s.arg(keyFile, certificateFile)};
    return TlsIdentity(std::move(chain), std::move(key));
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(m_chain);
    config.setPrivateKey(m_key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);  // clients prove themselves with tokens
    config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    return config;
}

}  // namespace otrack
