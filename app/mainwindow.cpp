#include "mainwindow.h"

#include "errortext.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace otrack {

MainWindow::MainWindow(std::unique_ptr<LocalStore> store, const QString &school, const QString &username,
                       QWidget *parent)
    : QMainWindow(parent), m_store(std::move(store)), m_health(new HealthCheck(nullptr, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    //: %1 is the staff member's username, %2 the school
    setWindowTitle(tr("OTrack - %1 at %2").arg(username, school));
    setWindowIcon(QIcon(QStringLiteral(":/icons/otrack.svg")));

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    auto *central = new QWidget(this);
    auto *heading = new QLabel(tr("No pupil data on this PC yet"), central);
    heading->setObjectName(QStringLiteral("heading"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAlignment(Qt::AlignCenter);
    heading->setAccessibleName(tr("No pupil data on this PC yet"));

    auto *message = new QLabel(tr("Pupil data arrives when OTrack syncs with your school's OTrack server. "
                                  "Until then there is nothing to show here."),
                               central);
    message->setObjectName(QStringLiteral("message"));
    message->setWordWrap(true);
    message->setAlignment(Qt::AlignCenter);
    message->setAccessibleName(tr("About pupil data"));
    message->setAccessibleDescription(message->text());

    auto *layout = new QVBoxLayout(central);
    layout->addStretch(1);
    layout->addWidget(heading);
    layout->addWidget(message);
    layout->addStretch(2);
    layout->setContentsMargins(48, 24, 48, 24);
    setCentralWidget(central);

    m_storeStatus = new QLabel(this);
    m_storeStatus->setObjectName(QStringLiteral("storeStatus"));
    m_storeStatus->setAccessibleName(tr("Local store status"));
    const QString cipher = m_store->database().cipherVersion();
    //: %1 is the SQLCipher version, %2 the local store's schema version
    m_storeStatus->setText(tr("Local store: encrypted (SQLCipher %1), schema version %2")
                               .arg(cipher.isEmpty() ? tr("unknown version") : cipher)
                               .arg(m_store->schemaVersion()));
    statusBar()->addWidget(m_storeStatus, 1);

    m_serverStatus = new QLabel(this);
    m_serverStatus->setObjectName(QStringLiteral("serverStatus"));
    m_serverStatus->setAccessibleName(tr("Server status"));
    statusBar()->addPermanentWidget(m_serverStatus);
    setServerStatus(tr("No server configured: working on this PC only"), true);

    connect(m_health, &HealthCheck::finished, this, [this](const HealthStatus &status) {
        setServerStatus(ErrorText::forHealth(status), status.ok());
        Q_EMIT serverCheckFinished(status.ok());
    });

    resize(900, 560);
}

MainWindow::~MainWindow() = default;

void MainWindow::checkServer(const ServerEndpoint &endpoint)
{
    //: %1 is the server's host name and port
    setServerStatus(tr("Checking the server %1...").arg(endpoint.displayName()), true);
    m_health->start(endpoint);
}

void MainWindow::showServerProblem(const Error &error)
{
    setServerStatus(ErrorText::forServerAddress(error), false);
}

bool MainWindow::isCheckingServer() const
{
    return m_health->isRunning();
}

QString MainWindow::storeStatusText() const
{
    return m_storeStatus->text();
}

QString MainWindow::serverStatusText() const
{
    return m_serverStatus->text();
}

void MainWindow::setServerStatus(const QString &text, bool ok)
{
    m_serverStatus->setText(text);
    m_serverStatus->setAccessibleDescription(text);
    m_serverStatus->setStyleSheet(ok ? QString() : QStringLiteral("color: #a4000f;"));
}

}  // namespace otrack
