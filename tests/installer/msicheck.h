#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace otrack::test {

// One table of an MSI as `msiinfo export` prints it.
struct MsiTable {
    QStringList columns;
    QList<QStringList> rows;

    QString value(const QStringList &row, const QString &column) const { return row.value(columns.indexOf(column)); }
    // The rows whose `column` equals `value`.
    QList<QStringList> where(const QString &column, const QString &value) const;
};

// What installer/README.md promises, and which machine default each property writes.
struct MsiExpectations {
    QString upgradeCode;  // without braces
    QStringList documentedProperties;  // every property with an msiexec line in the README
    QMap<QString, QString> machineDefaults;  // property -> value name under HKLM\Software\OTrack
    QString appFileName;  // the app's file in the program folder
};

// Reads the UpgradeCode and the documented properties (each `msiexec` line's NAME=value)
// from installer/README.md. Empty fields when the README does not say.
MsiExpectations readInstallerReadme(const QString &readmeFile);

// Builds an MSI with wixl from the WiX source in `installerFolder` (otrack.wxs, machine.wxs)
// and every file under `payloadFolder` (listed by wixl-heat, as heat does on Windows).
// Returns false with wixl's output in `log` when the build fails.
bool buildMsi(const QString &installerFolder, const QString &payloadFolder, const QString &appFileName,
              const QString &msiFile, QString *log);

// Inspects a built MSI with msiinfo: per-machine (ALLUSERS, x64), the documented UpgradeCode
// and upgrade/downgrade rules, every documented property present and nothing undocumented,
// registry rows only under HKLM, the machine defaults written under the key and value names
// the app reads (ClientSettings) and remembered across upgrades, the Start-menu and desktop
// shortcuts pointing at the app's file, launching after install, and the payload. One
// sentence per problem; empty when the MSI is right.
QStringList msiProblems(const QString &msiFile, const MsiExpectations &expected);

// Extracts the MSI's files (msiextract) into `scratchFolder` and compares them with the folder
// it was built from: the same files, byte for byte, in the program folder. One sentence per
// problem.
QStringList payloadProblems(const QString &msiFile, const QString &payloadFolder, const QString &scratchFolder);

// What wixl cannot build, checked in the WiX source instead: each machine-default component
// and the desktop shortcut carry a Condition on their property. One sentence per problem.
QStringList wixSourceProblems(const QString &machineWxs, const MsiExpectations &expected);

// What neither check can cover on Linux, for the test to say so.
QStringList wixlBlindSpots();

}  // namespace otrack::test
