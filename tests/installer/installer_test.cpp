// The installer's checks on Linux (installer/README.md): a real MSI built with wixl from the WiX
// source, with the Linux build's files as its payload, inspected with msiinfo; the Group
// Policy templates checked against the settings reader. Every check is also run on a broken
// copy of the source, so each one is shown to fail when the rule it guards is broken.
#include "admxcheck.h"
#include "msicheck.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

using namespace otrack;
using namespace otrack::test;
using namespace Qt::StringLiterals;

namespace {

const QString kSourceDir = QStringLiteral(OTRACK_SOURCE_DIR);

QString source(const QString &path)
{
    return QDir(kSourceDir).filePath(path);
}

void copyFile(const QString &from, const QString &to)
{
    REQUIRE(QDir().mkpath(QFileInfo(to).absolutePath()));
    QFile::remove(to);
    INFO(from.toStdString() << " -> " << to.toStdString());
    REQUIRE(QFile::copy(from, to));
}

// installer/ (WiX source, templates, README) and translations/, as a copy that can be broken.
QString copyOfSources(const TempDir &dir)
{
    const QString root = dir.file(u"src"_s);
    for (const QString &folder : {u"installer"_s, u"translations"_s}) {
        QDirIterator it(source(folder), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            copyFile(file, QDir(root).filePath(QDir(kSourceDir).relativeFilePath(file)));
        }
    }
    return root;
}

// Replaces `from` (which must be there) with `to` in `file`.
void breakFile(const QString &file, const QString &from, const QString &to)
{
    QByteArray text = readFile(file);
    INFO(file.toStdString() << ": " << from.toStdString());
    REQUIRE(text.contains(from.toUtf8()));
    text.replace(from.toUtf8(), to.toUtf8());
    writeFile(file, text);
}

// The program folder as the MSI installs it: the app, its translations, the policy templates.
// `app` is the Linux build's client, or for the checks on broken copies (which test the
// checker, not the payload) a small stand-in, so that each of them builds in a moment.
QString stagePayload(const TempDir &dir, const QString &sources, const QString &app)
{
    const QString payload = dir.file(u"payload"_s);
    copyFile(app, QDir(payload).filePath(u"otrack"_s));
    const QDir qmFolder(QStringLiteral(OTRACK_QM_DIR));
    const QStringList translations = qmFolder.entryList({u"otrack_*.qm"_s}, QDir::Files);
    REQUIRE_FALSE(translations.isEmpty());
    for (const QString &qm : translations)
        copyFile(qmFolder.filePath(qm), QDir(payload).filePath(u"translations/"_s + qm));
    copyFile(QDir(sources).filePath(u"installer/policy/otrack.admx"_s),
             QDir(payload).filePath(u"policy/otrack.admx"_s));
    copyFile(QDir(sources).filePath(u"installer/policy/en-US/otrack.adml"_s),
             QDir(payload).filePath(u"policy/en-US/otrack.adml"_s));
    return payload;
}

MsiExpectations expectations(const QString &sources)
{
    MsiExpectations expected = readInstallerReadme(QDir(sources).filePath(u"installer/README.md"_s));
    // What the README's property table says each property sets (docs/deployment.md).
    expected.machineDefaults
        = {{u"SERVER_URL"_s, u"ServerUrl"_s}, {u"CA_CERT"_s, u"PinnedCa"_s}, {u"LANGUAGE"_s, u"Language"_s}};
    expected.appFileName = u"otrack"_s;
    return expected;
}

QString built(const TempDir &dir, const QString &sources, const QString &app)
{
    const QString msi = dir.file(u"otrack.msi"_s);
    QString log;
    const bool ok = buildMsi(QDir(sources).filePath(u"installer"_s), stagePayload(dir, sources, app),
                             expectations(sources).appFileName, msi, &log);
    INFO(log.toStdString());
    REQUIRE(ok);
    return msi;
}

void requireNone(const QStringList &problems)
{
    for (const QString &problem : problems)
        UNSCOPED_INFO(problem.toStdString());
    CHECK(problems.isEmpty());
}

void requireOne(const QStringList &problems, const QString &expected)
{
    INFO("expected a problem containing: " << expected.toStdString());
    for (const QString &problem : problems)
        UNSCOPED_INFO(problem.toStdString());
    CHECK(std::any_of(problems.cbegin(), problems.cend(),
                      [&](const QString &problem) { return problem.contains(expected); }));
}

using Replacements = QList<std::pair<QString, QString>>;

// Builds the MSI from a copy of the sources broken by `replacements` in `file`, and returns its
// problems.
QStringList problemsOfBrokenMsi(const QString &file, const Replacements &replacements)
{
    TempDir dir;
    const QString sources = copyOfSources(dir);
    for (const auto &[from, to] : replacements)
        breakFile(QDir(sources).filePath(file), from, to);
    const QString standIn = dir.file(u"stand-in"_s);
    writeFile(standIn, "#!/bin/sh\n");
    return msiProblems(built(dir, sources, standIn), expectations(sources));
}

QStringList problemsOfBrokenMsi(const QString &file, const QString &from, const QString &to)
{
    return problemsOfBrokenMsi(file, Replacements{{from, to}});
}

QStringList problemsOfBrokenTemplates(const QString &file, const QString &from, const QString &to)
{
    TempDir dir;
    const QString sources = copyOfSources(dir);
    breakFile(QDir(sources).filePath(file), from, to);
    const QDir root(sources);
    return admxProblems(root.filePath(u"installer/policy/otrack.admx"_s),
                        root.filePath(u"installer/policy/en-US/otrack.adml"_s), root.filePath(u"translations"_s));
}

}  // namespace

TEST_CASE("installer README documents the UpgradeCode in otrack.wxs and every public property", "[installer]")
{
    const MsiExpectations expected = expectations(kSourceDir);
    CHECK(expected.upgradeCode == QStringLiteral(OTRACK_UPGRADE_CODE));
    CHECK(expected.documentedProperties
          == QStringList{u"SERVER_URL"_s, u"CA_CERT"_s, u"LANGUAGE"_s, u"NO_DESKTOP_SHORTCUT"_s,
                         u"LAUNCH_AFTER_INSTALL"_s});
}

TEST_CASE("the MSI wixl builds from installer/ with the Linux build's files passes every check", "[installer]")
{
    TempDir dir;
    const QString msi = built(dir, kSourceDir, QStringLiteral(OTRACK_APP_BINARY));
    requireNone(msiProblems(msi, expectations(kSourceDir)));
    requireNone(payloadProblems(msi, dir.file(u"payload"_s), dir.file(u"extracted"_s)));
    requireNone(wixSourceProblems(source(u"installer/machine.wxs"_s), expectations(kSourceDir)));
    for (const QString &gap : wixlBlindSpots())
        WARN("not covered on Linux: " << gap.toStdString());
    copyFile(msi, testOutputDir() + u"/otrack-linux-check.msi"_s);
}

TEST_CASE("the Group Policy templates offer exactly the policies the settings reader reads", "[installer]")
{
    requireNone(admxProblems(source(u"installer/policy/otrack.admx"_s), source(u"installer/policy/en-US/otrack.adml"_s),
                             source(u"translations"_s)));
}

TEST_CASE("the payload check fails when the MSI does not hold the build's files", "[installer]")
{
    TempDir dir;
    const QString standIn = dir.file(u"stand-in"_s);
    writeFile(standIn, "#!/bin/sh\n");
    const QString msi = built(dir, kSourceDir, standIn);
    const QString payload = dir.file(u"payload"_s);
    writeFile(QDir(payload).filePath(u"translations/otrack_cy.qm"_s), "another build's translation");
    writeFile(QDir(payload).filePath(u"otrack-missing.dll"_s), "a file the MSI does not have");
    const QStringList problems = payloadProblems(msi, payload, dir.file(u"extracted"_s));
    requireOne(problems, u"translations/otrack_cy.qm in the MSI differs from the build's"_s);
    requireOne(problems, u"not otrack, otrack-missing.dll"_s);
}

TEST_CASE("the MSI check fails on a broken copy: an HKCU value", "[installer]")
{
    requireOne(problemsOfBrokenMsi(u"installer/machine.wxs"_s,
                                   u"Root=\"HKLM\" Key=\"Software\\OTrack\" Name=\"Language\""_s,
                                   u"Root=\"HKCU\" Key=\"Software\\OTrack\" Name=\"Language\""_s),
               u"not HKLM"_s);
}

TEST_CASE("the MSI check fails on a broken copy: a value name the app does not read", "[installer]")
{
    const QStringList problems
        = problemsOfBrokenMsi(u"installer/machine.wxs"_s, u"Name=\"ServerUrl\" Type=\"string\""_s,
                              u"Name=\"ServerAddress\" Type=\"string\""_s);
    requireOne(problems, u"the app does not read it"_s);
    requireOne(problems, u"but the app reads HKLM\\Software\\OTrack\\ServerUrl"_s);
}

TEST_CASE("the MSI check fails on a broken copy: no Start-menu shortcut", "[installer]")
{
    requireOne(problemsOfBrokenMsi(u"installer/machine.wxs"_s, u"<DirectoryRef Id=\"ProgramMenuFolder\">"_s,
                                   u"<DirectoryRef Id=\"INSTALL_ROOT\">"_s),
               u"no shortcut in ProgramMenuFolder"_s);
}

TEST_CASE("the MSI check fails on a broken copy: a shortcut to the wrong file", "[installer]")
{
    requireOne(problemsOfBrokenMsi(u"installer/machine.wxs"_s, u"Target=\"[INSTALL_ROOT]$(var.AppExe)\""_s,
                                   u"Target=\"[INSTALL_ROOT]other.exe\""_s),
               u"not the app"_s);
}

TEST_CASE("the MSI check fails on a broken copy: another UpgradeCode than the documented one", "[installer]")
{
    requireOne(problemsOfBrokenMsi(u"installer/otrack.wxs"_s, QStringLiteral(OTRACK_UPGRADE_CODE),
                                   u"00000000-1111-2222-3333-444444444444"_s),
               u"UpgradeCode is {00000000-1111-2222-3333-444444444444}"_s);
}

TEST_CASE("the MSI check fails on a broken copy: an undocumented property", "[installer]")
{
    requireOne(problemsOfBrokenMsi(u"installer/README.md"_s, u"msiexec /i otrack.msi /qn LANGUAGE=cy"_s,
                                   u"msiexec /i otrack.msi /qn"_s),
               u"public property LANGUAGE is not documented"_s);
}

TEST_CASE("the MSI check fails on a broken copy: a per-user install", "[installer]")
{
    requireOne(problemsOfBrokenMsi(u"installer/product.wxi"_s, u"InstallScope=\"perMachine\""_s,
                                   u"InstallScope=\"perUser\""_s),
               u"ALLUSERS"_s);
}

TEST_CASE("the MSI check fails on a broken copy: no upgrade of older versions, or downgrades allowed", "[installer]")
{
    const QStringList problems = problemsOfBrokenMsi(
        u"installer/product.wxi"_s,
        {{u"<MajorUpgrade "_s, u"<!-- MajorUpgrade "_s}, {u"uninstall the newer one first.\"/>"_s, u"\" -->"_s}});
    requireOne(problems, u"no Upgrade row removes older versions"_s);
    requireOne(problems, u"a newer installed version does not stop the install"_s);
    // wixl ignores AllowDowngrades; without the message it writes no downgrade condition.
    requireOne(problemsOfBrokenMsi(u"installer/product.wxi"_s, u"DowngradeErrorMessage="_s, u"Comment="_s),
               u"a newer installed version does not stop the install"_s);
}

TEST_CASE("the MSI check fails on a broken copy: a property an upgrade would lose", "[installer]")
{
    requireOne(problemsOfBrokenMsi(u"installer/product.wxi"_s,
                                   u"<RegistrySearch Id=\"RememberPinnedCa\" Root=\"HKLM\" Key=\"Software\\OTrack\" "
                                   "Name=\"PinnedCa\""_s,
                                   u"<RegistrySearch Id=\"RememberPinnedCa\" Root=\"HKLM\" Key=\"Software\\Other\" "
                                   "Name=\"PinnedCa\""_s),
               u"CA_CERT is read back from Software\\Other\\PinnedCa"_s);
    requireOne(problemsOfBrokenMsi(u"installer/product.wxi"_s,
                                   u"<Custom Action=\"RestoreCmdLineLanguage\" Sequence=\"53\">"_s,
                                   u"<Custom Action=\"RestoreCmdLineLanguage\" Sequence=\"45\">"_s),
               u"LANGUAGE: a value given on the command line is not kept"_s);
}

TEST_CASE("the MSI check fails on a broken copy: launching before the install has finished", "[installer]")
{
    requireOne(problemsOfBrokenMsi(u"installer/product.wxi"_s, u"<Custom Action=\"LaunchOTrack\" Sequence=\"6650\">"_s,
                                   u"<Custom Action=\"LaunchOTrack\" Sequence=\"1002\">"_s),
               u"LAUNCH_AFTER_INSTALL does not start the app"_s);
}

TEST_CASE("the WiX source check fails on a broken copy: a machine default written unconditionally", "[installer]")
{
    TempDir dir;
    const QString sources = copyOfSources(dir);
    const QString machine = QDir(sources).filePath(u"installer/machine.wxs"_s);
    breakFile(machine, u"<Condition>CA_CERT</Condition>"_s, QString());
    breakFile(machine, u"<Condition>NOT NO_DESKTOP_SHORTCUT OR NO_DESKTOP_SHORTCUT = \"0\"</Condition>"_s, QString());
    const QStringList problems = wixSourceProblems(machine, expectations(sources));
    requireOne(problems, u"component MachinePinnedCa writes [CA_CERT] even when CA_CERT is not given"_s);
    requireOne(problems, u"component DesktopShortcut puts a desktop shortcut even with NO_DESKTOP_SHORTCUT=1"_s);
}

namespace {

const QString kAdmx = u"installer/policy/otrack.admx"_s;
const QString kAdml = u"installer/policy/en-US/otrack.adml"_s;

}  // namespace

TEST_CASE("the template check fails on a broken copy: a value name or key the app does not read", "[installer]")
{
    const QStringList renamed
        = problemsOfBrokenTemplates(kAdmx, u"valueName=\"ServerUrl\""_s, u"valueName=\"ServerURL\""_s);
    requireOne(renamed, u"sets ServerURL, which the app does not read"_s);
    requireOne(renamed, u"no policy sets ServerUrl"_s);
    requireOne(problemsOfBrokenTemplates(kAdmx, u"key=\"Software\\Policies\\OTrack\" valueName=\"AutoUpdate\""_s,
                                         u"key=\"Software\\OTrack\" valueName=\"AutoUpdate\""_s),
               u"writes under Software\\OTrack, but the app reads Software\\Policies\\OTrack"_s);
}

TEST_CASE("the template check fails on a broken copy: limits and choices the app does not share", "[installer]")
{
    requireOne(problemsOfBrokenTemplates(kAdmx, u"maxValue=\"1440\""_s, u"maxValue=\"2000\""_s),
               u"the app refuses 2000 for SyncIntervalMinutes"_s);
    requireOne(
        problemsOfBrokenTemplates(kAdmx, u"minValue=\"1\" maxValue=\"1440\""_s, u"minValue=\"2\" maxValue=\"1440\""_s),
        u"the app accepts 1 for SyncIntervalMinutes, beyond the ADMX's limit"_s);
    requireOne(problemsOfBrokenTemplates(kAdmx, u"<string>cy</string>"_s, u"<string>fr</string>"_s),
               u"language fr has no translation"_s);
}

TEST_CASE("the template check fails on a broken copy: strings and presentations missing from the ADML", "[installer]")
{
    requireOne(
        problemsOfBrokenTemplates(kAdml, u"<string id=\"PinnedCa_Explain\">"_s, u"<string id=\"PinnedCaHelp\">"_s),
        u"$(string.PinnedCa_Explain) is not in"_s);
    requireOne(
        problemsOfBrokenTemplates(kAdml, u"<presentation id=\"Language\">"_s, u"<presentation id=\"Languages\">"_s),
        u"$(presentation.Language) is not in"_s);
    requireOne(problemsOfBrokenTemplates(kAdml, u"<decimalTextBox refId=\"SyncIntervalMinutes\""_s,
                                         u"<decimalTextBox refId=\"SyncMinutes\""_s),
               u"presentation control SyncMinutes refers to no element"_s);
}

TEST_CASE("the template check fails on a broken copy: XML that is not well-formed", "[installer]")
{
    requireOne(problemsOfBrokenTemplates(kAdmx, u"</policies>"_s, u"</policys>"_s), u"not well-formed XML"_s);
    requireOne(problemsOfBrokenTemplates(kAdml, u"</stringTable>"_s, u"</stringtable>"_s), u"not well-formed XML"_s);
}
