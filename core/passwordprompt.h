#pragma once

#include <QString>

namespace otrack {

// Reads one line from standard input as a password, for command-line tools: on a terminal it
// prompts on standard error and turns echo off while the line is typed; from a pipe it reads
// the line as it comes. Passwords never come from argv, where every user of the machine can
// read them (ps, /proc).
QString readPasswordLine(const char *prompt = "Password: ");

}  // namespace otrack
