#pragma once

#include <QString>
#include <QStringList>

namespace otrack {

// The client's command line.
struct AppOptions {
    QString dataDir;  // --data-dir: base folder of the stores (default: app-local data)
    QString school;  // --school: prefills the sign-in window
    QString username;  // --username: prefills the sign-in window
    QString serverUrl;  // --server: https:// address of the OTrack server
    QString caFile;  // --ca: a CA certificate (PEM) to trust besides the system's
    QString screenshotFile;  // --screenshot: save the window shown after ~1 s, then quit
    QString demoPasswordEnv;  // --demo-password-env: for scripted demos only (see --help)
    QString language;  // --language: e.g. cy, en_GB (default: the system's)

    // Parses QCoreApplication-style arguments (program first). On error returns false with a
    // one-line message in `error`; on --help/--version prints and sets `exitNow`.
    bool parse(const QStringList &arguments, QString *error, bool *exitNow);
};

}  // namespace otrack
