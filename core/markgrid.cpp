#include "markgrid.h"

namespace otrack {

MarkGrid::MarkGrid(QList<Pupil> pupils, Framework framework, Scale scale, Term term, const QList<Mark> &marks)
    : m_pupils(std::move(pupils)), m_framework(std::move(framework)), m_scale(std::move(scale)), m_term(std::move(term))
{
    m_cells.resize(qsizetype(rowCount()) * columnCount());
    for (const Mark &m : marks)
        setMark(m.key, m);
}

MarkKey MarkGrid::key(int row, int column) const
{
    return {m_pupils.at(row).id, m_framework.objectives.at(column).id, m_term.id};
}

const Mark *MarkGrid::mark(int row, int column) const
{
    const auto &cell = m_cells.at(qsizetype(row) * columnCount() + column);
    return cell ? &*cell : nullptr;
}

std::optional<QString> MarkGrid::value(int row, int column) const
{
    const Mark *m = mark(row, column);
    return m ? m->value : std::nullopt;
}

void MarkGrid::setMark(const MarkKey &key, const std::optional<Mark> &mark)
{
    if (key.termId != m_term.id)
        return;
    const auto row = rowOf(key.pupilId);
    const auto column = columnOf(key.objectiveId);
    if (!row || !column)
        return;
    m_cells[qsizetype(*row) * columnCount() + *column] = mark;
}

std::optional<int> MarkGrid::rowOf(const QString &pupilId) const
{
    for (int i = 0; i < rowCount(); ++i)
        if (m_pupils.at(i).id == pupilId)
            return i;
    return std::nullopt;
}

std::optional<int> MarkGrid::columnOf(const QString &objectiveId) const
{
    for (int i = 0; i < columnCount(); ++i)
        if (m_framework.objectives.at(i).id == objectiveId)
            return i;
    return std::nullopt;
}

const ScaleValue *MarkGrid::scaleValue(const QString &code) const
{
    const int i = valueIndex(code);
    return i < 0 ? nullptr : &m_scale.values.at(i);
}

int MarkGrid::valueIndex(const QString &code) const
{
    for (int i = 0; i < m_scale.values.size(); ++i)
        if (m_scale.values.at(i).code == code)
            return i;
    return -1;
}

std::optional<std::optional<QString>> MarkGrid::parseValue(const QString &text) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return std::optional<QString>();
    // Keys first: "E" is Expected's key even where another value's label starts with E.
    for (QString ScaleValue::*field : {&ScaleValue::shortcut, &ScaleValue::code, &ScaleValue::label}) {
        for (const ScaleValue &v : m_scale.values) {
            const QString &candidate = v.*field;
            if (!candidate.isEmpty() && candidate.compare(wanted, Qt::CaseInsensitive) == 0)
                return std::optional<QString>(v.code);
        }
    }
    return std::nullopt;
}

}  // namespace otrack
