#pragma once

#include "markgrid.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

class QIODevice;

namespace otrack {

// Two groups of pupils compared by their mean points: pupil premium against the rest, SEN
// (support or an EHC plan) against the rest, boys against girls. Only pupils with at least one
// mark in what is compared count; a side with none has no mean, and then there is no gap.
struct Comparison {
    int pupilsA = 0;
    int pupilsB = 0;
    std::optional<double> meanA;
    std::optional<double> meanB;

    // A's mean minus B's: positive when group A is ahead.
    std::optional<double> gap() const;
};

// One line of the analysis: one objective, or the whole subject (every objective of the
// framework together).
struct AnalysisRow {
    QString objectiveCode;  // empty for the subject line
    QString statement;
    int pupils = 0;  // in the group
    int assessed = 0;  // objective: pupils with a mark; subject: pupils with at least one mark
    // Objective: pupils at each scale value (scale order). Subject: marks at each value.
    QList<int> counts;
    int countedMarks = 0;  // the denominator of the shares: `assessed` for an objective, the
                           // number of marks for the subject
    // Objective: mean points of the marked pupils. Subject: mean of each pupil's mean points.
    std::optional<double> meanPoints;
    Comparison pupilPremium;
    Comparison sen;
    Comparison boysGirls;

    bool isSubject() const { return objectiveCode.isEmpty(); }
    // The share (0..1) at scale value `index`, or nothing when nothing was counted.
    std::optional<double> share(int index) const;
};

// The analysis of one grid (a group, a framework, a term): how many pupils reached each scale
// value, per objective and for the subject, and the gaps between groups of pupils. Pure
// arithmetic over the grid, so it is tested against numbers worked out by hand.
class GroupAnalysis {
    Q_DECLARE_TR_FUNCTIONS(GroupAnalysis)

public:
    static GroupAnalysis compute(const MarkGrid &grid);

    const Scale &scale() const { return m_scale; }
    // The subject line first, then one line per objective in teaching order.
    const QList<AnalysisRow> &rows() const { return m_rows; }
    const AnalysisRow &subject() const { return m_rows.constFirst(); }

    // The table's header and lines as text: what the window shows, the CSV holds and the PDF
    // prints. Shares are whole percentages, means and gaps two decimals.
    QStringList header() const;
    QList<QStringList> table() const;
    // The table as CSV (CsvWriter: RFC 4180, formula-safe).
    Status writeCsv(QIODevice *device) const;

    static QString number(const std::optional<double> &value);
    static QString percent(const std::optional<double> &share);

private:
    Scale m_scale;
    QList<AnalysisRow> m_rows;
};

}  // namespace otrack
