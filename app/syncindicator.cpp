#include "syncindicator.h"

#include "errortext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace otrack {

SyncIndicator::SyncIndicator(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("syncIndicator"));
    m_dot = new QLabel(this);
    m_dot->setFixedSize(12, 12);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("syncStatus"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_conflicts = new QToolButton(this);
    m_conflicts->setObjectName(QStringLiteral("conflictsButton"));
    m_conflicts->setAutoRaise(true);
    m_conflicts->hide();
    m_syncNow = new QToolButton(this);
    m_syncNow->setObjectName(QStringLiteral("syncNow"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    layout->addWidget(m_progress);
    layout->addWidget(m_conflicts);
    layout->addWidget(m_syncNow);

    connect(m_syncNow, &QToolButton::clicked, this, &SyncIndicator::syncNowRequested);
    connect(m_conflicts, &QToolButton::clicked, this, &SyncIndicator::conflictsRequested);
    retranslate();
    setNotSyncing(tr("Not synced yet"), tr("OTrack syncs once you are signed in."));
}

void SyncIndicator::retranslate()
{
    m_text->setAccessibleName(tr("Sync status"));
    m_progress->setAccessibleName(tr("Download progress"));
    m_syncNow->setText(tr("Sync now"));
    m_syncNow->setAccessibleName(tr("Sync now"));
    m_syncNow->setToolTip(tr("Send your changes and fetch your colleagues' now (F5)"));
}

void SyncIndicator::changeEvent(QEvent *event)
{
    // The state's own words come again from the window (setStatus) on the same change.
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString SyncIndicator::text() const
{
    return m_text->text();
}

QString SyncIndicator::advice() const
{
    return m_text->toolTip();
}

void SyncIndicator::setStatus(const SyncStatus &status)
{
    using State = SyncStatus::State;
    m_syncing = status.state == State::Syncing;
    if (!m_syncing)
        m_progress->hide();
    // Green: all is well; amber: working, or waiting for the network; red: a person must act.
    QColor dot(0x2e, 0x7d, 0x32);
    switch (status.state) {
    case State::Idle:
        break;
    case State::Syncing:
    case State::Offline:
    case State::TlsError:
    case State::Error:
        dot = QColor(0xc7, 0x7c, 0x02);
        break;
    default:
        dot = QColor(0xa4, 0x00, 0x0f);
        break;
    }
    display(ErrorText::syncSummary(status), ErrorText::syncAdvice(status), dot);
    m_syncNow->setEnabled(status.state != State::Revoked && status.state != State::UpgradeRequired);
    const qint64 problems = status.conflicts + status.rejections;
    m_conflicts->setVisible(problems > 0);
    m_conflicts->setText(tr("%n conflict(s)", nullptr, int(problems)));
    m_conflicts->setAccessibleName(m_conflicts->text());
    m_conflicts->setToolTip(tr("Marks that need your choice: open Conflicts"));
}

void SyncIndicator::setProgress(const SyncProgress &progress)
{
    if (!m_syncing || progress.rows == 0)
        return;
    if (progress.totalRows > 0) {
        m_progress->setRange(0, int(std::min<qint64>(progress.totalRows, INT_MAX)));
        m_progress->setValue(int(std::min<qint64>(progress.rows, INT_MAX)));
        //: %1 rows done of %2
        m_progress->setFormat(tr("%1 of %2").arg(progress.rows).arg(progress.totalRows));
    } else {
        m_progress->setRange(0, 0);
        m_progress->setFormat(QString());
    }
    m_progress->show();
    const QString done = progress.initial ? tr("First download: %n row(s) so far", nullptr, int(progress.rows))
                                          : tr("Fetched %n change(s)", nullptr, int(progress.rows));
    m_text->setText(done);
    m_progress->setAccessibleDescription(done);
}

void SyncIndicator::setNotSyncing(const QString &summary, const QString &advice)
{
    m_progress->hide();
    m_conflicts->hide();
    display(summary, advice, QColor(0x75, 0x75, 0x75));
}

void SyncIndicator::display(const QString &summary, const QString &advice, const QColor &dot)
{
    m_text->setText(summary);
    m_text->setToolTip(advice);
    m_text->setAccessibleDescription(advice);
    m_dot->setToolTip(advice);
    m_dot->setStyleSheet(QStringLiteral("background: %1; border-radius: 6px;").arg(dot.name()));
    setToolTip(advice);
}

}  // namespace otrack
