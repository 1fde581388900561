#include "backgroundsyncworker.h"

#include "logging.h"
#include "storelocation.h"

#include <QMutexLocker>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

using Outcome = SignInResult::Outcome;

// Views reload at most this often while a long sync commits page after page.
constexpr qint64 kDataChangedIntervalMs = 1000;

const QString kNoServer = u"no server is configured"_s;

}  // namespace

BackgroundSyncWorker::BackgroundSyncWorker(BackgroundSync::Options options) : m_options(std::move(options))
{
}

BackgroundSyncWorker::~BackgroundSyncWorker()
{
    close();
}

QString BackgroundSyncWorker::folderFor(const QString &school, const QString &username) const
{
    return StoreLocation::folderFor(m_options.dataFolder, school, username);
}

void BackgroundSyncWorker::signIn(const QString &school, const QString &username, const QString &password)
{
    close();
    if (!m_options.endpoint) {
        SignInResult result;
        result.outcome = Outcome::ServerUnreachable;
        result.detail = kNoServer;
        result.offlineUnlockAvailable = LocalStore::exists(folderFor(school, username));
        Q_EMIT signInFinished(result);
        return;
    }
    m_signIn = new OnlineSignIn(*m_options.endpoint, this);
    m_signIn->api().setPinnedFingerprint(m_options.pinnedFingerprint);
    m_signIn->api().setTimeout(m_options.requestTimeoutMs);
    m_signIn->setScrypt(m_options.scrypt);
    connect(m_signIn, &OnlineSignIn::finished, this, [this](const SignInResult &finished) {
        SignInResult result = finished;
        std::unique_ptr<SyncEngine> engine = m_signIn->takeEngine();
        m_signIn->deleteLater();
        m_signIn = nullptr;
        if (result.outcome == Outcome::SignedIn)
            adopt(std::move(engine), nullptr, result);
        Q_EMIT signInFinished(result);
    });
    m_signIn->start(folderFor(school, username), school, username, password);
}

void BackgroundSyncWorker::unlockOffline(const QString &school, const QString &username, const QString &password)
{
    close();
    std::unique_ptr<LocalStore> store;
    SignInResult result = OnlineSignIn::unlockOffline(folderFor(school, username), password, &store);
    if (result.hasStore()) {
        if (m_options.endpoint) {
            auto engine = std::make_unique<SyncEngine>(std::move(store), *m_options.endpoint);
            engine->api().setPinnedFingerprint(m_options.pinnedFingerprint);
            engine->api().setTimeout(m_options.requestTimeoutMs);
            if (auto loaded = engine->load(); !loaded) {
                result.outcome = Outcome::StoreProblem;
                result.storeError = loaded.error().code;
                result.detail = loaded.error().message;
            } else {
                adopt(std::move(engine), nullptr, result);
            }
        } else {
            adopt(nullptr, std::move(store), result);
        }
    }
    Q_EMIT signInFinished(result);
}

void BackgroundSyncWorker::adopt(std::unique_ptr<SyncEngine> engine, std::unique_ptr<LocalStore> storeOnly,
                                 SignInResult &result)
{
    LocalStore &store = engine ? *engine->store() : *storeOnly;
    auto gui = store.openConnection();
    if (!gui) {
        result.outcome = Outcome::StoreProblem;
        result.storeError = gui.error().code;
        result.detail = gui.error().message;
        return;
    }
    {
        QMutexLocker lock(&m_handoverMutex);
        m_handover = std::move(gui.value());
    }
    m_storeOnly = std::move(storeOnly);
    m_engine = std::move(engine);
    if (!m_engine) {
        SyncStatus status;
        status.state = SyncStatus::State::Offline;
        status.detail = kNoServer;
        Q_EMIT statusChanged(status);
        return;
    }
    m_engine->setPageLimit(m_options.pageLimit);
    connect(m_engine.get(), &SyncEngine::statusChanged, this, [this] { Q_EMIT statusChanged(m_engine->status()); });
    connect(m_engine.get(), &SyncEngine::progressChanged, this, &BackgroundSyncWorker::progressChanged);
    connect(m_engine.get(), &SyncEngine::dataChanged, this, &BackgroundSyncWorker::onEngineDataChanged);
    connect(m_engine.get(), &SyncEngine::finished, this, &BackgroundSyncWorker::onEngineFinished);
    Q_EMIT statusChanged(m_engine->status());
}

std::unique_ptr<LocalStore> BackgroundSyncWorker::takeStore()
{
    QMutexLocker lock(&m_handoverMutex);
    return std::move(m_handover);
}

void BackgroundSyncWorker::start()
{
    if (!m_engine || m_scheduler)
        return;
    m_scheduler
        = std::make_unique<SyncScheduler>(m_engine.get(), m_options.timing, QRandomGenerator::global()->generate());
    m_scheduler->start();
}

void BackgroundSyncWorker::requestSync()
{
    if (m_scheduler)
        m_scheduler->requestSync();
}

void BackgroundSyncWorker::localEditMade()
{
    if (m_scheduler)
        m_scheduler->localEditMade();
    else if (m_engine)
        static_cast<void>(m_engine->refreshCounts());
}

void BackgroundSyncWorker::logout()
{
    m_scheduler.reset();
    if (!m_engine) {
        close();
        Q_EMIT signedOut();
        return;
    }
    if (m_engine->isBusy()) {
        // The sync's edits stay queued; it ends (cancelled) and the logout follows.
        m_logoutAfterCancel = true;
        m_engine->api().cancel();
        return;
    }
    m_loggingOut = true;
    m_engine->logout();
}

void BackgroundSyncWorker::onEngineFinished()
{
    flushDataChanged();
    if (m_logoutAfterCancel) {
        m_logoutAfterCancel = false;
        m_loggingOut = true;
        m_engine->logout();
        return;
    }
    if (m_loggingOut) {
        m_loggingOut = false;
        // Not from inside the engine's own signal: it is destroyed here.
        QMetaObject::invokeMethod(
            this,
            [this] {
                close();
                Q_EMIT signedOut();
            },
            Qt::QueuedConnection);
    }
}

void BackgroundSyncWorker::onEngineDataChanged()
{
    m_dataDirty = true;
    if (!m_sinceDataChanged.isValid() || m_sinceDataChanged.elapsed() >= kDataChangedIntervalMs)
        flushDataChanged();
}

void BackgroundSyncWorker::flushDataChanged()
{
    if (!m_dataDirty)
        return;
    m_dataDirty = false;
    m_sinceDataChanged.start();
    Q_EMIT dataChanged();
}

void BackgroundSyncWorker::close()
{
    m_scheduler.reset();
    if (m_signIn) {
        delete m_signIn;
        m_signIn = nullptr;
    }
    m_engine.reset();
    m_storeOnly.reset();
    m_logoutAfterCancel = false;
    m_loggingOut = false;
    QMutexLocker lock(&m_handoverMutex);
    m_handover.reset();
}

}  // namespace otrack
