#include "testpki.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>

namespace otrack::test {

QByteArray runOpenssl(const QStringList &arguments, const QString &workingFolder, const QByteArray &input)
{
    QProcess openssl;
    openssl.setWorkingDirectory(workingFolder);
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), arguments);
    REQUIRE(openssl.waitForStarted(10000));
    if (!input.isEmpty())
        openssl.write(input);
    openssl.closeWriteChannel();
    REQUIRE(openssl.waitForFinished(60000));
    const QByteArray output = openssl.readAll();
    INFO("openssl " << arguments.join(QLatin1Char(' ')).toStdString() << "\n" << output.toStdString());
    REQUIRE(openssl.exitStatus() == QProcess::NormalExit);
    REQUIRE(openssl.exitCode() == 0);
    return output;
}

TestPki makeTestPki(const QString &folder)
{
    const auto s = [](const char *text) {
        return QString::fromLatin1(text);
    };
    QFile ext(QDir(folder).filePath(s("server.ext")));
    REQUIRE(ext.open(QIODevice::WriteOnly));
    ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
              "basicConstraints=critical,CA:FALSE\n"
              "keyUsage=critical,digitalSignature,keyEncipherment\n"
              "extendedKeyUsage=serverAuth\n");
    ext.close();

    for (const char *name : {"ca", "other"}) {
        runOpenssl({s("req"), s("-x509"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"),
                    s("-nodes"), s("-keyout"), s(name) + s(".key"), s("-out"), s(name) + s(".crt"), s("-days"), s("2"),
                    s("-subj"), s("/CN=OTrack Test CA ") + s(name), s("-addext"),
                    s("basicConstraints=critical,CA:TRUE"), s("-addext"), s("keyUsage=critical,keyCertSign,cRLSign")},
                   folder);
    }
    runOpenssl({s("req"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"), s("-nodes"), s("-keyout"),
                s("server.key"), s("-out"), s("server.csr"), s("-subj"), s("/CN=127.0.0.1")},
               folder);
    runOpenssl({s("x509"), s("-req"), s("-in"), s("server.csr"), s("-CA"), s("ca.crt"), s("-CAkey"), s("ca.key"),
                s("-CAcreateserial"), s("-out"), s("server.crt"), s("-days"), s("2"), s("-extfile"), s("server.ext")},
               folder);
    const QDir dir(folder);
    return TestPki{dir.filePath(s("ca.crt")), dir.filePath(s("server.crt")), dir.filePath(s("server.key")),
                   dir.filePath(s("other.crt"))};
}

}  // namespace otrack::test
