#include "msicheck.h"

#include "clientsettings.h"
#include "xmltree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace otrack::test {

namespace {

// Registry table roots (Windows Installer SDK, Registry table).
constexpr int kRootHklm = 2;
// Component attributes and RegLocator types with the 64-bit flag.
constexpr int kComponent64Bit = 256;
constexpr int kLocator64Bit = 16;
// Custom action types, without their scheduling flags.
constexpr int kCustomActionBaseMask = 0x3F;
constexpr int kSetProperty = 51;
constexpr int kExeFromProperty = 50;
constexpr int kUpgradeOnlyDetect = 2;

bool run(const QString &program, const QStringList &arguments, const QByteArray &input, QByteArray *output,
         QString *log, const QString &workingFolder = QString())
{
    QProcess process;
    process.setWorkingDirectory(workingFolder);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *log = u"%1 did not start: %2"_s.arg(program, process.errorString());
        return false;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        *log = u"%1 did not finish"_s.arg(program);
        return false;
    }
    *output = process.readAllStandardOutput();
    *log = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

MsiTable exportTable(const QString &msiFile, const QString &table)
{
    QByteArray output;
    QString log;
    MsiTable result;
    if (!run(u"msiinfo"_s, {u"export"_s, msiFile, table}, {}, &output, &log))
        return result;
    const QStringList lines = QString::fromUtf8(output).split(u"\r\n"_s).join(u'\n').split(u'\n');
    // Column names, column types, then the table name with its keys; then the rows.
    if (lines.size() < 3)
        return result;
    result.columns = lines.at(0).split(u'\t');
    for (qsizetype i = 3; i < lines.size(); ++i) {
        if (!lines.at(i).isEmpty())
            result.rows.append(lines.at(i).split(u'\t'));
    }
    return result;
}

QString summaryTemplate(const QString &msiFile)
{
    QByteArray output;
    QString log;
    if (!run(u"msiinfo"_s, {u"suminfo"_s, msiFile}, {}, &output, &log))
        return {};
    static const QRegularExpression line(u"^Template: (.*)$"_s, QRegularExpression::MultilineOption);
    return line.match(QString::fromUtf8(output)).captured(1).trimmed();
}

// An MSI's FileName column is "SHORT|long name" or just the name.
QString longName(const QString &fileName)
{
    return fileName.section(u'|', -1);
}

int sequenceOf(const MsiTable &sequence, const QString &action)
{
    const QList<QStringList> rows = sequence.where(u"Action"_s, action);
    return rows.isEmpty() ? -1 : sequence.value(rows.first(), u"Sequence"_s).toInt();
}

// The directory a row of the Directory table stands for, "." folders (wixl-heat's) resolved.
QString resolvedDirectory(const MsiTable &directories, const QString &id)
{
    QString current = id;
    for (int depth = 0; depth < 32; ++depth) {
        const QList<QStringList> rows = directories.where(u"Directory"_s, current);
        if (rows.isEmpty() || longName(directories.value(rows.first(), u"DefaultDir"_s)) != u"."_s)
            return current;
        current = directories.value(rows.first(), u"Directory_Parent"_s);
    }
    return current;
}

bool isPublicProperty(const QString &name)
{
    static const QRegularExpression shape(u"^[A-Z][A-Z0-9_]+$"_s);
    return shape.match(name).hasMatch();
}

// Properties Windows Installer itself defines: not ours to document.
bool isStandardProperty(const QString &name)
{
    return name == u"ALLUSERS"_s || name.startsWith(u"ARP"_s) || name.startsWith(u"MSI"_s)
        || name.startsWith(u"WIX_"_s);
}

void checkPackage(const QString &msiFile, const MsiTable &properties, const MsiExpectations &expected,
                  QStringList *problems)
{
    const auto property = [&](const QString &name) {
        const QList<QStringList> rows = properties.where(u"Property"_s, name);
        return rows.isEmpty() ? QString() : properties.value(rows.first(), u"Value"_s);
    };
    if (property(u"UpgradeCode"_s) != u"{%1}"_s.arg(expected.upgradeCode))
        problems->append(u"UpgradeCode is %1, but installer/README.md documents {%2}"_s.arg(property(u"UpgradeCode"_s),
                                                                                            expected.upgradeCode));
    if (property(u"ALLUSERS"_s) != u"1"_s)
        problems->append(u"ALLUSERS is \"%1\", not 1: the install is not per machine"_s.arg(property(u"ALLUSERS"_s)));
    if (!property(u"MSIINSTALLPERUSER"_s).isEmpty())
        problems->append(u"MSIINSTALLPERUSER is set: the install may go per user"_s);
    if (!summaryTemplate(msiFile).startsWith(u"x64;"_s))
        problems->append(u"the package is not x64 (Template %1)"_s.arg(summaryTemplate(msiFile)));
}

void checkUpgrades(const QString &msiFile, const MsiExpectations &expected, QStringList *problems)
{
    const MsiTable upgrade = exportTable(msiFile, u"Upgrade"_s);
    const QList<QStringList> rows = upgrade.where(u"UpgradeCode"_s, u"{%1}"_s.arg(expected.upgradeCode));
    bool upgrades = false;
    bool detectsDowngrade = false;
    for (const QStringList &row : rows) {
        const int attributes = upgrade.value(row, u"Attributes"_s).toInt();
        const QString action = upgrade.value(row, u"ActionProperty"_s);
        if (!(attributes & kUpgradeOnlyDetect) && !upgrade.value(row, u"VersionMax"_s).isEmpty())
            upgrades = true;
        if ((attributes & kUpgradeOnlyDetect) && !upgrade.value(row, u"VersionMin"_s).isEmpty())
            detectsDowngrade = !action.isEmpty()
                && !exportTable(msiFile, u"LaunchCondition"_s).where(u"Condition"_s, u"NOT "_s + action).isEmpty();
    }
    if (!upgrades)
        problems->append(u"no Upgrade row removes older versions of the same UpgradeCode"_s);
    if (!detectsDowngrade)
        problems->append(u"a newer installed version does not stop the install (no downgrade launch condition)"_s);
    if (sequenceOf(exportTable(msiFile, u"InstallExecuteSequence"_s), u"RemoveExistingProducts"_s) < 0)
        problems->append(u"RemoveExistingProducts is not scheduled: an upgrade would leave the old version"_s);
}

void checkProperties(const QString &msiFile, const MsiTable &properties, const MsiExpectations &expected,
                     QStringList *problems)
{
    const MsiTable search = exportTable(msiFile, u"AppSearch"_s);
    QStringList conditions;
    for (const QString &table : {u"InstallExecuteSequence"_s, u"InstallUISequence"_s}) {
        const MsiTable sequence = exportTable(msiFile, table);
        for (const QStringList &row : sequence.rows)
            conditions.append(sequence.value(row, u"Condition"_s));
    }
    const QString allConditions = conditions.join(u'\n');
    QStringList defined;
    for (const QStringList &row : properties.rows)
        defined.append(properties.value(row, u"Property"_s));
    for (const QStringList &row : search.rows)
        defined.append(search.value(row, u"Property"_s));

    for (const QString &name : expected.documentedProperties) {
        const bool used = defined.contains(name)
            || allConditions.contains(QRegularExpression(u"\\b%1\\b"_s.arg(QRegularExpression::escape(name))));
        if (!used)
            problems->append(u"property %1 is documented but the MSI neither defines nor uses it"_s.arg(name));
    }
    for (const QString &name : std::as_const(defined)) {
        if (isPublicProperty(name) && !isStandardProperty(name) && !expected.documentedProperties.contains(name))
            problems->append(u"public property %1 is not documented in installer/README.md"_s.arg(name));
    }
}

// Each remembered property is read back from where it is written, and a value given on the
// command line is saved before AppSearch and put back after it, in both sequences.
void checkRemembered(const QString &msiFile, const QString &property, const QStringList &written,
                     const MsiTable &registry, QStringList *problems)
{
    const MsiTable search = exportTable(msiFile, u"AppSearch"_s);
    const MsiTable locators = exportTable(msiFile, u"RegLocator"_s);
    const QList<QStringList> searches = search.where(u"Property"_s, property);
    const QList<QStringList> locator = searches.isEmpty()
        ? QList<QStringList>()
        : locators.where(u"Signature_"_s, search.value(searches.first(), u"Signature_"_s));
    if (locator.isEmpty()) {
        problems->append(u"%1 is not read back from the registry: an upgrade would lose it"_s.arg(property));
        return;
    }
    const QStringList &found = locator.first();
    const bool sameValue = locators.value(found, u"Root"_s) == registry.value(written, u"Root"_s)
        && locators.value(found, u"Key"_s).compare(registry.value(written, u"Key"_s), Qt::CaseInsensitive) == 0
        && locators.value(found, u"Name"_s) == registry.value(written, u"Name"_s);
    if (!sameValue)
        problems->append(u"%1 is read back from %2\\%3, not from where it is written"_s.arg(
            property, locators.value(found, u"Key"_s), locators.value(found, u"Name"_s)));
    if (!(locators.value(found, u"Type"_s).toInt() & kLocator64Bit))
        problems->append(u"%1 is read back from the 32-bit registry view"_s.arg(property));

    const MsiTable actions = exportTable(msiFile, u"CustomAction"_s);
    QString save;
    QString saved;
    QString restore;
    for (const QStringList &row : actions.rows) {
        if ((actions.value(row, u"Type"_s).toInt() & kCustomActionBaseMask) != kSetProperty)
            continue;
        if (actions.value(row, u"Target"_s) == u"[%1]"_s.arg(property)) {
            save = actions.value(row, u"Action"_s);
            saved = actions.value(row, u"Source"_s);
        }
    }
    for (const QStringList &row : actions.rows) {
        if (!saved.isEmpty() && actions.value(row, u"Source"_s) == property
            && actions.value(row, u"Target"_s) == u"[%1]"_s.arg(saved))
            restore = actions.value(row, u"Action"_s);
    }
    for (const QString &table : {u"InstallUISequence"_s, u"InstallExecuteSequence"_s}) {
        const MsiTable sequence = exportTable(msiFile, table);
        const int appSearch = sequenceOf(sequence, u"AppSearch"_s);
        const int before = save.isEmpty() ? -1 : sequenceOf(sequence, save);
        const int after = restore.isEmpty() ? -1 : sequenceOf(sequence, restore);
        if (before < 0 || after < 0 || !(before < appSearch && appSearch < after))
            problems->append(u"%1: a value given on the command line is not kept over the remembered one in %2"_s.arg(
                property, table));
    }
}

void checkRegistry(const QString &msiFile, const MsiExpectations &expected, QStringList *problems)
{
    const MsiTable registry = exportTable(msiFile, u"Registry"_s);
    const MsiTable components = exportTable(msiFile, u"Component"_s);
    const QString machineKey = QString::fromUtf16(ClientSettings::kMachineKey);
    const QStringList readerNames = ClientSettings::policyValueNames();
    for (const QStringList &row : registry.rows) {
        const QString where = u"%1\\%2"_s.arg(registry.value(row, u"Key"_s), registry.value(row, u"Name"_s));
        if (registry.value(row, u"Root"_s).toInt() != kRootHklm)
            problems->append(u"registry row %1 writes root %2, not HKLM: a per-machine install writes no user's "
                             "registry"_s.arg(where, registry.value(row, u"Root"_s)));
        if (registry.value(row, u"Key"_s).compare(machineKey, Qt::CaseInsensitive) == 0
            && !readerNames.contains(registry.value(row, u"Name"_s)))
            problems->append(
                u"registry row %1 is under the app's machine key but the app does not read it"_s.arg(where));
        const QList<QStringList> component = components.where(u"Component"_s, registry.value(row, u"Component_"_s));
        if (!component.isEmpty() && !(components.value(component.first(), u"Attributes"_s).toInt() & kComponent64Bit))
            problems->append(u"registry row %1 goes to the 32-bit registry view"_s.arg(where));
    }
    for (auto it = expected.machineDefaults.cbegin(); it != expected.machineDefaults.cend(); ++it) {
        const QStringList *written = nullptr;
        for (const QStringList &row : registry.rows) {
            if (registry.value(row, u"Value"_s) == u"[%1]"_s.arg(it.key()))
                written = &row;
        }
        if (!written) {
            problems->append(u"%1 is not written to the registry"_s.arg(it.key()));
            continue;
        }
        if (registry.value(*written, u"Root"_s).toInt() != kRootHklm
            || registry.value(*written, u"Key"_s).compare(machineKey, Qt::CaseInsensitive) != 0
            || registry.value(*written, u"Name"_s) != it.value())
            problems->append(u"%1 is written to %2\\%3, but the app reads HKLM\\%4\\%5"_s.arg(
                it.key(), registry.value(*written, u"Key"_s), registry.value(*written, u"Name"_s), machineKey,
                it.value()));
        checkRemembered(msiFile, it.key(), *written, registry, problems);
    }
}

void checkShortcuts(const QString &msiFile, const MsiExpectations &expected, QStringList *problems)
{
    const MsiTable shortcuts = exportTable(msiFile, u"Shortcut"_s);
    const MsiTable files = exportTable(msiFile, u"File"_s);
    const MsiTable components = exportTable(msiFile, u"Component"_s);
    const MsiTable directories = exportTable(msiFile, u"Directory"_s);
    const MsiTable registry = exportTable(msiFile, u"Registry"_s);

    bool appInstalled = false;
    for (const QStringList &file : files.rows) {
        if (longName(files.value(file, u"FileName"_s)) != expected.appFileName)
            continue;
        const QList<QStringList> component = components.where(u"Component"_s, files.value(file, u"Component_"_s));
        if (!component.isEmpty()
            && resolvedDirectory(directories, components.value(component.first(), u"Directory_"_s))
                == u"INSTALL_ROOT"_s)
            appInstalled = true;
    }
    if (!appInstalled)
        problems->append(u"the app's file %1 is not installed in the program folder"_s.arg(expected.appFileName));

    for (const QString &folder : {u"ProgramMenuFolder"_s, u"DesktopFolder"_s}) {
        const QList<QStringList> rows = shortcuts.where(u"Directory_"_s, folder);
        if (rows.isEmpty()) {
            problems->append(u"no shortcut in %1"_s.arg(folder));
            continue;
        }
        for (const QStringList &row : rows) {
            const QString target = shortcuts.value(row, u"Target"_s);
            if (target != u"[INSTALL_ROOT]%1"_s.arg(expected.appFileName))
                problems->append(u"the shortcut in %1 points at %2, not the app"_s.arg(folder, target));
            const QList<QStringList> component
                = components.where(u"Component"_s, shortcuts.value(row, u"Component_"_s));
            const QString keyPath = component.isEmpty() ? QString() : components.value(component.first(), u"KeyPath"_s);
            const QList<QStringList> key = registry.where(u"Registry"_s, keyPath);
            if (key.isEmpty() || registry.value(key.first(), u"Root"_s).toInt() != kRootHklm)
                problems->append(u"the shortcut in %1 is not kept by an HKLM registry value"_s.arg(folder));
        }
    }
}

void checkLaunch(const QString &msiFile, QStringList *problems)
{
    const MsiTable sequence = exportTable(msiFile, u"InstallExecuteSequence"_s);
    const MsiTable actions = exportTable(msiFile, u"CustomAction"_s);
    const int finalize = sequenceOf(sequence, u"InstallFinalize"_s);
    bool launches = false;
    for (const QStringList &row : sequence.rows) {
        const QString condition = sequence.value(row, u"Condition"_s);
        if (!condition.contains(u"LAUNCH_AFTER_INSTALL"_s))
            continue;
        const QList<QStringList> action = actions.where(u"Action"_s, sequence.value(row, u"Action"_s));
        launches = !action.isEmpty()
            && (actions.value(action.first(), u"Type"_s).toInt() & kCustomActionBaseMask) == kExeFromProperty
            && sequence.value(row, u"Sequence"_s).toInt() > finalize && condition.contains(u"NOT Installed"_s);
    }
    if (!launches)
        problems->append(u"LAUNCH_AFTER_INSTALL does not start the app after InstallFinalize on a first install"_s);
}

void checkPayload(const QString &msiFile, const MsiExpectations &expected, QStringList *problems)
{
    const MsiTable files = exportTable(msiFile, u"File"_s);
    QStringList names;
    for (const QStringList &row : files.rows)
        names.append(longName(files.value(row, u"FileName"_s)));
    for (const QString &needed : {expected.appFileName, u"otrack.admx"_s, u"otrack.adml"_s}) {
        if (!names.contains(needed))
            problems->append(u"the payload has no %1"_s.arg(needed));
    }
    if (names.filter(QRegularExpression(u"\\.qm$"_s)).isEmpty())
        problems->append(u"the payload has no translations (.qm)"_s);
}

}  // namespace

QList<QStringList> MsiTable::where(const QString &column, const QString &value) const
{
    QList<QStringList> found;
    const qsizetype index = columns.indexOf(column);
    for (const QStringList &row : rows) {
        if (index >= 0 && row.value(index) == value)
            found.append(row);
    }
    return found;
}

MsiExpectations readInstallerReadme(const QString &readmeFile)
{
    MsiExpectations expected;
    QFile file(readmeFile);
    if (!file.open(QIODevice::ReadOnly))
        return expected;
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression upgradeCode(
        u"UpgradeCode[^{\\n]*\\{([0-9A-F]{8}(?:-[0-9A-F]{4}){3}-[0-9A-F]{12})\\}"_s);
    expected.upgradeCode = upgradeCode.match(text).captured(1);
    static const QRegularExpression msiexec(u"^\\s*msiexec [^\\n]*$"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression assignment(u"\\b([A-Z][A-Z0-9_]+)="_s);
    auto lines = msiexec.globalMatch(text);
    while (lines.hasNext()) {
        auto names = assignment.globalMatch(lines.next().captured(0));
        while (names.hasNext()) {
            const QString name = names.next().captured(1);
            if (!expected.documentedProperties.contains(name))
                expected.documentedProperties.append(name);
        }
    }
    return expected;
}

bool buildMsi(const QString &installerFolder, const QString &payloadFolder, const QString &appFileName,
              const QString &msiFile, QString *log)
{
    // wixl finds File/@Source only as a path relative to where it runs, so both tools run in
    // the MSI's folder and see the payload by a relative path.
    const QDir work = QFileInfo(msiFile).absoluteDir();
    const QString payload = work.relativeFilePath(QDir(payloadFolder).absolutePath());
    QByteArray list;
    QDirIterator it(payloadFolder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        list += work.relativeFilePath(QFileInfo(it.next()).absoluteFilePath()).toUtf8() + '\n';
    QByteArray fragment;
    if (!run(u"wixl-heat"_s,
             {u"-p"_s, payload + u'/', u"--component-group"_s, u"OTrackPayload"_s, u"--var"_s, u"var.PayloadDir"_s,
              u"--directory-ref"_s, u"INSTALL_ROOT"_s, u"--win64"_s},
             list, &fragment, log, work.path()))
        return false;
    const QString fragmentFile = work.filePath(u"payload.wxs"_s);
    QFile out(fragmentFile);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(fragment) != fragment.size()) {
        *log = u"cannot write "_s + fragmentFile;
        return false;
    }
    out.close();
    const QDir source(installerFolder);
    QByteArray output;
    const bool built
        = run(u"wixl"_s,
              {u"-a"_s, u"x64"_s, u"-D"_s, u"Wixl=1"_s, u"-D"_s, u"Win64=yes"_s, u"-D"_s, u"AppExe="_s + appFileName,
               u"-D"_s, u"Version="_s + QStringLiteral(OTRACK_VERSION), u"-D"_s, u"PayloadDir="_s + payload, u"-o"_s,
               QFileInfo(msiFile).absoluteFilePath(), source.absoluteFilePath(u"otrack.wxs"_s),
               source.absoluteFilePath(u"machine.wxs"_s), fragmentFile},
              {}, &output, log, work.path());
    return built && QFile::exists(msiFile);
}

QStringList msiProblems(const QString &msiFile, const MsiExpectations &expected)
{
    QStringList problems;
    const MsiTable properties = exportTable(msiFile, u"Property"_s);
    if (properties.rows.isEmpty())
        return {u"%1 cannot be read as an MSI"_s.arg(msiFile)};
    checkPackage(msiFile, properties, expected, &problems);
    checkUpgrades(msiFile, expected, &problems);
    checkProperties(msiFile, properties, expected, &problems);
    checkRegistry(msiFile, expected, &problems);
    checkShortcuts(msiFile, expected, &problems);
    checkLaunch(msiFile, &problems);
    checkPayload(msiFile, expected, &problems);
    return problems;
}

QStringList payloadProblems(const QString &msiFile, const QString &payloadFolder, const QString &scratchFolder)
{
    QByteArray output;
    QString log;
    if (!run(u"msiextract"_s, {u"-C"_s, scratchFolder, QFileInfo(msiFile).absoluteFilePath()}, {}, &output, &log))
        return {u"msiextract cannot unpack %1: %2"_s.arg(msiFile, log)};
    // The program folder is ProgramFiles64Folder\OTrack; msiextract drops the first part.
    const QDir installed(QDir(scratchFolder).filePath(u"OTrack"_s));
    const QDir expected(payloadFolder);
    const auto filesUnder = [](const QDir &root) {
        QStringList names;
        QDirIterator it(root.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            names.append(root.relativeFilePath(it.next()));
        names.sort();
        return names;
    };
    QStringList problems;
    const QStringList want = filesUnder(expected);
    const QStringList got = filesUnder(installed);
    if (want != got)
        problems.append(u"the MSI installs %1, not %2"_s.arg(got.join(u", "_s), want.join(u", "_s)));
    for (const QString &name : want) {
        QFile a(expected.filePath(name));
        QFile b(installed.filePath(name));
        if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly) || a.readAll() != b.readAll())
            problems.append(u"%1 in the MSI differs from the build's"_s.arg(name));
    }
    return problems;
}

QStringList wixSourceProblems(const QString &machineWxs, const MsiExpectations &expected)
{
    QString error;
    const XmlNode root = readXmlFile(machineWxs, &error);
    if (!error.isEmpty())
        return {error};
    QStringList problems;
    for (const XmlNode *directory : root.descendants(u"DirectoryRef"_s)) {
        for (const XmlNode *component : directory->descendants(u"Component"_s)) {
            const XmlNode *condition = component->child(u"Condition"_s);
            const QString conditionText = condition ? condition->text : QString();
            const QString id = component->attribute(u"Id"_s);
            for (const XmlNode *value : component->descendants(u"RegistryValue"_s)) {
                for (const QString &property : expected.documentedProperties) {
                    if (value->attribute(u"Value"_s) == u"[%1]"_s.arg(property) && !conditionText.contains(property))
                        problems.append(
                            u"%1: component %2 writes [%3] even when %3 is not given"_s.arg(machineWxs, id, property));
                }
            }
            if (directory->attribute(u"Id"_s) == u"DesktopFolder"_s
                && !conditionText.contains(u"NO_DESKTOP_SHORTCUT"_s))
                problems.append(
                    u"%1: component %2 puts a desktop shortcut even with NO_DESKTOP_SHORTCUT=1"_s.arg(machineWxs, id));
        }
    }
    return problems;
}

QStringList wixlBlindSpots()
{
    return {
        u"component conditions (wixl has no Component/Condition): the Linux MSI writes every machine default and "
        "the desktop shortcut unconditionally; the conditions are checked in machine.wxs instead"_s,
        u"MajorUpgrade Schedule (wixl ignores it): RemoveExistingProducts runs where wixl puts it, not "
        "afterInstallInitialize"_s,
        u"Property Secure (wixl ignores it): SecureCustomProperties lists only WIX_UPGRADE_DETECTED and "
        "WIX_DOWNGRADE_DETECTED"_s,
        u"Package Platform (wixl takes -a x64), ICE validation (light), Authenticode signing (signtool), the "
        "windeployqt payload and the CPack build: Windows only"_s,
    };
}

}  // namespace otrack::test
