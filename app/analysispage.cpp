#include "analysispage.h"

#include "analysisreport.h"
#include "errortext.h"
#include "logging.h"
#include "markgridmodel.h"
#include "markingpage.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalPercentBarSeries>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

namespace otrack {

namespace {

QChartView *chartView(const QString &accessibleName, QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(accessibleName);
    view->setMinimumHeight(220);
    return view;
}

}  // namespace

AnalysisPage::AnalysisPage(MarkingPage *marking, SessionInfo session, QWidget *parent)
    : QWidget(parent), m_marking(marking), m_session(std::move(session)), m_model(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("analysisPage"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("analysisHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_heading->setFont(bold);
    m_heading->setWordWrap(true);

    m_distributionView = chartView(tr("Chart: pupils at each value"), this);
    m_distributionView->setObjectName(QStringLiteral("distributionChart"));
    m_gapsView = chartView(tr("Chart: gaps between groups"), this);
    m_gapsView->setObjectName(QStringLiteral("gapsChart"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("analysisTable"));
    m_table->setAccessibleName(tr("Analysis table"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();

    m_csv = new QPushButton(tr("Export table as &CSV..."), this);
    m_csv->setObjectName(QStringLiteral("exportCsv"));
    m_csv->setAccessibleName(tr("Export table as CSV"));
    m_pdf = new QPushButton(tr("Save report as &PDF..."), this);
    m_pdf->setObjectName(QStringLiteral("exportPdf"));
    m_pdf->setAccessibleName(tr("Save report as PDF"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("analysisMessage"));
    m_message->setWordWrap(true);

    auto *charts = new QSplitter(this);
    charts->addWidget(m_distributionView);
    charts->addWidget(m_gapsView);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(charts);
    vertical->addWidget(m_table);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_csv);
    buttons->addWidget(m_pdf);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(vertical, 1);
    layout->addLayout(buttons);

    setTabOrder(m_table, m_csv);
    setTabOrder(m_csv, m_pdf);

    connect(m_csv, &QPushButton::clicked, this, &AnalysisPage::chooseCsvFile);
    connect(m_pdf, &QPushButton::clicked, this, &AnalysisPage::choosePdfFile);
    // Recomputed when seen, not at every typed mark: building the charts costs more than the
    // arithmetic, and a teacher typing on the marking page does not look at them.
    connect(m_marking, &MarkingPage::gridLoaded, this, &AnalysisPage::markStale);
    connect(m_marking->gridModel(), &QAbstractItemModel::dataChanged, this, &AnalysisPage::markStale);
    refresh();
}

QString AnalysisPage::lastMessage() const
{
    return m_message->text();
}

void AnalysisPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setAccessibleDescription(text);
}

void AnalysisPage::markStale()
{
    m_stale = true;
    if (isVisible())
        QTimer::singleShot(0, this, &AnalysisPage::refreshIfStale);
}

void AnalysisPage::refreshIfStale()
{
    if (m_stale)
        refresh();
}

void AnalysisPage::showEvent(QShowEvent *event)
{
    refreshIfStale();
    QWidget::showEvent(event);
}

void AnalysisPage::refresh()
{
    m_stale = false;
    const MarkGrid &grid = m_marking->gridModel()->grid();
    m_analysis = GroupAnalysis::compute(grid);
    if (grid.isEmpty())
        m_heading->setText(tr("Nothing to analyse yet: choose a group with pupils and marks."));
    else
        //: the analysis heading: %1 framework, %2 group, %3 term
        m_heading->setText(tr("%1, %2, %3").arg(grid.framework().name, m_marking->groupText(), m_marking->termText()));
    m_csv->setEnabled(!grid.isEmpty());
    m_pdf->setEnabled(!grid.isEmpty());

    m_model->clear();
    m_model->setHorizontalHeaderLabels(m_analysis.header());
    const QList<QStringList> table = m_analysis.table();
    for (int r = 0; r < table.size(); ++r) {
        QList<QStandardItem *> items;
        for (const QString &cell : table.at(r)) {
            auto *item = new QStandardItem(cell);
            item->setTextAlignment(items.isEmpty() ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignCenter);
            items << item;
        }
        if (!items.isEmpty() && r < m_analysis.rows().size() && !m_analysis.rows().at(r).isSubject())
            items.first()->setToolTip(m_analysis.rows().at(r).statement);
        m_model->appendRow(items);
    }
    m_table->resizeColumnsToContents();
    buildCharts();
}

void AnalysisPage::buildCharts()
{
    const Scale &scale = m_analysis.scale();
    // Shares at each value, one bar per line of the table.
    auto *distribution = new QChart;
    distribution->setTitle(tr("Pupils at each value"));
    auto *shares = new QHorizontalPercentBarSeries;
    QStringList categories;
    for (const AnalysisRow &row : m_analysis.rows())
        categories.prepend(row.isSubject() ? tr("All") : row.objectiveCode);
    for (int v = 0; v < scale.values.size(); ++v) {
        auto *set = new QBarSet(scale.values.at(v).label);
        const QColor colour = QColor::fromString(scale.values.at(v).colour);
        if (colour.isValid())
            set->setColor(colour);
        QList<qreal> counts;
        for (const AnalysisRow &row : m_analysis.rows())
            counts.prepend(row.counts.value(v));
        set->append(counts);
        shares->append(set);
    }
    distribution->addSeries(shares);
    auto *objectiveAxis = new QBarCategoryAxis;
    objectiveAxis->append(categories);
    distribution->addAxis(objectiveAxis, Qt::AlignLeft);
    shares->attachAxis(objectiveAxis);
    auto *percentAxis = new QValueAxis;
    percentAxis->setLabelFormat(QStringLiteral("%d%"));
    distribution->addAxis(percentAxis, Qt::AlignBottom);
    shares->attachAxis(percentAxis);
    distribution->legend()->setAlignment(Qt::AlignBottom);
    QChart *old = m_distributionView->chart();
    m_distributionView->setChart(distribution);
    delete old;

    // The subject's gaps: each group's mean points side by side.
    auto *gaps = new QChart;
    gaps->setTitle(tr("Mean points, all objectives"));
    const AnalysisRow &subject = m_analysis.subject();
    auto *first = new QBarSet(tr("Pupil premium, SEN, boys"));
    auto *second = new QBarSet(tr("Others, not SEN, girls"));
    first->setColor(QColor(0x1f, 0x4e, 0x79));
    second->setColor(QColor(0x9d, 0xc3, 0xe6));
    double top = 1;
    for (const Comparison *c : {&subject.pupilPremium, &subject.sen, &subject.boysGirls}) {
        first->append(c->meanA.value_or(0));
        second->append(c->meanB.value_or(0));
        top = std::max({top, c->meanA.value_or(0), c->meanB.value_or(0)});
    }
    auto *bars = new QBarSeries;
    bars->append(first);
    bars->append(second);
    gaps->addSeries(bars);
    auto *groupAxis = new QBarCategoryAxis;
    groupAxis->append({tr("Pupil premium"), tr("SEN"), tr("Boys / girls")});
    gaps->addAxis(groupAxis, Qt::AlignBottom);
    bars->attachAxis(groupAxis);
    auto *pointsAxis = new QValueAxis;
    pointsAxis->setRange(0, std::ceil(top));
    gaps->addAxis(pointsAxis, Qt::AlignLeft);
    bars->attachAxis(pointsAxis);
    gaps->legend()->setAlignment(Qt::AlignBottom);
    old = m_gapsView->chart();
    m_gapsView->setChart(gaps);
    delete old;
}

Status AnalysisPage::exportCsv(const QString &path)
{
    refreshIfStale();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{ErrorCode::NotWritable, file.errorString()};
    return m_analysis.writeCsv(&file);
}

Result<bool> AnalysisPage::exportPdf(const QString &path)
{
    refreshIfStale();
    ReportInfo info{m_session.schoolName,
                    m_marking->groupText(),
                    m_marking->gridModel()->grid().framework().name,
                    m_marking->termText(),
                    m_session.displayName.isEmpty() ? m_session.username : m_session.displayName,
                    QDate::currentDate()};
    AnalysisReport report(m_analysis, info);
    report.setCharts(m_distributionView->grab().toImage(), m_gapsView->grab().toImage());
    QProgressDialog progress(tr("Saving the report..."), tr("Cancel"), 0, 1, this);
    progress.setObjectName(QStringLiteral("pdfProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    return report.writePdf(path, [&](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        //: %1 page being written, %2 pages
        progress.setLabelText(tr("Saving the report: page %1 of %2").arg(std::min(done + 1, total)).arg(total));
        return !progress.wasCanceled();
    });
}

void AnalysisPage::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export table as CSV"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/analysis.csv"),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (auto written = exportCsv(path); !written) {
        qCWarning(lcUi) << "cannot export the analysis:" << errorCodeName(written.error().code);
        showMessage(tr("The table was not saved: %1").arg(ErrorText::forStore(written.error().code)));
        return;
    }
    showMessage(tr("Table saved."));
}

void AnalysisPage::choosePdfFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save report as PDF"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/report.pdf"),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    auto written = exportPdf(path);
    if (!written) {
        qCWarning(lcUi) << "cannot save the report:" << errorCodeName(written.error().code);
        showMessage(tr("The report was not saved: %1").arg(ErrorText::forStore(written.error().code)));
        return;
    }
    showMessage(written.value() ? tr("Report saved.") : tr("Cancelled: no report was saved."));
}

}  // namespace otrack
