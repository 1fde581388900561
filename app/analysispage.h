#pragma once

#include "groupanalysis.h"
#include "sessioninfo.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace otrack {

class MarkingPage;

// Analysis of the group, framework and term chosen on the marking page: the share of pupils
// at each scale value per objective and for the subject, and the gaps between pupil premium
// and other pupils, SEN and other pupils, boys and girls; as charts and as a table, exported
// as CSV or as a PDF report. The numbers come from GroupAnalysis (core); this page shows them.
class AnalysisPage : public QWidget {
    Q_OBJECT

public:
    AnalysisPage(MarkingPage *marking, SessionInfo session, QWidget *parent = nullptr);

    // Recomputes from the marking page's grid (arithmetic over what is loaded) and redraws.
    void refresh();
    // Recomputes if the grid changed since (the page does so by itself when shown).
    void refreshIfStale();
    const GroupAnalysis &analysis() const { return m_analysis; }
    QTableView *table() const { return m_table; }

    // Without a file dialog (the buttons ask for a file, then call these).
    Status exportCsv(const QString &path);
    // True when written, false when the person cancelled.
    Result<bool> exportPdf(const QString &path);
    QString lastMessage() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void markStale();
    void chooseCsvFile();
    void choosePdfFile();
    void showMessage(const QString &text);
    void buildCharts();

    MarkingPage *m_marking;
    SessionInfo m_session;
    GroupAnalysis m_analysis;
    QLabel *m_heading;
    QChartView *m_distributionView;
    QChartView *m_gapsView;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QPushButton *m_csv;
    QPushButton *m_pdf;
    QLabel *m_message;
    bool m_stale = true;
};

}  // namespace otrack
