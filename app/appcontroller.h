#pragma once

#include "appoptions.h"
#include "legalledger.h"
#include "localstore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace otrack {

class LegalAcceptanceDialog;
class MainWindow;
class SignInWindow;

// The client's flow: the sign-in window; then, when documents are still to be accepted, the
// legal acceptance dialog (docs/legal.md), before any pupil data is loaded; then the main
// window of the signed-in session. Declining closes the app.
// Also the headless helpers: --screenshot and --demo-password-env.
class AppController : public QObject {
    Q_OBJECT

public:
    explicit AppController(AppOptions options, QObject *parent = nullptr);
    ~AppController() override;

    void start();
    // 0, or 1 when a --screenshot run could not save its picture or a demo sign-in failed.
    int exitCode() const { return m_exitCode; }

    SignInWindow *signInWindow() const;
    MainWindow *mainWindow() const;
    LegalAcceptanceDialog *legalDialog() const;

private:
    void onSignedIn();
    void onLegalFinished(int result);
    void openMainWindow(std::unique_ptr<LocalStore> store);
    // A store or ledger failure at start-up: say so, and close without showing any data.
    void failAndQuit(const Error &error);
    void scheduleScreenshot();
    void takeScreenshot();

    AppOptions m_options;
    QPointer<SignInWindow> m_signIn;
    QPointer<MainWindow> m_main;
    QPointer<LegalAcceptanceDialog> m_legal;
    // The signed-in store, held closed to the UI while the acceptance dialog is open.
    std::unique_ptr<LocalStore> m_pendingStore;
    LedgerIdentity m_identity;
    QTimer m_screenshotTimer;
    bool m_demoSignIn = false;
    int m_exitCode = 0;
};

}  // namespace otrack
