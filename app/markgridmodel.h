#pragma once

#include "markgrid.h"

#include <QAbstractTableModel>
#include <QHash>

namespace otrack {

// The marking grid as a table: one row per pupil, four flag columns (gender, pupil premium,
// SEN, EAL), then one column per objective. Cells show the value's code on the value's colour;
// the objective's full text is the header's tooltip. The model holds what the store said; it
// never writes: GridEditor saves, then hands the saved cells back here.
class MarkGridModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum FlagColumn { GenderColumn, PupilPremiumColumn, SenColumn, EalColumn, FlagColumnCount };
    enum Role {
        PupilIdRole = Qt::UserRole + 1,
        ObjectiveIdRole,
        ValueCodeRole,  // the code in a mark cell, or an invalid QVariant
        IsMarkCellRole,
    };

    explicit MarkGridModel(QObject *parent = nullptr);

    void setGrid(MarkGrid grid);
    void setStaffNames(QHash<QString, QString> names);
    // Whether this person may change marks at all (read-only and reports-only roles may not).
    void setMayEdit(bool mayEdit);
    const MarkGrid &grid() const { return m_grid; }
    bool isEditable() const { return m_mayEdit && !m_grid.term().locked && !m_grid.isEmpty(); }
    void setLocked(bool locked);

    // Cells saved (or taken back) in the store: each key with the cell's mark now.
    void applySaved(const QList<std::pair<MarkKey, std::optional<Mark>>> &cells);

    // Grid coordinates of a model index: -1 for the flag columns.
    static int objectiveColumn(const QModelIndex &index);
    int modelColumn(int objectiveColumn) const { return objectiveColumn + FlagColumnCount; }
    QString pupilName(int row) const;
    // "Pupil premium, SEN support, EAL, girl": the flags in words.
    QString flagsText(int row) const;
    QString valueText(const std::optional<QString> &code) const;
    QString authorName(const QString &authorId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void editableChanged(bool editable);

private:
    QVariant flagData(int row, int column, int role) const;
    QVariant markData(int row, int column, int role) const;
    QString markToolTip(int row, int column) const;

    MarkGrid m_grid;
    QHash<QString, QString> m_staffNames;
    bool m_mayEdit = true;
};

}  // namespace otrack
