#include "markgridview.h"

#include "markgridmodel.h"
#include "pupilfilterproxy.h"
#include "tsvtable.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

#include <algorithm>

namespace otrack {

MarkGridView::MarkGridView(MarkGridModel *model, PupilFilterProxy *proxy, GridEditor *editor, QWidget *parent)
    : QTableView(parent), m_model(model), m_proxy(proxy), m_editor(editor)
{
    setObjectName(QStringLiteral("markGrid"));
    setAccessibleName(tr("Marking grid"));
    setAccessibleDescription(tr("Pupils in rows, objectives in columns. Type a value's key to mark a cell."));
    setModel(proxy);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTabKeyNavigation(false);
    setWordWrap(false);
    setCornerButtonEnabled(true);
    horizontalHeader()->setDefaultSectionSize(58);
    horizontalHeader()->setMinimumSectionSize(36);
    horizontalHeader()->setHighlightSections(true);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);

    auto action = [this](const QString &text, const QKeySequence &keys, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_copy = action(tr("&Copy"), QKeySequence::Copy, [this] { QApplication::clipboard()->setText(selectionAsText()); });
    m_paste = action(tr("&Paste"), QKeySequence::Paste, [this] { pasteText(QApplication::clipboard()->text()); });
    m_clear = action(tr("C&lear marks"), QKeySequence::Delete, &MarkGridView::clearSelectedCells);
    m_fillDown = action(tr("Fill &down"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] { fill(Qt::Vertical); });
    m_fillRight = action(tr("Fill &right"), QKeySequence(Qt::CTRL | Qt::Key_R), [this] { fill(Qt::Horizontal); });
}

MarkGridView::Cell MarkGridView::cellAt(const QModelIndex &proxyIndex) const
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    return {source.row(), MarkGridModel::objectiveColumn(source)};
}

QModelIndexList MarkGridView::selectedCells() const
{
    QModelIndexList cells = selectionModel()->selectedIndexes();
    if (cells.isEmpty() && currentIndex().isValid())
        cells.append(currentIndex());
    return cells;
}

void MarkGridView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        moveOn(event->modifiers() & Qt::ShiftModifier, true);
        return;
    case Qt::Key_Backspace:
        clearSelectedCells();
        return;
    default:
        break;
    }
    const QString text = event->text();
    if (mods == Qt::NoModifier && text.size() == 1 && text.at(0).isPrint() && !text.at(0).isSpace()) {
        if (cellAt(currentIndex()).column < 0) {
            Q_EMIT message(tr("Choose a mark cell (an objective's column) to type a mark."));
            return;
        }
        const auto value = m_model->grid().parseValue(text);
        if (!value || !*value) {
            QStringList keys;
            for (const ScaleValue &v : m_model->grid().scale().values)
                keys << tr("%1 %2").arg(v.shortcut, v.label);
            //: %1 is the key typed, %2 the keys of the scale, e.g. "W Working towards, E Expected"
            Q_EMIT message(
                tr("\"%1\" is not a mark on this scale. Keys: %2.").arg(text, keys.join(QStringLiteral(", "))));
            return;
        }
        typeValue(*value);
        return;
    }
    QTableView::keyPressEvent(event);
}

void MarkGridView::typeValue(const std::optional<QString> &value)
{
    const Cell cell = cellAt(currentIndex());
    if (cell.column < 0)
        return;
    m_editor->apply({{cell.row, cell.column, value}}, tr("Mark %1").arg(value.value_or(QString())));
    if (m_model->isEditable())
        moveOn();
}

void MarkGridView::moveOn(bool backwards, bool alwaysDown)
{
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return;
    const int rows = m_proxy->rowCount();
    const int columns = m_proxy->columnCount();
    int row = current.row();
    int column = current.column();
    const int step = backwards ? -1 : 1;
    // At the end of a column (or row), the next one starts: marking goes on without a reach
    // for the mouse.
    if (alwaysDown || m_advance == Advance::Down) {
        row += step;
        if (!alwaysDown && row >= rows && column + 1 < columns) {
            row = 0;
            ++column;
        }
    } else {
        column += step;
        if (column >= columns && row + 1 < rows) {
            column = MarkGridModel::FlagColumnCount;
            ++row;
        }
    }
    row = std::clamp(row, 0, rows - 1);
    column = std::clamp(column, 0, columns - 1);
    const QModelIndex next = m_proxy->index(row, column);
    selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect);
    scrollTo(next);
}

QString MarkGridView::selectionAsText() const
{
    const QModelIndexList cells = selectedCells();
    if (cells.isEmpty())
        return {};
    int top = INT_MAX, left = INT_MAX, bottom = -1, right = -1;
    for (const QModelIndex &i : cells) {
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
    }
    QList<QStringList> rows;
    for (int r = top; r <= bottom; ++r) {
        QStringList row;
        for (int c = left; c <= right; ++c)
            row << m_proxy->index(r, c).data(Qt::DisplayRole).toString();
        rows << row;
    }
    return TsvTable::format(rows);
}

void MarkGridView::pasteText(const QString &text)
{
    const QList<QStringList> block = TsvTable::parse(text);
    const QModelIndexList cells = selectedCells();
    if (block.isEmpty() || cells.isEmpty())
        return;
    const MarkGrid &grid = m_model->grid();

    auto parse = [&](const QString &cellText, int r, int c) -> std::optional<std::optional<QString>> {
        auto value = grid.parseValue(cellText);
        if (!value)
            //: a pasted text that is no value: %1 the text, %2 and %3 its row and column in the pasted block
            Q_EMIT message(tr("Nothing was pasted: \"%1\" (row %2, column %3 of the copied cells) is not a mark on "
                              "this scale.")
                               .arg(cellText.left(40))
                               .arg(r + 1)
                               .arg(c + 1));
        return value;
    };

    QList<CellEdit> edits;
    if (block.size() == 1 && block.first().size() == 1) {
        // One value into a selection fills it, as in Excel.
        const auto value = parse(block.first().first(), 0, 0);
        if (!value)
            return;
        for (const QModelIndex &i : cells) {
            const Cell cell = cellAt(i);
            if (cell.column >= 0)
                edits.append({cell.row, cell.column, *value});
        }
    } else {
        int top = INT_MAX, left = INT_MAX;
        for (const QModelIndex &i : cells) {
            top = std::min(top, i.row());
            left = std::min(left, i.column());
        }
        qsizetype width = 0;
        for (const QStringList &row : block)
            width = std::max(width, row.size());
        if (left < MarkGridModel::FlagColumnCount) {
            Q_EMIT message(tr("Nothing was pasted: choose the first mark cell to paste into."));
            return;
        }
        if (top + block.size() > m_proxy->rowCount() || left + width > m_proxy->columnCount()) {
            //: %1 x %2: rows and columns of the copied cells
            Q_EMIT message(tr("Nothing was pasted: the %1 x %2 copied cells do not fit from the selected cell.")
                               .arg(block.size())
                               .arg(width));
            return;
        }
        for (int r = 0; r < block.size(); ++r) {
            for (int c = 0; c < width; ++c) {
                const QString cellText = c < block.at(r).size() ? block.at(r).at(c) : QString();
                const auto value = parse(cellText, r, c);
                if (!value)
                    return;
                const Cell cell = cellAt(m_proxy->index(top + r, left + c));
                edits.append({cell.row, cell.column, *value});
            }
        }
    }
    m_editor->apply(edits, tr("Paste"));
}

void MarkGridView::clearSelectedCells()
{
    QList<CellEdit> edits;
    for (const QModelIndex &i : selectedCells()) {
        const Cell cell = cellAt(i);
        if (cell.column >= 0)
            edits.append({cell.row, cell.column, std::nullopt});
    }
    m_editor->apply(edits, tr("Clear marks"));
}

void MarkGridView::fill(Qt::Orientation direction)
{
    const QModelIndexList cells = selectedCells();
    // The first cell of each column (fill down) or row (fill right) is copied over the rest.
    QHash<int, std::pair<int, std::optional<QString>>> sources;
    for (const QModelIndex &i : cells) {
        const int line = direction == Qt::Vertical ? i.column() : i.row();
        const int along = direction == Qt::Vertical ? i.row() : i.column();
        const Cell cell = cellAt(i);
        if (cell.column < 0)
            continue;
        auto it = sources.find(line);
        if (it == sources.end() || along < it->first)
            sources.insert(line, {along, m_model->grid().value(cell.row, cell.column)});
    }
    QList<CellEdit> edits;
    for (const QModelIndex &i : cells) {
        const Cell cell = cellAt(i);
        const int line = direction == Qt::Vertical ? i.column() : i.row();
        const int along = direction == Qt::Vertical ? i.row() : i.column();
        if (cell.column >= 0 && sources.contains(line) && along != sources.value(line).first)
            edits.append({cell.row, cell.column, sources.value(line).second});
    }
    if (edits.isEmpty()) {
        Q_EMIT message(direction == Qt::Vertical ? tr("Select cells below a mark to fill down.")
                                                 : tr("Select cells to the right of a mark to fill right."));
        return;
    }
    m_editor->apply(edits, direction == Qt::Vertical ? tr("Fill down") : tr("Fill right"));
}

void MarkGridView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    if (cellAt(currentIndex()).column >= 0 && m_model->isEditable()) {
        for (const ScaleValue &v : m_model->grid().scale().values) {
            //: a context menu entry: %1 the value's label, %2 its key
            QAction *set = menu.addAction(tr("%1\t%2").arg(v.label, v.shortcut));
            connect(set, &QAction::triggered, this, [this, code = v.code] {
                QList<CellEdit> edits;
                for (const QModelIndex &i : selectedCells()) {
                    const Cell cell = cellAt(i);
                    if (cell.column >= 0)
                        edits.append({cell.row, cell.column, code});
                }
                m_editor->apply(edits, tr("Mark %1").arg(code));
            });
        }
        menu.addSeparator();
    }
    menu.addActions({m_copy, m_paste, m_clear, m_fillDown, m_fillRight});
    menu.exec(event->globalPos());
}

}  // namespace otrack
