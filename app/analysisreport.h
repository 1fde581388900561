#pragma once

#include "groupanalysis.h"
#include "result.h"

#include <QDate>
#include <QImage>
#include <QString>

#include <functional>

namespace otrack {

// What a report names: whose data, which grid, when, and who made it.
struct ReportInfo {
    QString school;
    QString group;
    QString framework;
    QString term;
    QString producedBy;
    QDate date;
};

// The analysis as a PDF (QPdfWriter): title, school, date and author on every page's footer,
// the charts and the table. Pages are written one at a time; `progress(done, total)` may
// return false to cancel, and then no file is left behind (QSaveFile).
class AnalysisReport {
    Q_DECLARE_TR_FUNCTIONS(AnalysisReport)

public:
    using Progress = std::function<bool(int done, int total)>;

    AnalysisReport(const GroupAnalysis &analysis, ReportInfo info);
    void setCharts(QImage distribution, QImage gaps);

    // True when written, false when cancelled; NotWritable when the file cannot be written.
    Result<bool> writePdf(const QString &path, const Progress &progress = {}) const;
    // The report as HTML (what the PDF lays out).
    QString html() const;

private:
    const GroupAnalysis &m_analysis;
    ReportInfo m_info;
    QImage m_distribution;
    QImage m_gaps;
};

}  // namespace otrack
