#pragma once

#include "healthcheck.h"
#include "localstore.h"
#include "result.h"
#include "serverendpoint.h"

#include <QMainWindow>

#include <memory>

class QLabel;

namespace otrack {

// The main window of a signed-in session. For now: the local store's state in the status bar,
// the server's reachability when one is configured, and an honest central message (pupil data
// arrives with sync; nothing is invented).
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
    LocalStore &store() { return *m_store; }

Q_SIGNALS:
    void serverCheckFinished(bool reachable);

private:
    void setServerStatus(const QString &text, bool ok);

    std::unique_ptr<LocalStore> m_store;
    HealthCheck *m_health;
    QLabel *m_storeStatus;
    QLabel *m_serverStatus;
};

}  // namespace otrack
