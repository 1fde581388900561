#pragma once

#include "result.h"

#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <array>

namespace otrack {

// The settings IT and teachers can give the client (docs/deployment.md). Each name is the
// registry value name under Software\Policies\OTrack and Software\OTrack, and the key in the
// Linux files.
enum class ClientSetting {
    ServerUrl,  // text: https:// address of the OTrack server
    PinnedCa,  // text: a CA to trust besides the system's (pinnedca.h)
    Language,  // text: e.g. en_GB, cy; unset: the system's language
    SyncIntervalMinutes,  // number, 1 to 1440
    AllowOfflineUnlock,  // boolean: unlock with the password when the server cannot be reached
    OfflineUnlockExpiryDays,  // number, 1 to 365: days after the last online sign-in
    AutoUpdate,  // boolean, off by default; OTrack has no updater, so it is only shown
};

// Where a value came from, most authoritative last.
enum class SettingSource {
    BuiltIn,  // nobody set it
    User,  // the user's own settings (the Settings dialog)
    MachineDefault,  // HKLM\Software\OTrack: the MSI's properties, or /etc/xdg/OTrack/defaults.conf
    UserPolicy,  // HKCU\Software\Policies\OTrack (Group Policy, user configuration)
    MachinePolicy,  // HKLM\Software\Policies\OTrack, or /etc/xdg/OTrack/policy.conf
};

struct ResolvedSetting {
    ClientSetting setting = ClientSetting::ServerUrl;
    QVariant value;  // QString, int or bool, checked and normalised; for unset text an empty string
    SettingSource source = SettingSource::BuiltIn;
    // Where it was read, for people: "HKEY_LOCAL_MACHINE\Software\Policies\OTrack\ServerUrl",
    // "/etc/xdg/OTrack/policy.conf: ServerUrl"; empty for BuiltIn.
    QString origin;
    // Values that a more authoritative source gave but that were refused, one sentence each
    // (each is logged too): "HKEY_...\ServerUrl: plain http:// is refused: ...".
    QStringList ignored;

    // Set by policy: shown disabled, "Managed by your organisation".
    bool managed() const { return source == SettingSource::UserPolicy || source == SettingSource::MachinePolicy; }
    // The user's own value decides only when neither policy nor the machine sets one.
    bool userCanChange() const { return source == SettingSource::User || source == SettingSource::BuiltIn; }
};

// Resolves each client setting from, in order: machine policy, user policy, the machine
// defaults the MSI wrote, the user's own settings, the built-in default. Every value is
// checked; a value that breaks its rule (an http:// address, an unreadable CA, a negative
// interval) is logged with the reason and skipped, so the next source decides, as if it had
// not been set. Nothing here throws or crashes on what a registry or file holds.
//
// On Windows the layers are registry keys read through QSettings::NativeFormat (the app is
// 64-bit, so it sees the registry view the x64 MSI and Group Policy write); elsewhere they
// are INI files under /etc/xdg/OTrack/ (policy.conf, defaults.conf) and the user's
// ~/.config/OTrack/settings.conf. Tests pass their own folders.
class ClientSettings {
public:
    struct Layer {
        SettingSource source;
        QString location;  // a registry key path (NativeFormat) or a file (IniFormat)
        QSettings::Format format;
    };

    static constexpr std::array<ClientSetting, 7> kAll{
        ClientSetting::ServerUrl,           ClientSetting::PinnedCa,           ClientSetting::Language,
        ClientSetting::SyncIntervalMinutes, ClientSetting::AllowOfflineUnlock, ClientSetting::OfflineUnlockExpiryDays,
        ClientSetting::AutoUpdate};

    // The Linux layout: policy.conf and defaults.conf in `systemFolder`, the user's `userFile`.
    static QList<Layer> fileLayers(const QString &systemFolder, const QString &userFile);
    // This platform's layers: the registry on Windows, fileLayers(kSystemFolder, ~/.config/...) elsewhere.
    static QList<Layer> platformLayers();
    static constexpr const char16_t *kSystemFolder = u"/etc/xdg/OTrack";
    static constexpr const char16_t *kPolicyFile = u"policy.conf";
    static constexpr const char16_t *kMachineDefaultsFile = u"defaults.conf";
    // The registry keys, under HKLM (and HKCU for policy).
    static constexpr const char16_t *kPolicyKey = u"Software\\Policies\\OTrack";
    static constexpr const char16_t *kMachineKey = u"Software\\OTrack";

    // `layers`: exactly one of them must be SettingSource::User (where setUserValue writes).
    explicit ClientSettings(QList<Layer> layers = platformLayers());

    // Reads every layer again (after IT or the user changed something).
    void reload();

    const ResolvedSetting &resolved(ClientSetting setting) const;
    // One line per setting, then one per refused value, for `otrack --show-settings` and for
    // support: "ServerUrl = https://otrack.example.sch.uk (machine policy: HKEY_...\ServerUrl)".
    QStringList describe() const;

    QString serverUrl() const;
    QString pinnedCa() const;
    QString language() const;
    int syncIntervalMinutes() const;
    bool allowOfflineUnlock() const;
    int offlineUnlockExpiryDays() const;
    bool autoUpdate() const;

    // Saves the user's own value and resolves again. An empty or null `value` removes it, so
    // the built-in default applies. Locked when policy or the machine sets the value (the
    // user's would have no effect); InvalidArgument/NotFound when the value breaks its rule;
    // NotWritable when the user's settings cannot be saved.
    Status setUserValue(ClientSetting setting, const QVariant &value);

    // The value name: "ServerUrl", ...
    static QString valueName(ClientSetting setting);
    // Every value name the reader reads under the policy keys. The ADMX template must offer
    // these and no others (tests/installer checks it against this list).
    static QStringList policyValueNames();
    static QVariant builtInValue(ClientSetting setting);
    // A raw value (a registry value, INI text or what the user typed) checked against the
    // setting's rule: the normalised value, or why it is refused.
    static Result<QVariant> check(ClientSetting setting, const QVariant &raw);
    // "policy", "machine default", ...: for logs and `otrack --show-settings`.
    static QString sourceName(SettingSource source);

private:
    ResolvedSetting resolve(ClientSetting setting, const QList<QSettings *> &stores) const;
    const Layer &userLayer() const;

    QList<Layer> m_layers;
    std::array<ResolvedSetting, kAll.size()> m_resolved;
};

}  // namespace otrack
