#pragma once

#include "conflictstore.h"
#include "sessioninfo.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace otrack {

class StoreWorker;

// Marks where a teacher's edit lost to a newer value on the server: both values, who set them
// and when; keep mine or take theirs, one by one or all at once (ConflictStore). Below, the
// edits the server refused, with the reason.
class ConflictsPage : public QWidget {
    Q_OBJECT

public:
    ConflictsPage(StoreWorker *worker, SessionInfo session, QWidget *parent = nullptr);

    void reload();
    // Resolves the selected conflicts (all of them with `all`).
    void resolve(ConflictStore::Choice choice, bool all);
    int conflictCount() const;
    QTableView *conflictsView() const { return m_conflicts; }
    QTableView *rejectionsView() const { return m_rejections; }

Q_SIGNALS:
    void loaded(int conflicts);
    // A choice was saved: the grid reloads; "keep mine" queued an edit for sync.
    void resolved();

private:
    StoreWorker *m_worker;
    SessionInfo m_session;
    QList<MarkConflict> m_items;
    QLabel *m_summary;
    QTableView *m_conflicts;
    QStandardItemModel *m_conflictModel;
    QTableView *m_rejections;
    QStandardItemModel *m_rejectionModel;
    QPushButton *m_keepMine;
    QPushButton *m_takeTheirs;
    QPushButton *m_keepAllMine;
    QPushButton *m_takeAllTheirs;
};

}  // namespace otrack
