#pragma once

#include "keywrap.h"
#include "localstore.h"
#include "serverendpoint.h"
#include "signinresult.h"
#include "syncprogress.h"
#include "syncscheduler.h"
#include "syncstatus.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QThread;

namespace otrack {

class BackgroundSyncWorker;

// Sync for the desktop app without store or network work on the GUI thread (docs/sync.md,
// Background sync). It lives on the GUI thread; a worker QThread does the signing in (scrypt
// included), the engine and the scheduler over the worker's own connection to the store. The
// GUI reads and writes through its own connection (takeStore()); WAL lets it read while the
// worker writes, and each of the worker's transactions is short (one pull page, one push
// answer), so a GUI write waits at most that long.
//
// Typical use by the app:
//   signIn(school, user, password)  -> signInFinished(result)
//   result.hasStore()               -> takeStore() for the GUI; check the legal documents
//   start()                         -> statusChanged, progressChanged, dataChanged from now on
//   after each saved edit           -> localEditMade()
//   "Sync now"                      -> requestSync()
//   "Sign out"                      -> logout() -> signedOut()
//   quitting                        -> shutdown() (or the destructor)
//
// Every call returns at once; what it does happens on the worker, in call order. Calls after
// shutdown() are ignored.
class BackgroundSync : public QObject {
    Q_OBJECT

public:
    struct Options {
        // Where the stores live: <dataFolder>/<school>/<username> (StoreLocation).
        QString dataFolder;
        // The server; without one, only unlockOffline works and sync reports Offline.
        std::optional<ServerEndpoint> endpoint;
        // SHA-256 of the server's certificate (DER) to pin, or empty (ApiClient).
        QByteArray pinnedFingerprint;
        SyncScheduler::Timing timing;
        int pageLimit = 5000;  // pull page size, 1..5000
        int requestTimeoutMs = ServerEndpoint::kDefaultTimeoutMs;
        // For the password wrap of a new store, or of a store re-wrapped after the password
        // was changed on the server; fastForTests() in tests.
        ScryptParams scrypt = ScryptParams::recommended();
    };

    explicit BackgroundSync(Options options, QObject *parent = nullptr);
    // shutdown().
    ~BackgroundSync() override;

    // Signs in online: authenticates with the server first, then opens this user's store on
    // this PC, or creates it at the first sign-in. A password changed on the server opens
    // the store through the device key and re-wraps it under the new password. Ends with
    // signInFinished. When the server cannot be reached the result says so, and whether a
    // store exists that unlockOffline can open. A store already open is closed first.
    void signIn(const QString &school, const QString &username, const QString &password);
    // Opens this user's existing store with the password, without the server. Ends with
    // signInFinished (UnlockedOffline, WrongCredentials, NoLocalStore or StoreProblem).
    void unlockOffline(const QString &school, const QString &username, const QString &password);

    // After signInFinished with hasStore(): the GUI thread's own connection to the store
    // (opened with the key in memory, no scrypt). Null when no store is open, or when this
    // sign-in's connection was taken already. The caller closes it before signing out.
    std::unique_ptr<LocalStore> takeStore();

    // Starts syncing: now, on the timer, after edits, when the network returns, with
    // backoff after failures. Call it once the legal documents are accepted.
    void start();
    // Syncs now, or right after the sync that is running (no-op before start()).
    void requestSync();
    // A teacher saved an edit: the pending count updates now, a sync follows after the
    // debounce delay (before start(), only the count).
    void localEditMade();
    // Revokes this device's tokens on the server (best effort; a running sync is cancelled
    // first), forgets them, closes the worker's connection; then signedOut.
    void logout();

    // Stops the worker: the transaction in progress completes, a request in flight is
    // abandoned (its edits stay queued and are sent again next time), the worker's
    // connection closes and the thread ends. Blocks until then; safe to call twice.
    void shutdown();

    // The last status and progress signalled (also before any signal: Idle, nothing pending).
    const SyncStatus &status() const { return m_status; }
    const SyncProgress &progress() const { return m_progress; }

Q_SIGNALS:
    void signInFinished(const otrack::SignInResult &result);
    // online (Idle) / Offline / Syncing / pending, conflicts, rejections / last synced /
    // errors with their reason (SyncStatus).
    void statusChanged(const otrack::SyncStatus &status);
    // During a pull: pages and rows stored so far in this sync (SyncProgress).
    void progressChanged(const otrack::SyncProgress &progress);
    // Rows from the server were committed (pulled changes, push results, conflicts, a purge):
    // views reload. At most about once a second during a long sync, and once at its end.
    void dataChanged();
    void signedOut();

private:
    QThread *m_thread;
    BackgroundSyncWorker *m_worker;
    SyncStatus m_status;
    SyncProgress m_progress;
    bool m_stopped = false;
};

}  // namespace otrack
