#include "conflictspage.h"

#include "errortext.h"
#include "logging.h"
#include "rosterstore.h"
#include "storeworker.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace otrack {

namespace {

struct Names {
    QHash<QString, QString> pupils;
    QHash<QString, QString> objectives;
    QHash<QString, QString> terms;
    QHash<QString, QString> staff;
};

struct Loaded {
    Result<QList<MarkConflict>> conflicts = QList<MarkConflict>();
    Result<QList<MarkRejection>> rejections = QList<MarkRejection>();
    Names names;
};

// The names a person reads for the ids in conflicts and rejections.
Names namesFor(RosterStore &roster, const QList<MarkKey> &keys)
{
    Names n;
    if (auto staff = roster.staffNames(); staff)
        n.staff = staff.value();
    if (auto terms = roster.terms(); terms)
        for (const Term &t : terms.value())
            n.terms.insert(t.id, t.name + QLatin1Char(' ') + t.academicYear);
    for (const MarkKey &k : keys) {
        if (!n.pupils.contains(k.pupilId))
            if (auto p = roster.pupil(k.pupilId); p)
                n.pupils.insert(k.pupilId, p->preferredForename + QLatin1Char(' ') + p->preferredSurname);
        if (!n.objectives.contains(k.objectiveId))
            if (auto o = roster.objective(k.objectiveId); o)
                n.objectives.insert(k.objectiveId, o->code);
    }
    return n;
}

QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

QTableView *table(const char *name, const QString &accessible, QStandardItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QLatin1String(name));
    view->setAccessibleName(accessible);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

}  // namespace

ConflictsPage::ConflictsPage(StoreWorker *worker, SessionInfo session, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_session(std::move(session)), m_conflictModel(new QStandardItemModel(this)),
      m_rejectionModel(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("conflictsPage"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("conflictsSummary"));
    m_summary->setWordWrap(true);
    m_conflicts = table("conflicts", tr("Conflicts"), m_conflictModel, this);
    m_conflicts->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_rejections = table("rejections", tr("Refused changes"), m_rejectionModel, this);

    auto button = [this](const QString &text, const char *name, ConflictStore::Choice choice, bool all) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        b->setAccessibleName(QString(text).remove(u'&'));
        connect(b, &QPushButton::clicked, this, [this, choice, all] { resolve(choice, all); });
        return b;
    };
    m_keepMine = button(tr("&Keep mine"), "keepMine", ConflictStore::Choice::KeepMine, false);
    m_takeTheirs = button(tr("&Take theirs"), "takeTheirs", ConflictStore::Choice::TakeTheirs, false);
    m_keepAllMine = button(tr("Keep &all mine"), "keepAllMine", ConflictStore::Choice::KeepMine, true);
    m_takeAllTheirs = button(tr("Take all t&heirs"), "takeAllTheirs", ConflictStore::Choice::TakeTheirs, true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_keepMine);
    buttons->addWidget(m_takeTheirs);
    buttons->addStretch(1);
    buttons->addWidget(m_keepAllMine);
    buttons->addWidget(m_takeAllTheirs);

    auto *refused = new QLabel(tr("Changes the server refused"), this);
    QFont bold = refused->font();
    bold.setBold(true);
    refused->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_conflicts, 2);
    layout->addLayout(buttons);
    layout->addWidget(refused);
    layout->addWidget(m_rejections, 1);

    setTabOrder(m_conflicts, m_keepMine);
    setTabOrder(m_keepMine, m_takeTheirs);
    setTabOrder(m_takeTheirs, m_keepAllMine);
    setTabOrder(m_keepAllMine, m_takeAllTheirs);
    setTabOrder(m_takeAllTheirs, m_rejections);
    reload();
}

int ConflictsPage::conflictCount() const
{
    return int(m_items.size());
}

void ConflictsPage::reload()
{
    m_worker->run(
        this,
        [session = m_session](LocalStore &store) {
            ConflictStore conflicts(store.database(), session.schoolId, session.userId);
            Loaded l{conflicts.conflicts(), conflicts.rejections(), {}};
            QList<MarkKey> keys;
            if (l.conflicts)
                for (const MarkConflict &c : l.conflicts.value())
                    keys << c.key;
            if (l.rejections)
                for (const MarkRejection &r : l.rejections.value())
                    keys << r.key;
            RosterStore roster(store.database(), session.schoolId);
            l.names = namesFor(roster, keys);
            return l;
        },
        [this](Loaded l) {
            if (!l.conflicts || !l.rejections) {
                const Error &e = !l.conflicts ? l.conflicts.error() : l.rejections.error();
                qCWarning(lcUi) << "cannot read the conflicts:" << errorCodeName(e.code);
                m_summary->setText(ErrorText::forStore(e.code));
                return;
            }
            m_items = l.conflicts.value();
            const Names &n = l.names;
            auto value = [](const std::optional<QString> &v) {
                return v.value_or(tr("(cleared)"));
            };
            m_conflictModel->clear();
            m_conflictModel->setHorizontalHeaderLabels({tr("Pupil"), tr("Objective"), tr("Term"), tr("Mine"),
                                                        tr("Changed by me"), tr("Theirs"), tr("Changed by"),
                                                        tr("Changed at")});
            for (const MarkConflict &c : m_items) {
                QList<QStandardItem *> row;
                for (const QString &text :
                     {n.pupils.value(c.key.pupilId), n.objectives.value(c.key.objectiveId), n.terms.value(c.key.termId),
                      value(c.localValue), when(c.localTime), value(c.serverValue),
                      n.staff.value(c.serverAuthorId, tr("someone else")), when(c.serverTime)})
                    row << new QStandardItem(text);
                m_conflictModel->appendRow(row);
            }
            m_rejectionModel->clear();
            m_rejectionModel->setHorizontalHeaderLabels(
                {tr("Pupil"), tr("Objective"), tr("Term"), tr("Value"), tr("Refused at"), tr("Why")});
            for (const MarkRejection &r : l.rejections.value()) {
                QList<QStandardItem *> row;
                for (const QString &text :
                     {n.pupils.value(r.key.pupilId), n.objectives.value(r.key.objectiveId), n.terms.value(r.key.termId),
                      value(r.value), when(r.rejectedAt), ErrorText::forRejection(r.reason)})
                    row << new QStandardItem(text);
                m_rejectionModel->appendRow(row);
            }
            m_conflicts->resizeColumnsToContents();
            m_rejections->resizeColumnsToContents();
            m_summary->setText(
                m_items.isEmpty()
                    ? tr("No conflicts: every mark you made is the one on the server.")
                    : tr("%n mark(s) were changed on the server while you changed them too. Choose which value "
                         "stays: yours (sent again) or theirs.",
                         nullptr, int(m_items.size())));
            for (QPushButton *b : {m_keepMine, m_takeTheirs, m_keepAllMine, m_takeAllTheirs})
                b->setEnabled(!m_items.isEmpty());
            if (!m_items.isEmpty() && !m_conflicts->currentIndex().isValid())
                m_conflicts->selectRow(0);
            Q_EMIT loaded(int(m_items.size()));
        });
}

void ConflictsPage::resolve(ConflictStore::Choice choice, bool all)
{
    QList<QString> ids;
    if (all) {
        for (const MarkConflict &c : m_items)
            ids << c.id;
    } else {
        for (const QModelIndex &row : m_conflicts->selectionModel()->selectedRows())
            if (row.row() < m_items.size())
                ids << m_items.at(row.row()).id;
    }
    if (ids.isEmpty())
        return;
    m_worker->run(
        this,
        [session = m_session, ids, choice](LocalStore &store) {
            ConflictStore conflicts(store.database(), session.schoolId, session.userId);
            for (const QString &id : ids)
                if (auto done = conflicts.resolve(id, choice); !done)
                    return done;
            return Status();
        },
        [this](Status done) {
            if (!done) {
                qCWarning(lcUi) << "cannot resolve a conflict:" << errorCodeName(done.error().code);
                m_summary->setText(ErrorText::forStore(done.error().code));
            }
            reload();
            Q_EMIT resolved();
        });
}

}  // namespace otrack
