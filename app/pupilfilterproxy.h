#pragma once

#include <QSortFilterProxyModel>

namespace otrack {

// Shows the grid's pupils that match a flag (pupil premium, SEN, EAL, boys, girls, or the
// opposite) and whose name contains the search text. Columns are never filtered.
class PupilFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class Filter { All, PupilPremium, NotPupilPremium, Sen, NotSen, Eal, NotEal, Boys, Girls };

    explicit PupilFilterProxy(QObject *parent = nullptr);

    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    void setNameFilter(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = Filter::All;
    QString m_name;
};

}  // namespace otrack
