#include "appcontroller.h"

#include "logging.h"
#include "mainwindow.h"
#include "signinwindow.h"
#include "storelocation.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>

#include <cstdio>

namespace otrack {

AppController::AppController(AppOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    m_screenshotTimer.setSingleShot(true);
    m_screenshotTimer.setInterval(1000);
    connect(&m_screenshotTimer, &QTimer::timeout, this, &AppController::takeScreenshot);
}

AppController::~AppController()
{
    delete m_main;
    delete m_signIn;
}

SignInWindow *AppController::signInWindow() const
{
    return m_signIn;
}

MainWindow *AppController::mainWindow() const
{
    return m_main;
}

void AppController::start()
{
    const QString base = m_options.dataDir.isEmpty() ? StoreLocation::defaultBase() : m_options.dataDir;
    m_signIn = new SignInWindow(base);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose, false);
    m_signIn->setSchool(m_options.school);
    m_signIn->setUsername(m_options.username);
    connect(m_signIn, &SignInWindow::signedIn, this, &AppController::onSignedIn);
    m_signIn->show();

    if (!m_options.demoPasswordEnv.isEmpty()) {
        // Scripted demos only: the password comes from the environment, never from argv, and
        // is removed from this process's environment at once so no child inherits it.
        QString password = qEnvironmentVariable(m_options.demoPasswordEnv.toLocal8Bit().constData());
        qunsetenv(m_options.demoPasswordEnv.toLocal8Bit().constData());
        m_demoSignIn = true;
        QTimer::singleShot(0, m_signIn, [this, password]() mutable {
            m_signIn->signInWith(password);
            password.fill(QChar(u'\0'));
            if (!m_main)
                m_exitCode = 1;  // the demo meant to sign in and could not
        });
    }
    scheduleScreenshot();
}

void AppController::onSignedIn()
{
    auto store = m_signIn->takeStore();
    m_main = new MainWindow(std::move(store), m_signIn->school(), m_signIn->username());
    m_main->setAttribute(Qt::WA_DeleteOnClose, false);
    m_main->show();
    m_signIn->hide();

    if (!m_options.serverUrl.isEmpty()) {
        auto endpoint = ServerEndpoint::create(m_options.serverUrl, m_options.caFile);
        if (endpoint)
            m_main->checkServer(*endpoint);
        else
            m_main->showServerProblem(endpoint.error());
    }
    scheduleScreenshot();
}

void AppController::scheduleScreenshot()
{
    if (!m_options.screenshotFile.isEmpty())
        m_screenshotTimer.start();
}

void AppController::takeScreenshot()
{
    if (m_main && m_main->isCheckingServer()) {
        // Wait for the server's answer so the picture shows it; HealthCheck always finishes
        // (its own timeout), and the timer restarts then.
        connect(
            m_main, &MainWindow::serverCheckFinished, this, [this] { m_screenshotTimer.start(200); },
            Qt::SingleShotConnection);
        return;
    }
    QWidget *window = m_main ? static_cast<QWidget *>(m_main.data()) : m_signIn.data();
    if (!window)
        return;
    const QString path = QFileInfo(m_options.screenshotFile).absoluteFilePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (window->grab().save(path)) {
        std::fputs(("screenshot saved to " + QDir::toNativeSeparators(path).toLocal8Bit() + '\n').constData(), stdout);
        std::fflush(stdout);
    } else {
        qCWarning(lcUi) << "cannot save the screenshot";
        m_exitCode = 1;
    }
    QApplication::exit(m_exitCode);
}

}  // namespace otrack
