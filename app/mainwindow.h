#pragma once

#include "localstore.h"
#include "sessioninfo.h"
#include "syncstatus.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QTabWidget;

namespace otrack {

class AnalysisPage;
class BackgroundSync;
class ConflictsPage;
class MarkingPage;
class PupilPage;
class StoreWorker;
class SyncIndicator;

// The main window of a signed-in session: the marking page (and the other pages of the
// workspace), menus with every command and its shortcut, and the status bar (the local store,
// the sync indicator with "Sync now"). The store is handed to a StoreWorker at once: from here
// on no store work runs on the GUI thread. With a BackgroundSync attached, every saved edit is
// queued for sync and the pages reload when sync brings new data.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(std::unique_ptr<LocalStore> store, const QString &school, const QString &username,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Sync runs for this session: the indicator follows it, edits are queued, pages reload.
    void attachSync(BackgroundSync *sync);
    // No sync for this session, and why (shown by the indicator).
    void showNoSync(const QString &advice);

    // File > Settings: the settings dialog (server, language, sync interval; policy values
    // shown as managed by the organisation).
    void openSettings();
    QString storeStatusText() const;
    SyncIndicator *syncIndicator() const { return m_indicator; }
    StoreWorker *storeWorker() const { return m_worker; }
    // Null until the session is read from the store (ready()).
    MarkingPage *markingPage() const { return m_marking; }
    PupilPage *pupilPage() const { return m_pupil; }
    AnalysisPage *analysisPage() const { return m_analysis; }
    ConflictsPage *conflictsPage() const { return m_conflicts; }
    QTabWidget *pages() const { return m_tabs; }
    const SessionInfo &session() const { return m_session; }
    bool isReady() const { return m_marking != nullptr; }
    // For tests and benchmarks: runs the event loop until ready() and the first grid is loaded.
    bool waitUntilLoaded(int timeoutMs = 10000);

Q_SIGNALS:
    // The session is known and the pages exist.
    void ready();
    // File > Sign out.
    void signOutRequested();
    // The settings dialog saved changes (the language applies at once, the rest next sign-in).
    void settingsChanged();
    // The server's gate waits for legal documents to be accepted (sync says so).
    void legalAcceptanceNeeded();
    // Sync said this device was revoked: its store is gone, the window must close.
    void revoked();

protected:
    // A new interface language: the window and its pages are made again in it.
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuildForLanguage();
    void buildPages(const SessionInfo &session);
    void buildMenus();
    void onSyncStatus(const SyncStatus &status);

    StoreWorker *m_worker;
    QString m_school;
    QString m_username;
    QString m_cipherVersion;
    int m_schemaVersion = 0;
    bool m_storeOpen = false;
    QString m_noSyncAdvice;
    bool m_rebuildQueued = false;
    SessionInfo m_session;
    BackgroundSync *m_sync = nullptr;
    SyncIndicator *m_indicator;
    QTabWidget *m_tabs;
    MarkingPage *m_marking = nullptr;
    PupilPage *m_pupil = nullptr;
    AnalysisPage *m_analysis = nullptr;
    ConflictsPage *m_conflicts = nullptr;
    QLabel *m_storeStatus;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    bool m_gridLoaded = false;
};

}  // namespace otrack
