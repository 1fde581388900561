#pragma once

#include "model.h"
#include "sessioninfo.h"

#include <QWidget>

class QChartView;
class QLabel;

namespace otrack {

class MarkingPage;
class StoreWorker;

// The pupil chosen in the grid: details, groups and flags, and a chart of their attainment in
// the grid's framework across the terms (mean points of the objectives assessed each term).
class PupilPage : public QWidget {
    Q_OBJECT

public:
    PupilPage(StoreWorker *worker, MarkingPage *marking, SessionInfo session, QWidget *parent = nullptr);

    void showPupil(const QString &pupilId);
    QString pupilId() const { return m_pupilId; }
    QString detailsText() const;
    // Mean points per term shown in the chart, in term order (terms without marks left out).
    QList<std::pair<QString, double>> chartPoints() const { return m_points; }

Q_SIGNALS:
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    StoreWorker *m_worker;
    MarkingPage *m_marking;
    SessionInfo m_session;
    QString m_pupilId;
    QString m_wanted;
    QLabel *m_name;
    QLabel *m_details;
    QLabel *m_groups;
    QChartView *m_chart;
    QList<std::pair<QString, double>> m_points;
};

}  // namespace otrack
