#pragma once

#include "syncprogress.h"
#include "syncstatus.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace otrack {

// The status bar's sync indicator: online or offline, changes waiting, conflicts, the last
// sync, problems, with a tooltip that says what to do; the progress of a long download; and
// "Sync now".
class SyncIndicator : public QWidget {
    Q_OBJECT

public:
    explicit SyncIndicator(QWidget *parent = nullptr);

    void setStatus(const SyncStatus &status);
    void setProgress(const SyncProgress &progress);
    // Before sync has started (no server, or waiting for something the person must do).
    void setNotSyncing(const QString &summary, const QString &advice);

    QString text() const;
    QString advice() const;
    QToolButton *syncNowButton() const { return m_syncNow; }
    QToolButton *conflictsButton() const { return m_conflicts; }

protected:
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void syncNowRequested();
    void conflictsRequested();

private:
    void retranslate();
    void display(const QString &summary, const QString &advice, const QColor &dot);

    QLabel *m_dot;
    QLabel *m_text;
    QProgressBar *m_progress;
    QToolButton *m_conflicts;
    QToolButton *m_syncNow;
    bool m_syncing = false;
};

}  // namespace otrack
