// otrackcmd: command-line client. Commands so far: health.
#include "healthcheck.h"
#include "serverendpoint.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include "opensslinit.h"
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Exit codes: 0 reachable, 1 not reachable or unhealthy, 2 bad command line.
constexpr int kExitOk = 0;
constexpr int kExitUnhealthy = 1;
constexpr int kExitUsage = 2;

void print(FILE *stream, const QString &line)
{
    std::fputs((line + u'\n').toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

}  // namespace

int main(int argc, char *argv[])
{
    otrack::initOpenSsl();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"otrackcmd"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(OTRACK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"OTrack command-line client.\n\n"
                                     "Commands:\n"
                                     "  health   Check that the server answers GET /v1/health over TLS.\n\n"
                                     "Exit codes: 0 reachable, 1 not reachable or unhealthy, 2 bad command line."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, u"health"_s);
    const QCommandLineOption server(u"server"_s, u"The server, https://host:port."_s, u"url"_s);
    const QCommandLineOption ca(u"ca"_s, u"A CA certificate (PEM) to trust besides the system's."_s, u"file"_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Seconds to wait (default 15)."_s, u"seconds"_s, u"15"_s);
    parser.addOptions({server, ca, timeout});
    if (!parser.parse(QCoreApplication::arguments())) {
        print(stderr, u"otrackcmd: "_s + parser.errorText());
        return kExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        print(stdout, parser.helpText());
        return kExitOk;
    }
    if (parser.isSet(u"version"_s)) {
        print(stdout, u"otrackcmd "_s + QCoreApplication::applicationVersion());
        return kExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList{u"health"_s}) {
        print(stderr, u"otrackcmd: expected one command: health (see --help)"_s);
        return kExitUsage;
    }
    bool timeoutOk = false;
    const int seconds = parser.value(timeout).toInt(&timeoutOk);
    if (!timeoutOk || seconds < 1 || seconds > 600) {
        print(stderr, u"otrackcmd: --timeout wants 1 to 600 seconds"_s);
        return kExitUsage;
    }
    auto endpoint = otrack::ServerEndpoint::create(parser.value(server), parser.value(ca));
    if (!endpoint) {
        print(stderr, u"otrackcmd: "_s + endpoint.error().message);
        return kExitUsage;
    }

    otrack::HealthCheck check;
    int exitCode = kExitUnhealthy;
    QObject::connect(&check, &otrack::HealthCheck::finished, &app, [&exitCode](const otrack::HealthStatus &status) {
        if (status.ok()) {
            print(stdout, u"ok: protocol %1, database %2"_s.arg(status.health->protocol).arg(status.health->database));
            exitCode = kExitOk;
        } else {
            print(stderr,
                  u"otrackcmd: %1: %2"_s.arg(QLatin1String(otrack::outcomeName(status.outcome)), status.detail));
        }
        QCoreApplication::quit();
    });
    check.start(*endpoint, seconds * 1000);
    QCoreApplication::exec();
    return exitCode;
}
