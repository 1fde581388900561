#include "groupanalysis.h"

#include "csvwriter.h"

#include <cmath>
#include <functional>

namespace otrack {

namespace {

using Side = std::function<bool(const Pupil &)>;

std::optional<double> mean(double sum, int n)
{
    return n > 0 ? std::optional<double>(sum / n) : std::nullopt;
}

// Compares the pupils for whom `inA` or `inB` holds, by the points `pointsOf` gives each (no
// value: the pupil has no mark in what is compared).
Comparison compare(const QList<Pupil> &pupils, const QList<std::optional<double>> &points, const Side &inA,
                   const Side &inB)
{
    Comparison c;
    double sumA = 0, sumB = 0;
    for (int i = 0; i < pupils.size(); ++i) {
        if (!points.at(i))
            continue;
        if (inA(pupils.at(i))) {
            sumA += *points.at(i);
            ++c.pupilsA;
        } else if (inB(pupils.at(i))) {
            sumB += *points.at(i);
            ++c.pupilsB;
        }
    }
    c.meanA = mean(sumA, c.pupilsA);
    c.meanB = mean(sumB, c.pupilsB);
    return c;
}

void compareAll(AnalysisRow &row, const QList<Pupil> &pupils, const QList<std::optional<double>> &points)
{
    row.pupilPremium = compare(
        pupils, points, [](const Pupil &p) { return p.pupilPremium; }, [](const Pupil &p) { return !p.pupilPremium; });
    row.sen = compare(pupils, points, hasSen, [](const Pupil &p) { return !hasSen(p); });
    row.boysGirls = compare(pupils, points, isBoy, isGirl);
}

}  // namespace

std::optional<double> Comparison::gap() const
{
    if (!meanA || !meanB)
        return std::nullopt;
    return *meanA - *meanB;
}

std::optional<double> AnalysisRow::share(int index) const
{
    if (countedMarks == 0 || index < 0 || index >= counts.size())
        return std::nullopt;
    return double(counts.at(index)) / countedMarks;
}

GroupAnalysis GroupAnalysis::compute(const MarkGrid &grid)
{
    GroupAnalysis a;
    a.m_scale = grid.scale();
    const QList<Pupil> &pupils = grid.pupils();
    const int values = int(grid.scale().values.size());

    AnalysisRow subject;
    subject.pupils = grid.rowCount();
    subject.counts = QList<int>(values, 0);
    QList<double> pupilSums(grid.rowCount(), 0);
    QList<int> pupilMarks(grid.rowCount(), 0);

    QList<AnalysisRow> objectives;
    for (int c = 0; c < grid.columnCount(); ++c) {
        AnalysisRow row;
        row.objectiveCode = grid.objectives().at(c).code;
        row.statement = grid.objectives().at(c).statement;
        row.pupils = grid.rowCount();
        row.counts = QList<int>(values, 0);
        QList<std::optional<double>> points(grid.rowCount());
        double sum = 0;
        for (int r = 0; r < grid.rowCount(); ++r) {
            const auto code = grid.value(r, c);
            const int index = code ? grid.valueIndex(*code) : -1;
            if (index < 0)
                continue;
            const double p = grid.scale().values.at(index).points;
            ++row.counts[index];
            ++row.assessed;
            sum += p;
            points[r] = p;
            ++subject.counts[index];
            ++subject.countedMarks;
            pupilSums[r] += p;
            ++pupilMarks[r];
        }
        row.countedMarks = row.assessed;
        row.meanPoints = mean(sum, row.assessed);
        compareAll(row, pupils, points);
        objectives.append(row);
    }

    QList<std::optional<double>> pupilMeans(grid.rowCount());
    double sumOfMeans = 0;
    for (int r = 0; r < grid.rowCount(); ++r) {
        if (pupilMarks.at(r) == 0)
            continue;
        pupilMeans[r] = pupilSums.at(r) / pupilMarks.at(r);
        sumOfMeans += *pupilMeans[r];
        ++subject.assessed;
    }
    subject.meanPoints = mean(sumOfMeans, subject.assessed);
    compareAll(subject, pupils, pupilMeans);

    a.m_rows.append(subject);
    a.m_rows.append(objectives);
    return a;
}

QString GroupAnalysis::number(const std::optional<double> &value)
{
    if (!value)
        return {};
    // -0.00 reads as a gap where there is none.
    const double rounded = std::round(*value * 100) / 100;
    return QString::number(rounded == 0 ? 0.0 : rounded, 'f', 2);
}

QString GroupAnalysis::percent(const std::optional<double> &share)
{
    return share ? QString::number(std::lround(*share * 100)) : QString();
}

QStringList GroupAnalysis::header() const
{
    QStringList h{tr("Objective"), tr("Pupils"), tr("Assessed")};
    for (const ScaleValue &v : m_scale.values)
        //: a column of the analysis: the share of pupils at a value, e.g. "% Expected"
        h << tr("% %1").arg(v.label);
    h << tr("Mean points") << tr("Pupil premium") << tr("Others") << tr("Gap") << tr("SEN") << tr("Not SEN")
      << tr("Gap") << tr("Boys") << tr("Girls") << tr("Gap");
    return h;
}

QList<QStringList> GroupAnalysis::table() const
{
    QList<QStringList> lines;
    for (const AnalysisRow &row : m_rows) {
        QStringList line{row.isSubject() ? tr("All objectives") : row.objectiveCode, QString::number(row.pupils),
                         QString::number(row.assessed)};
        for (int i = 0; i < m_scale.values.size(); ++i)
            line << percent(row.share(i));
        line << number(row.meanPoints);
        for (const Comparison *c : {&row.pupilPremium, &row.sen, &row.boysGirls})
            line << number(c->meanA) << number(c->meanB) << number(c->gap());
        lines << line;
    }
    return lines;
}

Status GroupAnalysis::writeCsv(QIODevice *device) const
{
    CsvWriter csv(device);
    if (auto written = csv.writeRow(header()); !written)
        return written;
    for (const QStringList &line : table())
        if (auto written = csv.writeRow(line); !written)
            return written;
    return {};
}

}  // namespace otrack
