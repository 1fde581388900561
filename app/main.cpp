// otrack: OTrack Desktop. Everything but start-up lives in the otrack_ui library.
#include "appcontroller.h"
#include "appoptions.h"
#include "clientsettings.h"
#include "languageswitcher.h"
#include "storelocation.h"

#include <QApplication>
#include <QIcon>

#include "opensslinit.h"
#include <cstdio>

int main(int argc, char *argv[])
{
    otrack::initOpenSsl();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("OTrack"));
    QApplication::setApplicationDisplayName(QStringLiteral("OTrack"));
    QApplication::setApplicationVersion(QStringLiteral(OTRACK_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/otrack.svg")));

    otrack::AppOptions options;
    QString error;
    bool exitNow = false;
    if (!options.parse(QApplication::arguments(), &error, &exitNow)) {
        std::fputs(("otrack: " + error.toLocal8Bit() + '\n').constData(), stderr);
        return 2;
    }
    if (exitNow)
        return 0;

    const otrack::ClientSettings settings;
    if (options.showSettings) {
        for (const QString &line : settings.describe())
            std::fputs((line.toLocal8Bit() + '\n').constData(), stdout);
        return 0;
    }
    options.applySettings(settings, options.dataDir.isEmpty() ? otrack::StoreLocation::defaultBase() : options.dataDir);

    otrack::LanguageSwitcher::instance().apply(options.language);

    otrack::AppController controller(options);
    controller.start();
    const int code = QApplication::exec();
    return code != 0 ? code : controller.exitCode();
}
