#include "storeworker.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace otrack {

StoreWorker::StoreWorker(std::unique_ptr<LocalStore> store, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_executor(new QObject)
{
    m_thread.setObjectName(QStringLiteral("otrack-store"));
    m_executor->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_executor, &QObject::deleteLater);
    m_thread.start();
}

StoreWorker::~StoreWorker()
{
    // The thread finishes every queued job (its event loop drains before quit is seen), so no
    // edit a teacher made is dropped; the results are not delivered any more.
    QMetaObject::invokeMethod(m_executor, [this] { m_thread.quit(); });
    m_thread.wait();
}

bool StoreWorker::waitForIdle(int timeoutMs)
{
    if (m_queued == 0)
        return true;
    QEventLoop loop;
    connect(this, &StoreWorker::idle, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return m_queued == 0;
}

void StoreWorker::finishedOne()
{
    if (--m_queued == 0)
        Q_EMIT idle();
}

}  // namespace otrack
