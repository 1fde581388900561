#include "appoptions.h"

#include "clientsettings.h"
#include "logging.h"
#include "pinnedca.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace otrack {

bool AppOptions::parse(const QStringList &arguments, QString *error, bool *exitNow)
{
    *exitNow = false;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("AppOptions", "OTrack Desktop: pupil tracking for UK schools."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("AppOptions",
                                    "Keep the encrypted stores under <dir> instead of the "
                                    "usual per-user application data folder."),
        QStringLiteral("dir"));
    const QCommandLineOption schoolOption(QStringLiteral("school"),
                                          QCoreApplication::translate("AppOptions", "Fill in the school."),
                                          QStringLiteral("name"));
    const QCommandLineOption usernameOption(QStringLiteral("username"),
                                            QCoreApplication::translate("AppOptions", "Fill in the username."),
                                            QStringLiteral("name"));
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QCoreApplication::translate("AppOptions",
                                                                      "The OTrack server to sign in to and sync with, "
                                                                      "https://host:port."),
                                          QStringLiteral("url"));
    const QCommandLineOption caOption(
        QStringLiteral("ca"),
        QCoreApplication::translate("AppOptions",
                                    "A CA certificate (PEM) to trust for the server, besides "
                                    "the system's."),
        QStringLiteral("file"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("AppOptions",
                                    "Save a picture of the window shown after about a second "
                                    "(after the server check, if any) to <file>, then quit. "
                                    "For headless runs."),
        QStringLiteral("file"));
    const QCommandLineOption demoPasswordOption(
        QStringLiteral("demo-password-env"),
        QCoreApplication::translate("AppOptions",
                                    "For scripted demos only: read the password from the "
                                    "environment variable <var> and sign in with --school "
                                    "and --username at once. Never for real accounts."),
        QStringLiteral("var"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QCoreApplication::translate("AppOptions", "The language of the interface, e.g. en_GB or cy."),
        QStringLiteral("code"));
    const QCommandLineOption showSettingsOption(
        QStringLiteral("show-settings"),
        QCoreApplication::translate("AppOptions",
                                    "Print each setting, its value and where it comes from (policy, "
                                    "machine default, user), then quit. For IT staff."));
    parser.addOptions({dataDirOption, schoolOption, usernameOption, serverOption, caOption, screenshotOption,
                       demoPasswordOption, languageOption, showSettingsOption});

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(help)) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        *exitNow = true;
        return true;
    }
    if (parser.isSet(version)) {
        std::fputs((QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion()
                    + QLatin1Char('\n'))
                       .toLocal8Bit()
                       .constData(),
                   stdout);
        *exitNow = true;
        return true;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QCoreApplication::translate("AppOptions", "Unexpected argument: %1")
                     .arg(parser.positionalArguments().constFirst());
        return false;
    }
    if (parser.isSet(caOption) && !parser.isSet(serverOption)) {
        *error = QCoreApplication::translate("AppOptions", "--ca needs --server.");
        return false;
    }
    if (parser.isSet(demoPasswordOption) && (!parser.isSet(schoolOption) || !parser.isSet(usernameOption))) {
        *error = QCoreApplication::translate("AppOptions", "--demo-password-env needs --school and --username.");
        return false;
    }

    dataDir = parser.value(dataDirOption);
    school = parser.value(schoolOption);
    username = parser.value(usernameOption);
    serverUrl = parser.value(serverOption);
    caFile = parser.value(caOption);
    screenshotFile = parser.value(screenshotOption);
    demoPasswordEnv = parser.value(demoPasswordOption);
    language = parser.value(languageOption);
    showSettings = parser.isSet(showSettingsOption);
    return true;
}

void AppOptions::applySettings(const ClientSettings &settings, const QString &caFolder)
{
    if (serverUrl.isEmpty())
        serverUrl = settings.serverUrl();
    if (language.isEmpty())
        language = settings.language();
    if (!caFile.isEmpty() || settings.pinnedCa().isEmpty())
        return;
    const Result<PinnedCa> ca = PinnedCa::parse(settings.pinnedCa());
    const Result<QString> file = ca ? ca->fileIn(caFolder) : Result<QString>(ca.error());
    if (!file) {
        qCWarning(lcUi).noquote() << "the pinned CA is left out:" << file.error().message;
        return;
    }
    caFile = file.value();
}

}  // namespace otrack
