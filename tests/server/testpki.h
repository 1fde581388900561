#pragma once

#include <QString>

namespace otrack::test {

// A throwaway certificate authority and a server certificate for 127.0.0.1, made with the
// openssl command line in `folder`: ca.crt, server.crt, server.key (and other.crt, a CA
// that signed nothing here).
struct TestPki {
    QString caCertificate;
    QString serverCertificate;
    QString serverKey;
    QString otherCaCertificate;
};

TestPki makeTestPki(const QString &folder);

// Runs openssl with `arguments`; REQUIREs success. Returns stdout+stderr.
QByteArray runOpenssl(const QStringList &arguments, const QString &workingFolder, const QByteArray &input = {});

}  // namespace otrack::test
