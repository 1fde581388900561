#pragma once

#include <QByteArray>
#include <QLatin1StringView>

namespace otrack {

// What every request says about the client, so the server can refuse a client that is too
// old (426 Upgrade Required) before it touches any data (docs/architecture.md, Sync protocol).
namespace protocol {

// The wire protocol. Bumped only for changes an older peer cannot ignore.
inline constexpr int kVersion = 1;
// The client's local store schema this build writes (the last of storeMigrations(); a test
// holds the two together), and the oldest one this server still serves.
inline constexpr int kClientSchemaVersion = 3;
inline constexpr int kMinClientSchemaVersion = 1;
// Every path starts with this.
inline constexpr QLatin1StringView kPathPrefix{"/v1"};

// Header names every client request carries (HTTP header names are ASCII bytes).
inline constexpr char kProtocolHeader[] = "OTrack-Protocol";  // "1"
inline constexpr char kSchemaHeader[] = "OTrack-Schema";  // "1"
inline constexpr char kClientHeader[] = "OTrack-Client";  // "otrack/0.1.0": no user data

inline constexpr char kJsonContentType[] = "application/json";

// The header values of this build.
QByteArray protocolHeaderValue();
QByteArray schemaHeaderValue();

// Parses a header value such as "1": the version, or -1 when missing or not a plain integer.
int parseVersionHeader(const QByteArray &value);

}  // namespace protocol
}  // namespace otrack
