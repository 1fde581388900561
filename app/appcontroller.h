#pragma once

#include "appoptions.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace otrack {

class MainWindow;
class SignInWindow;

// The client's flow: the sign-in window, then the main window of the signed-in session.
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

private:
    void onSignedIn();
    void scheduleScreenshot();
    void takeScreenshot();

    AppOptions m_options;
    QPointer<SignInWindow> m_signIn;
    QPointer<MainWindow> m_main;
    QTimer m_screenshotTimer;
    bool m_demoSignIn = false;
    int m_exitCode = 0;
};

}  // namespace otrack
