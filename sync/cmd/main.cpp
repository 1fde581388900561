// otrackcmd: the command-line client for IT staff, scripts and tests (README, docs/sync.md).
// Thin: each command opens the same store the app uses and calls the same engine.
#include "conflictstore.h"
#include "healthcheck.h"
#include "localstore.h"
#include "markstore.h"
#include "onlinesignin.h"
#include "opensslinit.h"
#include "passwordprompt.h"
#include "rosterstore.h"
#include "serverendpoint.h"
#include "storelocation.h"
#include "syncengine.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace otrack;

namespace {

// Exit codes: stable, for scripts (also in --help and docs/sync.md).
enum Exit {
    kExitOk = 0,
    kExitFailure = 1,  // anything else: a server error, a bad answer
    kExitUsage = 2,
    kExitOffline = 3,  // the server could not be reached (the edit is kept locally)
    kExitAuth = 4,  // wrong password or credentials, or sign in again
    kExitTls = 5,  // the server's certificate is not trusted, or TLS failed
    kExitStore = 6,  // the local store is locked by another program, damaged or unwritable
    kExitNoStore = 7,  // no local store for this school and user yet: run login
    kExitUpgrade = 8,  // this OTrack is too old for the server
    kExitLegal = 9,  // the user must accept the current legal documents (in the app)
    kExitRevoked = 10,  // this device was revoked; its local data has been deleted
    kExitInvalid = 11,  // a bad value: unknown pupil, value not on the scale, unknown conflict
    kExitSchoolNotActive = 12,  // the school has not signed its terms: edits wait in the outbox
};

const char kDescription[] = R"(OTrack command-line client.

Usage: otrackcmd [--data-dir DIR] --server URL [--ca FILE] --school S --user U COMMAND

Commands:
  health                                 Check that the server answers over TLS.
  login                                  Sign in online; creates the local store at first use,
                                         and re-wraps it after a password change on the server.
  sync                                   Push every queued edit, then pull every change.
  status [--json]                        Pending edits, conflicts, last sync, cursor, state.
  mark PUPIL OBJECTIVE TERM VALUE        Record a mark locally (works offline); VALUE - clears.
  conflicts                              List open conflicts (id, cell, mine, theirs).
  resolve ID mine|theirs                 Keep my value (sent at the next sync) or take theirs.
  rejections                             List edits the server refused, with the reason.
  pupils                                 List the pupils in the local store.
  marks                                  List the marks in the local store.
  logout                                 Revoke this device's tokens and forget them.

The password comes from the OTRACK_PASSWORD environment variable, else one line on standard
input; never from the command line. --server is needed by health, login, sync and logout.

Exit codes:
  0  done
  1  other failure (server error, unexpected answer)
  2  bad command line
  3  offline: the server could not be reached (local edits are kept)
  4  authentication failed: wrong password, or sign in again with login
  5  TLS failure: the server's certificate is not trusted, or the handshake failed
  6  the local store is locked by another program, damaged or not writable
  7  no local store for this school and user: run login first
  8  upgrade required: this otrackcmd is too old for the server
  9  the user must accept the current legal documents first
  10 this device was revoked: its local data has been deleted
  11 invalid value: unknown pupil, term or objective, value not on the scale, unknown conflict
  12 the school has not signed its terms: edits wait in the outbox)";

void print(FILE *stream, const QString &line)
{
    std::fputs((line + u'\n').toUtf8().constData(), stream);
    std::fflush(stream);
}

int fail(int code, const QString &message)
{
    print(stderr, u"otrackcmd: "_s + message);
    return code;
}

int exitFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::WrongPassword:
    case ErrorCode::WrongDeviceKey:
    case ErrorCode::Unauthenticated:
    case ErrorCode::RateLimited:
        return kExitAuth;
    case ErrorCode::NotFound:
        return kExitNoStore;
    case ErrorCode::InvalidArgument:
    case ErrorCode::Locked:
        return kExitInvalid;
    case ErrorCode::Damaged:
    case ErrorCode::NotEncrypted:
    case ErrorCode::NotSqlCipher:
    case ErrorCode::NewerVersion:
    case ErrorCode::DiskFull:
    case ErrorCode::NotWritable:
    case ErrorCode::Busy:
    case ErrorCode::StorageFailure:
        return kExitStore;
    default:
        return kExitFailure;
    }
}

int exitFor(SyncStatus::State state)
{
    using State = SyncStatus::State;
    switch (state) {
    case State::Idle:
        return kExitOk;
    case State::Offline:
        return kExitOffline;
    case State::AuthRequired:
        return kExitAuth;
    case State::CertificateError:
    case State::TlsError:
        return kExitTls;
    case State::UpgradeRequired:
        return kExitUpgrade;
    case State::WaitingForLegalAcceptance:
        return kExitLegal;
    case State::Revoked:
        return kExitRevoked;
    case State::SchoolNotActive:
        return kExitSchoolNotActive;
    case State::Syncing:
    case State::Error:
        return kExitFailure;
    }
    return kExitFailure;
}

int exitFor(const SignInResult &result)
{
    using Outcome = SignInResult::Outcome;
    switch (result.outcome) {
    case Outcome::SignedIn:
    case Outcome::UnlockedOffline:
        return kExitOk;
    case Outcome::ServerUnreachable:
        return kExitOffline;
    case Outcome::CertificateError:
    case Outcome::TlsError:
        return kExitTls;
    case Outcome::WrongCredentials:
    case Outcome::RateLimited:
        return kExitAuth;
    case Outcome::NoLocalStore:
        return kExitNoStore;
    case Outcome::StoreProblem:
        return exitFor(Error{result.storeError, result.detail});
    case Outcome::UpgradeRequired:
        return kExitUpgrade;
    case Outcome::Revoked:
        return kExitRevoked;
    case Outcome::Failed:
        return kExitFailure;
    }
    return kExitFailure;
}

// OTRACK_PASSWORD, else one line from standard input (without echo on a terminal).
QString readPassword()
{
    if (qEnvironmentVariableIsSet("OTRACK_PASSWORD"))
        return qEnvironmentVariable("OTRACK_PASSWORD");
    return readPasswordLine();
}

QString text(const std::optional<QString> &value)
{
    return value.value_or(u"-"_s);
}

struct Options {
    QString folder;
    QString serverUrl;
    QString caFile;
    QByteArray fingerprint;
    QString school;
    QString user;
    int pageSize = 1000;
    bool json = false;
};

class Cli {
public:
    explicit Cli(Options options) : m_options(std::move(options)) { }

    int run(const QStringList &command);

private:
    int openStore();
    int makeEngine();
    int runEngine(const std::function<void()> &start);
    int finishState();
    int login();
    int sync();
    int logout();
    int health();
    int status();
    int mark(const QStringList &args);
    int conflicts();
    int resolve(const QStringList &args);
    int rejections();
    int pupils();
    int marks();

    Options m_options;
    QString m_password;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
};

int Cli::run(const QStringList &command)
{
    const QString name = command.value(0);
    const QStringList args = command.mid(1);
    const QHash<QString, int> arity{{u"health"_s, 0}, {u"login"_s, 0},     {u"sync"_s, 0},    {u"status"_s, 0},
                                    {u"mark"_s, 4},   {u"conflicts"_s, 0}, {u"resolve"_s, 2}, {u"rejections"_s, 0},
                                    {u"pupils"_s, 0}, {u"marks"_s, 0},     {u"logout"_s, 0}};
    if (!arity.contains(name))
        return fail(kExitUsage, u"expected a command (see --help)"_s);
    if (args.size() != arity.value(name))
        return fail(kExitUsage, u"%1 takes %2 argument(s) (see --help)"_s.arg(name).arg(arity.value(name)));
    if (name == u"health"_s)
        return health();
    if (m_options.school.isEmpty() || m_options.user.isEmpty())
        return fail(kExitUsage, u"--school and --user are needed"_s);

    m_password = readPassword();
    if (m_password.isEmpty())
        return fail(kExitAuth, u"no password given (OTRACK_PASSWORD or standard input)"_s);
    // Signing in opens the store itself, after the server has checked the password.
    if (name == u"login"_s)
        return login();
    if (int opened = openStore(); opened != kExitOk)
        return opened;
    if (name == u"sync"_s)
        return sync();
    if (name == u"logout"_s)
        return logout();
    if (name == u"status"_s)
        return status();
    if (name == u"mark"_s)
        return mark(args);
    if (name == u"conflicts"_s)
        return conflicts();
    if (name == u"resolve"_s)
        return resolve(args);
    if (name == u"rejections"_s)
        return rejections();
    if (name == u"pupils"_s)
        return pupils();
    return marks();
}

int Cli::openStore()
{
    if (!LocalStore::exists(m_options.folder))
        return fail(kExitNoStore, u"no local store for this school and user: run login first"_s);
    auto opened = LocalStore::openWithPassword(m_options.folder, m_password);
    if (!opened) {
        const QString why
            = opened.error().code == ErrorCode::WrongPassword ? u"wrong password"_s : opened.error().message;
        return fail(exitFor(opened.error()), u"cannot open the local store: "_s + why);
    }
    m_store = std::move(opened.value());
    return kExitOk;
}

int Cli::makeEngine()
{
    auto endpoint = ServerEndpoint::create(m_options.serverUrl, m_options.caFile);
    if (!endpoint)
        return fail(kExitUsage, endpoint.error().message);
    m_engine = std::make_unique<SyncEngine>(std::move(m_store), endpoint.value());
    m_engine->api().setPinnedFingerprint(m_options.fingerprint);
    m_engine->setPageLimit(m_options.pageSize);
    if (auto loaded = m_engine->load(); !loaded)
        return fail(exitFor(loaded.error()), loaded.error().message);
    return kExitOk;
}

int Cli::runEngine(const std::function<void()> &start)
{
    QEventLoop loop;
    QObject::connect(m_engine.get(), &SyncEngine::finished, &loop, &QEventLoop::quit);
    start();
    if (m_engine->isBusy())
        loop.exec();
    return finishState();
}

int Cli::finishState()
{
    const SyncStatus &status = m_engine->status();
    if (status.state != SyncStatus::State::Idle) {
        QString message = stateName(status.state);
        if (!status.detail.isEmpty())
            message += u": "_s + status.detail;
        print(stderr, u"otrackcmd: "_s + message);
    }
    return exitFor(status.state);
}

int Cli::login()
{
    auto endpoint = ServerEndpoint::create(m_options.serverUrl, m_options.caFile);
    if (!endpoint)
        return fail(kExitUsage, endpoint.error().message);
    OnlineSignIn signIn(endpoint.value());
    signIn.api().setPinnedFingerprint(m_options.fingerprint);
    std::optional<SignInResult> result;
    QEventLoop loop;
    QObject::connect(&signIn, &OnlineSignIn::finished, &loop, [&](const SignInResult &finished) {
        result = finished;
        loop.quit();
    });
    signIn.start(m_options.folder, m_options.school, m_options.user, m_password);
    if (!result)
        loop.exec();
    if (result->outcome != SignInResult::Outcome::SignedIn)
        return fail(exitFor(*result), outcomeName(result->outcome) + u": "_s + result->detail);
    m_engine = signIn.takeEngine();
    print(stdout, u"signed in as %1 at %2"_s.arg(m_engine->session().username, m_engine->session().schoolName));
    if (result->passwordRewrapped)
        print(stdout, u"the password was changed on the server: the local store now opens with the new one"_s);
    return kExitOk;
}

int Cli::sync()
{
    if (int made = makeEngine(); made != kExitOk)
        return made;
    int code = runEngine([this] { m_engine->sync(); });
    // Tokens refused or expired: the password is at hand, so sign in again once and retry.
    if (m_engine->status().state == SyncStatus::State::AuthRequired) {
        code = runEngine([this] { m_engine->login(m_options.school, m_options.user, m_password); });
        if (code == kExitOk)
            code = runEngine([this] { m_engine->sync(); });
    }
    if (code == kExitOk) {
        const SyncStatus &s = m_engine->status();
        print(stdout,
              u"synced: %1 pending, %2 conflicts, %3 rejected, cursor %4"_s.arg(s.pending)
                  .arg(s.conflicts)
                  .arg(s.rejections)
                  .arg(s.cursor));
    }
    return code;
}

int Cli::logout()
{
    if (int made = makeEngine(); made != kExitOk)
        return made;
    runEngine([this] { m_engine->logout(); });
    return m_engine->status().state == SyncStatus::State::AuthRequired ? kExitOk : finishState();
}

int Cli::health()
{
    auto endpoint = ServerEndpoint::create(m_options.serverUrl, m_options.caFile);
    if (!endpoint)
        return fail(kExitUsage, endpoint.error().message);
    HealthCheck check;
    int code = kExitFailure;
    QEventLoop loop;
    QObject::connect(&check, &HealthCheck::finished, &loop, [&](const HealthStatus &status) {
        if (status.ok()) {
            print(stdout, u"ok: protocol %1, database %2"_s.arg(status.health->protocol).arg(status.health->database));
            code = kExitOk;
        } else {
            print(stderr, u"otrackcmd: %1: %2"_s.arg(QLatin1String(outcomeName(status.outcome)), status.detail));
            using O = HealthStatus::Outcome;
            code = status.outcome == O::CertificateError || status.outcome == O::TlsError ? kExitTls
                : status.outcome == O::Unreachable || status.outcome == O::Timeout        ? kExitOffline
                                                                                          : kExitFailure;
        }
        loop.quit();
    });
    check.start(*endpoint);
    loop.exec();
    return code;
}

int Cli::status()
{
    auto session = SyncSession::load(m_store->database());
    if (!session)
        return fail(exitFor(session.error()), session.error().message);
    auto stored = SyncEngine::storedStatus(m_store->database(), session.value());
    if (!stored)
        return fail(exitFor(stored.error()), stored.error().message);
    const SyncStatus &s = stored.value();
    const QString last = s.lastSyncedAt.isValid() ? s.lastSyncedAt.toString(Qt::ISODateWithMs) : QString();
    if (m_options.json) {
        const QJsonObject json{{u"state"_s, stateName(s.state)},
                               {u"pending"_s, s.pending},
                               {u"conflicts"_s, s.conflicts},
                               {u"rejections"_s, s.rejections},
                               {u"last_synced"_s, last.isEmpty() ? QJsonValue() : QJsonValue(last)},
                               {u"cursor"_s, s.cursor},
                               {u"initial_sync_done"_s, s.initialSyncDone},
                               {u"signed_in"_s, session->loggedIn()},
                               {u"device_id"_s, session->deviceId}};
        print(stdout, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    } else {
        print(stdout,
              u"state\t%1\npending\t%2\nconflicts\t%3\nrejections\t%4\nlast synced\t%5\ncursor\t%6"_s
                  .arg(stateName(s.state))
                  .arg(s.pending)
                  .arg(s.conflicts)
                  .arg(s.rejections)
                  .arg(last.isEmpty() ? u"never"_s : last)
                  .arg(s.cursor));
    }
    return kExitOk;
}

int Cli::mark(const QStringList &args)
{
    auto session = SyncSession::load(m_store->database());
    if (!session)
        return fail(exitFor(session.error()), session.error().message);
    MarkStore store(m_store->database(), session->schoolId, session->userId);
    MarkEdit edit{{args.at(0), args.at(1), args.at(2)},
                  args.at(3) == u"-"_s ? std::nullopt : std::optional<QString>(args.at(3)),
                  QString()};
    auto opId = store.record(edit);
    if (!opId)
        return fail(exitFor(opId.error()), u"mark not saved: "_s + opId.error().message);
    print(stdout, u"saved\t%1"_s.arg(opId.value()));
    return kExitOk;
}

int Cli::conflicts()
{
    auto session = SyncSession::load(m_store->database());
    if (!session)
        return fail(exitFor(session.error()), session.error().message);
    auto list = ConflictStore(m_store->database(), session->schoolId, session->userId).conflicts();
    if (!list)
        return fail(exitFor(list.error()), list.error().message);
    for (const MarkConflict &c : list.value())
        print(stdout,
              u"%1\t%2\t%3\t%4\tmine=%5\ttheirs=%6\tby=%7\tversion=%8"_s
                  .arg(c.id, c.key.pupilId, c.key.objectiveId, c.key.termId, text(c.localValue), text(c.serverValue),
                       c.serverAuthorId)
                  .arg(c.serverVersion));
    return kExitOk;
}

int Cli::resolve(const QStringList &args)
{
    const QString choice = args.at(1);
    if (choice != u"mine"_s && choice != u"theirs"_s)
        return fail(kExitUsage, u"resolve wants mine or theirs"_s);
    auto session = SyncSession::load(m_store->database());
    if (!session)
        return fail(exitFor(session.error()), session.error().message);
    ConflictStore store(m_store->database(), session->schoolId, session->userId);
    auto resolved = store.resolve(
        args.at(0), choice == u"mine"_s ? ConflictStore::Choice::KeepMine : ConflictStore::Choice::TakeTheirs);
    if (!resolved)
        return fail(resolved.error().code == ErrorCode::NotFound ? kExitInvalid : exitFor(resolved.error()),
                    resolved.error().message);
    print(stdout, u"resolved"_s);
    return kExitOk;
}

int Cli::rejections()
{
    auto session = SyncSession::load(m_store->database());
    if (!session)
        return fail(exitFor(session.error()), session.error().message);
    auto list = ConflictStore(m_store->database(), session->schoolId, session->userId).rejections();
    if (!list)
        return fail(exitFor(list.error()), list.error().message);
    for (const MarkRejection &r : list.value())
        print(stdout,
              u"%1\t%2\t%3\t%4\t%5\t%6\t%7"_s.arg(r.opId, r.key.pupilId, r.key.objectiveId, r.key.termId, text(r.value),
                                                  r.reason, r.detail));
    return kExitOk;
}

int Cli::pupils()
{
    auto q = m_store->database().prepare(
        "SELECT id, upn, preferred_forename, preferred_surname, year_group FROM pupils ORDER BY preferred_surname, "
        "preferred_forename, id");
    if (!q)
        return fail(exitFor(q.error()), q.error().message);
    auto done = q->forEach([](const Query &row) {
        print(stdout, u"%1\t%2\t%3 %4\t%5"_s.arg(row.text(0), row.text(1), row.text(2), row.text(3)).arg(row.int64(4)));
    });
    return done ? kExitOk : fail(exitFor(done.error()), done.error().message);
}

int Cli::marks()
{
    auto q = m_store->database().prepare(
        "SELECT m.pupil_id, m.objective_id, m.term_id, m.value, m.server_version, EXISTS (SELECT 1 FROM outbox o "
        "WHERE o.pupil_id = m.pupil_id AND o.term_id = m.term_id AND o.objective_id = m.objective_id) FROM marks m "
        "ORDER BY m.pupil_id, m.term_id, m.objective_id");
    if (!q)
        return fail(exitFor(q.error()), q.error().message);
    auto done = q->forEach([](const Query &row) {
        print(stdout,
              u"%1\t%2\t%3\t%4\t%5\t%6"_s.arg(row.text(0), row.text(1), row.text(2), text(row.optionalText(3)))
                  .arg(row.int64(4))
                  .arg(row.int64(5) != 0 ? u"pending"_s : u"synced"_s));
    });
    return done ? kExitOk : fail(exitFor(done.error()), done.error().message);
}

}  // namespace

int main(int argc, char *argv[])
{
    initOpenSsl();
    QCoreApplication app(argc, argv);
    // The app's name: the default data folder is the one the app uses.
    QCoreApplication::setApplicationName(u"OTrack"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(OTRACK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(kDescription));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, u"See the list above."_s);
    const QCommandLineOption dataDir(u"data-dir"_s, u"Where local stores live (default: the app's)."_s, u"dir"_s);
    const QCommandLineOption server(u"server"_s, u"The server, https://host:port."_s, u"url"_s);
    const QCommandLineOption ca(u"ca"_s, u"A CA certificate (PEM) to trust besides the system's."_s, u"file"_s);
    const QCommandLineOption fingerprint(u"fingerprint"_s, u"The server certificate's SHA-256 (hex) to pin."_s,
                                         u"sha256"_s);
    const QCommandLineOption school(u"school"_s, u"The school's name or id."_s, u"school"_s);
    const QCommandLineOption user(u"user"_s, u"Your username."_s, u"username"_s);
    const QCommandLineOption pageSize(u"page-size"_s, u"Changes per pull page, 1 to 5000 (default 1000)."_s, u"n"_s,
                                      u"1000"_s);
    const QCommandLineOption json(u"json"_s, u"status: print one JSON object."_s);
    parser.addOptions({dataDir, server, ca, fingerprint, school, user, pageSize, json});
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(kExitUsage, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        print(stdout, parser.helpText());
        return kExitOk;
    }
    if (parser.isSet(u"version"_s)) {
        print(stdout, u"otrackcmd "_s + QCoreApplication::applicationVersion());
        return kExitOk;
    }

    Options options;
    options.serverUrl = parser.value(server);
    options.caFile = parser.value(ca);
    options.school = parser.value(school);
    options.user = parser.value(user);
    options.json = parser.isSet(json);
    if (parser.isSet(fingerprint)) {
        options.fingerprint = QByteArray::fromHex(parser.value(fingerprint).remove(u':').toLatin1());
        if (options.fingerprint.size() != 32)
            return fail(kExitUsage, u"--fingerprint wants 64 hex digits (SHA-256)"_s);
    }
    bool pageOk = false;
    options.pageSize = parser.value(pageSize).toInt(&pageOk);
    if (!pageOk || options.pageSize < 1 || options.pageSize > 5000)
        return fail(kExitUsage, u"--page-size wants 1 to 5000"_s);
    const QString base = parser.isSet(dataDir) ? parser.value(dataDir) : StoreLocation::defaultBase();
    options.folder = StoreLocation::folderFor(base, options.school, options.user);
    return Cli(std::move(options)).run(parser.positionalArguments());
}
