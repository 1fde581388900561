#pragma once

#include "model.h"

#include <QList>
#include <QString>

#include <optional>

namespace otrack {

// One marking grid: a group's pupils (rows) against a framework's objectives (columns) in one
// term, with the framework's scale and the marks that exist. Pure data and the rules that read
// it (which value a typed or pasted text means), shared by the grid, the analysis and the
// benchmarks; filled from the store by GridReader.
class MarkGrid {
public:
    MarkGrid() = default;
    MarkGrid(QList<Pupil> pupils, Framework framework, Scale scale, Term term, const QList<Mark> &marks);

    const QList<Pupil> &pupils() const { return m_pupils; }
    const Framework &framework() const { return m_framework; }
    const QList<Objective> &objectives() const { return m_framework.objectives; }
    const Scale &scale() const { return m_scale; }
    const Term &term() const { return m_term; }
    int rowCount() const { return static_cast<int>(m_pupils.size()); }
    int columnCount() const { return static_cast<int>(m_framework.objectives.size()); }
    bool isEmpty() const { return rowCount() == 0 || columnCount() == 0; }

    MarkKey key(int row, int column) const;
    // The cell's mark, or null when nothing was ever recorded there.
    const Mark *mark(int row, int column) const;
    // The value code in the cell, if any (a cleared mark has none).
    std::optional<QString> value(int row, int column) const;
    // Replaces (or, with no value and no row in the store, removes) one cell's mark. Marks
    // for cells outside the grid are ignored.
    void setMark(const MarkKey &key, const std::optional<Mark> &mark);
    void setLocked(bool locked) { m_term.locked = locked; }
    std::optional<int> rowOf(const QString &pupilId) const;
    std::optional<int> columnOf(const QString &objectiveId) const;

    // The scale value with this code, or null.
    const ScaleValue *scaleValue(const QString &code) const;
    // The position of the value on the scale (0 = lowest), or -1.
    int valueIndex(const QString &code) const;
    // What a teacher typed or pasted, as a value code: a value's key, code or label, in any
    // letter case, surrounding spaces ignored. An empty text clears the cell (std::nullopt in
    // the inner optional); a text that names no value on this scale gives std::nullopt.
    std::optional<std::optional<QString>> parseValue(const QString &text) const;

private:
    QList<Pupil> m_pupils;
    Framework m_framework;
    Scale m_scale;
    Term m_term;
    QList<std::optional<Mark>> m_cells;  // row-major
};

}  // namespace otrack
