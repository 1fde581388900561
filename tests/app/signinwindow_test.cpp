// The sign-in window and main window on the offscreen platform, with real encrypted stores.
#include "errortext.h"
#include "localstore.h"
#include "mainwindow.h"
#include "signinwindow.h"
#include "storelocation.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using otrack::ErrorCode;
using otrack::ErrorText;
using otrack::SignInWindow;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

void saveScreenshot(QWidget &widget, const char *name)
{
    QApplication::processEvents();
    const QString path = otrack::test::testOutputDir() + QLatin1Char('/') + s(name);
    REQUIRE(widget.grab().save(path));
}

void typeInto(SignInWindow &window, const char *objectName, const QString &text)
{
    auto *edit = window.findChild<QLineEdit *>(s(objectName));
    REQUIRE(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
}

void fill(SignInWindow &window, const QString &password)
{
    typeInto(window, "school", s("Hill Primary"));
    typeInto(window, "username", s("j.smith"));
    typeInto(window, "password", password);
}

void clickSignIn(SignInWindow &window)
{
    auto *button = window.findChild<QPushButton *>(s("signIn"));
    REQUIRE(button);
    if (button->isVisible())
        QTest::mouseClick(button, Qt::LeftButton);
    else
        button->click();
}

}  // namespace

TEST_CASE("sign-in window: every control has an accessible name and the tab order is sensible", "[app][gui]")
{
    otrack::test::TempDir dir;
    SignInWindow window(dir.path());
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
    saveScreenshot(window, "signin-window.png");
}

TEST_CASE("first sign-in creates an encrypted store and a wrong password later says so", "[app][gui]")
{
    otrack::test::TempDir dir;
    const QString folder = otrack::StoreLocation::folderFor(dir.path(), s("Hill Primary"), s("j.smith"));
    const QString password = s("correct horse battery");

    {
        SignInWindow window(dir.path());
        window.setNewStoreParams(otrack::ScryptParams::fastForTests());
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QSignalSpy signedIn(&window, &SignInWindow::signedIn);
        fill(window, password);
        clickSignIn(window);
        INFO(window.errorText().toStdString());
        REQUIRE(signedIn.count() == 1);
        CHECK(window.createdNewStore());
        CHECK(otrack::LocalStore::exists(folder));
        // The password field is cleared after each attempt.
        CHECK(window.findChild<QLineEdit *>(s("password"))->text().isEmpty());

        auto store = window.takeStore();
        REQUIRE(store);
        otrack::MainWindow main(std::move(store), window.school(), window.username());
        main.show();
        REQUIRE(QTest::qWaitForWindowExposed(&main));
        REQUIRE(main.waitUntilLoaded());
        CHECK(main.storeStatusText().contains(s("encrypted")));
        CHECK(main.storeStatusText().contains(s("schema version")));
        CHECK(main.windowTitle().contains(s("j.smith")));
        saveScreenshot(main, "main-window.png");
    }

    SECTION("wrong password")
    {
        SignInWindow window(dir.path());
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QSignalSpy signedIn(&window, &SignInWindow::signedIn);
        fill(window, s("wrong password!"));
        clickSignIn(window);
        CHECK(signedIn.isEmpty());
        CHECK(window.errorText() == ErrorText::forStore(ErrorCode::WrongPassword));
        auto *error = window.findChild<QLabel *>(s("error"));
        REQUIRE(error);
        CHECK(error->isVisible());
        saveScreenshot(window, "signin-wrong-password.png");
    }
    SECTION("right password opens the same store")
    {
        SignInWindow window(dir.path());
        QSignalSpy signedIn(&window, &SignInWindow::signedIn);
        fill(window, password);
        clickSignIn(window);
        INFO(window.errorText().toStdString());
        REQUIRE(signedIn.count() == 1);
        CHECK_FALSE(window.createdNewStore());
    }
    SECTION("empty fields are refused without touching the disk")
    {
        otrack::test::TempDir empty;
        SignInWindow window(empty.path());
        clickSignIn(window);
        CHECK(window.errorText() == s("Enter your school, username and password."));
        CHECK(QDir(empty.path()).isEmpty());
    }
    SECTION("a short first password is refused")
    {
        otrack::test::TempDir other;
        SignInWindow window(other.path());
        fill(window, s("short"));
        clickSignIn(window);
        CHECK(window.errorText().contains(s("at least 8 characters")));
        CHECK(QDir(other.path()).isEmpty());
    }
}

TEST_CASE("every store error code has its own sentence", "[app][errors]")
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
}

TEST_CASE("main window: a bad server address shows in the status bar", "[app][gui]")
{
    otrack::test::TempDir dir;
    auto store
        = otrack::LocalStore::create(dir.file(s("store")), s("a long password"), otrack::ScryptParams::fastForTests());
    REQUIRE(store.ok());
    otrack::MainWindow main(std::move(store.value()), s("Hill Primary"), s("j.smith"));
    CHECK(main.serverStatusText().contains(s("No server configured")));
    auto endpoint = otrack::ServerEndpoint::create(s("http://127.0.0.1:1"));
    REQUIRE_FALSE(endpoint.ok());
    main.showServerProblem(endpoint.error());
    CHECK(main.serverStatusText().contains(s("https://")));
}
