#include "backgroundsync.h"

#include "backgroundsyncworker.h"

#include <QThread>

namespace otrack {

BackgroundSync::BackgroundSync(Options options, QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new BackgroundSyncWorker(std::move(options)))
{
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<SignInResult>();
    m_thread->setObjectName(QStringLiteral("otrack-sync"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // The worker's signals arrive queued, on this (the GUI) thread.
    connect(m_worker, &BackgroundSyncWorker::signInFinished, this, &BackgroundSync::signInFinished);
    connect(m_worker, &BackgroundSyncWorker::statusChanged, this, [this](const SyncStatus &status) {
        m_status = status;
        Q_EMIT statusChanged(status);
    });
    connect(m_worker, &BackgroundSyncWorker::progressChanged, this, [this](const SyncProgress &progress) {
        m_progress = progress;
        Q_EMIT progressChanged(progress);
    });
    connect(m_worker, &BackgroundSyncWorker::dataChanged, this, &BackgroundSync::dataChanged);
    connect(m_worker, &BackgroundSyncWorker::signedOut, this, &BackgroundSync::signedOut);
    m_thread->start();
}

BackgroundSync::~BackgroundSync()
{
    shutdown();
}

void BackgroundSync::signIn(const QString &school, const QString &username, const QString &password)
{
    if (!m_stopped)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, school, username, password] { w->signIn(school, username, password); });
}

void BackgroundSync::unlockOffline(const QString &school, const QString &username, const QString &password)
{
    if (!m_stopped)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, school, username, password] { w->unlockOffline(school, username, password); });
}

std::unique_ptr<LocalStore> BackgroundSync::takeStore()
{
    return m_stopped ? nullptr : m_worker->takeStore();
}

void BackgroundSync::start()
{
    if (!m_stopped)
        QMetaObject::invokeMethod(m_worker, &BackgroundSyncWorker::start);
}

void BackgroundSync::requestSync()
{
    if (!m_stopped)
        QMetaObject::invokeMethod(m_worker, &BackgroundSyncWorker::requestSync);
}

void BackgroundSync::localEditMade()
{
    if (!m_stopped)
        QMetaObject::invokeMethod(m_worker, &BackgroundSyncWorker::localEditMade);
}

void BackgroundSync::logout()
{
    if (!m_stopped)
        QMetaObject::invokeMethod(m_worker, &BackgroundSyncWorker::logout);
}

void BackgroundSync::shutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    // Queued behind whatever the worker is doing, so the transaction in progress completes.
    QMetaObject::invokeMethod(m_worker, &BackgroundSyncWorker::close, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

}  // namespace otrack
