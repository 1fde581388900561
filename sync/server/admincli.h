#pragma once

#include <QStringList>

namespace otrack {

// `otrack-server admin --db URL COMMAND ...`: school administration for IT staff and scripts.
// `arguments` are those after "admin". Returns a ServerExitCode (servercli.h). Results go to
// standard output (one value per line, or tab-separated columns), messages to standard error.
int runAdminCli(const QStringList &arguments);

// The help text of the admin command.
const char *adminHelp();

}  // namespace otrack
