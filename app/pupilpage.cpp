#include "pupilpage.h"

#include "errortext.h"
#include "logging.h"
#include "markgridmodel.h"
#include "markingpage.h"
#include "markstore.h"
#include "rosterstore.h"
#include "storeworker.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLocale>
#include <QValueAxis>
#include <QVBoxLayout>

namespace otrack {

namespace {

struct PupilData {
    Result<Pupil> pupil = Error{ErrorCode::NotFound, {}};
    Result<QList<Group>> groups = QList<Group>();
    Result<QList<Mark>> marks = QList<Mark>();
    Result<QList<Term>> terms = QList<Term>();
};

}  // namespace

PupilPage::PupilPage(StoreWorker *worker, MarkingPage *marking, SessionInfo session, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_marking(marking), m_session(std::move(session))
{
    setObjectName(QStringLiteral("pupilPage"));
    m_name = new QLabel(tr("Choose a pupil in the marking grid."), this);
    m_name->setObjectName(QStringLiteral("pupilName"));
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.3);
    m_name->setFont(bold);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("pupilFacts"));
    m_details->setAccessibleName(tr("Pupil details"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_groups = new QLabel(this);
    m_groups->setObjectName(QStringLiteral("pupilGroups"));
    m_groups->setAccessibleName(tr("Groups"));
    m_groups->setWordWrap(true);
    m_chart = new QChartView(this);
    m_chart->setObjectName(QStringLiteral("attainmentChart"));
    m_chart->setAccessibleName(tr("Chart: attainment across terms"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(260);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_details);
    layout->addWidget(m_groups);
    layout->addWidget(m_chart, 1);

    connect(m_marking, &MarkingPage::currentPupilChanged, this, &PupilPage::showPupil);
}

QString PupilPage::detailsText() const
{
    return m_name->text() + QLatin1Char('\n') + m_details->text() + QLatin1Char('\n') + m_groups->text();
}

void PupilPage::showEvent(QShowEvent *event)
{
    if (!m_wanted.isEmpty() && m_wanted != m_pupilId)
        showPupil(m_wanted);
    QWidget::showEvent(event);
}

void PupilPage::showPupil(const QString &pupilId)
{
    // Read when seen: moving through the grid while marking queues no store work for this page.
    m_wanted = pupilId;
    if (pupilId.isEmpty() || pupilId == m_pupilId || !isVisible())
        return;
    m_pupilId = pupilId;
    const QString framework = m_marking->frameworkId();
    m_worker->run(
        this,
        [school = m_session.schoolId, pupilId, framework](LocalStore &store) {
            RosterStore roster(store.database(), school);
            return PupilData{roster.pupil(pupilId), roster.groupsOfPupil(pupilId),
                             MarkStore(store.database(), school, QString()).pupilMarks(pupilId, framework),
                             roster.terms()};
        },
        [this, pupilId](PupilData d) {
            if (pupilId != m_pupilId)
                return;  // another pupil was chosen meanwhile
            if (!d.pupil || !d.groups || !d.marks || !d.terms) {
                const Error &e = !d.pupil ? d.pupil.error()
                    : !d.groups           ? d.groups.error()
                    : !d.marks            ? d.marks.error()
                                          : d.terms.error();
                qCWarning(lcUi) << "cannot read the pupil:" << errorCodeName(e.code);
                m_details->setText(ErrorText::forStore(e.code));
                return;
            }
            const Pupil &p = d.pupil.value();
            const MarkGridModel *model = m_marking->gridModel();
            const auto row = model->grid().rowOf(p.id);
            m_name->setText(row ? model->pupilName(*row) : p.preferredForename + QLatin1Char(' ') + p.preferredSurname);
            //: pupil details: %1 UPN, %2 date of birth, %3 year group, %4 flags in words
            m_details->setText(tr("UPN %1 - born %2 - year %3\n%4")
                                   .arg(p.upn, QLocale().toString(p.dateOfBirth, QLocale::ShortFormat))
                                   .arg(p.yearGroup)
                                   .arg(row ? model->flagsText(*row) : QString()));
            QStringList groups;
            for (const Group &g : d.groups.value())
                groups << g.name;
            m_groups->setText(tr("Groups: %1").arg(groups.join(QStringLiteral(", "))));

            // Mean points per term in the grid's framework, in term order.
            const MarkGrid &grid = model->grid();
            m_points.clear();
            for (const Term &t : d.terms.value()) {
                double sum = 0;
                int n = 0;
                for (const Mark &m : d.marks.value()) {
                    const int index = m.key.termId == t.id && m.value ? grid.valueIndex(*m.value) : -1;
                    if (index >= 0) {
                        sum += grid.scale().values.at(index).points;
                        ++n;
                    }
                }
                if (n > 0)
                    m_points.append({tr("%1 %2").arg(t.name, t.academicYear), sum / n});
            }
            auto *chart = new QChart;
            //: %1 is the framework, e.g. "Maths Year 4"
            chart->setTitle(tr("Mean points across terms: %1").arg(grid.framework().name));
            auto *set = new QBarSet(tr("Mean points"));
            set->setColor(QColor(0x2a, 0x9d, 0x8f));
            QStringList terms;
            double top = 1;
            for (const auto &[term, points] : m_points) {
                terms << term;
                set->append(points);
                top = std::max(top, points);
            }
            for (const ScaleValue &v : grid.scale().values)
                top = std::max(top, v.points);
            auto *series = new QBarSeries;
            series->append(set);
            chart->addSeries(series);
            auto *x = new QBarCategoryAxis;
            x->append(terms);
            chart->addAxis(x, Qt::AlignBottom);
            series->attachAxis(x);
            auto *y = new QValueAxis;
            y->setRange(0, top);
            chart->addAxis(y, Qt::AlignLeft);
            series->attachAxis(y);
            chart->legend()->hide();
            QChart *old = m_chart->chart();
            m_chart->setChart(chart);
            delete old;
            Q_EMIT loaded();
        });
}

}  // namespace otrack
