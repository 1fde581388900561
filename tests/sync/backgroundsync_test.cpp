// BackgroundSync, the app's sync facade, against a real otrack-server over real TLS on
// 127.0.0.1 with real encrypted stores: sign-in off the GUI thread, sync in the background
// while the GUI reads and writes its own connection, offline unlock, logout and shutdown in
// the middle of a sync.
#include "backgroundsync.h"
#include "demoserver.h"
#include "keyvault.h"
#include "markstore.h"
#include "passwordhash.h"
#include "storelocation.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QTest>
#include <QThread>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::DemoServer;
using otrack::test::TempDir;
using Outcome = SignInResult::Outcome;
using State = SyncStatus::State;

namespace {

constexpr int kWaitMs = 120000;

// Records which threads wrote OTrack's log lines, to show where the work ran.
class LogThreads {
public:
    LogThreads() { s_previous = qInstallMessageHandler(&LogThreads::handle); }
    ~LogThreads() { qInstallMessageHandler(s_previous); }

    // The messages of `category` logged on the thread that runs the tests.
    static QStringList onMainThread(const char *category)
    {
        QMutexLocker lock(&s_mutex);
        return s_main.value(QByteArray(category));
    }
    static QStringList anywhere(const char *category)
    {
        QMutexLocker lock(&s_mutex);
        return s_all.value(QByteArray(category));
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        {
            QMutexLocker lock(&s_mutex);
            const QByteArray category(context.category ? context.category : "");
            s_all[category].append(message);
            if (QThread::currentThread() == QCoreApplication::instance()->thread())
                s_main[category].append(message);
        }
        if (s_previous)
            s_previous(type, context, message);
    }

    static inline QtMessageHandler s_previous = nullptr;
    static inline QMutex s_mutex;
    static inline QHash<QByteArray, QStringList> s_main;
    static inline QHash<QByteArray, QStringList> s_all;
};

// A PC running the app: a BackgroundSync and what it signalled.
class App {
public:
    App(const QString &dataFolder, const DemoServer &server, const QString &url = QString(), int pageLimit = 100)
    {
        BackgroundSync::Options options;
        options.dataFolder = dataFolder;
        auto endpoint = ServerEndpoint::create(url.isEmpty() ? server.url() : url, server.pki().caCertificate);
        REQUIRE(endpoint.ok());
        options.endpoint = endpoint.value();
        options.scrypt = ScryptParams::fastForTests();
        options.pageLimit = pageLimit;
        options.requestTimeoutMs = 20000;
        options.timing.debounce = std::chrono::milliseconds(50);
        options.timing.retryInitial = std::chrono::milliseconds(100);
        options.timing.retryMaximum = std::chrono::milliseconds(400);
        sync = std::make_unique<BackgroundSync>(options);
        QObject::connect(sync.get(), &BackgroundSync::signInFinished,
                         [this](const SignInResult &r) { results.append(r); });
        QObject::connect(sync.get(), &BackgroundSync::statusChanged,
                         [this](const SyncStatus &s) { statuses.append(s); });
        QObject::connect(sync.get(), &BackgroundSync::progressChanged,
                         [this](const SyncProgress &p) { progress.append(p); });
        QObject::connect(sync.get(), &BackgroundSync::dataChanged, [this] { ++dataChanges; });
        QObject::connect(sync.get(), &BackgroundSync::signedOut, [this] { ++signedOut; });
    }

    SignInResult signIn(const DemoServer &server, const DemoServer::Account &account, const QString &password = {})
    {
        const qsizetype before = results.size();
        sync->signIn(server.schoolName(), account.username, password.isEmpty() ? account.password : password);
        REQUIRE(QTest::qWaitFor([&] { return results.size() > before; }, kWaitMs));
        return results.last();
    }

    SignInResult unlockOffline(const DemoServer &server, const DemoServer::Account &account, const QString &password)
    {
        const qsizetype before = results.size();
        sync->unlockOffline(server.schoolName(), account.username, password);
        REQUIRE(QTest::qWaitFor([&] { return results.size() > before; }, kWaitMs));
        return results.last();
    }

    // Waits until a sync has ended in `state` with nothing pending.
    void waitForSynced(State state = State::Idle)
    {
        const bool done = QTest::qWaitFor(
            [&] {
                const SyncStatus &s = sync->status();
                return s.state == state && s.pending == 0 && (state != State::Idle || s.lastSyncedAt.isValid());
            },
            kWaitMs);
        INFO(stateName(sync->status().state).toStdString() << ": " << sync->status().detail.toStdString());
        REQUIRE(done);
    }

    std::unique_ptr<BackgroundSync> sync;
    QList<SignInResult> results;
    QList<SyncStatus> statuses;
    QList<SyncProgress> progress;
    int dataChanges = 0;
    int signedOut = 0;
};

QString scalar(LocalStore &store, const QString &sql)
{
    auto value = store.database().scalar(sql.toStdString());
    INFO((value.ok() ? QString() : value.error().message).toStdString());
    REQUIRE(value.ok());
    return value.value();
}

// The marks with a value on the server.
qint64 serverMarks(DemoServer &server)
{
    return server.sql(u"SELECT count(*) FROM marks WHERE value IS NOT NULL"_s).toLongLong();
}

}  // namespace

TEST_CASE("the first sign-in makes the store on the worker, and sync runs beside the GUI's reads and edits",
          "[sync][background]")
{
    LogThreads logs;
    DemoServer server;
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    App app(dir.path(), server);

    const SignInResult result = app.signIn(server, teacher);
    INFO(result.detail.toStdString());
    REQUIRE(result.outcome == Outcome::SignedIn);
    CHECK(result.storeCreated);
    CHECK_FALSE(result.passwordRewrapped);
    CHECK(result.role == u"teacher"_s);
    CHECK(result.schoolStatus == u"active"_s);
    CHECK(LocalStore::exists(StoreLocation::folderFor(dir.path(), server.schoolName(), teacher.username)));

    std::unique_ptr<LocalStore> gui = app.sync->takeStore();
    REQUIRE(gui);
    CHECK_FALSE(app.sync->takeStore());
    // Nothing is pulled before start(): the app shows the legal documents first.
    CHECK(scalar(*gui, u"SELECT count(*) FROM pupils"_s) == u"0"_s);

    app.sync->start();
    app.waitForSynced();
    CHECK(app.sync->status().initialSyncDone);
    CHECK(scalar(*gui, u"SELECT count(*) FROM pupils"_s) == u"30"_s);
    REQUIRE_FALSE(app.progress.isEmpty());
    CHECK(app.progress.first().initial);
    CHECK(app.progress.last().pages >= 1);
    CHECK(app.progress.last().rows > 0);
    CHECK(app.progress.last().totalRows == -1);
    CHECK(app.dataChanges >= 1);

    // An edit through the GUI's own connection is pushed after the debounce, without a request.
    const QString pupil = scalar(*gui, u"SELECT pupil_id FROM group_members ORDER BY pupil_id LIMIT 1"_s);
    const QString objective = scalar(*gui, u"SELECT id FROM objectives ORDER BY framework_id, position LIMIT 1"_s);
    const QString term
        = scalar(*gui, u"SELECT id FROM terms WHERE locked = 0 ORDER BY academic_year, position LIMIT 1"_s);
    MarkStore marks(gui->database(), scalar(*gui, u"SELECT value FROM sync_state WHERE name = 'school_id'"_s),
                    scalar(*gui, u"SELECT value FROM sync_state WHERE name = 'user_id'"_s));
    REQUIRE(marks.record({{pupil, objective, term}, u"GDS"_s, QString()}).ok());
    app.sync->localEditMade();
    REQUIRE(QTest::qWaitFor([&] { return app.sync->status().pending == 1; }, kWaitMs));
    app.waitForSynced();
    CHECK(server.sql(u"SELECT value FROM marks WHERE pupil_id = '%1' AND objective_id = '%2' AND term_id = '%3'"_s.arg(
              pupil, objective, term))
          == u"GDS"_s);

    // Every store and network step ran on the worker: nothing of ours logged on this thread.
    CHECK(LogThreads::anywhere("otrack.store").contains(u"created a new encrypted store"_s));
    CHECK(LogThreads::anywhere("otrack.sync").contains(u"signed in online"_s));
    CHECK(LogThreads::onMainThread("otrack.store").isEmpty());
    CHECK(LogThreads::onMainThread("otrack.sync").isEmpty());
    gui.reset();
}

TEST_CASE("a server out of reach offers the offline unlock only where a store exists", "[sync][background]")
{
    DemoServer server;
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    const QString folder = StoreLocation::folderFor(dir.path(), server.schoolName(), teacher.username);
    // A port nobody listens on.
    const QString nowhere = server.url(1);

    SECTION("first use: nothing is made, and there is nothing to unlock")
    {
        App app(dir.path(), server, nowhere);
        const SignInResult result = app.signIn(server, teacher);
        CHECK(result.outcome == Outcome::ServerUnreachable);
        CHECK_FALSE(result.offlineUnlockAvailable);
        CHECK_FALSE(LocalStore::exists(folder));
        CHECK_FALSE(app.sync->takeStore());
        CHECK(app.unlockOffline(server, teacher, teacher.password).outcome == Outcome::NoLocalStore);
    }

    SECTION("after an online sign-in: the same password unlocks offline, another does not")
    {
        {
            App online(dir.path(), server);
            REQUIRE(online.signIn(server, teacher).outcome == Outcome::SignedIn);
            online.sync->start();
            online.waitForSynced();
        }
        App app(dir.path(), server, nowhere);
        const SignInResult result = app.signIn(server, teacher);
        CHECK(result.outcome == Outcome::ServerUnreachable);
        CHECK(result.offlineUnlockAvailable);
        CHECK_FALSE(app.sync->takeStore());

        const SignInResult wrong = app.unlockOffline(server, teacher, u"not the password"_s);
        CHECK(wrong.outcome == Outcome::WrongCredentials);
        CHECK_FALSE(app.sync->takeStore());

        const SignInResult unlocked = app.unlockOffline(server, teacher, teacher.password);
        REQUIRE(unlocked.outcome == Outcome::UnlockedOffline);
        CHECK(unlocked.role == u"teacher"_s);
        CHECK(unlocked.schoolStatus == u"active"_s);
        std::unique_ptr<LocalStore> gui = app.sync->takeStore();
        REQUIRE(gui);
        CHECK(scalar(*gui, u"SELECT count(*) FROM pupils"_s) == u"30"_s);
        // Syncing from here says offline, and keeps retrying.
        app.sync->start();
        REQUIRE(QTest::qWaitFor([&] { return app.sync->status().state == State::Offline; }, kWaitMs));
    }
}

TEST_CASE("a wrong password online makes no store", "[sync][background]")
{
    DemoServer server;
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    App app(dir.path(), server);
    const SignInResult result = app.signIn(server, teacher, u"wrong password"_s);
    CHECK(result.outcome == Outcome::WrongCredentials);
    CHECK_FALSE(result.storeCreated);
    CHECK_FALSE(LocalStore::exists(StoreLocation::folderFor(dir.path(), server.schoolName(), teacher.username)));
    CHECK_FALSE(app.sync->takeStore());
}

TEST_CASE("shutdown in the middle of a sync keeps every committed page and the next run resumes", "[sync][background]")
{
    DemoServer server(1500);
    TempDir dir;
    const auto admin = server.account(u"admin"_s);
    std::unique_ptr<LocalStore> gui;
    qint64 rowsBeforeShutdown = 0;
    {
        App app(dir.path(), server, QString(), 100);
        REQUIRE(app.signIn(server, admin).outcome == Outcome::SignedIn);
        gui = app.sync->takeStore();
        REQUIRE(gui);
        // The GUI reads while the worker writes page after page.
        int reads = 0;
        QObject::connect(app.sync.get(), &BackgroundSync::dataChanged, [&] {
            scalar(*gui, u"SELECT count(*) FROM marks"_s);
            ++reads;
        });
        app.sync->start();
        REQUIRE(QTest::qWaitFor([&] { return !app.progress.isEmpty() && app.progress.last().pages >= 3; }, kWaitMs));
        app.sync->shutdown();
        // What the worker signalled before it stopped is still queued for this thread.
        QCoreApplication::processEvents();
        CHECK(app.sync->status().state == State::Syncing);
        CHECK(reads >= 1);
        rowsBeforeShutdown = app.progress.last().rows;
        // Calls after shutdown are ignored.
        app.sync->requestSync();
        app.sync->shutdown();
        CHECK_FALSE(app.sync->takeStore());
        CHECK(scalar(*gui, u"SELECT value FROM sync_state WHERE name = 'cursor'"_s).toLongLong() > 0);
        CHECK(scalar(*gui, u"SELECT value FROM sync_state WHERE name = 'initial_sync_done'"_s) == u"0"_s);
    }
    gui.reset();

    App again(dir.path(), server, QString(), 100);
    REQUIRE(again.signIn(server, admin).outcome == Outcome::SignedIn);
    gui = again.sync->takeStore();
    again.sync->start();
    again.waitForSynced();
    REQUIRE_FALSE(again.progress.isEmpty());
    CHECK(again.progress.first().initial);
    CHECK(scalar(*gui, u"SELECT count(*) FROM marks WHERE value IS NOT NULL"_s).toLongLong() == serverMarks(server));
    CHECK(scalar(*gui, u"SELECT count(*) FROM pupils"_s) == u"420"_s);

    // Resumed, not restarted: the two runs together pulled exactly what one whole sync pulls.
    TempDir reference;
    App whole(reference.path(), server, QString(), 100);
    REQUIRE(whole.signIn(server, admin).outcome == Outcome::SignedIn);
    whole.sync->start();
    whole.waitForSynced();
    CHECK(rowsBeforeShutdown + again.progress.last().rows == whole.progress.last().rows);
}

TEST_CASE("logout during a sync cancels it, forgets the tokens and closes the store", "[sync][background]")
{
    DemoServer server(3000);
    TempDir dir;
    const auto admin = server.account(u"admin"_s);
    App app(dir.path(), server, QString(), 50);
    REQUIRE(app.signIn(server, admin).outcome == Outcome::SignedIn);
    std::unique_ptr<LocalStore> gui = app.sync->takeStore();
    REQUIRE(gui);
    app.sync->start();
    REQUIRE(QTest::qWaitFor([&] { return !app.progress.isEmpty(); }, kWaitMs));
    app.sync->logout();
    REQUIRE(QTest::qWaitFor([&] { return app.signedOut == 1; }, kWaitMs));
    CHECK(app.sync->status().state == State::AuthRequired);
    CHECK(scalar(*gui, u"SELECT value FROM sync_state WHERE name = 'access_token'"_s).isEmpty());
    CHECK(scalar(*gui, u"SELECT value FROM sync_state WHERE name = 'refresh_token'"_s).isEmpty());
    // The server revoked the device's tokens.
    CHECK(server.sql(u"SELECT count(*) FROM tokens WHERE revoked = 0"_s) == u"0"_s);
    gui.reset();
}

namespace {

// What an administrator's password reset does on the server: a new scrypt hash for the account.
void changePasswordOnServer(DemoServer &server, const QString &username, const QString &password)
{
    auto hash = passwordhash::hash(password, ScryptParams::fastForTests());
    REQUIRE(hash.ok());
    server.sql(u"UPDATE staff SET password_hash = '%1' WHERE username = '%2' AND school_id = '%3'"_s.arg(
        hash.value(), username, server.schoolId()));
}

// Signs in, pulls the teacher's class, and leaves one edit queued (made after the last sync).
void firstUse(const QString &dataFolder, DemoServer &server, const DemoServer::Account &teacher)
{
    App app(dataFolder, server);
    REQUIRE(app.signIn(server, teacher).outcome == Outcome::SignedIn);
    std::unique_ptr<LocalStore> gui = app.sync->takeStore();
    app.sync->start();
    app.waitForSynced();
    MarkStore marks(gui->database(), scalar(*gui, u"SELECT value FROM sync_state WHERE name = 'school_id'"_s),
                    scalar(*gui, u"SELECT value FROM sync_state WHERE name = 'user_id'"_s));
    REQUIRE(marks
                .record({{scalar(*gui, u"SELECT pupil_id FROM group_members ORDER BY pupil_id LIMIT 1"_s),
                          scalar(*gui, u"SELECT id FROM objectives ORDER BY framework_id, position LIMIT 1"_s),
                          scalar(*gui,
                                 u"SELECT id FROM terms WHERE locked = 0 ORDER BY academic_year, position LIMIT 1"_s)},
                         u"EXP"_s,
                         QString()})
                .ok());
    app.sync->shutdown();
}

const QString kNewPassword = u"a new synthetic password"_s;

}  // namespace

TEST_CASE("a password changed on the server re-wraps the store at the next online sign-in", "[sync][background]")
{
    DemoServer server;
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    const QString folder = StoreLocation::folderFor(dir.path(), server.schoolName(), teacher.username);
    firstUse(dir.path(), server, teacher);
    CHECK_FALSE(KeyVault(LocalStore::keyPath(folder)).deviceId().isEmpty());
    changePasswordOnServer(server, teacher.username, kNewPassword);

    App app(dir.path(), server);
    // Offline, this PC still knows only the old password.
    CHECK(app.unlockOffline(server, teacher, kNewPassword).outcome == Outcome::WrongCredentials);
    REQUIRE(app.unlockOffline(server, teacher, teacher.password).outcome == Outcome::UnlockedOffline);
    app.sync->takeStore().reset();

    // Online, the server vouches for the new one: the device key opens the store, which is
    // wrapped under the new password. Nothing in it is lost, the queued edit included.
    const SignInResult result = app.signIn(server, teacher, kNewPassword);
    INFO(result.detail.toStdString());
    REQUIRE(result.outcome == Outcome::SignedIn);
    CHECK(result.passwordRewrapped);
    CHECK_FALSE(result.storeCreated);
    std::unique_ptr<LocalStore> gui = app.sync->takeStore();
    REQUIRE(gui);
    CHECK(scalar(*gui, u"SELECT count(*) FROM pupils"_s) == u"30"_s);
    CHECK(scalar(*gui, u"SELECT count(*) FROM outbox"_s) == u"1"_s);
    app.sync->start();
    app.waitForSynced();
    CHECK(server
              .sql(u"SELECT count(*) FROM marks WHERE value = 'EXP' AND author_id = (SELECT id FROM staff WHERE "
                   u"username = '%1')"_s.arg(teacher.username))
              .toInt()
          >= 1);
    gui.reset();
    app.sync->shutdown();

    // From now on the new password unlocks it offline and the old one does not.
    CHECK(LocalStore::openWithPassword(folder, kNewPassword).ok());
    auto old = LocalStore::openWithPassword(folder, teacher.password);
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().code == ErrorCode::WrongPassword);
    App again(dir.path(), server);
    CHECK(again.signIn(server, teacher).outcome == Outcome::WrongCredentials);
    CHECK(again.signIn(server, teacher, kNewPassword).outcome == Outcome::SignedIn);
}

TEST_CASE("a password the server refuses never re-wraps the store", "[sync][background]")
{
    DemoServer server;
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    const QString folder = StoreLocation::folderFor(dir.path(), server.schoolName(), teacher.username);
    firstUse(dir.path(), server, teacher);
    const QByteArray keys = otrack::test::readFile(LocalStore::keyPath(folder));

    App app(dir.path(), server);
    const SignInResult result = app.signIn(server, teacher, u"a guess at the password"_s);
    CHECK(result.outcome == Outcome::WrongCredentials);
    CHECK_FALSE(result.passwordRewrapped);
    CHECK_FALSE(app.sync->takeStore());
    CHECK(otrack::test::readFile(LocalStore::keyPath(folder)) == keys);
    CHECK(LocalStore::openWithPassword(folder, teacher.password).ok());
}

TEST_CASE("a store that has not recorded its device id is re-wrapped after one offline unlock", "[sync][background]")
{
    DemoServer server;
    TempDir dir;
    const auto teacher = server.account(u"teacher"_s);
    const QString folder = StoreLocation::folderFor(dir.path(), server.schoolName(), teacher.username);
    firstUse(dir.path(), server, teacher);
    // As a store wrapped before the id was kept beside its keys.
    QByteArray keys = otrack::test::readFile(LocalStore::keyPath(folder));
    QJsonObject json = QJsonDocument::fromJson(keys).object();
    QJsonObject device = json.value(u"device"_s).toObject();
    REQUIRE(device.contains(u"id"_s));
    device.remove(u"id"_s);
    json.insert(u"device"_s, device);
    otrack::test::writeFile(LocalStore::keyPath(folder), QJsonDocument(json).toJson());
    REQUIRE(KeyVault(LocalStore::keyPath(folder)).deviceId().isEmpty());
    changePasswordOnServer(server, teacher.username, kNewPassword);

    App app(dir.path(), server);
    const SignInResult refused = app.signIn(server, teacher, kNewPassword);
    CHECK(refused.outcome == Outcome::WrongCredentials);
    CHECK(refused.detail.contains(u"previous password"_s));
    REQUIRE(app.unlockOffline(server, teacher, teacher.password).outcome == Outcome::UnlockedOffline);
    app.sync->takeStore().reset();
    CHECK_FALSE(KeyVault(LocalStore::keyPath(folder)).deviceId().isEmpty());
    const SignInResult result = app.signIn(server, teacher, kNewPassword);
    CHECK(result.outcome == Outcome::SignedIn);
    CHECK(result.passwordRewrapped);
}
