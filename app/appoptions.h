#pragma once

#include <QString>
#include <QStringList>

namespace otrack {

class ClientSettings;

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
    bool showSettings = false;  // --show-settings: print each setting and where it comes from, then quit

    // Parses QCoreApplication-style arguments (program first). On error returns false with a
    // one-line message in `error`; on --help/--version prints and sets `exitNow`.
    bool parse(const QStringList &arguments, QString *error, bool *exitNow);

    // Fills the server, CA and language the command line left empty from the resolved
    // settings (policy, machine defaults, the user's; docs/deployment.md). A CA given inline
    // (base64) is written to `caFolder` for the TLS code; if that fails, or the CA no longer
    // reads, it is logged and left out: without it a server under a private CA is refused,
    // never trusted blindly.
    void applySettings(const ClientSettings &settings, const QString &caFolder);
};

}  // namespace otrack
