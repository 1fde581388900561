#include "syncscheduler.h"

#include "logging.h"
#include "syncengine.h"

#include <QNetworkInformation>

namespace otrack {

SyncScheduler::SyncScheduler(SyncEngine *engine, Timing timing, quint32 seed, QObject *parent)
    : QObject(parent), m_engine(engine), m_timing(timing), m_backoff(timing.retryInitial, timing.retryMaximum, seed)
{
    m_periodic.setInterval(m_timing.interval);
    m_debounce.setInterval(m_timing.debounce);
    m_debounce.setSingleShot(true);
    m_retry.setSingleShot(true);
    for (QTimer *timer : {&m_periodic, &m_debounce, &m_retry})
        connect(timer, &QTimer::timeout, this, &SyncScheduler::requestSync);
    connect(m_engine, &SyncEngine::finished, this, &SyncScheduler::onFinished);
}

void SyncScheduler::start()
{
    m_periodic.start();
    if (QNetworkInformation::loadDefaultBackend() && QNetworkInformation::instance()
        && QNetworkInformation::instance()->supports(QNetworkInformation::Feature::Reachability)) {
        m_watchesNetwork = true;
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online) {
                        qCInfo(lcSync) << "the network is back: syncing";
                        m_backoff.reset();
                        requestSync();
                    }
                });
    } else {
        qCInfo(lcSync) << "no network information backend: probing with backoff after failures";
    }
    requestSync();
}

void SyncScheduler::requestSync()
{
    m_debounce.stop();
    m_retry.stop();
    if (m_engine->isBusy()) {
        m_again = true;
        return;
    }
    m_engine->sync();
}

void SyncScheduler::localEditMade()
{
    if (auto counted = m_engine->refreshCounts(); !counted)
        qCWarning(lcSync) << "cannot count the outbox:" << counted.error().message;
    m_debounce.start();
}

void SyncScheduler::onFinished()
{
    using State = SyncStatus::State;
    const State state = m_engine->status().state;
    switch (state) {
    case State::Idle:
    case State::SchoolNotActive:
    case State::WaitingForLegalAcceptance:
        m_backoff.reset();
        break;
    case State::Offline:
    case State::TlsError:
    case State::Error: {
        const Duration delay = m_backoff.next();
        qCInfo(lcSync) << "sync failed; retrying in" << delay.count() << "ms";
        m_retry.start(delay);
        return;
    }
    case State::Revoked:
    case State::UpgradeRequired:
        m_periodic.stop();
        return;
    case State::AuthRequired:
    case State::CertificateError:
    case State::Syncing:
        return;
    }
    if (m_again) {
        m_again = false;
        requestSync();
    }
}

}  // namespace otrack
