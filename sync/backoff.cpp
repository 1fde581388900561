#include "backoff.h"

#include <algorithm>

namespace otrack {

Backoff::Backoff(Duration initial, Duration maximum, quint32 seed)
    : m_initial(initial), m_maximum(std::max(initial, maximum)), m_random(seed)
{
}

Backoff::Duration Backoff::ceiling(int failures) const
{
    if (failures <= 0)
        return Duration(0);
    Duration delay = m_initial;
    for (int i = 1; i < failures && delay < m_maximum; ++i)
        delay *= 2;
    return std::min(delay, m_maximum);
}

Backoff::Duration Backoff::next()
{
    ++m_failures;
    const qint64 top = ceiling(m_failures).count();
    const qint64 bottom = top / 2;
    return Duration(bottom + static_cast<qint64>(m_random.bounded(static_cast<quint64>(top - bottom + 1))));
}

}  // namespace otrack
