#include "grideditor.h"

#include "errortext.h"
#include "logging.h"
#include "markeditcommand.h"
#include "markgridmodel.h"
#include "storeworker.h"

#include <functional>

namespace otrack {

namespace {

struct StepResult {
    Result<QList<RecordedEdit>> recorded;
    QList<std::pair<MarkKey, std::optional<Mark>>> cells;
};

// Runs one step on the store (a save, a redo or an undo), then reads the edited cells back, so
// the grid shows exactly what the store now holds.
StepResult storeStep(LocalStore &store, const QString &school, const QString &actor, const QList<MarkEdit> &edits,
                     const std::function<Result<QList<RecordedEdit>>(MarkStore &)> &step)
{
    MarkStore marks(store.database(), school, actor);
    StepResult r{step(marks), {}};
    if (!r.recorded)
        return r;
    for (const MarkEdit &e : edits) {
        auto m = marks.mark(e.key);
        if (!m) {
            r.recorded = m.error();
            break;
        }
        r.cells.append({e.key, m.value()});
    }
    return r;
}

}  // namespace

GridEditor::GridEditor(StoreWorker *worker, MarkGridModel *model, QString schoolId, QString actorId, QObject *parent)
    : QObject(parent), m_worker(worker), m_model(model), m_schoolId(std::move(schoolId)), m_actorId(std::move(actorId))
{
}

GridEditor::~GridEditor()
{
    // Commands refer back to this editor; they go before it does, silently (the window that
    // shows the stack's state is going too).
    m_undo.blockSignals(true);
    m_undo.clear();
}

void GridEditor::gridChanged()
{
    m_deferred.clear();
    // A running step refers to its command: clear once it is back.
    if (m_running > 0)
        m_clearWhenDone = true;
    else
        m_undo.clear();
}

void GridEditor::apply(const QList<CellEdit> &edits, const QString &description)
{
    if (!m_model->isEditable()) {
        Q_EMIT failed(m_model->grid().term().locked ? lockedSentence()
                                                    : tr("You can read these marks but not change them."));
        return;
    }
    const MarkGrid &grid = m_model->grid();
    QList<MarkEdit> changes;
    for (const CellEdit &e : edits) {
        if (e.row < 0 || e.row >= grid.rowCount() || e.column < 0 || e.column >= grid.columnCount())
            continue;
        if (grid.value(e.row, e.column) == e.value)
            continue;
        const Mark *existing = grid.mark(e.row, e.column);
        // A new value keeps the cell's note: the note is about the pupil's work, not the value.
        changes.append({grid.key(e.row, e.column), e.value, existing ? existing->note : QString()});
    }
    if (changes.isEmpty())
        return;

    ++m_running;
    m_worker->run(
        this,
        [changes, school = m_schoolId, actor = m_actorId](LocalStore &store) {
            return storeStep(store, school, actor, changes,
                             [&](MarkStore &marks) { return marks.recordForUndo(changes); });
        },
        [this, changes, description](StepResult r) {
            if (!r.recorded) {
                qCWarning(lcUi) << "a grid edit was not saved:" << errorCodeName(r.recorded.error().code);
                Q_EMIT failed(sentenceFor(r.recorded.error()));
            } else {
                m_model->applySaved(r.cells);
                m_undo.push(new MarkEditCommand(this, changes, r.recorded.value(), description));
                Q_EMIT saved(static_cast<int>(r.cells.size()));
                Q_EMIT localEditMade();
            }
            stepDone();
        });
}

void GridEditor::undo()
{
    if (m_running > 0)
        m_deferred.append(Direction::Undo);
    else
        m_undo.undo();
}

void GridEditor::redo()
{
    if (m_running > 0)
        m_deferred.append(Direction::Redo);
    else
        m_undo.redo();
}

void GridEditor::runStep(MarkEditCommand *command, Direction direction)
{
    ++m_running;
    const QList<MarkEdit> edits = command->edits();
    const QList<RecordedEdit> recorded = command->recorded();
    m_worker->run(
        this,
        [edits, recorded, direction, school = m_schoolId, actor = m_actorId](LocalStore &store) {
            return storeStep(store, school, actor, edits, [&](MarkStore &marks) -> Result<QList<RecordedEdit>> {
                if (direction == Direction::Redo)
                    return marks.recordForUndo(edits);
                if (auto undone = marks.undo(recorded); !undone)
                    return undone.error();
                return QList<RecordedEdit>();
            });
        },
        [this, command, direction](StepResult r) {
            if (!r.recorded) {
                qCWarning(lcUi) << "an undo or redo was not saved:" << errorCodeName(r.recorded.error().code);
                Q_EMIT failed(sentenceFor(r.recorded.error()));
                // The stack moved already; move it back without touching the store.
                m_replaying = true;
                if (direction == Direction::Undo)
                    m_undo.redo();
                else
                    m_undo.undo();
                m_replaying = false;
            } else {
                if (direction == Direction::Redo)
                    command->setRecorded(r.recorded.value());
                m_model->applySaved(r.cells);
                Q_EMIT saved(static_cast<int>(r.cells.size()));
                Q_EMIT localEditMade();
            }
            stepDone();
        });
}

void GridEditor::stepDone()
{
    if (--m_running > 0)
        return;
    if (m_clearWhenDone) {
        m_clearWhenDone = false;
        m_undo.clear();
    }
    if (m_deferred.isEmpty())
        return;
    const Direction next = m_deferred.takeFirst();
    if (next == Direction::Undo)
        m_undo.undo();
    else
        m_undo.redo();
}

QString GridEditor::lockedSentence() const
{
    //: %1 is the term, e.g. "Autumn 2"
    return tr("%1 is locked: its marks can be read but not changed. Ask your data manager if a mark must change.")
        .arg(m_model->grid().term().name);
}

QString GridEditor::sentenceFor(const Error &error) const
{
    if (error.code == ErrorCode::Locked)
        return lockedSentence();
    return tr("Not saved: %1").arg(ErrorText::forStore(error.code));
}

}  // namespace otrack
