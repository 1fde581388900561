#include "appcontroller.h"

#include "deviceid.h"
#include "errortext.h"
#include "legalacceptancedialog.h"
#include "logging.h"
#include "mainwindow.h"
#include "signinwindow.h"
#include "storelocation.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
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
    delete m_legal;
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

LegalAcceptanceDialog *AppController::legalDialog() const
{
    return m_legal;
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
            if (!m_main && !m_legal)
                m_exitCode = 1;  // the demo meant to sign in and could not
        });
    }
    scheduleScreenshot();
}

void AppController::onSignedIn()
{
    auto store = m_signIn->takeStore();
    auto deviceId = ensureDeviceId(store->database());
    if (!deviceId)
        return failAndQuit(deviceId.error());
    // The store is this person's, so its owner is named by the names it was opened with,
    // case-folded as the store's folder is (docs/legal.md).
    m_identity = {m_signIn->school().toCaseFolded(), m_signIn->username().toCaseFolded(), deviceId.value(),
                  QApplication::applicationVersion()};
    auto embedded = LegalDocumentSet::embedded();
    if (!embedded)
        return failAndQuit(embedded.error());
    LegalLedger ledger(store->database(), m_identity);
    auto check = ledger.verify();
    if (!check)
        return failAndQuit(check.error());
    auto required = ledger.requiredDocuments(embedded.value());
    if (!required)
        return failAndQuit(required.error());
    if (required->isEmpty())
        return openMainWindow(std::move(store));

    qCInfo(lcUi) << required->size() << "legal documents to accept before any data is shown";
    m_pendingStore = std::move(store);
    m_legal = new LegalAcceptanceDialog(required.value());
    if (!check->intact())
        m_legal->showLedgerWarning();
    connect(m_legal, &QDialog::finished, this, &AppController::onLegalFinished);
    m_signIn->hide();
    m_legal->show();
    scheduleScreenshot();
}

void AppController::onLegalFinished(int result)
{
    m_legal->hide();
    m_legal->deleteLater();
    if (result != QDialog::Accepted) {
        qCInfo(lcUi) << "legal documents declined: closing without loading any data";
        m_pendingStore.reset();
        QApplication::exit(0);
        return;
    }
    LegalLedger ledger(m_pendingStore->database(), m_identity);
    auto recorded = ledger.record(m_legal->documents(), m_legal->signatory());
    if (!recorded)
        return failAndQuit(recorded.error());
    qCInfo(lcUi) << "recorded" << recorded->size() << "legal acceptances";
    openMainWindow(std::move(m_pendingStore));
}

void AppController::failAndQuit(const Error &error)
{
    qCWarning(lcUi) << "cannot check the legal acceptances:" << errorCodeName(error.code);
    m_pendingStore.reset();
    m_exitCode = 1;
    auto *box = new QMessageBox(QMessageBox::Critical, tr("OTrack"),
                                ErrorText::forStore(error.code) + QLatin1Char(' ') + tr("OTrack will close."),
                                QMessageBox::Close);
    box->setObjectName(QStringLiteral("startupError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this] { QApplication::exit(m_exitCode); });
    box->open();
}

void AppController::openMainWindow(std::unique_ptr<LocalStore> store)
{
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
    QWidget *window = m_main ? static_cast<QWidget *>(m_main.data())
        : m_legal            ? static_cast<QWidget *>(m_legal.data())
                             : m_signIn.data();
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
