// The client's start-up options: the command line first, then the resolved settings.
#include "appoptions.h"
#include "clientsettings.h"
#include "settingsfolder.h"
#include "tempdir.h"
#include "testpki.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QProcess>

using namespace otrack;
using namespace otrack::test;
using namespace Qt::StringLiterals;

namespace {

AppOptions parsed(const QStringList &arguments)
{
    AppOptions options;
    QString error;
    bool exitNow = false;
    REQUIRE(options.parse(QStringList{u"otrack"_s} + arguments, &error, &exitNow));
    REQUIRE_FALSE(exitNow);
    return options;
}

}  // namespace

TEST_CASE("app options: the settings fill what the command line leaves empty", "[app]")
{
    SettingsFolder folder;
    const TestPki pki = makeTestPki(folder.scratch(QString()));
    folder.setPolicy(u"ServerUrl"_s, u"https://otrack.trust.example.sch.uk"_s);
    folder.setPolicy(u"PinnedCa"_s, QString::fromLatin1(readFile(pki.caCertificate).toBase64()));
    folder.setMachineDefault(u"Language"_s, u"cy"_s);
    const ClientSettings settings(folder.layers());
    const QString dataFolder = folder.scratch(u"data"_s);

    AppOptions fromSettings = parsed({});
    fromSettings.applySettings(settings, dataFolder);
    CHECK(fromSettings.serverUrl == u"https://otrack.trust.example.sch.uk"_s);
    CHECK(fromSettings.language == u"cy"_s);
    // The inline CA is written where the TLS code can read it.
    CHECK(fromSettings.caFile == QDir(dataFolder).filePath(u"pinned-ca.pem"_s));
    CHECK(readFile(fromSettings.caFile).startsWith("-----BEGIN CERTIFICATE-----"));

    AppOptions overridden = parsed(
        {u"--server"_s, u"https://127.0.0.1:8443"_s, u"--ca"_s, pki.otherCaCertificate, u"--language"_s, u"en_GB"_s});
    overridden.applySettings(settings, dataFolder);
    CHECK(overridden.serverUrl == u"https://127.0.0.1:8443"_s);
    CHECK(overridden.caFile == pki.otherCaCertificate);
    CHECK(overridden.language == u"en_GB"_s);
}

TEST_CASE("app options: a pinned CA that cannot be written is left out", "[app]")
{
    SettingsFolder folder;
    const TestPki pki = makeTestPki(folder.scratch(QString()));
    folder.setPolicy(u"PinnedCa"_s, QString::fromLatin1(readFile(pki.caCertificate).toBase64()));
    writeFile(folder.scratch(u"blocked"_s), "a file where the data folder should be");
    AppOptions options = parsed({});
    options.applySettings(ClientSettings(folder.layers()), folder.scratch(u"blocked/data"_s));
    CHECK(options.caFile.isEmpty());
    CHECK(options.serverUrl.isEmpty());
}

TEST_CASE("app options: --show-settings is an option", "[app]")
{
    CHECK(parsed({u"--show-settings"_s}).showSettings);
    CHECK_FALSE(parsed({}).showSettings);
}

TEST_CASE("otrack --show-settings prints each setting and where it comes from", "[app]")
{
    TempDir home;
    QDir().mkpath(home.file(u"OTrack"_s));
    writeFile(home.file(u"OTrack/settings.conf"_s),
              "[General]\nSyncIntervalMinutes=12\nServerUrl=http://otrack.example\n");
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CONFIG_HOME"_s, home.path());
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(OTRACK_APP_BINARY), {u"--show-settings"_s});
    REQUIRE(app.waitForFinished(60000));
    const QString output = QString::fromLocal8Bit(app.readAllStandardOutput());
    INFO(output.toStdString());
    CHECK(app.exitCode() == 0);
    const QString userFile = home.file(u"OTrack/settings.conf"_s);
    CHECK(output.contains(u"SyncIntervalMinutes = 12 (user setting: %1: SyncIntervalMinutes)"_s.arg(userFile)));
    CHECK(output.contains(u"  refused: %1: ServerUrl: plain http:// is refused"_s.arg(userFile)));
    CHECK(output.contains(u"AutoUpdate = 0 (built-in default)"_s));
}
