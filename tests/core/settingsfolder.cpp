#include "settingsfolder.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFileInfo>

namespace otrack::test {

SettingsFolder::SettingsFolder()
{
    REQUIRE(QDir().mkpath(systemFolder()));
}

QString SettingsFolder::policyFile() const
{
    return QDir(systemFolder()).filePath(QString::fromUtf16(ClientSettings::kPolicyFile));
}

QString SettingsFolder::machineDefaultsFile() const
{
    return QDir(systemFolder()).filePath(QString::fromUtf16(ClientSettings::kMachineDefaultsFile));
}

void SettingsFolder::set(const QString &file, const QString &name, const QString &value)
{
    QMap<QString, QString> &values = m_values[file];
    if (value.isEmpty())
        values.remove(name);
    else
        values.insert(name, value);
    QByteArray text = "; written by the test\n[General]\n";
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text += it.key().toUtf8() + '=' + it.value().toUtf8() + '\n';
    REQUIRE(QDir().mkpath(QFileInfo(file).absolutePath()));
    writeFile(file, text);
}

}  // namespace otrack::test
