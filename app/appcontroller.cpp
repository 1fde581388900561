#include "appcontroller.h"

#include "clientsettings.h"
#include "deviceid.h"
#include "errortext.h"
#include "legalacceptancedialog.h"
#include "logging.h"
#include "mainwindow.h"
#include "signinwindow.h"
#include "storelocation.h"
#include "storeworker.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPixmap>

#include <algorithm>

#include <cstdio>

namespace otrack {

namespace {

// The owner signs the school's Data Processing Terms while the school awaits them: has this
// owner signed the current text as signatory on this PC? A ledger that failed its check
// proves nothing, so then the answer is no.
Result<bool> signedAsSignatory(LegalLedger &ledger, const LegalDocument &terms, bool ledgerIntact)
{
    if (!ledgerIntact)
        return false;
    auto rows = ledger.acceptances();
    if (!rows)
        return rows.error();
    return std::any_of(rows->cbegin(), rows->cend(), [&](const Acceptance &row) {
        return row.sha256 == terms.sha256() && row.signatoryName && !row.signatoryName->isEmpty();
    });
}

}  // namespace

AppController::AppController(AppOptions options, std::function<void(BackgroundSync::Options &)> tune, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_screenshotTimer.setSingleShot(true);
    m_screenshotTimer.setInterval(1000);
    connect(&m_screenshotTimer, &QTimer::timeout, this, &AppController::takeScreenshot);

    BackgroundSync::Options sync;
    sync.dataFolder = m_options.dataDir.isEmpty() ? StoreLocation::defaultBase() : m_options.dataDir;
    if (m_options.serverUrl.isEmpty()) {
        m_serverProblem = tr("No OTrack server is set up on this PC, so OTrack can only open data already on it. "
                             "Ask your IT team.");
    } else if (auto endpoint = ServerEndpoint::create(m_options.serverUrl, m_options.caFile); endpoint) {
        sync.endpoint = endpoint.value();
    } else {
        m_serverProblem = ErrorText::forServerAddress(endpoint.error()) + QLatin1Char(' ') + tr("Ask your IT team.");
    }
    // The interval IT or the teacher set (docs/deployment.md); the server and CA came in options.
    sync.timing.interval = std::chrono::minutes(ClientSettings().syncIntervalMinutes());
    if (tune)
        tune(sync);
    m_sync = std::make_unique<BackgroundSync>(sync);
}

AppController::~AppController()
{
    delete m_legal;
    delete m_main;
    delete m_signIn;
    m_pendingStore.reset();
    // The GUI's connection is closed (with the main window) before sync stops.
    m_sync.reset();
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
    m_signIn = new SignInWindow(m_sync.get(), m_serverProblem);
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
        connect(m_signIn, &SignInWindow::signInFailed, this, [this](const SignInResult &result) {
            // The demo meant to sign in and could not: offline is a fair answer, the rest is not.
            if (result.outcome != SignInResult::Outcome::ServerUnreachable || !result.offlineUnlockAvailable)
                m_exitCode = 1;
            else
                m_signIn->workOffline();
        });
        QTimer::singleShot(0, m_signIn, [this, password]() mutable {
            m_signIn->signInWith(password);
            password.fill(QChar(u'\0'));
        });
    }
    scheduleScreenshot();
}

void AppController::onSignedIn(const SignInResult &result)
{
    m_signInResult = result;
    auto store = m_sync->takeStore();
    if (!store)
        return failAndQuit(Error{ErrorCode::StorageFailure, QStringLiteral("sign-in handed over no store")});
    auto deviceId = ensureDeviceId(store->database());
    if (!deviceId)
        return failAndQuit(deviceId.error());
    // The store is this person's, so its owner is named by the names it was opened with,
    // case-folded as the store's folder is (docs/legal.md).
    m_identity = {m_signIn->school().toCaseFolded(), m_signIn->username().toCaseFolded(), deviceId.value(),
                  QApplication::applicationVersion()};
    auto due = legalDue(store->database(), m_identity, result.role, result.schoolStatus);
    if (!due)
        return failAndQuit(due.error());
    if (due->documents.isEmpty())
        return openMainWindow(std::move(store));

    qCInfo(lcUi) << due->documents.size() << "legal documents to accept before any data is shown"
                 << (due->signatory ? "(as the school's signatory)" : "");
    m_pendingStore = std::move(store);
    m_legal = makeLegalDialog(due.value(), nullptr);
    connect(m_legal, &QDialog::finished, this, &AppController::onLegalFinished);
    m_signIn->hide();
    m_legal->show();
    scheduleScreenshot();
}

Result<LegalDue> AppController::legalDue(Database &db, const LedgerIdentity &identity, const QString &role,
                                         const QString &schoolStatus)
{
    auto embedded = LegalDocumentSet::embedded();
    if (!embedded)
        return embedded.error();
    LegalLedger ledger(db, identity);
    auto check = ledger.verify();
    if (!check)
        return check.error();
    auto required = ledger.requiredDocuments(embedded.value());
    if (!required)
        return required.error();
    LegalDue due{required.value(), false, check->intact()};
    // The school's owner signs its Data Processing Terms while the school awaits them (the
    // login answer says who and what): the signatory variant, with those terms in it.
    if (role != u"owner" || schoolStatus != u"awaiting_terms")
        return due;
    auto current = ledger.currentDocuments(embedded.value());
    if (!current)
        return current.error();
    const auto terms = std::find_if(current->cbegin(), current->cend(),
                                    [](const LegalDocument &d) { return d.kind() == LegalKind::DataProcessingTerms; });
    if (terms == current->cend())
        return due;
    auto signedAlready = signedAsSignatory(ledger, *terms, due.ledgerIntact);
    if (!signedAlready)
        return signedAlready.error();
    due.signatory = !signedAlready.value();
    const bool listed = std::any_of(due.documents.cbegin(), due.documents.cend(), [](const RequiredDocument &r) {
        return r.document.kind() == LegalKind::DataProcessingTerms;
    });
    if (due.signatory && !listed)
        due.documents.prepend({*terms, std::nullopt});
    return due;
}

LegalAcceptanceDialog *AppController::makeLegalDialog(const LegalDue &due, QWidget *parent)
{
    auto *dialog = new LegalAcceptanceDialog(due.documents, parent);
    dialog->setSignatoryMode(due.signatory);
    if (!due.ledgerIntact)
        dialog->showLedgerWarning();
    return dialog;
}

void AppController::onLegalNeededInSession()
{
    // The server's gate waits for documents (sync recorded which): ask for them now, over the
    // main window, rather than sending the teacher away to sign in again.
    if (!m_main || m_legal)
        return;
    m_main->storeWorker()->run(
        this,
        [identity = m_identity, role = m_signInResult.role, status = m_signInResult.schoolStatus](LocalStore &store) {
            return legalDue(store.database(), identity, role, status);
        },
        [this](Result<LegalDue> due) {
            if (!due) {
                qCWarning(lcUi) << "cannot check the legal documents:" << errorCodeName(due.error().code);
                return;
            }
            if (due->documents.isEmpty() || !m_main || m_legal)
                return;
            qCInfo(lcUi) << due->documents.size() << "legal documents the server waits for";
            m_legal = makeLegalDialog(due.value(), m_main);
            connect(m_legal, &QDialog::finished, this, [this](int result) {
                m_legal->hide();
                m_legal->deleteLater();
                if (result != QDialog::Accepted) {
                    qCInfo(lcUi) << "legal documents declined: closing";
                    delete m_main;
                    QApplication::exit(0);
                    return;
                }
                m_main->storeWorker()->run(
                    this,
                    [identity = m_identity, documents = m_legal->documents(),
                     signatory = m_legal->signatory()](LocalStore &store) {
                        return LegalLedger(store.database(), identity).record(documents, signatory);
                    },
                    [this](Result<QList<Acceptance>> recorded) {
                        if (!recorded) {
                            qCWarning(lcUi) << "cannot record the acceptances:" << errorCodeName(recorded.error().code);
                            return;
                        }
                        m_sync->requestSync();
                    });
            });
            m_legal->open();
            scheduleScreenshot();
        });
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
    connect(m_main, &MainWindow::signOutRequested, this, &AppController::signOut);
    connect(m_main, &MainWindow::revoked, this, &AppController::onRevoked, Qt::QueuedConnection);
    connect(m_main, &MainWindow::legalAcceptanceNeeded, this, &AppController::onLegalNeededInSession,
            Qt::QueuedConnection);
    if (m_serverProblem.isEmpty()) {
        // Only now, with the documents accepted, does any pupil data move.
        m_main->attachSync(m_sync.get());
        m_sync->start();
    } else {
        m_main->showNoSync(m_serverProblem);
    }
    m_main->show();
    m_signIn->hide();
    Q_EMIT mainWindowOpened();
    scheduleScreenshot();
}

void AppController::signOut()
{
    // The window's connection closes first (its store worker finishes every saved edit), then
    // sync forgets the tokens and closes its own.
    delete m_main;
    connect(
        m_sync.get(), &BackgroundSync::signedOut, this,
        [this] {
            m_signIn->show();
            Q_EMIT signedOut();
        },
        Qt::SingleShotConnection);
    m_sync->logout();
}

void AppController::onRevoked()
{
    qCWarning(lcUi) << "this device was revoked: its store is gone";
    delete m_main;
    SignInResult revoked;
    revoked.outcome = SignInResult::Outcome::Revoked;
    m_signIn->showProblem(ErrorText::forSignIn(revoked));
    m_signIn->show();
    Q_EMIT signedOut();
}

void AppController::scheduleScreenshot()
{
    if (!m_options.screenshotFile.isEmpty())
        m_screenshotTimer.start();
}

void AppController::takeScreenshot()
{
    // Wait (a little) for sign-in and a running sync, so the picture shows their outcome.
    const bool busy = (m_signIn && m_signIn->isBusy())
        || (m_main && (!m_main->isReady() || m_sync->status().state == SyncStatus::State::Syncing));
    if (busy && ++m_screenshotWaits < 30) {
        m_screenshotTimer.start(500);
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
