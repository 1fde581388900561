#pragma once

#include "backgroundsync.h"
#include "onlinesignin.h"
#include "syncengine.h"
#include "syncscheduler.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>

#include <memory>

namespace otrack {

// BackgroundSync's half on the worker thread: every method but takeStore() runs there (the
// facade queues the calls), and every object it makes (sign-in, engine, scheduler, their
// sockets and timers) is made and destroyed there.
class BackgroundSyncWorker : public QObject {
    Q_OBJECT

public:
    explicit BackgroundSyncWorker(BackgroundSync::Options options);
    ~BackgroundSyncWorker() override;

    void signIn(const QString &school, const QString &username, const QString &password);
    void unlockOffline(const QString &school, const QString &username, const QString &password);
    void start();
    void requestSync();
    void localEditMade();
    void logout();
    // Closes the sign-in, the scheduler, the engine and the worker's connection (the thread
    // may end after this returns).
    void close();

    // From any thread: the connection made for the GUI at the last sign-in, once.
    std::unique_ptr<LocalStore> takeStore();

Q_SIGNALS:
    void signInFinished(const otrack::SignInResult &result);
    void statusChanged(const otrack::SyncStatus &status);
    void progressChanged(const otrack::SyncProgress &progress);
    void dataChanged();
    void signedOut();

private:
    QString folderFor(const QString &school, const QString &username) const;
    // Takes over a signed-in or unlocked store and opens the GUI's connection to it; on
    // failure `result` becomes StoreProblem and everything is closed.
    void adopt(std::unique_ptr<SyncEngine> engine, std::unique_ptr<LocalStore> storeOnly, SignInResult &result);
    void onEngineFinished();
    void onEngineDataChanged();
    void flushDataChanged();

    BackgroundSync::Options m_options;
    OnlineSignIn *m_signIn = nullptr;
    std::unique_ptr<SyncEngine> m_engine;
    // Unlocked offline with no server configured: a store and no engine.
    std::unique_ptr<LocalStore> m_storeOnly;
    std::unique_ptr<SyncScheduler> m_scheduler;
    QMutex m_handoverMutex;
    std::unique_ptr<LocalStore> m_handover;
    QElapsedTimer m_sinceDataChanged;
    bool m_dataDirty = false;
    bool m_logoutAfterCancel = false;
    bool m_loggingOut = false;
};

}  // namespace otrack
