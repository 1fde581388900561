#include "celldetailspanel.h"

#include "markgridmodel.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace otrack {

CellDetailsPanel::CellDetailsPanel(MarkGridModel *model, QWidget *parent) : QFrame(parent), m_model(model)
{
    setObjectName(QStringLiteral("cellDetails"));
    setAccessibleName(tr("Cell details"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(220);

    auto label = [this](const char *name, bool wrap) {
        auto *l = new QLabel(this);
        l->setObjectName(QLatin1String(name));
        l->setWordWrap(wrap);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        return l;
    };
    m_objectiveCode = label("objectiveCode", false);
    QFont bold = m_objectiveCode->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_objectiveCode->setFont(bold);
    m_objectiveCode->setAccessibleName(tr("Objective"));
    m_objectiveText = label("objectiveText", true);
    m_objectiveText->setAccessibleName(tr("Objective statement"));
    m_pupil = label("pupilDetails", true);
    m_pupil->setAccessibleName(tr("Pupil"));
    m_mark = label("markDetails", true);
    m_mark->setAccessibleName(tr("Mark"));
    m_legendTitle = new QLabel(tr("Keys"), this);
    m_legendTitle->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_objectiveCode);
    layout->addWidget(m_objectiveText);
    layout->addSpacing(8);
    layout->addWidget(m_pupil);
    layout->addWidget(m_mark);
    layout->addSpacing(12);
    layout->addWidget(m_legendTitle);
    m_legend = new QVBoxLayout;
    layout->addLayout(m_legend);
    layout->addStretch(1);
    clear();
}

void CellDetailsPanel::clear()
{
    m_objectiveCode->setText(tr("No cell selected"));
    m_objectiveText->setText(tr("Choose a cell to see its objective in full."));
    m_pupil->clear();
    m_mark->clear();
}

QString CellDetailsPanel::objectiveText() const
{
    return m_objectiveText->text();
}

void CellDetailsPanel::showCell(int row, int column)
{
    const MarkGrid &grid = m_model->grid();
    if (row < 0 || row >= grid.rowCount()) {
        clear();
        return;
    }
    //: the pupil line of the details panel: %1 name, %2 their flags in words
    m_pupil->setText(tr("%1 (%2)").arg(m_model->pupilName(row), m_model->flagsText(row)));
    if (column < 0 || column >= grid.columnCount()) {
        m_objectiveCode->setText(m_model->pupilName(row));
        m_objectiveText->setText(tr("Choose a mark cell to see its objective in full."));
        m_mark->clear();
        return;
    }
    const Objective &o = grid.objectives().at(column);
    m_objectiveCode->setText(o.code);
    m_objectiveText->setText(o.statement);
    QString mark = m_model->valueText(grid.value(row, column));
    if (const Mark *m = grid.mark(row, column)) {
        //: %1 value, %2 who changed it, %3 date and time
        mark = tr("%1, set by %2, %3")
                   .arg(mark, m_model->authorName(m->authorId),
                        QLocale().toString(m->updatedAt.toLocalTime(), QLocale::ShortFormat));
    }
    if (grid.term().locked)
        mark += QLatin1Char('\n') + tr("This term is locked: read only.");
    m_mark->setText(mark);
}

void CellDetailsPanel::updateLegend()
{
    while (QLayoutItem *item = m_legend->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const ScaleValue &v : m_model->grid().scale().values) {
        auto *entry = new QLabel(this);
        //: one line of the scale's legend: %1 key, %2 code, %3 label
        entry->setText(tr("%1   %2   %3").arg(v.shortcut, v.code, v.label));
        entry->setAccessibleName(tr("Key %1: %2").arg(v.shortcut, v.label));
        QPalette p = entry->palette();
        const QColor colour = QColor::fromString(v.colour);
        if (colour.isValid()) {
            entry->setAutoFillBackground(true);
            p.setColor(QPalette::Window, colour);
            p.setColor(QPalette::WindowText, colour.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white));
            entry->setPalette(p);
        }
        entry->setContentsMargins(6, 3, 6, 3);
        m_legend->addWidget(entry);
    }
    //: the Delete key clears a cell
    auto *clearHint = new QLabel(tr("Delete   clears the cell"), this);
    m_legend->addWidget(clearHint);
}

}  // namespace otrack
