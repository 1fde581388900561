#pragma once

#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace otrack {

// The admin commands for school data in and out (docs/data.md): import-ctf, import-csv,
// suggest-mapping, and the commands for subject access, retention and the end of a contract.
// Returns the exit code, or nullopt when `command` is none of them.
std::optional<int> runDataAdminCommand(QSqlDatabase db, const QString &command, const QStringList &args);

// True when the command line asks for a PDF (subject-access --pdf): main() then makes a
// QGuiApplication on the offscreen platform instead of a QCoreApplication, for fonts.
bool dataAdminNeedsGui(int argc, char **argv);

}  // namespace otrack
