// The sign-in window and the app's flow against a real otrack-server over TLS on 127.0.0.1,
// with real encrypted stores: online sign-in, wrong passwords, the server unreachable (offline
// unlock, saying so), no server set up, sign-out, and the sync indicator.
#include "appcontroller.h"
#include "appfixture.h"
#include "errortext.h"
#include "legalacceptancedialog.h"
#include "localstore.h"
#include "mainwindow.h"
#include "markgridmodel.h"
#include "markingpage.h"
#include "signinwindow.h"
#include "storejob.h"
#include "storelocation.h"
#include "syncindicator.h"
#include "syncsession.h"
#include "tempdir.h"
#include "workspacefixture.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace otrack;
using otrack::test::DemoServer;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

void typeInto(SignInWindow &window, const char *objectName, const QString &text)
{
    auto *edit = window.findChild<QLineEdit *>(s(objectName));
    REQUIRE(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
}

// Clicks "Sign in" and waits for the answer.
void clickSignIn(SignInWindow &window)
{
    auto *button = window.findChild<QPushButton *>(s("signIn"));
    REQUIRE(button);
    QTest::mouseClick(button, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, 120000));
}

BackgroundSync::Options syncOptions(const QString &dataDir, const DemoServer *server)
{
    BackgroundSync::Options o;
    o.dataFolder = dataDir;
    if (server) {
        auto endpoint = ServerEndpoint::create(server->url(), server->pki().caCertificate);
        REQUIRE(endpoint.ok());
        o.endpoint = endpoint.value();
    }
    test::tuneForTests(o);
    return o;
}

}  // namespace

TEST_CASE("sign-in window: every control has an accessible name and the tab order is sensible", "[app][gui]")
{
    test::TempDir dir;
    BackgroundSync sync(syncOptions(dir.path(), nullptr));
    SignInWindow window(&sync);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    const auto controls = window.findChildren<QWidget *>();
    for (QWidget *control : controls) {
        if (qobject_cast<QLineEdit *>(control) || qobject_cast<QPushButton *>(control)) {
            INFO(control->objectName().toStdString());
            CHECK_FALSE(control->accessibleName().isEmpty());
        }
    }
    auto *school = window.findChild<QLineEdit *>(s("school"));
    auto *username = window.findChild<QLineEdit *>(s("username"));
    auto *password = window.findChild<QLineEdit *>(s("password"));
    auto *signIn = window.findChild<QPushButton *>(s("signIn"));
    REQUIRE((school && username && password && signIn));
    CHECK(school->nextInFocusChain() == username);
    CHECK(username->nextInFocusChain() == password);
    CHECK(password->nextInFocusChain() == signIn);
    CHECK(password->echoMode() == QLineEdit::Password);
    test::screenshot(window, s("signin-window.png"));
}

TEST_CASE("sign-in: online first, a wrong password says so, an unreachable server offers offline work",
          "[app][gui][signin]")
{
    test::TempDir dir;
    DemoServer server;
    const auto teacher = server.account(s("teacher"));
    const QString folder = StoreLocation::folderFor(dir.path(), server.schoolName(), teacher.username);
    BackgroundSync sync(syncOptions(dir.path(), &server));
    SignInWindow window(&sync);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy signedIn(&window, &SignInWindow::signedIn);

    SECTION("empty fields are refused without touching the disk")
    {
        clickSignIn(window);
        CHECK(window.errorText() == s("Enter your school, username and password."));
        CHECK(QDir(dir.path()).isEmpty());
    }
    SECTION("a wrong password makes no store")
    {
        typeInto(window, "school", server.schoolName());
        typeInto(window, "username", teacher.username);
        typeInto(window, "password", s("not the password"));
        clickSignIn(window);
        CHECK(signedIn.isEmpty());
        CHECK(window.errorText().contains(s("password is not right")));
        CHECK_FALSE(LocalStore::exists(folder));
        CHECK(window.findChild<QLineEdit *>(s("password"))->text().isEmpty());
        test::screenshot(window, s("signin-wrong-password.png"));
    }
    SECTION("the first sign-in makes the store; offline later, the same password opens it")
    {
        typeInto(window, "school", server.schoolName());
        typeInto(window, "username", teacher.username);
        typeInto(window, "password", teacher.password);
        clickSignIn(window);
        INFO(window.errorText().toStdString());
        REQUIRE(signedIn.count() == 1);
        CHECK(signedIn.first().first().value<SignInResult>().outcome == SignInResult::Outcome::SignedIn);
        CHECK(LocalStore::exists(folder));
        auto store = sync.takeStore();
        REQUIRE(store);
        store.reset();

        server.stop();
        typeInto(window, "password", teacher.password);
        clickSignIn(window);
        CHECK(signedIn.count() == 1);
        CHECK(window.errorText().contains(s("cannot reach")));
        CHECK(window.errorText().contains(s("work offline")));
        REQUIRE(window.isOfflineOffered());
        test::screenshot(window, s("signin-offline-offered.png"));
        QTest::mouseClick(window.findChild<QPushButton *>(s("workOffline")), Qt::LeftButton);
        REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, 60000));
        REQUIRE(signedIn.count() == 2);
        CHECK(signedIn.last().first().value<SignInResult>().outcome == SignInResult::Outcome::UnlockedOffline);
        CHECK_FALSE(window.isOfflineOffered());
    }
    SECTION("unreachable at the first sign-in: nothing to open offline, and it says so")
    {
        server.stop();
        typeInto(window, "school", server.schoolName());
        typeInto(window, "username", teacher.username);
        typeInto(window, "password", teacher.password);
        clickSignIn(window);
        CHECK(signedIn.isEmpty());
        CHECK(window.errorText().contains(s("cannot reach")));
        CHECK_FALSE(window.isOfflineOffered());
    }
}

TEST_CASE("sign-in: without a server set up, the window says so and opens only data on this PC", "[app][gui][signin]")
{
    test::TempDir dir;
    AppOptions options;
    options.dataDir = dir.path();
    options.school = s("Hill Primary");
    options.username = s("j.smith");
    AppController controller(options, test::tuneForTests);
    controller.start();
    CHECK(controller.serverProblem().contains(s("No OTrack server")));
    controller.signInWindow()->signInWith(s("a long password"));
    REQUIRE(QTest::qWaitFor([&] { return !controller.signInWindow()->isBusy(); }, 30000));
    CHECK(controller.signInWindow()->errorText().contains(s("No OTrack server")));
    CHECK(controller.signInWindow()->errorText().contains(s("first sign-in on a PC needs the server")));
    CHECK_FALSE(controller.mainWindow());

    AppOptions bad = options;
    bad.serverUrl = s("http://127.0.0.1:1");
    AppController insecure(bad, test::tuneForTests);
    CHECK(insecure.serverProblem().contains(s("https://")));
}

TEST_CASE("every store error code and sign-in outcome has its own sentence", "[app][errors]")
{
    const ErrorCode codes[]
        = {ErrorCode::WrongPassword, ErrorCode::WrongDeviceKey, ErrorCode::Damaged,  ErrorCode::NotEncrypted,
           ErrorCode::NotSqlCipher,  ErrorCode::NewerVersion,   ErrorCode::DiskFull, ErrorCode::NotWritable,
           ErrorCode::NotFound,      ErrorCode::AlreadyExists,  ErrorCode::Busy,     ErrorCode::InvalidArgument,
           ErrorCode::Locked,        ErrorCode::StorageFailure};
    QStringList sentences;
    for (ErrorCode code : codes) {
        const QString sentence = ErrorText::forStore(code);
        CHECK(sentence.endsWith(QLatin1Char('.')));
        CHECK_FALSE(sentences.contains(sentence));
        sentences.append(sentence);
    }
    using Outcome = SignInResult::Outcome;
    for (Outcome outcome :
         {Outcome::ServerUnreachable, Outcome::CertificateError, Outcome::TlsError, Outcome::WrongCredentials,
          Outcome::RateLimited, Outcome::NoLocalStore, Outcome::UpgradeRequired, Outcome::Revoked, Outcome::Failed}) {
        SignInResult r;
        r.outcome = outcome;
        const QString sentence = ErrorText::forSignIn(r);
        INFO(outcomeName(outcome).toStdString());
        CHECK(sentence.endsWith(QLatin1Char('.')));
        CHECK_FALSE(sentences.contains(sentence));
        sentences.append(sentence);
    }
}

TEST_CASE("app flow: signed in, the main window syncs the class, saves marks to the server and signs out",
          "[app][gui][signin]")
{
    test::TempDir dir;
    DemoServer server(200);
    const auto teacher = server.account(s("teacher"));
    AppController controller(test::appOptions(dir.path(), server, teacher), test::tuneForTests);
    controller.start();
    test::signInAndWait(controller, teacher.password);
    REQUIRE(controller.legalDialog());
    test::readAndAcceptAll(*controller.legalDialog());
    QTest::mouseClick(test::button(*controller.legalDialog(), "accept"), Qt::LeftButton);
    REQUIRE(controller.mainWindow());
    MainWindow &main = *controller.mainWindow();
    REQUIRE(test::waitForSynced(controller));
    // dataChanged reloaded the page: the teacher's class is there.
    REQUIRE(QTest::qWaitFor([&] { return main.markingPage() && !main.markingPage()->groups().isEmpty(); }, 30000));
    REQUIRE(main.waitUntilLoaded());
    REQUIRE(QTest::qWaitFor([&] { return main.markingPage()->gridModel()->rowCount() > 0; }, 30000));
    CHECK(main.syncIndicator()->text().startsWith(s("Online")));
    CHECK(main.syncIndicator()->advice().contains(s("Last complete sync")));

    // A mark typed in the grid reaches the server.
    MarkingPage &page = *main.markingPage();
    auto *view = page.findChild<QWidget *>(s("markGrid"));
    REQUIRE(view);
    REQUIRE(page.gridModel()->isEditable());
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);  // the first cell may hold a mark already
    QTest::keyClick(view, Qt::Key_Up);
    const QString pupil = page.gridModel()->grid().pupils().first().id;
    const QString objective = page.gridModel()->grid().objectives().first().id;
    const QString term = page.gridModel()->grid().term().id;
    const QString key = page.gridModel()->grid().scale().values.first().shortcut;
    QTest::keyClicks(view, key);
    REQUIRE(QTest::qWaitFor(
        [&] {
            return server
                       .sql(s("SELECT value FROM marks WHERE pupil_id = '%1' AND objective_id = '%2' AND "
                              "term_id = '%3';")
                                .arg(pupil, objective, term))
                       .trimmed()
                == page.gridModel()->grid().scale().values.first().code;
        },
        60000));
    REQUIRE(test::waitForSynced(controller));
    test::screenshot(main, s("main-window-synced.png"));

    // Offline: the indicator says so and what to do; the mark is kept.
    server.stop();
    main.syncIndicator()->syncNowButton()->click();
    REQUIRE(QTest::qWaitFor([&] { return controller.sync()->status().state == SyncStatus::State::Offline; }, 60000));
    QApplication::processEvents();
    CHECK(main.syncIndicator()->text().startsWith(s("Offline")));
    CHECK(main.syncIndicator()->advice().contains(s("Keep working")));
    test::screenshot(main, s("main-window-offline.png"));

    QSignalSpy out(&controller, &AppController::signedOut);
    Q_EMIT main.signOutRequested();
    REQUIRE(QTest::qWaitFor([&] { return out.count() == 1; }, 60000));
    CHECK_FALSE(controller.mainWindow());
    CHECK(controller.signInWindow()->isVisible());
}

TEST_CASE("app flow: a device revoked on the server closes the window and says why", "[app][gui][signin]")
{
    test::TempDir dir;
    DemoServer server;
    const auto teacher = server.account(s("teacher"));
    AppController controller(test::appOptions(dir.path(), server, teacher), test::tuneForTests);
    controller.start();
    test::signInAndWait(controller, teacher.password);
    test::readAndAcceptAll(*controller.legalDialog());
    QTest::mouseClick(test::button(*controller.legalDialog(), "accept"), Qt::LeftButton);
    REQUIRE(controller.mainWindow());
    REQUIRE(test::waitForSynced(controller));
    const QString device = test::onStore(controller.mainWindow()->storeWorker(), [](LocalStore &store) {
        return SyncSession::load(store.database()).value().deviceId;
    });
    server.admin({s("revoke-device"), server.schoolId(), teacher.username, device});

    QSignalSpy out(&controller, &AppController::signedOut);
    controller.sync()->requestSync();
    REQUIRE(QTest::qWaitFor([&] { return out.count() == 1; }, 60000));
    CHECK_FALSE(controller.mainWindow());
    CHECK(controller.signInWindow()->isVisible());
    CHECK(controller.signInWindow()->errorText().contains(s("access to OTrack was withdrawn")));
    // The store is gone from this PC.
    REQUIRE(QTest::qWaitFor(
        [&] {
            return !LocalStore::exists(StoreLocation::folderFor(dir.path(), server.schoolName(), teacher.username));
        },
        30000));
}
