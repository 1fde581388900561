#pragma once

#include "markstore.h"

#include <QUndoCommand>

namespace otrack {

class GridEditor;

// One saved grid step on the undo stack: the edits as made, and what the store recorded for
// them (the ops queued and the cells as they were), refreshed at each redo.
class MarkEditCommand : public QUndoCommand {
public:
    MarkEditCommand(GridEditor *editor, QList<MarkEdit> edits, QList<RecordedEdit> recorded, const QString &text);

    const QList<MarkEdit> &edits() const { return m_edits; }
    const QList<RecordedEdit> &recorded() const { return m_recorded; }
    void setRecorded(QList<RecordedEdit> recorded) { m_recorded = std::move(recorded); }

    void undo() override;
    // The first redo comes from QUndoStack::push, after the step was already saved.
    void redo() override;

private:
    GridEditor *m_editor;
    QList<MarkEdit> m_edits;
    QList<RecordedEdit> m_recorded;
    bool m_pushed = false;
};

}  // namespace otrack
