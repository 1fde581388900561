#include "markingpage.h"

#include "celldetailspanel.h"
#include "errortext.h"
#include "grideditor.h"
#include "gridreader.h"
#include "logging.h"
#include "markgridmodel.h"
#include "markgridview.h"
#include "pupilfilterproxy.h"
#include "rosterstore.h"
#include "storeworker.h"
#include "termlocks.h"
#include "uistyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace otrack {

namespace {

struct Choices {
    Result<QList<Group>> groups = QList<Group>();
    Result<QList<Framework>> frameworks = QList<Framework>();
    Result<QList<Term>> terms = QList<Term>();
    Result<QHash<QString, QString>> staffNames = QHash<QString, QString>();
};

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

QString termLabel(const Term &t)
{
    //: a term as people read it: %1 name, %2 academic year
    return MarkingPage::tr("%1 %2").arg(t.name, t.academicYear);
}

QString groupKindText(GroupKind kind)
{
    switch (kind) {
    case GroupKind::Class:
        return MarkingPage::tr("class");
    case GroupKind::Set:
        return MarkingPage::tr("set");
    case GroupKind::Intervention:
        return MarkingPage::tr("intervention");
    }
    return {};
}

}  // namespace

MarkingPage::MarkingPage(StoreWorker *worker, SessionInfo session, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_session(std::move(session)), m_model(new MarkGridModel(this)),
      m_proxy(new PupilFilterProxy(this)), m_messageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("markingPage"));
    m_model->setMayEdit(m_session.mayMark());
    m_proxy->setSourceModel(m_model);
    m_editor = new GridEditor(m_worker, m_model, m_session.schoolId, m_session.userId, this);
    m_view = new MarkGridView(m_model, m_proxy, m_editor, this);
    m_details = new CellDetailsPanel(m_model, this);

    auto picker = [this](const char *name, const QString &accessible) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QLatin1String(name));
        combo->setAccessibleName(accessible);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        return combo;
    };
    m_groupPicker = picker("groupPicker", tr("Group"));
    m_frameworkPicker = picker("frameworkPicker", tr("Framework"));
    m_termPicker = picker("termPicker", tr("Term"));
    m_filterPicker = picker("filterPicker", tr("Show pupils"));
    using F = PupilFilterProxy::Filter;
    const std::pair<QString, F> filters[] = {{tr("All pupils"), F::All},
                                             {tr("Pupil premium"), F::PupilPremium},
                                             {tr("Not pupil premium"), F::NotPupilPremium},
                                             {tr("SEN"), F::Sen},
                                             {tr("Not SEN"), F::NotSen},
                                             {tr("EAL"), F::Eal},
                                             {tr("Not EAL"), F::NotEal},
                                             {tr("Boys"), F::Boys},
                                             {tr("Girls"), F::Girls}};
    for (const auto &[text, filter] : filters)
        m_filterPicker->addItem(text, static_cast<int>(filter));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("pupilSearch"));
    m_search->setAccessibleName(tr("Find a pupil by name"));
    m_search->setPlaceholderText(tr("Find a pupil"));
    m_search->setClearButtonEnabled(true);
    m_lockButton = new QPushButton(this);
    m_lockButton->setObjectName(QStringLiteral("lockTerm"));
    m_lockButton->setVisible(TermLocks::mayLock(m_session.role));

    auto *bar = new QHBoxLayout;
    bar->addWidget(buddyLabel(tr("&Group:"), m_groupPicker, this));
    bar->addWidget(m_groupPicker);
    bar->addSpacing(8);
    bar->addWidget(buddyLabel(tr("&Framework:"), m_frameworkPicker, this));
    bar->addWidget(m_frameworkPicker);
    bar->addSpacing(8);
    bar->addWidget(buddyLabel(tr("&Term:"), m_termPicker, this));
    bar->addWidget(m_termPicker);
    bar->addSpacing(8);
    bar->addWidget(buddyLabel(tr("S&how:"), m_filterPicker, this));
    bar->addWidget(m_filterPicker);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_lockButton);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("lockedBanner"));
    m_banner->setAccessibleName(tr("Term locked"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(UiStyle::notice(m_banner));
    m_banner->hide();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("gridMessage"));
    m_message->setAccessibleName(tr("Grid message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(UiStyle::errorText(m_message));
    m_messageTimer->setSingleShot(true);
    m_messageTimer->setInterval(10000);
    connect(m_messageTimer, &QTimer::timeout, m_message, &QLabel::clear);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setCollapsible(0, false);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("emptyGrid"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No pupil data on this PC yet.\nPupil data arrives when OTrack syncs with your school's "
                        "OTrack server."));
    m_empty->setAccessibleName(tr("No pupil data"));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(splitter);
    m_stack->addWidget(m_empty);
    m_stack->setCurrentWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_message);

    setTabOrder(m_groupPicker, m_frameworkPicker);
    setTabOrder(m_frameworkPicker, m_termPicker);
    setTabOrder(m_termPicker, m_filterPicker);
    setTabOrder(m_filterPicker, m_search);
    setTabOrder(m_search, m_lockButton);
    setTabOrder(m_lockButton, m_view);

    for (QComboBox *combo : {m_groupPicker, m_frameworkPicker, m_termPicker})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                loadGrid();
        });
    connect(m_filterPicker, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setFilter(static_cast<F>(m_filterPicker->currentData().toInt())); });
    connect(m_search, &QLineEdit::textChanged, m_proxy, &PupilFilterProxy::setNameFilter);
    connect(m_lockButton, &QPushButton::clicked, this, &MarkingPage::toggleTermLock);
    connect(m_view, &MarkGridView::message, this, &MarkingPage::showMessage);
    connect(m_editor, &GridEditor::failed, this, &MarkingPage::showMessage);
    connect(m_editor, &GridEditor::saved, this, [this] {
        m_message->clear();
        onCurrentChanged();
    });
    connect(m_editor, &GridEditor::localEditMade, this, &MarkingPage::localEditMade);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MarkingPage::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_details->updateLegend();
        m_details->clear();
    });

    loadChoices();
}

QString MarkingPage::messageText() const
{
    return m_message->text();
}

QString MarkingPage::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

QString MarkingPage::groupId() const
{
    return m_groupPicker->currentData().toString();
}

QString MarkingPage::groupText() const
{
    return m_groupPicker->currentText();
}

QString MarkingPage::termText() const
{
    const int i = m_termPicker->currentIndex();
    return i >= 0 && i < m_terms.size() ? termLabel(m_terms.at(i)) : QString();
}

QString MarkingPage::frameworkId() const
{
    return m_frameworkPicker->currentData().toString();
}

QString MarkingPage::termId() const
{
    return m_termPicker->currentData().toString();
}

void MarkingPage::choose(const QString &groupId, const QString &frameworkId, const QString &termId)
{
    m_filling = true;
    m_groupPicker->setCurrentIndex(std::max(0, m_groupPicker->findData(groupId)));
    m_frameworkPicker->setCurrentIndex(std::max(0, m_frameworkPicker->findData(frameworkId)));
    m_termPicker->setCurrentIndex(std::max(0, m_termPicker->findData(termId)));
    m_filling = false;
    loadGrid();
}

void MarkingPage::showMessage(const QString &sentence)
{
    m_message->setText(sentence);
    m_message->setAccessibleDescription(sentence);
    m_messageTimer->start();
}

void MarkingPage::reload()
{
    const QModelIndex current = m_view->currentIndex();
    m_keepRow = current.row();
    m_keepColumn = current.column();
    loadChoices();
}

void MarkingPage::loadChoices()
{
    m_worker->run(
        this,
        [school = m_session.schoolId](LocalStore &store) {
            RosterStore roster(store.database(), school);
            return Choices{roster.groups(), roster.frameworks(), roster.terms(), roster.staffNames()};
        },
        [this](Choices c) {
            for (const Error *e :
                 {c.groups ? nullptr : &c.groups.error(), c.frameworks ? nullptr : &c.frameworks.error(),
                  c.terms ? nullptr : &c.terms.error()}) {
                if (e) {
                    qCWarning(lcUi) << "cannot read the grid's choices:" << errorCodeName(e->code);
                    showMessage(ErrorText::forStore(e->code));
                    return;
                }
            }
            m_groups = c.groups.value();
            m_frameworks = c.frameworks.value();
            m_terms = c.terms.value();
            if (c.staffNames)
                m_model->setStaffNames(c.staffNames.value());
            fillPickers();
            const bool any = !m_groups.isEmpty() && !m_frameworks.isEmpty() && !m_terms.isEmpty();
            Q_EMIT choicesLoaded(any);
            if (any)
                loadGrid();
            else
                Q_EMIT gridLoaded();
        });
}

void MarkingPage::fillPickers()
{
    m_filling = true;
    const QString group = groupId();
    const QString framework = frameworkId();
    const QString term = termId();
    m_groupPicker->clear();
    for (const Group &g : m_groups)
        //: a group in the picker: %1 its name, %2 its kind (class, set, intervention)
        m_groupPicker->addItem(tr("%1 (%2)").arg(g.name, groupKindText(g.kind)), g.id);
    m_frameworkPicker->clear();
    for (const Framework &f : m_frameworks)
        m_frameworkPicker->addItem(
            f.subject.isEmpty() || f.name.contains(f.subject) ? f.name : tr("%1: %2").arg(f.subject, f.name), f.id);
    m_termPicker->clear();
    int latestOpen = -1;
    for (int i = 0; i < m_terms.size(); ++i) {
        const Term &t = m_terms.at(i);
        QString text = termLabel(t);
        if (t.locked)
            text = tr("%1 (locked)").arg(text);
        else
            latestOpen = i;
        m_termPicker->addItem(text, t.id);
    }
    auto select = [](QComboBox *combo, const QString &id, int fallback) {
        const int found = combo->findData(id);
        combo->setCurrentIndex(found >= 0 ? found : fallback);
    };
    select(m_groupPicker, group, 0);
    select(m_frameworkPicker, framework, 0);
    // The term being marked now is the latest one still open.
    select(m_termPicker, term, latestOpen >= 0 ? latestOpen : int(m_terms.size()) - 1);
    m_filling = false;
}

void MarkingPage::loadGrid()
{
    const QString group = groupId(), framework = frameworkId(), term = termId();
    if (group.isEmpty() || framework.isEmpty() || term.isEmpty()) {
        m_stack->setCurrentWidget(m_empty);
        Q_EMIT gridLoaded();
        return;
    }
    m_worker->run(
        this,
        [school = m_session.schoolId, group, framework, term](LocalStore &store) {
            return GridReader(store.database(), school).read(group, framework, term);
        },
        [this](Result<MarkGrid> grid) {
            if (!grid) {
                qCWarning(lcUi) << "cannot read the grid:" << errorCodeName(grid.error().code);
                showMessage(ErrorText::forStore(grid.error().code));
                Q_EMIT gridLoaded();
                return;
            }
            m_editor->gridChanged();
            m_model->setGrid(std::move(grid.value()));
            m_stack->setCurrentWidget(m_model->grid().rowCount() > 0 ? m_stack->widget(0) : m_empty);
            if (m_model->grid().rowCount() == 0)
                m_empty->setText(tr("This group has no pupils on roll."));
            m_view->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents);
            for (int c = 0; c < MarkGridModel::FlagColumnCount; ++c)
                m_view->resizeColumnToContents(c);
            updateLockState();
            const int row = std::clamp(m_keepRow, 0, std::max(0, m_proxy->rowCount() - 1));
            const int column = m_keepColumn >= 0 ? std::min(m_keepColumn, m_proxy->columnCount() - 1)
                                                 : int(MarkGridModel::FlagColumnCount);
            m_keepRow = m_keepColumn = -1;
            if (m_proxy->rowCount() > 0 && m_proxy->columnCount() > 0)
                m_view->selectionModel()->setCurrentIndex(m_proxy->index(row, column),
                                                          QItemSelectionModel::ClearAndSelect);
            Q_EMIT gridLoaded();
        });
}

void MarkingPage::updateLockState()
{
    const Term &term = m_model->grid().term();
    const bool locked = term.locked;
    m_lockButton->setText(locked ? tr("Un&lock term") : tr("&Lock term"));
    m_lockButton->setAccessibleName(locked ? tr("Unlock term") : tr("Lock term"));
    m_lockButton->setEnabled(!term.id.isEmpty());
    if (locked) {
        //: %1 is the term, e.g. "Autumn 2 2026/27"
        m_banner->setText(tr("%1 is locked: its marks can be read but not changed.").arg(termText()));
        m_banner->show();
    } else if (!m_session.mayMark()) {
        m_banner->setText(tr("You can read these marks but not change them."));
        m_banner->show();
    } else {
        m_banner->hide();
    }
}

void MarkingPage::toggleTermLock()
{
    const Term term = m_model->grid().term();
    if (term.id.isEmpty())
        return;
    m_worker->run(
        this,
        [session = m_session, id = term.id, lock = !term.locked](LocalStore &store) {
            return TermLocks(store.database(), session.schoolId, session.userId, session.role).setLocked(id, lock);
        },
        [this, lock = !term.locked](Status done) {
            if (!done) {
                qCWarning(lcUi) << "cannot change the term's lock:" << errorCodeName(done.error().code);
                showMessage(done.error().code == ErrorCode::Forbidden
                                ? tr("Only a data manager can lock or unlock a term.")
                                : ErrorText::forStore(done.error().code));
                return;
            }
            showMessage(lock
                            ? tr("Term locked on this PC. The lock waits here until sync sends it to the server.")
                            : tr("Term unlocked on this PC. The change waits here until sync sends it to the server."));
            reload();
        });
}

void MarkingPage::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const QModelIndex source = m_proxy->mapToSource(current);
    m_details->showCell(source.row(), MarkGridModel::objectiveColumn(source));
    Q_EMIT currentPupilChanged(source.data(MarkGridModel::PupilIdRole).toString());
}

}  // namespace otrack
