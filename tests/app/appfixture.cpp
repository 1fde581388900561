#include "appfixture.h"

#include "legalacceptancedialog.h"
#include "legaldocumentpage.h"
#include "mainwindow.h"
#include "signinwindow.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>

namespace otrack::test {

AppOptions appOptions(const QString &dataDir, const DemoServer &server, const DemoServer::Account &account)
{
    // As main() sets it: the server refuses a legal acceptance without the app's version.
    if (QCoreApplication::applicationVersion().isEmpty())
        QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0-test"));
    AppOptions o;
    o.dataDir = dataDir;
    o.school = server.schoolName();
    o.username = account.username;
    o.serverUrl = server.url();
    o.caFile = server.pki().caCertificate;
    return o;
}

void tuneForTests(BackgroundSync::Options &options)
{
    options.scrypt = ScryptParams::fastForTests();
    options.requestTimeoutMs = 20000;
    options.timing.debounce = std::chrono::milliseconds(50);
    options.timing.retryInitial = std::chrono::milliseconds(200);
    options.timing.retryMaximum = std::chrono::milliseconds(1000);
}

void signInAndWait(AppController &controller, const QString &password)
{
    SignInWindow *window = controller.signInWindow();
    REQUIRE(window);
    window->signInWith(password);
    REQUIRE(QTest::qWaitFor([&] { return !window->isBusy(); }, 120000));
    INFO(window->errorText().toStdString());
    REQUIRE((controller.mainWindow() || controller.legalDialog()));
}

bool waitForSynced(AppController &controller, int timeoutMs)
{
    const bool synced = QTest::qWaitFor(
        [&] {
            const SyncStatus &s = controller.sync()->status();
            return s.state == SyncStatus::State::Idle && s.pending == 0 && s.lastSyncedAt.isValid();
        },
        timeoutMs);
    if (!synced)
        WARN("sync ended in " << stateName(controller.sync()->status().state).toStdString() << ": "
                              << controller.sync()->status().detail.toStdString());
    return synced;
}

QCheckBox *acceptBox(LegalDocumentPage *page)
{
    auto *box = page->findChild<QCheckBox *>(QStringLiteral("acceptDocument"));
    REQUIRE(box);
    return box;
}

QPushButton *button(QWidget &parent, const char *name)
{
    auto *found = parent.findChild<QPushButton *>(QLatin1String(name));
    REQUIRE(found);
    return found;
}

void readAndAccept(LegalAcceptanceDialog &dialog, LegalDocumentPage *page)
{
    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("documentTabs"));
    REQUIRE(tabs);
    tabs->setCurrentWidget(page);
    QApplication::processEvents();
    QTest::keyClick(page->textBrowser(), Qt::Key_End, Qt::ControlModifier);
    QApplication::processEvents();
    const QScrollBar *bar = page->textBrowser()->verticalScrollBar();
    INFO(page->objectName().toStdString()
         << " at " << bar->value() << " of " << bar->maximum() << " visible " << page->textBrowser()->isVisible());
    REQUIRE(acceptBox(page)->isEnabled());
    acceptBox(page)->setFocus();
    QTest::keyClick(acceptBox(page), Qt::Key_Space);
    REQUIRE(page->isAccepted());
}

void readAndAcceptAll(LegalAcceptanceDialog &dialog)
{
    for (LegalDocumentPage *page : dialog.pages())
        readAndAccept(dialog, page);
}

}  // namespace otrack::test
