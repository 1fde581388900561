// otrack-server: the OTrack sync server. All logic lives in the otrack_server library.
#include "servercli.h"

#include "opensslinit.h"
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    otrack::initOpenSsl();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("otrack-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OTRACK_VERSION));
    return otrack::runServerCli(QCoreApplication::arguments());
}
