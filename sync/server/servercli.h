#pragma once

#include <QStringList>

namespace otrack {

// The otrack-server command line. Exit codes (also in --help):
enum ServerExitCode : int {
    kExitOk = 0,  // stopped cleanly (SIGTERM/SIGINT), or help/version printed
    kExitFailure = 1,  // an unexpected failure while running
    kExitUsage = 2,  // bad command line: unknown command or option, bad --listen or --db
    kExitTls = 3,  // the certificate or key cannot be loaded, or they do not match
    kExitDatabase = 4,  // the database cannot be opened or does not answer
    kExitListen = 5,  // the address cannot be bound
    kExitNotFound = 6,  // admin: no such school, staff member, group or device
    kExitExists = 7,  // admin: already exists (school name, username)
    kExitInvalid = 8,  // admin: invalid value (role, status, short password, number)
    kExitUnconfirmed = 9,  // admin: a destructive command ran as a dry run (no --yes)
    kExitRefused = 10,  // admin: the school may not take this (awaiting terms, suspended)
};

// Runs the command line (arguments as from QCoreApplication::arguments(), program first) in
// the running QCoreApplication and returns the process exit code.
int runServerCli(const QStringList &arguments);

}  // namespace otrack
