#pragma once

#include "connectionlimits.h"
#include "databaseurl.h"
#include "result.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace otrack {

// What `otrack-server serve` was asked to do, checked before anything is opened.
struct ServeOptions {
    QHostAddress address;
    quint16 port = 0;  // 0: pick a free port
    QString certificateFile;
    QString keyFile;
    DatabaseUrl database;
    // --max-body-bytes, --idle-timeout and --request-timeout (seconds), --max-connections;
    // each optional, with the defaults of ConnectionLimits.
    ConnectionLimits limits;
    // --retention-every SECONDS: how often the school retention rules run (retentionscheduler.h);
    // 0 turns the job off. A day by default.
    std::chrono::seconds retentionInterval{24 * 3600};

    // `arguments` are those after "serve". InvalidArgument with a one-line reason on error.
    static Result<ServeOptions> parse(const QStringList &arguments);
};

struct ListenAddress {
    QHostAddress address;
    quint16 port = 0;

    // "127.0.0.1:8443", "[::1]:8443", "localhost:0", "0.0.0.0:443"
    static Result<ListenAddress> parse(const QString &text);
    // The same forms back: "127.0.0.1:8443", "[::1]:8443"
    static QString format(const QHostAddress &address, quint16 port);
};

}  // namespace otrack
