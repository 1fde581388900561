// The legal acceptance dialog and its place in the app's flow, on the offscreen platform with
// real encrypted stores. Screenshots go to the test-output folder for review.
#include "appcontroller.h"
#include "appfixture.h"
#include "legalacceptancedialog.h"
#include "legaldocumentpage.h"
#include "legalledger.h"
#include "localstore.h"
#include "mainwindow.h"
#include "signinwindow.h"
#include "storejob.h"
#include "storelocation.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace otrack;
using otrack::test::acceptBox;
using otrack::test::button;
using otrack::test::DemoServer;
using otrack::test::readAndAccept;
using otrack::test::readAndAcceptAll;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

void saveScreenshot(QWidget &widget, const char *name)
{
    QApplication::processEvents();
    const QString path = test::testOutputDir() + QLatin1Char('/') + s(name);
    REQUIRE(widget.grab().save(path));
}

LegalDocumentSet embedded()
{
    auto set = LegalDocumentSet::embedded();
    REQUIRE(set.ok());
    return set.value();
}

QList<RequiredDocument> allRequired()
{
    QList<RequiredDocument> required;
    const LegalDocumentSet shipped = embedded();
    for (const LegalDocument &document : shipped.documents())
        required.append({document, std::nullopt});
    return required;
}

// The embedded text of `kind`, edited into version 1.1 with a summary of the change.
LegalDocument newVersion(LegalKind kind)
{
    QByteArray text = embedded().find(kind)->text();
    text.replace("version: 1.0", "version: 1.1");
    text.replace("summary: First version.", "summary: Adds a sub-processor for backups.");
    text.append("\n## Added in 1.1\n\nBackups are now kept by a second UK provider.\n");
    auto document = LegalDocument::parse(text);
    REQUIRE(document.ok());
    return document.value();
}

// A school that has not signed its terms, and `role` signed in to it: the dialog is up.
struct AwaitingTerms {
    test::TempDir dir;
    DemoServer server;
    std::unique_ptr<AppController> controller;

    explicit AwaitingTerms(const QString &role)
    {
        server.sql(QStringLiteral("UPDATE schools SET status = 'awaiting_terms';"));
        const auto account = server.account(role);
        controller = std::make_unique<AppController>(test::appOptions(dir.path(), server, account), test::tuneForTests);
        controller->start();
        test::signInAndWait(*controller, account.password);
        REQUIRE(controller->legalDialog());
        REQUIRE(controller->legalDialog()->findChild<QLineEdit *>(QStringLiteral("signatoryName")));
    }
};

QList<Acceptance> ledgerRows(MainWindow *main)
{
    REQUIRE(main);
    auto rows = test::onStore(main->storeWorker(),
                              [](LocalStore &store) { return LegalLedger(store.database(), {}).acceptances(); });
    REQUIRE(rows.ok());
    return rows.value();
}

}  // namespace

TEST_CASE("legal dialog: a box enables only once its document is read to the end", "[app][gui][legal]")
{
    LegalAcceptanceDialog dialog(allRequired());
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    CHECK(dialog.isModal());
    REQUIRE(dialog.pages().size() == 4);
    CHECK_FALSE(dialog.isAcceptEnabled());
    saveScreenshot(dialog, "legal-dialog.png");

    LegalDocumentPage *first = dialog.pages().at(0);
    QScrollBar *bar = first->textBrowser()->verticalScrollBar();
    REQUIRE(bar->maximum() > 0);  // the Data Processing Terms need scrolling
    CHECK_FALSE(acceptBox(first)->isEnabled());
    bar->setValue(bar->maximum() / 2);
    QApplication::processEvents();
    CHECK_FALSE(acceptBox(first)->isEnabled());
    // A page that was never shown has not been read, however short.
    for (LegalDocumentPage *page : dialog.pages().mid(1))
        CHECK_FALSE(acceptBox(page)->isEnabled());

    bar->setValue(bar->maximum());
    QApplication::processEvents();
    REQUIRE(acceptBox(first)->isEnabled());
    acceptBox(first)->setChecked(true);
    CHECK_FALSE(dialog.isAcceptEnabled());
    CHECK(dialog.findChild<QLabel *>(s("progress"))->text() == s("1 of 4 documents accepted"));
    saveScreenshot(dialog, "legal-dialog-first-read.png");

    for (LegalDocumentPage *page : dialog.pages().mid(1)) {
        CHECK_FALSE(dialog.isAcceptEnabled());
        readAndAccept(dialog, page);
    }
    CHECK(dialog.isAcceptEnabled());
    // Unticking any one disables Accept again.
    acceptBox(dialog.pages().at(2))->setChecked(false);
    CHECK_FALSE(dialog.isAcceptEnabled());
    acceptBox(dialog.pages().at(2))->setChecked(true);
    CHECK(dialog.isAcceptEnabled());
    QTest::mouseClick(button(dialog, "accept"), Qt::LeftButton);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.documents().size() == 4);
    CHECK_FALSE(dialog.signatory());
}

TEST_CASE("legal dialog: every control is named for screen readers and reachable by keyboard", "[app][gui][legal]")
{
    LegalAcceptanceDialog dialog(allRequired());
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    const auto controls = dialog.findChildren<QWidget *>();
    int named = 0;
    for (QWidget *control : controls) {
        if (qobject_cast<QLineEdit *>(control) || qobject_cast<QPushButton *>(control)
            || qobject_cast<QCheckBox *>(control) || qobject_cast<QTextBrowser *>(control)
            || qobject_cast<QTabWidget *>(control)) {
            INFO(control->objectName().toStdString());
            CHECK_FALSE(control->accessibleName().isEmpty());
            ++named;
        }
    }
    CHECK(named > 30);

    LegalDocumentPage *page = dialog.pages().at(0);
    auto *find = page->findChild<QLineEdit *>(s("find"));
    REQUIRE(find);
    // Tab walks the page in visual order: find, its button, zoom, print, PDF, the text, the box.
    QApplication::setActiveWindow(&dialog);
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
    find->setFocus();
    const char *order[] = {"findNext", "zoomOut", "zoomIn", "print", "savePdf", "documentText"};
    for (const char *name : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget());
        CHECK(QApplication::focusWidget()->objectName() == s(name));
    }

    // Ctrl+F goes to the find field of the document in front; Enter finds.
    page->textBrowser()->setFocus();
    QTest::keyClick(&dialog, Qt::Key_F, Qt::ControlModifier);
    CHECK(find->hasFocus());
    QTest::keyClicks(find, s("Sub-processors"));
    QTest::keyClick(find, Qt::Key_Return);
    CHECK(page->textBrowser()->textCursor().selectedText() == s("Sub-processors"));
    find->clear();
    QTest::keyClicks(find, s("no such words anywhere"));
    QTest::keyClick(find, Qt::Key_Return);
    CHECK(page->findChild<QLabel *>(s("findStatus"))->text() == s("Not found"));

    const qreal before = page->textBrowser()->font().pointSizeF();
    QTest::keyClick(&dialog, Qt::Key_Plus, Qt::ControlModifier);
    CHECK(page->textBrowser()->font().pointSizeF() > before);
    QTest::mouseClick(button(*page, "zoomOut"), Qt::LeftButton);
    CHECK(page->textBrowser()->font().pointSizeF() == before);
}

TEST_CASE("legal dialog: decline explains the consequence before it closes", "[app][gui][legal]")
{
    LegalAcceptanceDialog dialog(allRequired());
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(button(dialog, "decline"), Qt::LeftButton);
    CHECK(dialog.isVisible());
    CHECK(dialog.isShowingDeclineConfirmation());
    auto *consequence = dialog.findChild<QLabel *>(s("declineConsequence"));
    REQUIRE(consequence);
    CHECK(consequence->text().contains(s("cannot show or sync any pupil data")));
    CHECK(consequence->text().contains(s("closes now")));
    saveScreenshot(dialog, "legal-dialog-decline.png");

    QTest::mouseClick(button(dialog, "backToDocuments"), Qt::LeftButton);
    CHECK_FALSE(dialog.isShowingDeclineConfirmation());
    // Escape asks too: it does not decline silently.
    QTest::keyClick(&dialog, Qt::Key_Escape);
    CHECK(dialog.isVisible());
    CHECK(dialog.isShowingDeclineConfirmation());
    QTest::mouseClick(button(dialog, "confirmDecline"), Qt::LeftButton);
    CHECK_FALSE(dialog.isVisible());
    CHECK(dialog.result() == QDialog::Rejected);
}

TEST_CASE("legal dialog: saving a document as PDF writes a real PDF", "[app][gui][legal]")
{
    LegalAcceptanceDialog dialog(allRequired());
    LegalDocumentPage *page = dialog.pages().at(0);
    const QString path = test::testOutputDir() + s("/data-processing-terms.pdf");
    QFile::remove(path);
    REQUIRE(page->saveAsPdf(path).ok());
    const QByteArray pdf = test::readFile(path);
    CHECK(pdf.startsWith("%PDF-"));
    CHECK(pdf.trimmed().endsWith("%%EOF"));
    CHECK(pdf.size() > 20000);
    CHECK(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page ") >= 3);

    test::TempDir dir;
    auto failed = page->saveAsPdf(dir.file(s("no-such-folder/terms.pdf")));
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == ErrorCode::NotWritable);
}

TEST_CASE("legal dialog: the signatory variant needs a name and position and authority", "[app][gui][legal]")
{
    LegalAcceptanceDialog dialog(allRequired());
    dialog.setSignatoryMode(true);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    readAndAcceptAll(dialog);
    CHECK_FALSE(dialog.isAcceptEnabled());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(s("signatoryName")), s("Ann Example"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(s("signatoryPosition")), s("Headteacher"));
    CHECK_FALSE(dialog.isAcceptEnabled());
    dialog.findChild<QCheckBox *>(s("authorised"))->setChecked(true);
    CHECK(dialog.isAcceptEnabled());
    saveScreenshot(dialog, "legal-dialog-signatory.png");
    const auto signatory = dialog.signatory();
    REQUIRE(signatory);
    CHECK(signatory->name == s("Ann Example"));
    CHECK(signatory->position == s("Headteacher"));
}

TEST_CASE("app flow: the dialog comes before any data and acceptance is recorded and asked again for a new version",
          "[app][gui][legal]")
{
    QApplication::setApplicationVersion(s("0.1.0-test"));
    test::TempDir dir;
    DemoServer server;
    const auto teacher = server.account(s("teacher"));
    const LegalDocumentSet shipped = embedded();
    {
        AppController controller(test::appOptions(dir.path(), server, teacher), test::tuneForTests);
        controller.start();
        test::signInAndWait(controller, teacher.password);
        LegalAcceptanceDialog *dialog = controller.legalDialog();
        REQUIRE(dialog);
        CHECK(dialog->isVisible());
        CHECK(QApplication::activeModalWidget() == dialog);
        CHECK_FALSE(controller.mainWindow());
        CHECK_FALSE(controller.signInWindow()->isVisible());
        CHECK(dialog->pages().size() == 4);
        // Nothing synced yet: no pupil has reached this PC while the dialog is open.
        CHECK(controller.sync()->status().lastSyncedAt.isNull());
        CHECK(controller.sync()->status().cursor == 0);

        // A click on the disabled Accept does nothing.
        QTest::mouseClick(button(*dialog, "accept"), Qt::LeftButton);
        CHECK_FALSE(controller.mainWindow());
        readAndAcceptAll(*dialog);
        QTest::mouseClick(button(*dialog, "accept"), Qt::LeftButton);
        REQUIRE(controller.mainWindow());
        CHECK(controller.mainWindow()->isVisible());

        const auto rows = ledgerRows(controller.mainWindow());
        REQUIRE(rows.size() == 4);
        for (const Acceptance &row : rows) {
            INFO(toString(row.kind).toStdString());
            CHECK(row.sha256 == sha256Hex(shipped.find(row.kind)->text()));
            CHECK(row.userId == teacher.username.toCaseFolded());
            CHECK(row.schoolId == server.schoolName().toCaseFolded());
            CHECK(row.appVersion == s("0.1.0-test"));
            CHECK(row.deviceId.size() == 36);
        }
    }
    {
        // Accepted once: the next sign-in goes straight to the main window. Sync then brings
        // a new version of the Privacy Policy.
        AppController controller(test::appOptions(dir.path(), server, teacher), test::tuneForTests);
        controller.start();
        test::signInAndWait(controller, teacher.password);
        CHECK_FALSE(controller.legalDialog());
        REQUIRE(controller.mainWindow());
        auto stored = test::onStore(controller.mainWindow()->storeWorker(), [](LocalStore &store) {
            return LegalLedger(store.database(), {})
                .storeDocument(newVersion(LegalKind::PrivacyPolicy), s("2026-10-01T00:00:00.000Z"));
        });
        REQUIRE(stored.ok());
    }
    {
        AppController controller(test::appOptions(dir.path(), server, teacher), test::tuneForTests);
        controller.start();
        test::signInAndWait(controller, teacher.password);
        LegalAcceptanceDialog *dialog = controller.legalDialog();
        REQUIRE(dialog);
        CHECK_FALSE(controller.mainWindow());
        REQUIRE(dialog->pages().size() == 1);
        LegalDocumentPage *page = dialog->pages().at(0);
        CHECK(page->document().version() == s("1.1"));
        auto *summary = page->findChild<QLabel *>(s("changeSummary"));
        REQUIRE(summary);
        CHECK(summary->text().contains(s("You accepted version 1.0 before")));
        CHECK(summary->text().contains(s("Adds a sub-processor for backups.")));
        CHECK(page->findChild<QLabel *>(s("documentVersion"))->text().contains(s("Version 1.1")));
        saveScreenshot(*dialog, "legal-dialog-new-version.png");

        QTest::mouseClick(button(*page, "viewPrevious"), Qt::LeftButton);
        auto *previous = page->findChild<QDialog *>(s("previousVersion"));
        REQUIRE(previous);
        CHECK(previous->isVisible());
        auto *previousText = previous->findChild<QTextBrowser *>(s("previousText"));
        REQUIRE(previousText);
        CHECK(previousText->toPlainText().contains(s("Privacy Policy")));
        CHECK_FALSE(previousText->toPlainText().contains(s("Added in 1.1")));
        saveScreenshot(*previous, "legal-dialog-previous-version.png");
        previous->close();

        readAndAcceptAll(*dialog);
        QTest::mouseClick(button(*dialog, "accept"), Qt::LeftButton);
        REQUIRE(controller.mainWindow());
        const auto rows = ledgerRows(controller.mainWindow());
        REQUIRE(rows.size() == 5);
        CHECK(rows.at(4).version == s("1.1"));
        CHECK(rows.at(4).sha256 == newVersion(LegalKind::PrivacyPolicy).sha256());
        CHECK(rows.at(4).prevHash == rows.at(3).rowHash);
    }
}

TEST_CASE("app flow: declining records nothing and shows no data and quits", "[app][gui][legal]")
{
    test::TempDir dir;
    DemoServer server;
    const auto teacher = server.account(s("teacher"));
    AppController controller(test::appOptions(dir.path(), server, teacher), test::tuneForTests);
    controller.start();
    test::signInAndWait(controller, teacher.password);
    LegalAcceptanceDialog *dialog = controller.legalDialog();
    REQUIRE(dialog);

    QTimer::singleShot(0, dialog, [&] {
        QTest::mouseClick(button(*dialog, "decline"), Qt::LeftButton);
        QTest::mouseClick(button(*dialog, "confirmDecline"), Qt::LeftButton);
    });
    QTimer safety;
    safety.setSingleShot(true);
    safety.callOnTimeout([] { QApplication::exit(99); });
    safety.start(20000);
    const int code = QApplication::exec();
    CHECK(code == 0);
    CHECK_FALSE(controller.mainWindow());
    CHECK_FALSE(controller.signInWindow()->isVisible());

    // The store was closed; opening it again shows an empty ledger and no pupil data.
    controller.sync()->shutdown();
    const QString folder = StoreLocation::folderFor(dir.path(), server.schoolName(), teacher.username);
    auto store = LocalStore::openWithPassword(folder, teacher.password);
    REQUIRE(store.ok());
    LegalLedger ledger(store.value()->database(), {});
    auto rows = ledger.acceptances();
    REQUIRE(rows.ok());
    CHECK(rows->isEmpty());
    CHECK(store.value()->database().scalar("SELECT count(*) FROM pupils").value() == s("0"));
}

TEST_CASE("app flow: a tampered ledger is detected at sign-in and acceptance is asked again", "[app][gui][legal]")
{
    test::TempDir dir;
    DemoServer server;
    const auto teacher = server.account(s("teacher"));
    const QString folder = StoreLocation::folderFor(dir.path(), server.schoolName(), teacher.username);
    {
        // The first sign-in makes the store; then the ledger is written and tampered with.
        AppController first(test::appOptions(dir.path(), server, teacher), test::tuneForTests);
        first.start();
        test::signInAndWait(first, teacher.password);
    }
    {
        auto store = LocalStore::openWithPassword(folder, teacher.password);
        REQUIRE(store.ok());
        Database &db = store.value()->database();
        LegalLedger ledger(
            db, {server.schoolName().toCaseFolded(), teacher.username.toCaseFolded(), s("device-1"), s("0.1.0")});
        REQUIRE(ledger.record(embedded().documents()).ok());
        auto none = ledger.requiredDocuments(embedded());
        REQUIRE(none.ok());
        REQUIRE(none->isEmpty());
        // Someone with the key rewrites which version the last row accepted.
        REQUIRE(db.exec("DROP TRIGGER acceptances_no_update").ok());
        REQUIRE(db.exec("UPDATE acceptances SET version = '9.9' WHERE seq = 4").ok());
    }
    AppController controller(test::appOptions(dir.path(), server, teacher), test::tuneForTests);
    controller.start();
    test::signInAndWait(controller, teacher.password);
    LegalAcceptanceDialog *dialog = controller.legalDialog();
    REQUIRE(dialog);
    CHECK_FALSE(controller.mainWindow());
    CHECK(dialog->pages().size() == 4);
    auto *warning = dialog->findChild<QLabel *>(s("ledgerWarning"));
    REQUIRE(warning);
    CHECK(warning->isVisible());
    saveScreenshot(*dialog, "legal-dialog-ledger-warning.png");
}

TEST_CASE("app flow: the owner of a school awaiting its terms signs them as the school's signatory",
          "[app][gui][legal]")
{
    AwaitingTerms school(s("owner"));
    AppController &controller = *school.controller;
    LegalAcceptanceDialog *dialog = controller.legalDialog();
    auto *name = dialog->findChild<QLineEdit *>(s("signatoryName"));
    CHECK(name->isVisible());
    readAndAcceptAll(*dialog);
    CHECK_FALSE(dialog->isAcceptEnabled());  // not without the signatory's details
    QTest::keyClicks(name, s("Ann Example"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(s("signatoryPosition")), s("Headteacher"));
    dialog->findChild<QCheckBox *>(s("authorised"))->setChecked(true);
    CHECK(dialog->isAcceptEnabled());
    saveScreenshot(*dialog, "legal-dialog-signatory-flow.png");
    QTest::mouseClick(button(*dialog, "accept"), Qt::LeftButton);
    REQUIRE(controller.mainWindow());
    const auto rows = ledgerRows(controller.mainWindow());
    REQUIRE(rows.size() == 4);
    const auto terms = std::find_if(rows.cbegin(), rows.cend(),
                                    [](const Acceptance &a) { return a.kind == LegalKind::DataProcessingTerms; });
    REQUIRE(terms != rows.cend());
    CHECK(terms->signatoryName == s("Ann Example"));
    CHECK(terms->signatoryPosition == s("Headteacher"));
}

TEST_CASE("app flow: a teacher of a school awaiting its terms gets the staff dialog, not the signatory one",
          "[app][gui][legal]")
{
    AwaitingTerms school(s("teacher"));
    CHECK_FALSE(school.controller->legalDialog()->findChild<QLineEdit *>(s("signatoryName"))->isVisible());
}

TEST_CASE("app flow: a newer document published while the app runs is asked for over the main window",
          "[app][gui][legal]")
{
    // As main() sets it: the server refuses an acceptance without the app's version.
    QApplication::setApplicationVersion(s("0.1.0-test"));
    test::TempDir dir;
    DemoServer server;
    // The server publishes this build's documents: its gate then waits for everyone's acceptance.
    int files = 0;
    auto publish = [&](const QByteArray &text) {
        const QString file = dir.file(QStringLiteral("published-%1.md").arg(++files));
        test::writeFile(file, text);
        server.admin({s("publish-document"), file});
    };
    const LegalDocumentSet shipped = embedded();
    for (const LegalDocument &document : shipped.documents())
        publish(document.text());
    const auto teacher = server.account(s("teacher"));
    AppController controller(test::appOptions(dir.path(), server, teacher), test::tuneForTests);
    controller.start();
    test::signInAndWait(controller, teacher.password);
    REQUIRE(controller.legalDialog());
    readAndAcceptAll(*controller.legalDialog());
    QTest::mouseClick(button(*controller.legalDialog(), "accept"), Qt::LeftButton);
    REQUIRE(controller.mainWindow());
    REQUIRE(test::waitForSynced(controller));

    publish(newVersion(LegalKind::PrivacyPolicy).text());
    controller.sync()->requestSync();
    REQUIRE(QTest::qWaitFor([&] { return controller.legalDialog() != nullptr; }, 60000));
    LegalAcceptanceDialog *dialog = controller.legalDialog();
    CHECK(controller.mainWindow()->isVisible());
    CHECK(controller.sync()->status().state == SyncStatus::State::WaitingForLegalAcceptance);
    REQUIRE(dialog->pages().size() == 1);
    CHECK(dialog->pages().at(0)->document().version() == s("1.1"));
    saveScreenshot(*dialog, "legal-dialog-in-session.png");
    readAndAcceptAll(*dialog);
    QTest::mouseClick(button(*dialog, "accept"), Qt::LeftButton);
    REQUIRE(test::waitForSynced(controller));
    CHECK(controller.sync()->status().state == SyncStatus::State::Idle);
    const auto rows = ledgerRows(controller.mainWindow());
    REQUIRE(rows.size() == 5);
    CHECK(rows.last().version == s("1.1"));
}
