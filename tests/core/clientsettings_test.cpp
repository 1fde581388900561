#include "clientsettings.h"
#include "settingsfolder.h"
#include "testpki.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QtGlobal>

using namespace otrack;
using namespace otrack::test;
using namespace Qt::StringLiterals;

namespace {

QStringList g_logged;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && QByteArray(context.category) == "otrack.settings")
        g_logged.append(message);
}

bool anyContains(const QStringList &lines, const QString &part)
{
    return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.contains(part); });
}

}  // namespace

TEST_CASE("policy beats machine defaults beats the user's own settings")
{
    SettingsFolder folder;
    folder.setPolicy(u"ServerUrl"_s, u"https://policy.example.sch.uk:8443"_s);
    folder.setMachineDefault(u"ServerUrl"_s, u"https://machine.example.sch.uk"_s);
    folder.setUser(u"ServerUrl"_s, u"https://user.example.sch.uk"_s);
    folder.setMachineDefault(u"Language"_s, u"cy"_s);
    folder.setUser(u"Language"_s, u"en_GB"_s);
    folder.setUser(u"SyncIntervalMinutes"_s, u"10"_s);

    const ClientSettings settings(folder.layers());

    const ResolvedSetting &server = settings.resolved(ClientSetting::ServerUrl);
    CHECK(settings.serverUrl() == u"https://policy.example.sch.uk:8443"_s);
    CHECK(server.source == SettingSource::MachinePolicy);
    CHECK(server.managed());
    CHECK_FALSE(server.userCanChange());
    CHECK(server.origin == folder.policyFile() + u": ServerUrl"_s);

    const ResolvedSetting &language = settings.resolved(ClientSetting::Language);
    CHECK(settings.language() == u"cy"_s);
    CHECK(language.source == SettingSource::MachineDefault);
    CHECK_FALSE(language.managed());
    CHECK_FALSE(language.userCanChange());  // the machine's value beats the user's

    const ResolvedSetting &interval = settings.resolved(ClientSetting::SyncIntervalMinutes);
    CHECK(settings.syncIntervalMinutes() == 10);
    CHECK(interval.source == SettingSource::User);
    CHECK(interval.userCanChange());

    const ResolvedSetting &offline = settings.resolved(ClientSetting::AllowOfflineUnlock);
    CHECK(offline.source == SettingSource::BuiltIn);
    CHECK(settings.allowOfflineUnlock());
    CHECK(settings.offlineUnlockExpiryDays() == 30);
    CHECK_FALSE(settings.autoUpdate());
    CHECK(settings.pinnedCa().isEmpty());

    const QStringList described = settings.describe();
    REQUIRE(described.size() == int(ClientSettings::kAll.size()));
    CHECK(described.first()
          == u"ServerUrl = https://policy.example.sch.uk:8443 (machine policy: %1: ServerUrl)"_s.arg(
              folder.policyFile()));
    CHECK(described.at(4) == u"AllowOfflineUnlock = 1 (built-in default)"_s);
}

TEST_CASE("each layer decides again once the one above it is removed")
{
    SettingsFolder folder;
    folder.setPolicy(u"AllowOfflineUnlock"_s, u"0"_s);
    folder.setMachineDefault(u"AllowOfflineUnlock"_s, u"1"_s);
    ClientSettings settings(folder.layers());
    CHECK_FALSE(settings.allowOfflineUnlock());
    CHECK(settings.resolved(ClientSetting::AllowOfflineUnlock).managed());

    folder.setPolicy(u"AllowOfflineUnlock"_s, QString());
    settings.reload();
    CHECK(settings.allowOfflineUnlock());
    CHECK(settings.resolved(ClientSetting::AllowOfflineUnlock).source == SettingSource::MachineDefault);

    folder.setMachineDefault(u"AllowOfflineUnlock"_s, QString());
    folder.setUser(u"AllowOfflineUnlock"_s, u"false"_s);
    settings.reload();
    CHECK_FALSE(settings.allowOfflineUnlock());
    CHECK(settings.resolved(ClientSetting::AllowOfflineUnlock).source == SettingSource::User);
}

TEST_CASE("the layers apply in authority order whatever order they are given in")
{
    SettingsFolder folder;
    folder.setPolicy(u"OfflineUnlockExpiryDays"_s, u"7"_s);
    folder.setUser(u"OfflineUnlockExpiryDays"_s, u"60"_s);
    QList<ClientSettings::Layer> reversed = folder.layers();
    std::reverse(reversed.begin(), reversed.end());
    const ClientSettings settings(reversed);
    CHECK(settings.offlineUnlockExpiryDays() == 7);
}

TEST_CASE("invalid policy values are logged with a reason and the next source decides")
{
    SettingsFolder folder;
    folder.setPolicy(u"ServerUrl"_s, u"http://otrack.example.sch.uk"_s);
    folder.setMachineDefault(u"ServerUrl"_s, u"https://machine.example.sch.uk/"_s);
    folder.setPolicy(u"PinnedCa"_s, folder.scratch(u"missing-ca.pem"_s));
    folder.setPolicy(u"SyncIntervalMinutes"_s, u"-5"_s);
    folder.setUser(u"SyncIntervalMinutes"_s, u"15"_s);
    folder.setPolicy(u"OfflineUnlockExpiryDays"_s, u"0"_s);
    folder.setPolicy(u"AllowOfflineUnlock"_s, u"maybe"_s);
    folder.setPolicy(u"Language"_s, u"Klingon"_s);
    folder.setPolicy(u"AutoUpdate"_s, u"2"_s);

    g_logged.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    const ClientSettings settings(folder.layers());
    qInstallMessageHandler(previous);
    // One warning per refused value, each naming the file, the value and the reason.
    CHECK(g_logged.size() == 7);
    CHECK(anyContains(g_logged, folder.policyFile() + u": SyncIntervalMinutes: must be a whole number"_s));

    const ResolvedSetting &server = settings.resolved(ClientSetting::ServerUrl);
    CHECK(settings.serverUrl() == u"https://machine.example.sch.uk"_s);  // normalised, no trailing slash
    CHECK(server.source == SettingSource::MachineDefault);
    CHECK_FALSE(server.managed());
    REQUIRE(server.ignored.size() == 1);
    CHECK(server.ignored.first().startsWith(folder.policyFile() + u": ServerUrl: plain http:// is refused"_s));

    const ResolvedSetting &ca = settings.resolved(ClientSetting::PinnedCa);
    CHECK(settings.pinnedCa().isEmpty());
    CHECK(ca.source == SettingSource::BuiltIn);
    CHECK(anyContains(ca.ignored, u"cannot read the CA file"_s));

    CHECK(settings.syncIntervalMinutes() == 15);
    CHECK(anyContains(settings.resolved(ClientSetting::SyncIntervalMinutes).ignored,
                      u"must be a whole number of minutes from 1 to 1440, not \"-5\""_s));
    CHECK(settings.offlineUnlockExpiryDays() == 30);
    CHECK(anyContains(settings.resolved(ClientSetting::OfflineUnlockExpiryDays).ignored, u"from 1 to 365"_s));
    CHECK(settings.allowOfflineUnlock());
    CHECK(anyContains(settings.resolved(ClientSetting::AllowOfflineUnlock).ignored, u"\"maybe\""_s));
    CHECK(settings.language().isEmpty());
    CHECK(anyContains(settings.resolved(ClientSetting::Language).ignored, u"not a language code"_s));
    CHECK_FALSE(settings.autoUpdate());
    CHECK_FALSE(settings.resolved(ClientSetting::AutoUpdate).ignored.isEmpty());
}

TEST_CASE("every other server address rule is enforced on policy values")
{
    SettingsFolder folder;
    for (const QString &bad : {u"ftp://otrack.example.sch.uk"_s, u"https://"_s, u"https://admin:secret@host.example"_s,
                               u"https://host.example/?x=1"_s, u"https://host.example/#top"_s, u"otrack.example"_s}) {
        folder.setPolicy(u"ServerUrl"_s, bad);
        const ClientSettings settings(folder.layers());
        INFO(bad.toStdString());
        CHECK(settings.serverUrl().isEmpty());
        CHECK(settings.resolved(ClientSetting::ServerUrl).ignored.size() == 1);
    }
}

TEST_CASE("a damaged or unreadable settings file is survived")
{
    SettingsFolder folder;
    folder.setMachineDefault(u"SyncIntervalMinutes"_s, u"20"_s);
    QByteArray garbage(4096, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 7919) % 256);
    writeFile(folder.policyFile(), garbage);
    const ClientSettings settings(folder.layers());
    CHECK(settings.syncIntervalMinutes() == 20);
    CHECK_FALSE(settings.resolved(ClientSetting::SyncIntervalMinutes).managed());
}

TEST_CASE("a pinned CA is accepted as a path or in base64, and resolved from policy")
{
    SettingsFolder folder;
    const TestPki pki = makeTestPki(folder.scratch(QString()));
    folder.setPolicy(u"PinnedCa"_s, pki.caCertificate);
    ClientSettings settings(folder.layers());
    CHECK(settings.pinnedCa() == pki.caCertificate);
    CHECK(settings.resolved(ClientSetting::PinnedCa).managed());

    const QString base64 = QString::fromLatin1(readFile(pki.caCertificate).toBase64());
    folder.setPolicy(u"PinnedCa"_s, base64);
    settings.reload();
    CHECK(settings.pinnedCa() == base64);
    CHECK(settings.resolved(ClientSetting::PinnedCa).ignored.isEmpty());
}

TEST_CASE("the user's own values are saved, checked and refused where policy or the machine decides")
{
    SettingsFolder folder;
    folder.setPolicy(u"ServerUrl"_s, u"https://policy.example.sch.uk"_s);
    folder.setMachineDefault(u"Language"_s, u"cy"_s);
    ClientSettings settings(folder.layers());

    Status managed = settings.setUserValue(ClientSetting::ServerUrl, u"https://mine.example"_s);
    REQUIRE_FALSE(managed);
    CHECK(managed.error().code == ErrorCode::Locked);
    CHECK(managed.error().message.contains(u"machine policy"_s));
    Status machine = settings.setUserValue(ClientSetting::Language, u"en_GB"_s);
    REQUIRE_FALSE(machine);
    CHECK(machine.error().code == ErrorCode::Locked);
    CHECK_FALSE(QFile::exists(folder.userFile()));

    Status negative = settings.setUserValue(ClientSetting::SyncIntervalMinutes, -1);
    REQUIRE_FALSE(negative);
    CHECK(negative.error().code == ErrorCode::InvalidArgument);
    CHECK(settings.syncIntervalMinutes() == 5);

    REQUIRE(settings.setUserValue(ClientSetting::SyncIntervalMinutes, 30));
    REQUIRE(settings.setUserValue(ClientSetting::AllowOfflineUnlock, false));
    CHECK(settings.syncIntervalMinutes() == 30);
    CHECK(settings.resolved(ClientSetting::SyncIntervalMinutes).source == SettingSource::User);
    // Saved where a new reader finds it.
    const ClientSettings again(folder.layers());
    CHECK(again.syncIntervalMinutes() == 30);
    CHECK_FALSE(again.allowOfflineUnlock());

    REQUIRE(settings.setUserValue(ClientSetting::SyncIntervalMinutes, QVariant()));
    CHECK(settings.syncIntervalMinutes() == 5);
    CHECK(settings.resolved(ClientSetting::SyncIntervalMinutes).source == SettingSource::BuiltIn);
}

TEST_CASE("an unwritable user settings file is reported, not ignored")
{
    SettingsFolder folder;
    // The settings file's folder is a plain file: nothing can be created under it, not even by root.
    writeFile(folder.scratch(u"home"_s), "not a folder");
    ClientSettings settings(folder.layers());
    const Status saved = settings.setUserValue(ClientSetting::SyncIntervalMinutes, 30);
    REQUIRE_FALSE(saved);
    CHECK(saved.error().code == ErrorCode::NotWritable);
    CHECK(settings.syncIntervalMinutes() == 5);
}

TEST_CASE("the reader lists every policy value name it reads")
{
    const QStringList names = ClientSettings::policyValueNames();
    CHECK(names
          == QStringList{u"ServerUrl"_s, u"PinnedCa"_s, u"Language"_s, u"SyncIntervalMinutes"_s,
                         u"AllowOfflineUnlock"_s, u"OfflineUnlockExpiryDays"_s, u"AutoUpdate"_s});
    // Each of them is read from policy: set one, and it is managed.
    for (ClientSetting setting : ClientSettings::kAll) {
        SettingsFolder folder;
        const QString name = ClientSettings::valueName(setting);
        const QString value = setting == ClientSetting::ServerUrl ? u"https://otrack.example.sch.uk"_s
            : setting == ClientSetting::Language                  ? u"cy"_s
            : setting == ClientSetting::PinnedCa                  ? QString()
                                                                  : u"1"_s;
        if (value.isEmpty())
            continue;  // covered by the CA test case
        folder.setPolicy(name, value);
        const ClientSettings settings(folder.layers());
        INFO(name.toStdString());
        CHECK(settings.resolved(setting).managed());
    }
}

TEST_CASE("a settings file with # comments still applies")
{
    SettingsFolder folder;
    writeFile(folder.policyFile(),
              "# OTrack policy for the ICT suite\n[General]\n# the trust's server\n"
              "ServerUrl=https://otrack.example.sch.uk\nSyncIntervalMinutes=45\n");
    const ClientSettings settings(folder.layers());
    CHECK(settings.serverUrl() == u"https://otrack.example.sch.uk"_s);
    CHECK(settings.syncIntervalMinutes() == 45);
    CHECK(settings.resolved(ClientSetting::SyncIntervalMinutes).managed());
}
