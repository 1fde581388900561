#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace otrack {

// What every `otrack-server admin` command shares: output, failures and exit codes, options.
namespace admin {

// Results to standard output, as they are.
void printOut(const QString &text);
// "otrack-server admin: MESSAGE" to standard error; returns `code`.
int fail(int code, const QString &message);
// The exit code for an error (ServerExitCode, servercli.h).
int exitCodeFor(const Error &error);
int failWith(const Error &error);
int usageError(const char *usage);
// kExitOk when `args` has exactly `count` entries; otherwise the usage error.
int needArguments(const QStringList &args, int count, const char *usage);
// Removes `--name VALUE` from `args`. nullopt when absent; an empty value when the value is
// missing (the caller reports it).
std::optional<QString> takeOption(QStringList &args, const QString &name);
// Removes every `--name` from `args`; true when there was one.
bool takeFlag(QStringList &args, const QString &name);

}  // namespace admin
}  // namespace otrack
