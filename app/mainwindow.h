#pragma once

#include "healthcheck.h"
#include "localstore.h"
#include "result.h"
#include "serverendpoint.h"
#include "sessioninfo.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QTabWidget;

namespace otrack {

class MarkingPage;
class StoreWorker;

// The main window of a signed-in session: the marking page (and the other pages of the
// workspace), menus with every command and its shortcut, and the status bar (the local
// store, the server). The store is handed to a StoreWorker at once: from here on no store
// work runs on the GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(std::unique_ptr<LocalStore> store, const QString &school, const QString &username,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Checks GET /v1/health and shows the result in the status bar.
    void checkServer(const ServerEndpoint &endpoint);
    // The configured server address or CA file could not be used.
    void showServerProblem(const Error &error);

    bool isCheckingServer() const;
    QString storeStatusText() const;
    QString serverStatusText() const;
    StoreWorker *storeWorker() const { return m_worker; }
    // Null until the session is read from the store (ready()).
    MarkingPage *markingPage() const { return m_marking; }
    const SessionInfo &session() const { return m_session; }
    bool isReady() const { return m_marking != nullptr; }
    // For tests and benchmarks: runs the event loop until ready() and the first grid is loaded.
    bool waitUntilLoaded(int timeoutMs = 10000);

Q_SIGNALS:
    void serverCheckFinished(bool reachable);
    // The session is known and the pages exist.
    void ready();

private:
    void buildPages(const SessionInfo &session);
    void buildMenus();
    void setServerStatus(const QString &text, bool ok);

    StoreWorker *m_worker;
    SessionInfo m_session;
    HealthCheck *m_health;
    QTabWidget *m_tabs;
    MarkingPage *m_marking = nullptr;
    QLabel *m_storeStatus;
    QLabel *m_serverStatus;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    bool m_gridLoaded = false;
};

}  // namespace otrack
