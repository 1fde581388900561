#pragma once

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace otrack {

class MarkGridModel;

// Beside the grid: the current cell's objective in full, the pupil and their flags, the mark
// with who set it and when, and the scale's keys and colours.
class CellDetailsPanel : public QFrame {
    Q_OBJECT

public:
    explicit CellDetailsPanel(MarkGridModel *model, QWidget *parent = nullptr);

    // Grid coordinates; a column of -1 (a flag column) shows the pupil only.
    void showCell(int row, int column);
    void clear();
    void updateLegend();
    QString objectiveText() const;

private:
    MarkGridModel *m_model;
    QLabel *m_objectiveCode;
    QLabel *m_objectiveText;
    QLabel *m_pupil;
    QLabel *m_mark;
    QLabel *m_legendTitle;
    QVBoxLayout *m_legend;
};

}  // namespace otrack
