#pragma once

#include "grideditor.h"

#include <QTableView>

class QAction;

namespace otrack {

class MarkGridModel;
class PupilFilterProxy;

// The marking grid, keyboard first: type a value's key and the cursor moves on (down, or
// right); arrows move; Enter moves down (Shift+Enter up); Delete clears the selection; Ctrl+D
// fills down and Ctrl+R right, as in Excel; Ctrl+C and Ctrl+V copy and paste rectangular
// ranges as tab-separated text (to and from Excel); Ctrl+Z and Ctrl+Y undo and redo. Tab
// leaves the grid, so the rest of the window stays reachable by keyboard.
class MarkGridView : public QTableView {
    Q_OBJECT

public:
    enum class Advance { Down, Right };

    MarkGridView(MarkGridModel *model, PupilFilterProxy *proxy, GridEditor *editor, QWidget *parent = nullptr);

    void setAdvance(Advance advance) { m_advance = advance; }
    Advance advance() const { return m_advance; }

    QAction *copyAction() const { return m_copy; }
    QAction *pasteAction() const { return m_paste; }
    QAction *clearAction() const { return m_clear; }
    QAction *fillDownAction() const { return m_fillDown; }
    QAction *fillRightAction() const { return m_fillRight; }

    // The selected block as tab-separated text (what Ctrl+C puts on the clipboard).
    QString selectionAsText() const;
    // Pastes tab-separated text at the selection's top-left cell. A single value fills every
    // selected cell. Refused as a whole, with a message, when a value is not on the scale or
    // the block does not fit.
    void pasteText(const QString &text);
    void clearSelectedCells();
    void fill(Qt::Orientation direction);

Q_SIGNALS:
    // A short sentence for the status bar (what was refused and why).
    void message(const QString &sentence);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Cell {
        int row;  // grid row (source model)
        int column;  // objective column, -1 for the flag columns
    };
    Cell cellAt(const QModelIndex &proxyIndex) const;
    QModelIndexList selectedCells() const;
    void typeValue(const std::optional<QString> &value);
    void moveOn(bool backwards = false, bool alwaysDown = false);

    MarkGridModel *m_model;
    PupilFilterProxy *m_proxy;
    GridEditor *m_editor;
    Advance m_advance = Advance::Down;
    QAction *m_copy;
    QAction *m_paste;
    QAction *m_clear;
    QAction *m_fillDown;
    QAction *m_fillRight;
};

}  // namespace otrack
