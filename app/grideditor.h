#pragma once

#include "markgrid.h"
#include "markstore.h"

#include <QObject>
#include <QUndoStack>

namespace otrack {

class MarkEditCommand;
class MarkGridModel;
class StoreWorker;

// One cell to change, in grid coordinates (pupil row, objective column), and its new value
// (none clears the cell).
struct CellEdit {
    int row = 0;
    int column = 0;
    std::optional<QString> value;
};

// Saves the grid's edits: each typed key, paste, fill or clear is one step, written to the
// store at once in one transaction with its outbox entries (MarkStore), then shown in the
// grid, and undoable. Undo and redo go through the store too (MarkStore::undo), so what the
// grid shows is always what is saved. Steps run in order on the store's thread; an undo asked
// for while a save is still running waits for it.
class GridEditor : public QObject {
    Q_OBJECT

public:
    GridEditor(StoreWorker *worker, MarkGridModel *model, QString schoolId, QString actorId, QObject *parent = nullptr);
    ~GridEditor() override;

    QUndoStack *undoStack() { return &m_undo; }
    // Saves the edits as one step, leaving out cells that already hold the value. Refused with
    // a message when the grid is read-only (a locked term, or a role that may not mark).
    void apply(const QList<CellEdit> &edits, const QString &description);
    void undo();
    void redo();
    bool isSaving() const { return m_running > 0; }
    // A new grid was loaded: earlier steps belong to another grid and can no longer be undone here.
    void gridChanged();

Q_SIGNALS:
    // A step (or its undo or redo) is in the store; `cells` changed.
    void saved(int cells);
    // A step could not be saved; nothing of it was.
    void failed(const QString &sentence);
    // Something new waits in the outbox.
    void localEditMade();

private:
    friend class MarkEditCommand;
    enum class Direction { Undo, Redo };
    using SavedCells = QList<std::pair<MarkKey, std::optional<Mark>>>;

    void runStep(MarkEditCommand *command, Direction direction);
    void stepDone();
    QString sentenceFor(const Error &error) const;
    QString lockedSentence() const;

    StoreWorker *m_worker;
    MarkGridModel *m_model;
    QString m_schoolId;
    QString m_actorId;
    QUndoStack m_undo;
    int m_running = 0;
    QList<Direction> m_deferred;
    // Set while the stack's index is moved back after a failed undo or redo: the command's
    // undo()/redo() must not go to the store then.
    bool m_replaying = false;
    bool m_clearWhenDone = false;
};

}  // namespace otrack
