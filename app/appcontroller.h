#pragma once

#include "appoptions.h"
#include "backgroundsync.h"
#include "legalledger.h"
#include "localstore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace otrack {

class LegalAcceptanceDialog;

// The documents a person must accept now, and how (docs/legal.md).
struct LegalDue {
    QList<RequiredDocument> documents;
    bool signatory = false;  // the owner signs the Data Processing Terms for the school
    bool ledgerIntact = true;
};
class MainWindow;
class SignInWindow;

// The client's flow: the sign-in window (online, or offline when the server cannot be reached);
// then, when documents are still to be accepted, the legal acceptance dialog (docs/legal.md),
// before any pupil data is loaded or synced (the signatory variant for the owner of a school
// still awaiting its terms); then sync starts and the main window opens. Declining closes the
// app. Signing out, or a revoked device, goes back to the sign-in window.
// Also the headless helpers: --screenshot and --demo-password-env.
class AppController : public QObject {
    Q_OBJECT

public:
    // `tune` adjusts the sync options (tests: fast scrypt, short timers).
    explicit AppController(AppOptions options, std::function<void(BackgroundSync::Options &)> tune = {},
                           QObject *parent = nullptr);
    ~AppController() override;

    void start();
    // 0, or 1 when a --screenshot run could not save its picture or a demo sign-in failed.
    int exitCode() const { return m_exitCode; }

    SignInWindow *signInWindow() const;
    MainWindow *mainWindow() const;
    LegalAcceptanceDialog *legalDialog() const;
    BackgroundSync *sync() const { return m_sync.get(); }
    // Why sync cannot run (no server set up, or its address is not valid); empty when it can.
    const QString &serverProblem() const { return m_serverProblem; }

    // What `identity` must accept before pupil data moves: the documents not yet accepted (and
    // those the server's gate waits for), with the Data Processing Terms for the owner of a
    // school awaiting them.
    static Result<LegalDue> legalDue(Database &db, const LedgerIdentity &identity, const QString &role,
                                     const QString &schoolStatus);

Q_SIGNALS:
    // The main window is open (tests).
    void mainWindowOpened();
    // Back at the sign-in window after sign-out or revocation (tests).
    void signedOut();

private:
    static LegalAcceptanceDialog *makeLegalDialog(const LegalDue &due, QWidget *parent);
    void onLegalNeededInSession();
    void onSignedIn(const SignInResult &result);
    void onLegalFinished(int result);
    void openMainWindow(std::unique_ptr<LocalStore> store);
    void signOut();
    void onRevoked();
    // A store or ledger failure at start-up: say so, and close without showing any data.
    void failAndQuit(const Error &error);
    void scheduleScreenshot();
    void takeScreenshot();

    AppOptions m_options;
    QString m_serverProblem;
    std::unique_ptr<BackgroundSync> m_sync;
    QPointer<SignInWindow> m_signIn;
    QPointer<MainWindow> m_main;
    QPointer<LegalAcceptanceDialog> m_legal;
    // The signed-in store, held closed to the UI while the acceptance dialog is open.
    std::unique_ptr<LocalStore> m_pendingStore;
    LedgerIdentity m_identity;
    SignInResult m_signInResult;
    QTimer m_screenshotTimer;
    int m_screenshotWaits = 0;
    int m_exitCode = 0;
};

}  // namespace otrack
