#pragma once

#include "localstore.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace otrack {

// The window's connection to the local store, on a thread of its own. Every read and write
// the UI makes runs here, one after another in the order asked, and its result comes back to
// the GUI thread.
//
// Why not on the GUI thread: a 35 x 60 grid reads in about 2 ms and a one-mark save takes
// about 0.4 ms, but a save waits for its fsync (synchronous = FULL: up to 12 ms measured on a
// busy disk, more on a school laptop with an antivirus filter), and the sync engine writes
// through its own connection at the same time: a pull page holds the write lock for tens of
// milliseconds, and a save on the GUI thread would freeze typing for as long. Here a teacher
// types on while the store catches up; the grid shows a value once it is saved.
class StoreWorker : public QObject {
    Q_OBJECT

public:
    explicit StoreWorker(std::unique_ptr<LocalStore> store, QObject *parent = nullptr);
    // Finishes the jobs already asked for, then closes the store.
    ~StoreWorker() override;

    // Runs `job` on the store's thread, then `done` with its result on the GUI thread, unless
    // `context` was destroyed meanwhile. Jobs run in the order they were asked.
    template <typename Job, typename Done>
    void run(QObject *context, Job job, Done done)
    {
        using R = std::invoke_result_t<Job, LocalStore &>;
        ++m_queued;
        QMetaObject::invokeMethod(
            m_executor,
            [this, guard = QPointer<QObject>(context), job = std::move(job), done = std::move(done)]() mutable {
                auto result = std::make_shared<R>(job(*m_store));
                QMetaObject::invokeMethod(this, [this, guard, done = std::move(done), result]() mutable {
                    if (guard)
                        done(std::move(*result));
                    finishedOne();
                });
            });
    }

    // Jobs asked for whose result has not been delivered yet.
    int queued() const { return m_queued; }

    // For tests and benchmarks: waits (running the event loop) until every job asked for has
    // delivered its result.
    bool waitForIdle(int timeoutMs = 10000);

Q_SIGNALS:
    // Every job asked for has delivered its result.
    void idle();

private:
    void finishedOne();

    std::unique_ptr<LocalStore> m_store;
    QThread m_thread;
    QObject *m_executor;
    int m_queued = 0;
};

}  // namespace otrack
