#include "servercli.h"

#include "admincli.h"
#include "retentionscheduler.h"

#include "logging.h"
#include "serveoptions.h"
#include "serverschema.h"
#include "shutdownsignals.h"
#include "syncserver.h"
#include "tlsidentity.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

const char kHelp[] = "Usage: otrack-server COMMAND [OPTIONS]\n"
                     "\n"
                     "The OTrack sync server: the HTTPS API that OTrack Desktop clients sync with.\n"
                     "\n"
                     "Commands:\n"
                     "  serve     Serve the API over TLS (1.2 or later) until SIGTERM or SIGINT.\n"
                     "            Creates or upgrades the database schema first.\n"
                     "  admin     Administer schools, staff and devices (otrack-server admin --help).\n"
                     "  help      Show this help. Also -h, --help.\n"
                     "  version   Show the version. Also --version.\n"
                     "\n"
                     "Options of serve (the first four required):\n"
                     "  --listen ADDRESS:PORT  Where to listen, e.g. 127.0.0.1:8443 or [::1]:8443.\n"
                     "                         Port 0 picks a free port.\n"
                     "  --cert FILE            The server certificate (PEM), optionally followed by its chain.\n"
                     "  --key FILE             The certificate's private key (PEM, unencrypted: protect the file).\n"
                     "  --db URL               The store:\n"
                     "                           sqlite:///absolute/path/otrack.db   (one school, demo, test)\n"
                     "                           postgresql://user@host:5432/dbname  (the hosted service)\n"
                     "                         PostgreSQL options: ?sslmode=..&sslrootcert=..&connect_timeout=..\n"
                     "                         &application_name=..&host=/socket/dir. Give the password through\n"
                     "                         PGPASSWORD or ~/.pgpass rather than in the URL.\n"
                     "  --max-body-bytes N     Refuse a request body over N bytes (413) before reading it.\n"
                     "                         Default 4194304 (4 MiB).\n"
                     "  --idle-timeout S       Close a connection with no request in progress after S seconds.\n"
                     "                         Default 60.\n"
                     "  --request-timeout S    A request must arrive whole within S seconds of its first byte\n"
                     "                         (else 408 and close). Default 30.\n"
                     "  --max-connections N    Close new connections at once beyond N open ones. Default 512.\n"
                     "  --retention-every S    Apply the schools' retention rules every S seconds (first run a\n"
                     "                         minute after start). Default 86400 (daily); 0 turns it off.\n"
                     "\n"
                     "Once it listens, serve prints exactly one line to standard output,\n"
                     "  listening on ADDRESS:PORT\n"
                     "and logs to standard error.\n"
                     "\n"
                     "Endpoints: GET /v1/health -> {\"status\":\"ok\",\"protocol\":1,\"database\":\"sqlite\"}\n"
                     "\n"
                     "Exit codes:\n"
                     "  0  stopped cleanly (SIGTERM or SIGINT), or help or version printed\n"
                     "  1  an unexpected failure while running\n"
                     "  2  bad command line: unknown command or option, bad --listen or --db\n"
                     "  3  the TLS certificate or key cannot be loaded, or they do not belong together\n"
                     "  4  the database cannot be opened or does not answer\n"
                     "  5  the address cannot be bound (in use, not on this machine, not allowed)\n";

void printOut(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

int fail(int code, const QString &message)
{
    std::fputs(("otrack-server: " + message.toLocal8Bit() + '\n').constData(), stderr);
    std::fflush(stderr);
    return code;
}

int serve(const QStringList &arguments)
{
    auto options = ServeOptions::parse(arguments);
    if (!options)
        return fail(kExitUsage, options.error().message + u" (see otrack-server --help)"_s);

    auto identity = TlsIdentity::load(options->certificateFile, options->keyFile);
    if (!identity)
        return fail(kExitTls, identity.error().message);

    auto database = ServerDatabase::open(options->database);
    if (!database)
        return fail(kExitDatabase, database.error().message);
    // serve creates or upgrades the schema itself (forward-only, each step in a transaction;
    // running it on several instances at once is safe: a step that lost the race fails and
    // the instance stops with exit code 4, to be restarted). A database from a newer
    // otrack-server is refused.
    if (Status migrated = ServerSchema::migrate((*database)->connection(), options->database.kind()); !migrated)
        return fail(kExitDatabase, u"cannot prepare the database schema: "_s + migrated.error().message);

    ShutdownSignals shutdownSignals;
    int exitCode = kExitOk;
    {
        SyncServer server(std::move(*database), options->limits);
        auto port = server.listen(*identity, options->address, options->port);
        if (!port)
            return fail(kExitListen, port.error().message);

        QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, qApp, [](const QString &name) {
            qCInfo(lcServer) << "received" << name << "- shutting down";
            QCoreApplication::quit();
        });
        std::unique_ptr<RetentionScheduler> retention;
        if (options->retentionInterval.count() > 0)
            retention = std::make_unique<RetentionScheduler>(server.pool(), options->retentionInterval);
        // The one line on stdout: scripts and tests read the port from it.
        printOut(u"listening on %1\n"_s.arg(ListenAddress::format(options->address, *port)));
        exitCode = QCoreApplication::exec();
    }
    qCInfo(lcServer) << "stopped";
    return exitCode == 0 ? kExitOk : kExitFailure;
}

}  // namespace

int runServerCli(const QStringList &arguments)
{
    const QStringList rest = arguments.mid(1);
    const QString command = rest.value(0);
    if (command.isEmpty())
        return fail(kExitUsage, u"no command given (see otrack-server --help)"_s);
    if (command == u"help"_s || command == u"--help"_s || command == u"-h"_s) {
        printOut(QString::fromLatin1(kHelp));
        return kExitOk;
    }
    if (command == u"version"_s || command == u"--version"_s) {
        printOut(u"otrack-server %1 (protocol 1)\n"_s.arg(QCoreApplication::applicationVersion()));
        return kExitOk;
    }
    if (command == u"admin"_s)
        return runAdminCli(rest.mid(1));
    if (command == u"serve"_s) {
        if (rest.contains(u"--help"_s) || rest.contains(u"-h"_s)) {
            printOut(QString::fromLatin1(kHelp));
            return kExitOk;
        }
        return serve(rest.mid(1));
    }
    return fail(kExitUsage, u"unknown command '%1' (see otrack-server --help)"_s.arg(command));
}

}  // namespace otrack
