#pragma once

#include <QRandomGenerator>

#include <chrono>

namespace otrack {

// Exponential backoff with jitter: after the n-th failure in a row, wait a random time
// between half and all of min(maximum, initial * 2^(n-1)). Many clients that lost the server at
// the same moment (a school's network came back) so spread their retries instead of arriving
// together.
class Backoff {
public:
    using Duration = std::chrono::milliseconds;

    Backoff(Duration initial, Duration maximum, quint32 seed);

    // The delay before the next attempt, and counts one more failure.
    Duration next();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

    // The ceiling for `failures` failures in a row, before jitter.
    Duration ceiling(int failures) const;

private:
    Duration m_initial;
    Duration m_maximum;
    QRandomGenerator m_random;
    int m_failures = 0;
};

}  // namespace otrack
