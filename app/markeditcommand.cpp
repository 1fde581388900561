#include "markeditcommand.h"

#include "grideditor.h"

namespace otrack {

MarkEditCommand::MarkEditCommand(GridEditor *editor, QList<MarkEdit> edits, QList<RecordedEdit> recorded,
                                 const QString &text)
    : QUndoCommand(text), m_editor(editor), m_edits(std::move(edits)), m_recorded(std::move(recorded))
{
}

void MarkEditCommand::undo()
{
    if (!m_editor->m_replaying)
        m_editor->runStep(this, GridEditor::Direction::Undo);
}

void MarkEditCommand::redo()
{
    if (!m_pushed) {
        m_pushed = true;
        return;
    }
    if (!m_editor->m_replaying)
        m_editor->runStep(this, GridEditor::Direction::Redo);
}

}  // namespace otrack
