// otrack-server: the OTrack sync server. All logic lives in the otrack_server library.
#include "servercli.h"

#include "dataadmincli.h"
#include "opensslinit.h"
#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char *argv[])
{
    otrack::initOpenSsl();
    // Only a PDF needs fonts and painting: a GUI application on the offscreen platform for that
    // command, never for serving.
    std::unique_ptr<QCoreApplication> app;
    if (otrack::dataAdminNeedsGui(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("otrack-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OTRACK_VERSION));
    return otrack::runServerCli(QCoreApplication::arguments());
}
