#pragma once

#include "markgrid.h"
#include "model.h"
#include "sessioninfo.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace otrack {

class CellDetailsPanel;
class GridEditor;
class MarkGridModel;
class MarkGridView;
class PupilFilterProxy;
class StoreWorker;

// The teacher's marking page: pickers for group, framework and term, a pupil filter, the grid
// and the details of the current cell. Everything it reads or saves goes through the store
// worker. A data manager (or the owner) can lock and unlock the term from here.
class MarkingPage : public QWidget {
    Q_OBJECT

public:
    MarkingPage(StoreWorker *worker, SessionInfo session, QWidget *parent = nullptr);

    MarkGridView *gridView() const { return m_view; }
    MarkGridModel *gridModel() const { return m_model; }
    GridEditor *editor() const { return m_editor; }
    PupilFilterProxy *filterProxy() const { return m_proxy; }
    CellDetailsPanel *detailsPanel() const { return m_details; }
    QString messageText() const;
    QString bannerText() const;

    // The ids the pickers show (empty while nothing is loaded).
    QString groupId() const;
    QString frameworkId() const;
    QString termId() const;
    // The pickers' texts, as people read them ("4 Oak (class)", "Autumn 2 2026/27").
    QString groupText() const;
    QString termText() const;
    QList<Group> groups() const { return m_groups; }
    QList<Term> terms() const { return m_terms; }
    // Chooses by id; loads the grid when the choice changed.
    void choose(const QString &groupId, const QString &frameworkId, const QString &termId);

    // Reads the pickers' lists and the grid again (after sync brought new data), keeping the
    // choices and the current cell where they still exist.
    void reload();
    // Lock or unlock the current term (data managers and owners only).
    void toggleTermLock();

    // Shows a sentence under the grid for a while (refusals, failures).
    void showMessage(const QString &sentence);

Q_SIGNALS:
    // A grid finished loading (also an empty one).
    void gridLoaded();
    // The pickers' lists are known: whether there is any data to show.
    void choicesLoaded(bool anyData);
    void currentPupilChanged(const QString &pupilId);
    void localEditMade();

private:
    void loadChoices();
    void loadGrid();
    void fillPickers();
    void updateLockState();
    void onCurrentChanged();

    StoreWorker *m_worker;
    SessionInfo m_session;
    QList<Group> m_groups;
    QList<Framework> m_frameworks;
    QList<Term> m_terms;

    MarkGridModel *m_model;
    PupilFilterProxy *m_proxy;
    GridEditor *m_editor;
    MarkGridView *m_view;
    CellDetailsPanel *m_details;
    QComboBox *m_groupPicker;
    QComboBox *m_frameworkPicker;
    QComboBox *m_termPicker;
    QComboBox *m_filterPicker;
    QLineEdit *m_search;
    QPushButton *m_lockButton;
    QLabel *m_banner;
    QLabel *m_message;
    QLabel *m_empty;
    QStackedWidget *m_stack;
    QTimer *m_messageTimer;
    bool m_filling = false;
    int m_keepRow = -1;
    int m_keepColumn = -1;
};

}  // namespace otrack
