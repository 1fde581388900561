#include "pupilfilterproxy.h"

#include "markgridmodel.h"

namespace otrack {

PupilFilterProxy::PupilFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
}

void PupilFilterProxy::setFilter(Filter filter)
{
    m_filter = filter;
    invalidateRowsFilter();
}

void PupilFilterProxy::setNameFilter(const QString &text)
{
    m_name = text.trimmed();
    invalidateRowsFilter();
}

bool PupilFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *grid = qobject_cast<const MarkGridModel *>(sourceModel());
    if (!grid || sourceRow >= grid->grid().rowCount())
        return true;
    if (!m_name.isEmpty() && !grid->pupilName(sourceRow).contains(m_name, Qt::CaseInsensitive))
        return false;
    const Pupil &p = grid->grid().pupils().at(sourceRow);
    const bool sen = hasSen(p);
    switch (m_filter) {
    case Filter::All:
        return true;
    case Filter::PupilPremium:
        return p.pupilPremium;
    case Filter::NotPupilPremium:
        return !p.pupilPremium;
    case Filter::Sen:
        return sen;
    case Filter::NotSen:
        return !sen;
    case Filter::Eal:
        return p.eal;
    case Filter::NotEal:
        return !p.eal;
    case Filter::Boys:
        return isBoy(p);
    case Filter::Girls:
        return isGirl(p);
    }
    return true;
}

}  // namespace otrack
