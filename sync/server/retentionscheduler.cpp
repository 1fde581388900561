#include "retentionscheduler.h"

#include "connectionpool.h"
#include "logging.h"
#include "pupilretention.h"

#include <QDateTime>
#include <QPointer>

namespace otrack {

RetentionScheduler::RetentionScheduler(ConnectionPool &pool, std::chrono::seconds interval, QObject *parent)
    : QObject(parent), m_pool(pool), m_interval(interval)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RetentionScheduler::runOnce);
    m_timer.start(std::min<std::chrono::milliseconds>(m_interval, std::chrono::minutes(1)));
}

void RetentionScheduler::runOnce()
{
    m_timer.start(m_interval);
    if (m_running)
        return;
    m_running = true;
    m_pool.run(
        [](QSqlDatabase db) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            auto reports = PupilRetention(db).applyAll(QDateTime::fromMSecsSinceEpoch(now).date(), now);
            if (!reports) {
                qCWarning(lcServer) << "retention run failed:" << reports.error().message;
                return 0;
            }
            int erased = 0;
            for (const RetentionReport &report : reports.value())
                erased += int(report.erased.size());
            return erased;
        },
        [](const Error &error) {
            qCWarning(lcServer) << "retention run: no database connection:" << error.message;
            return 0;
        },
        [self = QPointer<RetentionScheduler>(this)](int erased) {
            if (!self)
                return;
            self->m_running = false;
            emit self->ran(erased);
        });
}

}  // namespace otrack
