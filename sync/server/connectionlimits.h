#pragma once

#include <QtGlobal>

#include <chrono>

namespace otrack {

// What one client connection may cost the server, enforced by GuardedSslServer below Qt HTTP
// Server (which would otherwise buffer any body and keep any connection for ever).
struct ConnectionLimits {
    // A 500-op push is about 150 KiB: 4 MiB leaves room without letting one client pin much memory.
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    // Request line and headers together (and any blank lines before them).
    qint64 maxHeaderBytes = 16 * 1024;
    // A connection with no request in progress is closed after this.
    std::chrono::milliseconds idleTimeout = std::chrono::seconds(60);
    // A request's line, headers and body must all arrive within this once its first byte has.
    std::chrono::milliseconds requestTimeout = std::chrono::seconds(30);
    // Connections (TLS handshakes included) beyond this are closed as soon as they are accepted.
    int maxConnections = 512;
};

}  // namespace otrack
