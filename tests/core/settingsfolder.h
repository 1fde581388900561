#pragma once

#include "clientsettings.h"
#include "tempdir.h"

#include <QMap>
#include <QString>

namespace otrack::test {

// The Linux settings layout in a temporary folder: policy.conf and defaults.conf in a system
// folder, and the user's settings file. Values are written as the text IT would type into
// the files, not through QSettings, so the reader is tested against files it did not write.
class SettingsFolder {
public:
    SettingsFolder();

    QString systemFolder() const { return m_dir.file(QStringLiteral("etc-xdg-OTrack")); }
    QString userFile() const { return m_dir.file(QStringLiteral("home/.config/OTrack/settings.conf")); }
    QString policyFile() const;
    QString machineDefaultsFile() const;
    QList<ClientSettings::Layer> layers() const { return ClientSettings::fileLayers(systemFolder(), userFile()); }
    // A folder for other files a test needs (CA certificates).
    QString scratch(const QString &name) const { return m_dir.file(name); }

    // Sets `name=value` in the file (rewriting it); an empty value removes the line.
    void setPolicy(const QString &name, const QString &value) { set(policyFile(), name, value); }
    void setMachineDefault(const QString &name, const QString &value) { set(machineDefaultsFile(), name, value); }
    void setUser(const QString &name, const QString &value) { set(userFile(), name, value); }

private:
    void set(const QString &file, const QString &name, const QString &value);

    TempDir m_dir;
    QMap<QString, QMap<QString, QString>> m_values;
};

}  // namespace otrack::test
