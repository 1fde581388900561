#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace otrack {

// A school's or trust's own CA that the client trusts for the OTrack server, besides the
// system's, as IT gives it (docs/deployment.md): the full path of a PEM file, or the
// certificate itself in one line of text, so that it fits in one registry string or msiexec
// property: the PEM file base64-encoded (`base64 -w0 ca.pem`), the base64 body of a DER
// certificate, or PEM text. Every certificate is parsed here, so a damaged or wrong value is
// refused where it is configured, not at the first sync.
class PinnedCa {
public:
    // InvalidArgument when the value is neither a full path nor a certificate, holds no
    // certificate, a damaged one or a private key; NotFound when the file cannot be read.
    static Result<PinnedCa> parse(const QString &value);

    // The file it was read from; empty when the certificate was given inline.
    const QString &sourceFile() const { return m_sourceFile; }
    // Every certificate, as PEM.
    const QByteArray &pem() const { return m_pem; }
    // One line per certificate, e.g. "CN=Example Trust Root CA, O=Example Trust": for people to
    // check that they pinned the right one.
    const QStringList &subjects() const { return m_subjects; }

    // A PEM file holding the certificates: the source file itself, or, for an inline value,
    // `pinned-ca.pem` written (atomically) in `folder`. NotWritable when it cannot be written.
    Result<QString> fileIn(const QString &folder) const;

private:
    PinnedCa() = default;

    QString m_sourceFile;
    QByteArray m_pem;
    QStringList m_subjects;
};

}  // namespace otrack
