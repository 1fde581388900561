#pragma once

#include "database.h"
#include "result.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace otrack {

// What sync keeps about itself in the store's sync_state table (inside the encrypted store):
// this device's id, who the store belongs to, the tokens, and where pulling stands. Loaded
// whole and saved whole: a handful of short values.
struct SyncSession {
    QString deviceId;  // made once per store, sent at login and with every push
    QString schoolId;
    QString schoolName;
    QString userId;
    QString username;
    QString role;
    QString accessToken;
    qint64 accessExpiresAt = 0;
    QString refreshToken;
    qint64 refreshExpiresAt = 0;
    std::optional<qint64> epoch;  // unknown until the first login
    qint64 cursor = 0;  // the last next_cursor stored with its page
    bool initialSyncDone = false;  // the first full pull reached has_more = false
    QDateTime lastSyncedAt;  // the last sync that pushed and pulled everything

    bool loggedIn() const { return !accessToken.isEmpty(); }

    // Reads the session; a store never synced gives an empty one with a new device id, saved.
    static Result<SyncSession> load(Database &db);
    // Writes every value. The caller owns the transaction when it must commit with other rows.
    Status save(Database &db) const;
    // Forgets the tokens (logout, or the server refused them).
    void clearTokens();
};

}  // namespace otrack
