#include "markgridmodel.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <cmath>

namespace otrack {

namespace {

// Black or white, whichever reads better on the value's colour (WCAG relative luminance).
QColor textOn(const QColor &background)
{
    auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double l = 0.2126 * channel(background.redF()) + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF());
    return l > 0.179 ? QColor(Qt::black) : QColor(Qt::white);
}

}  // namespace

MarkGridModel::MarkGridModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void MarkGridModel::setGrid(MarkGrid grid)
{
    const bool wasEditable = isEditable();
    beginResetModel();
    m_grid = std::move(grid);
    endResetModel();
    if (wasEditable != isEditable())
        Q_EMIT editableChanged(isEditable());
}

void MarkGridModel::setStaffNames(QHash<QString, QString> names)
{
    m_staffNames = std::move(names);
}

void MarkGridModel::setMayEdit(bool mayEdit)
{
    const bool wasEditable = isEditable();
    m_mayEdit = mayEdit;
    if (wasEditable != isEditable())
        Q_EMIT editableChanged(isEditable());
}

void MarkGridModel::setLocked(bool locked)
{
    const bool wasEditable = isEditable();
    m_grid.setLocked(locked);
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    if (wasEditable != isEditable())
        Q_EMIT editableChanged(isEditable());
}

void MarkGridModel::applySaved(const QList<std::pair<MarkKey, std::optional<Mark>>> &cells)
{
    for (const auto &[key, mark] : cells) {
        m_grid.setMark(key, mark);
        const auto row = m_grid.rowOf(key.pupilId);
        const auto column = m_grid.columnOf(key.objectiveId);
        if (row && column && key.termId == m_grid.term().id) {
            const QModelIndex cell = index(*row, modelColumn(*column));
            Q_EMIT dataChanged(cell, cell);
        }
    }
}

int MarkGridModel::objectiveColumn(const QModelIndex &index)
{
    return index.isValid() && index.column() >= FlagColumnCount ? index.column() - FlagColumnCount : -1;
}

QString MarkGridModel::pupilName(int row) const
{
    const Pupil &p = m_grid.pupils().at(row);
    const QString forename = p.preferredForename.isEmpty() ? p.legalForename : p.preferredForename;
    const QString surname = p.preferredSurname.isEmpty() ? p.legalSurname : p.preferredSurname;
    //: a pupil's name in the grid: %1 forename, %2 surname
    return tr("%1 %2").arg(forename, surname);
}

QString MarkGridModel::flagsText(int row) const
{
    const Pupil &p = m_grid.pupils().at(row);
    QStringList words;
    if (p.pupilPremium)
        words << tr("pupil premium");
    if (p.senStatus == u"K")
        words << tr("SEN support");
    else if (p.senStatus == u"E")
        words << tr("EHC plan");
    if (p.eal)
        words << tr("English as an additional language");
    if (p.gender == u"M")
        words << tr("boy");
    else if (p.gender == u"F")
        words << tr("girl");
    return words.isEmpty() ? tr("no flags") : words.join(QStringLiteral(", "));
}

QString MarkGridModel::valueText(const std::optional<QString> &code) const
{
    if (!code)
        return tr("not assessed");
    const ScaleValue *v = m_grid.scaleValue(*code);
    return v ? v->label : *code;
}

QString MarkGridModel::authorName(const QString &authorId) const
{
    return m_staffNames.value(authorId, tr("someone else"));
}

int MarkGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_grid.rowCount();
}

int MarkGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_grid.rowCount() == 0 ? 0 : FlagColumnCount + m_grid.columnCount();
}

QVariant MarkGridModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    if (role == PupilIdRole)
        return m_grid.pupils().at(index.row()).id;
    if (role == IsMarkCellRole)
        return index.column() >= FlagColumnCount;
    if (index.column() < FlagColumnCount)
        return flagData(index.row(), index.column(), role);
    return markData(index.row(), index.column() - FlagColumnCount, role);
}

QVariant MarkGridModel::flagData(int row, int column, int role) const
{
    const Pupil &p = m_grid.pupils().at(row);
    if (role == Qt::TextAlignmentRole)
        return Qt::AlignCenter;
    if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
        return tr("%1: %2").arg(pupilName(row), flagsText(row));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case GenderColumn:
        //: short for boy (male) in the grid's gender column
        return p.gender == u"M" ? tr("B") : p.gender == u"F" ? tr("G") : p.gender;
    case PupilPremiumColumn:
        //: short for pupil premium
        return p.pupilPremium ? tr("PP") : QString();
    case SenColumn:
        //: SEN status codes: K = SEN support, E = EHC plan
        return p.senStatus == u"K" ? tr("K") : p.senStatus == u"E" ? tr("E") : QString();
    case EalColumn:
        //: short for English as an additional language
        return p.eal ? tr("EAL") : QString();
    default:
        return {};
    }
}

QVariant MarkGridModel::markData(int row, int column, int role) const
{
    const std::optional<QString> code = m_grid.value(row, column);
    const ScaleValue *v = code ? m_grid.scaleValue(*code) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return code ? *code : QString();
    case Qt::EditRole:
    case ValueCodeRole:
        return code ? QVariant(*code) : QVariant();
    case ObjectiveIdRole:
        return m_grid.objectives().at(column).id;
    case Qt::TextAlignmentRole:
        return Qt::AlignCenter;
    case Qt::BackgroundRole: {
        // An empty cell of a locked term takes the window's colour (grey, or black in high
        // contrast): plainly not a cell to type into.
        if (!v || !QColor::isValidColorName(v->colour))
            return m_grid.term().locked ? QVariant(QGuiApplication::palette().brush(QPalette::Window)) : QVariant();
        QColor colour = QColor::fromString(v->colour);
        // A locked term's cells keep their colours, paler: readable, and plainly not live.
        if (m_grid.term().locked)
            colour = colour.lighter(150);
        return QBrush(colour);
    }
    case Qt::ForegroundRole:
        if (v && QColor::isValidColorName(v->colour))
            return QBrush(textOn(m_grid.term().locked ? QColor::fromString(v->colour).lighter(150)
                                                      : QColor::fromString(v->colour)));
        return {};
    case Qt::ToolTipRole:
        return markToolTip(row, column);
    case Qt::AccessibleTextRole:
        //: a grid cell for screen readers: %1 pupil, %2 objective code, %3 value
        return tr("%1, %2: %3").arg(pupilName(row), m_grid.objectives().at(column).code, valueText(code));
    default:
        return {};
    }
}

QString MarkGridModel::markToolTip(int row, int column) const
{
    const Objective &o = m_grid.objectives().at(column);
    QString tip = tr("%1 - %2").arg(o.code, o.statement) + QLatin1Char('\n') + pupilName(row) + QStringLiteral(": ")
        + valueText(m_grid.value(row, column));
    if (const Mark *m = m_grid.mark(row, column)) {
        const QString author = authorName(m->authorId);
        //: who last changed a mark and when: %1 name, %2 date and time
        tip += QLatin1Char('\n')
            + tr("Last changed by %1, %2")
                  .arg(author, QLocale().toString(m->updatedAt.toLocalTime(), QLocale::ShortFormat));
    }
    return tip;
}

QVariant MarkGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        if (role == Qt::DisplayRole)
            return pupilName(section);
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return tr("%1: %2").arg(pupilName(section), flagsText(section));
        return {};
    }
    if (section < FlagColumnCount) {
        static const char *const shortNames[]
            = {QT_TR_NOOP("Gender"), QT_TR_NOOP("PP"), QT_TR_NOOP("SEN"), QT_TR_NOOP("EAL")};
        static const char *const longNames[] = {QT_TR_NOOP("Gender: B boy, G girl"), QT_TR_NOOP("Pupil premium"),
                                                QT_TR_NOOP("Special educational needs: K SEN support, E EHC plan"),
                                                QT_TR_NOOP("English as an additional language")};
        if (section < 0)
            return {};
        if (role == Qt::DisplayRole)
            return tr(shortNames[section]);
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return tr(longNames[section]);
        return {};
    }
    const int column = section - FlagColumnCount;
    if (column >= m_grid.columnCount())
        return {};
    const Objective &o = m_grid.objectives().at(column);
    if (role == Qt::DisplayRole)
        return o.code;
    if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
        return tr("%1 - %2").arg(o.code, o.statement);
    return {};
}

Qt::ItemFlags MarkGridModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled;
}

}  // namespace otrack
