#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <vector>

namespace otrack::bench {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Percentile of a sample (nearest rank), in the sample's unit.
inline double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(rank, samples.size() - 1)];
}

// Prints rows as a Markdown table, ready to paste into docs/performance.md.
class Table {
public:
    explicit Table(QStringList header) : m_header(std::move(header)) { }
    void add(QStringList row) { m_rows.append(std::move(row)); }
    void print(QTextStream &out) const
    {
        out << "| " << m_header.join(QStringLiteral(" | ")) << " |\n|";
        for (qsizetype i = 0; i < m_header.size(); ++i)
            out << "---|";
        out << '\n';
        for (const auto &row : m_rows)
            out << "| " << row.join(QStringLiteral(" | ")) << " |\n";
        out.flush();
    }

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

inline QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 3 : 1) + QStringLiteral(" ms");
}

}  // namespace otrack::bench
