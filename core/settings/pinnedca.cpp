#include "pinnedca.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// A CA bundle is a few kilobytes; anything larger is not what IT meant to configure.
constexpr qint64 kMaxSize = 1024 * 1024;

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;

Error invalid(const QString &why)
{
    return Error{ErrorCode::InvalidArgument, why};
}

QString subjectOf(X509 *certificate)
{
    Bio out(BIO_new(BIO_s_mem()), &BIO_free);
    X509_NAME_print_ex(out.get(), X509_get_subject_name(certificate), 0, XN_FLAG_RFC2253);
    char *data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return QString::fromUtf8(data, qsizetype(size));
}

QByteArray toPem(X509 *certificate)
{
    Bio out(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_X509(out.get(), certificate);
    char *data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return QByteArray(data, qsizetype(size));
}

bool looksLikePem(const QByteArray &bytes)
{
    return bytes.contains("-----BEGIN ");
}

// `what` names the value in messages: "the CA file X" or "the CA certificate given".
Status readPem(const QByteArray &pem, const QString &what, QByteArray *normalised, QStringList *subjects)
{
    // A CA value goes to every PC: a private key in it would be handed out with it.
    if (pem.contains("PRIVATE KEY-----"))
        return invalid(u"%1 holds a private key; give only the CA certificate"_s.arg(what));
    Bio in(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    ERR_clear_error();
    for (;;) {
        Certificate certificate(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr), &X509_free);
        if (!certificate)
            break;
        normalised->append(toPem(certificate.get()));
        subjects->append(subjectOf(certificate.get()));
    }
    const unsigned long error = ERR_peek_last_error();
    ERR_clear_error();
    // Running out of input ends every successful read; any other error is a damaged block.
    const bool endOfInput = error == 0 || ERR_GET_REASON(error) == PEM_R_NO_START_LINE;
    if (!endOfInput)
        return invalid(u"%1 holds a damaged certificate"_s.arg(what));
    if (subjects->isEmpty())
        return invalid(u"%1 holds no PEM certificate"_s.arg(what));
    return {};
}

}  // namespace

Result<PinnedCa> PinnedCa::parse(const QString &value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return invalid(u"no CA certificate given"_s);

    PinnedCa ca;
    QByteArray pem;
    QString what;
    const auto decoded = QByteArray::fromBase64Encoding(trimmed.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (looksLikePem(trimmed.toLatin1())) {
        pem = trimmed.toLatin1();
        what = u"the CA certificate given"_s;
    } else if (decoded && looksLikePem(decoded.decoded)) {
        pem = decoded.decoded;
        what = u"the CA certificate given (base64)"_s;
    } else if (decoded && decoded.decoded.startsWith('\x30')) {
        const auto *der = reinterpret_cast<const unsigned char *>(decoded.decoded.constData());
        Certificate certificate(d2i_X509(nullptr, &der, long(decoded.decoded.size())), &X509_free);
        ERR_clear_error();
        if (!certificate)
            return invalid(u"the CA certificate given (base64) is damaged"_s);
        pem = toPem(certificate.get());
        what = u"the CA certificate given (base64)"_s;
    } else if (QDir::isAbsolutePath(trimmed)) {
        QFile file(trimmed);
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::NotFound, u"cannot read the CA file %1: %2"_s.arg(trimmed, file.errorString())};
        pem = file.read(kMaxSize + 1);
        if (pem.size() > kMaxSize)
            return invalid(u"the CA file %1 is too large"_s.arg(trimmed));
        ca.m_sourceFile = trimmed;
        what = u"the CA file %1"_s.arg(trimmed);
    } else {
        return invalid(u"the CA must be a full path to a PEM file or the certificate in base64"_s);
    }

    const Status read = readPem(pem, what, &ca.m_pem, &ca.m_subjects);
    if (!read)
        return read.error();
    return ca;
}

Result<QString> PinnedCa::fileIn(const QString &folder) const
{
    if (!m_sourceFile.isEmpty())
        return m_sourceFile;
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::NotWritable, u"cannot create the folder %1"_s.arg(folder)};
    const QString path = QDir(folder).filePath(u"pinned-ca.pem"_s);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_pem) != m_pem.size() || !file.commit())
        return Error{ErrorCode::NotWritable, u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return path;
}

}  // namespace otrack
