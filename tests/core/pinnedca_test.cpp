#include "pinnedca.h"
#include "serverurl.h"
#include "tempdir.h"
#include "testpki.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using namespace otrack;
using namespace otrack::test;
using namespace Qt::StringLiterals;

TEST_CASE("a pinned CA is read from a PEM file, base64 PEM, base64 DER or PEM text")
{
    TempDir dir;
    const TestPki pki = makeTestPki(dir.path());
    const QByteArray pem = readFile(pki.caCertificate);

    const Result<PinnedCa> fromFile = PinnedCa::parse(pki.caCertificate);
    REQUIRE(fromFile.ok());
    CHECK(fromFile->sourceFile() == pki.caCertificate);
    CHECK(fromFile->subjects() == QStringList{u"CN=OTrack Test CA ca"_s});
    CHECK(fromFile->pem().startsWith("-----BEGIN CERTIFICATE-----"));

    const Result<PinnedCa> fromBase64 = PinnedCa::parse(QString::fromLatin1(pem.toBase64()));
    REQUIRE(fromBase64.ok());
    CHECK(fromBase64->sourceFile().isEmpty());
    CHECK(fromBase64->pem() == fromFile->pem());

    const QByteArray der = runOpenssl({u"x509"_s, u"-in"_s, pki.caCertificate, u"-outform"_s, u"der"_s}, dir.path());
    const Result<PinnedCa> fromDer = PinnedCa::parse(QString::fromLatin1(der.toBase64()));
    REQUIRE(fromDer.ok());
    CHECK(fromDer->pem() == fromFile->pem());

    const Result<PinnedCa> fromText = PinnedCa::parse(QString::fromLatin1(pem));
    REQUIRE(fromText.ok());
    CHECK(fromText->subjects() == fromFile->subjects());

    // A bundle: every certificate counts.
    writeFile(dir.file(u"bundle.pem"_s), pem + readFile(pki.otherCaCertificate));
    const Result<PinnedCa> bundle = PinnedCa::parse(dir.file(u"bundle.pem"_s));
    REQUIRE(bundle.ok());
    CHECK(bundle->subjects().size() == 2);
}

TEST_CASE("a wrong pinned CA is refused with the reason")
{
    TempDir dir;
    const TestPki pki = makeTestPki(dir.path());
    const QByteArray pem = readFile(pki.caCertificate);
    const auto refusal = [](const QString &value) {
        const Result<PinnedCa> ca = PinnedCa::parse(value);
        REQUIRE_FALSE(ca.ok());
        return ca.error();
    };

    CHECK(refusal(dir.file(u"absent.pem"_s)).code == ErrorCode::NotFound);
    CHECK(refusal(dir.file(u"absent.pem"_s)).message.contains(u"cannot read the CA file"_s));
    CHECK(refusal(u"ca.pem"_s).message.contains(u"full path"_s));
    CHECK(refusal(u"   "_s).code == ErrorCode::InvalidArgument);

    writeFile(dir.file(u"empty.pem"_s), "just some text\n");
    CHECK(refusal(dir.file(u"empty.pem"_s)).message.contains(u"holds no PEM certificate"_s));

    QByteArray damaged = pem;
    damaged[damaged.size() / 2] = damaged[damaged.size() / 2] == 'A' ? 'B' : 'A';
    damaged.insert(damaged.indexOf('\n') + 1, "!!!!\n");
    writeFile(dir.file(u"damaged.pem"_s), damaged);
    CHECK(refusal(dir.file(u"damaged.pem"_s)).message.contains(u"damaged certificate"_s));

    writeFile(dir.file(u"withkey.pem"_s), pem + readFile(pki.serverKey));
    CHECK(refusal(dir.file(u"withkey.pem"_s)).message.contains(u"private key"_s));

    CHECK(refusal(QString::fromLatin1(QByteArray("\x30\x03\x02\x01\x01").toBase64())).message.contains(u"damaged"_s));

    QByteArray large(1024 * 1024 + 10, 'A');
    writeFile(dir.file(u"large.pem"_s), large);
    CHECK(refusal(dir.file(u"large.pem"_s)).message.contains(u"too large"_s));
}

TEST_CASE("an inline pinned CA is written to a file the TLS code can read")
{
    TempDir dir;
    const TestPki pki = makeTestPki(dir.path());
    const Result<PinnedCa> inlineCa = PinnedCa::parse(QString::fromLatin1(readFile(pki.caCertificate).toBase64()));
    REQUIRE(inlineCa.ok());
    const Result<QString> written = inlineCa->fileIn(dir.file(u"app-data"_s));
    REQUIRE(written.ok());
    CHECK(written.value() == QDir(dir.file(u"app-data"_s)).filePath(u"pinned-ca.pem"_s));
    CHECK(readFile(written.value()) == inlineCa->pem());

    const Result<PinnedCa> fileCa = PinnedCa::parse(pki.caCertificate);
    REQUIRE(fileCa.ok());
    CHECK(fileCa->fileIn(dir.file(u"unused"_s)).value() == pki.caCertificate);
    CHECK_FALSE(QFile::exists(dir.file(u"unused"_s)));

    writeFile(dir.file(u"blocked"_s), "a file, not a folder");
    const Result<QString> blocked = inlineCa->fileIn(dir.file(u"blocked/sub"_s));
    REQUIRE_FALSE(blocked.ok());
    CHECK(blocked.error().code == ErrorCode::NotWritable);
}

TEST_CASE("server addresses: https with a host only, normalised")
{
    CHECK(checkServerUrl(u"  https://otrack.example.sch.uk:8443/  "_s).value()
          == u"https://otrack.example.sch.uk:8443"_s);
    CHECK(checkServerUrl(u"HTTPS://otrack.example.sch.uk/base/"_s).value() == u"https://otrack.example.sch.uk/base"_s);
    for (const QString &bad :
         {u"http://otrack.example"_s, u"ftp://otrack.example"_s, u"https://"_s, u"https://user:pw@otrack.example"_s,
          u"https://otrack.example?a=b"_s, u"https://otrack.example#frag"_s, QString(), u"https://exa mple.com"_s}) {
        INFO(bad.toStdString());
        const Result<QString> checked = checkServerUrl(bad);
        REQUIRE_FALSE(checked.ok());
        CHECK(checked.error().code == ErrorCode::InvalidArgument);
        CHECK_FALSE(checked.error().message.isEmpty());
    }
}
