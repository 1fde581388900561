#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace otrack {

// What the UI and otrackcmd show about sync (docs/sync.md, States). `detail` is English for
// logs and scripts; the UI words its own sentence from `state`.
struct SyncStatus {
    enum class State {
        Idle,  // the last contact worked; nothing is running
        Syncing,
        Offline,  // the server could not be reached; retried with backoff
        AuthRequired,  // no tokens, or the server refused them: sign in online again
        WaitingForLegalAcceptance,  // the user must accept the current legal documents first
        SchoolNotActive,  // the school has not signed its terms (or is suspended): edits wait
        UpgradeRequired,  // this OTrack is too old for the server; the outbox is kept
        CertificateError,  // the server's certificate was not trusted: `certificateErrors`
        TlsError,  // the TLS handshake failed for another reason
        Revoked,  // the device was revoked: the local store has been wiped
        Error,  // anything else (server error, bad answer, store failure): see `detail`
    };

    State state = State::Idle;
    qint64 pending = 0;  // outbox entries not yet answered
    qint64 conflicts = 0;
    qint64 rejections = 0;
    QDateTime lastSyncedAt;  // the last sync that pushed and pulled everything
    qint64 cursor = 0;
    bool initialSyncDone = false;
    QString detail;
    QStringList certificateErrors;

    bool operator==(const SyncStatus &) const = default;
};

// The stable name of a state ("idle", "offline", ...), for otrackcmd status --json.
QString stateName(SyncStatus::State state);

}  // namespace otrack

Q_DECLARE_METATYPE(otrack::SyncStatus)
