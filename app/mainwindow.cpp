#include "mainwindow.h"

#include "analysispage.h"
#include "backgroundsync.h"
#include "clientsettings.h"
#include "conflictspage.h"
#include "errortext.h"
#include "grideditor.h"
#include "languageswitcher.h"
#include "logging.h"
#include "markgridview.h"
#include "markingpage.h"
#include "pupilpage.h"
#include "rosterstore.h"
#include "settingsdialog.h"
#include "storeworker.h"
#include "syncindicator.h"
#include "syncsession.h"
#include "termlocks.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEventLoop>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>

namespace otrack {

namespace {

struct StoreFacts {
    QString cipherVersion;
    int schemaVersion = 0;
    SessionInfo session;
    std::optional<Error> error;
};

// Who the store belongs to, from what sign-in recorded in it (SyncSession), with the names
// the roster holds. A store that never synced has no school: there is nothing to show yet.
StoreFacts readStoreFacts(LocalStore &store, const QString &username)
{
    StoreFacts facts;
    facts.cipherVersion = store.database().cipherVersion();
    facts.schemaVersion = store.schemaVersion();
    facts.session.username = username;
    auto session = SyncSession::load(store.database());
    if (!session) {
        facts.error = session.error();
        return facts;
    }
    facts.session.schoolId = session->schoolId;
    facts.session.userId = session->userId;
    facts.session.schoolName = session->schoolName;
    facts.session.role = roleFromString(session->role).value_or(Role::Teacher);
    if (facts.session.schoolId.isEmpty())
        return facts;
    RosterStore roster(store.database(), facts.session.schoolId);
    if (auto school = roster.school(); school && facts.session.schoolName.isEmpty())
        facts.session.schoolName = school->name;
    if (auto names = roster.staffNames(); names)
        facts.session.displayName = names->value(facts.session.userId);
    return facts;
}

}  // namespace

MainWindow::MainWindow(std::unique_ptr<LocalStore> store, const QString &school, const QString &username,
                       QWidget *parent)
    : QMainWindow(parent), m_worker(new StoreWorker(std::move(store), this)), m_school(school), m_username(username),
      m_indicator(new SyncIndicator(this)), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/otrack.svg")));

    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    m_storeStatus = new QLabel(this);
    m_storeStatus->setObjectName(QStringLiteral("storeStatus"));
    statusBar()->addWidget(m_storeStatus, 1);
    statusBar()->addPermanentWidget(m_indicator);
    connect(m_indicator, &SyncIndicator::conflictsRequested, this, [this] {
        if (m_conflicts)
            m_tabs->setCurrentWidget(m_conflicts);
    });
    retranslate();

    m_worker->run(
        this, [username](LocalStore &s) { return readStoreFacts(s, username); },
        [this](StoreFacts facts) {
            m_cipherVersion = facts.cipherVersion;
            m_schemaVersion = facts.schemaVersion;
            m_storeOpen = true;
            if (facts.error)
                qCWarning(lcUi) << "cannot read the session:" << errorCodeName(facts.error->code);
            retranslate();
            buildPages(facts.session);
        });
    resize(1100, 680);
}

MainWindow::~MainWindow() = default;

void MainWindow::retranslate()
{
    //: %1 is the staff member's username, %2 the school
    setWindowTitle(tr("OTrack - %1 at %2").arg(m_username, m_school));
    m_tabs->setAccessibleName(tr("Workspace pages"));
    m_storeStatus->setAccessibleName(tr("Local store status"));
    //: %1 is the SQLCipher version, %2 the local store's schema version
    m_storeStatus->setText(m_storeOpen ? tr("Local store: encrypted (SQLCipher %1), schema version %2")
                                             .arg(m_cipherVersion.isEmpty() ? tr("unknown version") : m_cipherVersion)
                                             .arg(m_schemaVersion)
                                       : tr("Opening your data..."));
    if (m_sync)
        m_indicator->setStatus(m_sync->status());
    else
        m_indicator->setNotSyncing(tr("Working on this PC only"),
                                   m_noSyncAdvice.isEmpty() ? tr("No OTrack server is set up on this PC, so nothing "
                                                                 "is synced. Ask your IT team.")
                                                            : m_noSyncAdvice);
}

void MainWindow::changeEvent(QEvent *event)
{
    // Qt tells every widget; the window rebuilds once, after the event has gone round.
    if (event->type() == QEvent::LanguageChange && !m_rebuildQueued) {
        m_rebuildQueued = true;
        QTimer::singleShot(0, this, &MainWindow::rebuildForLanguage);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::rebuildForLanguage()
{
    m_rebuildQueued = false;
    retranslate();
    if (!m_marking)
        return;
    // The pages are made again in the new language, on the same choices and page. (The undo
    // history of the grid does not survive this.)
    const QString group = m_marking->groupId(), framework = m_marking->frameworkId(), term = m_marking->termId();
    const int page = m_tabs->currentIndex();
    const auto menus = menuBar()->findChildren<QMenu *>(Qt::FindDirectChildrenOnly);
    menuBar()->clear();
    qDeleteAll(menus);
    // Last page first: the marking page goes last, as the others read from it, and removing
    // a tab shows another.
    while (m_tabs->count() > 0) {
        QWidget *w = m_tabs->widget(m_tabs->count() - 1);
        m_tabs->removeTab(m_tabs->count() - 1);
        delete w;
    }
    m_marking = nullptr;
    m_pupil = nullptr;
    m_analysis = nullptr;
    m_conflicts = nullptr;
    m_gridLoaded = false;
    buildPages(m_session);
    connect(
        m_marking, &MarkingPage::choicesLoaded, this,
        [this, group, framework, term](bool any) {
            if (any)
                m_marking->choose(group, framework, term);
        },
        Qt::SingleShotConnection);
    m_tabs->setCurrentIndex(page);
}

void MainWindow::buildPages(const SessionInfo &session)
{
    m_session = session;
    m_marking = new MarkingPage(m_worker, session, m_tabs);
    if (m_sync)
        connect(m_marking, &MarkingPage::localEditMade, m_sync, &BackgroundSync::localEditMade);
    m_tabs->addTab(m_marking, tr("&Marking"));
    m_pupil = new PupilPage(m_worker, m_marking, session, m_tabs);
    m_tabs->addTab(m_pupil, tr("P&upil"));
    m_analysis = new AnalysisPage(m_marking, session, m_tabs);
    m_tabs->addTab(m_analysis, tr("&Analysis"));
    m_conflicts = new ConflictsPage(m_worker, session, m_tabs);
    m_tabs->addTab(m_conflicts, tr("&Conflicts"));
    connect(m_conflicts, &ConflictsPage::loaded, this, [this](int count) {
        //: the Conflicts tab with how many there are
        m_tabs->setTabText(m_tabs->indexOf(m_conflicts),
                           count > 0 ? tr("&Conflicts (%1)").arg(count) : tr("&Conflicts"));
    });
    connect(m_conflicts, &ConflictsPage::resolved, this, [this] {
        m_marking->reload();
        if (m_sync)
            m_sync->localEditMade();
    });
    connect(m_marking, &MarkingPage::gridLoaded, this, [this] { m_gridLoaded = true; });
    buildMenus();
    m_marking->gridView()->setFocus();
    Q_EMIT ready();
}

void MainWindow::buildMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *syncNow = fileMenu->addAction(tr("S&ync now"));
    syncNow->setShortcut(QKeySequence(Qt::Key_F5));
    connect(syncNow, &QAction::triggered, m_indicator, &SyncIndicator::syncNowRequested);
    QAction *signOut = fileMenu->addAction(tr("Sign &out"));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    fileMenu->addSeparator();
    QAction *settings = fileMenu->addAction(tr("Se&ttings..."));
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    GridEditor *editor = m_marking->editor();
    MarkGridView *view = m_marking->gridView();
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    m_undo = editMenu->addAction(tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = editMenu->addAction(tr("&Redo"));
    // Ctrl+Y as in Excel, besides the platform's own redo keys.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)))
        redoKeys.prepend(QKeySequence(Qt::CTRL | Qt::Key_Y));
    m_redo->setShortcuts(redoKeys);
    connect(m_undo, &QAction::triggered, editor, &GridEditor::undo);
    connect(m_redo, &QAction::triggered, editor, &GridEditor::redo);
    QUndoStack *stack = editor->undoStack();
    auto updateUndo = [this, stack] {
        m_undo->setEnabled(stack->canUndo());
        m_redo->setEnabled(stack->canRedo());
        //: %1 is what undo takes back, e.g. "Paste"
        m_undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
        m_redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    };
    connect(stack, &QUndoStack::indexChanged, this, updateUndo);
    connect(stack, &QUndoStack::cleanChanged, this, updateUndo);
    updateUndo();
    editMenu->addSeparator();
    editMenu->addActions({view->copyAction(), view->pasteAction(), view->clearAction()});
    editMenu->addSeparator();
    editMenu->addActions({view->fillDownAction(), view->fillRightAction()});

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *advance = new QActionGroup(this);
    QAction *down = viewMenu->addAction(tr("After a mark, move &down"));
    QAction *right = viewMenu->addAction(tr("After a mark, move &right"));
    for (QAction *a : {down, right}) {
        a->setCheckable(true);
        advance->addAction(a);
    }
    down->setChecked(true);
    connect(down, &QAction::triggered, view, [view] { view->setAdvance(MarkGridView::Advance::Down); });
    connect(right, &QAction::triggered, view, [view] { view->setAdvance(MarkGridView::Advance::Right); });

    QMenu *languageMenu = viewMenu->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(languageMenu);
    const ClientSettings clientSettings;
    const bool managed = !clientSettings.resolved(ClientSetting::Language).userCanChange();
    for (const auto &[code, name] : LanguageSwitcher::available()) {
        QAction *a = languageMenu->addAction(name);
        a->setCheckable(true);
        a->setChecked(QLocale().name().startsWith(code.left(2)));
        a->setEnabled(!managed);
        if (managed)
            a->setToolTip(tr("Managed by your organisation"));
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [code = code] {
            // Saved as the user's choice, so the next start is in it too.
            ClientSettings user;
            if (auto saved = user.setUserValue(ClientSetting::Language, code); !saved)
                qCWarning(lcUi) << "cannot save the language:" << errorCodeName(saved.error().code);
            LanguageSwitcher::instance().apply(code);
        });
    }

    if (TermLocks::mayLock(m_session.role)) {
        QMenu *dataMenu = menuBar()->addMenu(tr("&Data"));
        QAction *lock = dataMenu->addAction(tr("&Lock or unlock the term"));
        lock->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
        connect(lock, &QAction::triggered, m_marking, &MarkingPage::toggleTermLock);
    }
}

bool MainWindow::waitUntilLoaded(int timeoutMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    while (!(m_marking && m_gridLoaded && m_worker->queued() == 0) && timeout.isActive())
        loop.processEvents(QEventLoop::WaitForMoreEvents, 50);
    return m_marking && m_gridLoaded;
}

void MainWindow::attachSync(BackgroundSync *sync)
{
    m_sync = sync;
    connect(sync, &BackgroundSync::statusChanged, this, &MainWindow::onSyncStatus);
    connect(sync, &BackgroundSync::progressChanged, m_indicator, &SyncIndicator::setProgress);
    connect(sync, &BackgroundSync::dataChanged, this, [this] {
        if (m_marking)
            m_marking->reload();
        if (m_conflicts)
            m_conflicts->reload();
    });
    connect(m_indicator, &SyncIndicator::syncNowRequested, sync, &BackgroundSync::requestSync);
    if (m_marking)
        connect(m_marking, &MarkingPage::localEditMade, sync, &BackgroundSync::localEditMade);
    onSyncStatus(sync->status());
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    dialog.setObjectName(QStringLiteral("settingsDialog"));
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT settingsChanged();
}

void MainWindow::showNoSync(const QString &advice)
{
    m_noSyncAdvice = advice;
    retranslate();
}

void MainWindow::onSyncStatus(const SyncStatus &status)
{
    m_indicator->setStatus(status);
    if (status.state == SyncStatus::State::WaitingForLegalAcceptance)
        Q_EMIT legalAcceptanceNeeded();
    if (status.state == SyncStatus::State::Revoked)
        Q_EMIT revoked();
}

QString MainWindow::storeStatusText() const
{
    return m_storeStatus->text();
}

}  // namespace otrack
