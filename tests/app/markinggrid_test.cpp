// The marking grid on the offscreen platform over a real encrypted store: keys, undo, paste,
// fill, locked terms, filters and the data manager's lock.
#include "celldetailspanel.h"
#include "grideditor.h"
#include "markgridmodel.h"
#include "markgridview.h"
#include "markingpage.h"
#include "markstore.h"
#include "pupilfilterproxy.h"
#include "storejob.h"
#include "termlocks.h"
#include "tsvtable.h"
#include "workspacefixture.h"

#include <catch2/catch.hpp>

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace otrack;
using otrack::test::onStore;
using otrack::test::Workspace;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

MarkingPage &page(Workspace &w)
{
    REQUIRE(w.window->markingPage());
    return *w.window->markingPage();
}

MarkGridView &grid(Workspace &w)
{
    return *page(w).gridView();
}

// The cell at pupil row `row` and objective `column` (no filter applied), made current.
void goTo(Workspace &w, int row, int column)
{
    MarkGridView &view = grid(w);
    const QModelIndex index = view.model()->index(row, column + MarkGridModel::FlagColumnCount);
    view.setFocus();
    view.selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
}

void settle(Workspace &w)
{
    REQUIRE(w.window->storeWorker()->waitForIdle());
    QApplication::processEvents();
}

std::optional<QString> stored(Workspace &w, const MarkKey &key)
{
    auto m = onStore(w.window->storeWorker(), [&](LocalStore &store) {
        return MarkStore(store.database(), w.school.schoolId, w.school.teacherId).mark(key);
    });
    REQUIRE(m.ok());
    return m->has_value() ? m->value().value : std::nullopt;
}

QList<OutboxEntry> outbox(Workspace &w)
{
    auto entries = onStore(w.window->storeWorker(), [&](LocalStore &store) {
        return MarkStore(store.database(), w.school.schoolId, w.school.teacherId).pending(1000);
    });
    REQUIRE(entries.ok());
    return entries.value();
}

void selectBlock(Workspace &w, int top, int left, int bottom, int right)
{
    MarkGridView &view = grid(w);
    const int f = MarkGridModel::FlagColumnCount;
    const QItemSelection block(view.model()->index(top, left + f), view.model()->index(bottom, right + f));
    view.selectionModel()->setCurrentIndex(view.model()->index(top, left + f), QItemSelectionModel::NoUpdate);
    view.selectionModel()->select(block, QItemSelectionModel::ClearAndSelect);
}

}  // namespace

TEST_CASE("grid: a typed key is saved with its outbox entry and the cursor moves on", "[app][gui][grid]")
{
    Workspace w;
    MarkGridView &view = grid(w);
    CHECK(view.model()->rowCount() == 12);
    CHECK(view.model()->columnCount() == 6 + MarkGridModel::FlagColumnCount);
    CHECK(view.model()->headerData(MarkGridModel::FlagColumnCount, Qt::Horizontal).toString() == s("M4.1"));
    CHECK(view.model()
              ->headerData(MarkGridModel::FlagColumnCount, Qt::Horizontal, Qt::ToolTipRole)
              .toString()
              .contains(s("Synthetic objective statement number 1")));

    goTo(w, 0, 0);
    QTest::keyClick(&view, Qt::Key_E);
    QTest::keyClick(&view, Qt::Key_G);  // lower case, as typed without shift
    settle(w);
    CHECK(stored(w, w.key(0, 0)) == s("EXP"));
    CHECK(stored(w, w.key(1, 0)) == s("GDS"));
    CHECK(view.currentIndex().row() == 2);
    CHECK(view.model()->index(0, MarkGridModel::FlagColumnCount).data().toString() == s("EXP"));
    CHECK(view.model()->index(0, MarkGridModel::FlagColumnCount).data(Qt::BackgroundRole).value<QBrush>().color()
          == QColor(s("#2a9d8f")));
    auto queued = outbox(w);
    REQUIRE(queued.size() == 2);
    CHECK(queued[0].key == w.key(0, 0));
    CHECK(queued[0].value == s("EXP"));
    CHECK(queued[1].key == w.key(1, 0));
    CHECK(queued[1].value == s("GDS"));
    // The details panel shows the current cell's objective in full.
    CHECK(page(w).detailsPanel()->objectiveText() == s("Synthetic objective statement number 1"));

    // A key that is no value on the scale saves nothing and says which keys there are.
    QTest::keyClick(&view, Qt::Key_X);
    settle(w);
    CHECK(page(w).messageText().contains(s("W Working towards")));
    CHECK(outbox(w).size() == 2);

    // Arrows move, Enter moves down, Delete clears what is selected.
    goTo(w, 0, 0);
    QTest::keyClick(&view, Qt::Key_Right);
    CHECK(view.currentIndex().column() == MarkGridModel::FlagColumnCount + 1);
    QTest::keyClick(&view, Qt::Key_Left);
    QTest::keyClick(&view, Qt::Key_Return);
    CHECK(view.currentIndex().row() == 1);
    QTest::keyClick(&view, Qt::Key_Delete);
    settle(w);
    CHECK_FALSE(stored(w, w.key(1, 0)).has_value());
    CHECK(outbox(w).size() == 3);
    CHECK_FALSE(outbox(w).last().value.has_value());

    // Moving right instead: the cursor goes along the row.
    view.setAdvance(MarkGridView::Advance::Right);
    goTo(w, 4, 0);
    QTest::keyClick(&view, Qt::Key_W);
    settle(w);
    CHECK(stored(w, w.key(4, 0)) == s("WTS"));
    CHECK(view.currentIndex().row() == 4);
    CHECK(view.currentIndex().column() == MarkGridModel::FlagColumnCount + 1);
}

TEST_CASE("grid: undo restores the store and the outbox, redo saves again", "[app][gui][grid]")
{
    Workspace w;
    MarkGridView &view = grid(w);
    goTo(w, 2, 3);
    QTest::keyClick(&view, Qt::Key_E);
    settle(w);
    REQUIRE(stored(w, w.key(2, 3)) == s("EXP"));
    REQUIRE(outbox(w).size() == 1);

    QTest::keyClick(&view, Qt::Key_Z, Qt::ControlModifier);
    settle(w);
    CHECK_FALSE(stored(w, w.key(2, 3)).has_value());
    CHECK(outbox(w).isEmpty());
    CHECK(view.model()->index(2, 3 + MarkGridModel::FlagColumnCount).data().toString().isEmpty());

    QTest::keyClick(&view, Qt::Key_Y, Qt::ControlModifier);
    settle(w);
    CHECK(stored(w, w.key(2, 3)) == s("EXP"));
    REQUIRE(outbox(w).size() == 1);
    CHECK(view.model()->index(2, 3 + MarkGridModel::FlagColumnCount).data().toString() == s("EXP"));

    // A paste is one step: one undo takes all of it back.
    selectBlock(w, 0, 0, 0, 0);
    grid(w).pasteText(s("W\tW\nG\tG\n"));
    settle(w);
    CHECK(outbox(w).size() == 5);
    page(w).editor()->undo();
    settle(w);
    CHECK(outbox(w).size() == 1);
    CHECK_FALSE(stored(w, w.key(1, 1)).has_value());
}

TEST_CASE("grid: a 10 x 5 block pasted from Excel lands in the store in one step", "[app][gui][grid]")
{
    Workspace w(12, 6);
    MarkGridView &view = grid(w);
    // Keys, codes and labels, in any case, as a teacher's spreadsheet holds them.
    const QString values[] = {s("E"), s("exp"), s("Greater depth"), s("w"), s("GDS")};
    QList<QStringList> rows;
    for (int r = 0; r < 10; ++r) {
        QStringList row;
        for (int c = 0; c < 5; ++c)
            row << values[(r + c) % 5];
        rows << row;
    }
    const QString codes[] = {s("EXP"), s("EXP"), s("GDS"), s("WTS"), s("GDS")};
    goTo(w, 1, 1);
    QApplication::clipboard()->setText(TsvTable::format(rows));
    QTest::keyClick(&view, Qt::Key_V, Qt::ControlModifier);
    settle(w);
    for (int r = 0; r < 10; ++r)
        for (int c = 0; c < 5; ++c) {
            INFO("row " << r << " column " << c);
            CHECK(stored(w, w.key(r + 1, c + 1)) == codes[(r + c) % 5]);
        }
    CHECK(outbox(w).size() == 50);
    CHECK_FALSE(stored(w, w.key(0, 0)).has_value());

    // Copying the block gives the same values back, as codes.
    selectBlock(w, 1, 1, 10, 5);
    const auto copied = TsvTable::parse(view.selectionAsText());
    REQUIRE(copied.size() == 10);
    CHECK(copied[0] == QStringList{s("EXP"), s("EXP"), s("GDS"), s("WTS"), s("GDS")});

    // A value not on the scale refuses the whole paste, naming it.
    goTo(w, 0, 0);
    view.pasteText(s("E\tE\nE\tMaybe\n"));
    settle(w);
    CHECK(page(w).messageText().contains(s("\"Maybe\" (row 2, column 2")));
    CHECK_FALSE(stored(w, w.key(0, 0)).has_value());
    CHECK(outbox(w).size() == 50);

    // A block that does not fit is refused too.
    goTo(w, 10, 4);
    view.pasteText(TsvTable::format(rows));
    settle(w);
    CHECK(page(w).messageText().contains(s("do not fit")));
    CHECK(outbox(w).size() == 50);

    // One value into a selection fills it.
    selectBlock(w, 0, 0, 2, 0);
    view.pasteText(s("G"));
    settle(w);
    CHECK(stored(w, w.key(0, 0)) == s("GDS"));
    CHECK(stored(w, w.key(2, 0)) == s("GDS"));
}

TEST_CASE("grid: fill down and fill right copy the first cell over the selection", "[app][gui][grid]")
{
    Workspace w;
    MarkGridView &view = grid(w);
    goTo(w, 0, 0);
    QTest::keyClick(&view, Qt::Key_E);
    settle(w);
    selectBlock(w, 0, 0, 4, 0);
    QTest::keyClick(&view, Qt::Key_D, Qt::ControlModifier);
    settle(w);
    for (int r = 0; r < 5; ++r)
        CHECK(stored(w, w.key(r, 0)) == s("EXP"));
    selectBlock(w, 0, 0, 0, 3);
    QTest::keyClick(&view, Qt::Key_R, Qt::ControlModifier);
    settle(w);
    for (int c = 0; c < 4; ++c)
        CHECK(stored(w, w.key(0, c)) == s("EXP"));
    CHECK(outbox(w).size() == 1 + 4 + 3);
}

TEST_CASE("grid: a locked term is read-only, says so and refuses edits", "[app][gui][grid]")
{
    Workspace w;
    MarkingPage &p = page(w);
    // The latest open term is chosen first; the locked one is marked as such in the picker.
    CHECK(p.termId() == w.school.termIds[1]);
    auto *termPicker = p.findChild<QComboBox *>(s("termPicker"));
    REQUIRE(termPicker);
    CHECK(termPicker->itemText(2).contains(s("locked")));
    CHECK(p.bannerText().isEmpty());

    p.choose(w.school.groupId, w.school.frameworkId, w.school.termIds[2]);
    REQUIRE(w.window->waitUntilLoaded());
    settle(w);
    CHECK(p.bannerText().contains(s("locked")));
    CHECK_FALSE(p.gridModel()->isEditable());
    goTo(w, 0, 0);
    QTest::keyClick(&grid(w), Qt::Key_E);
    grid(w).pasteText(s("E\tE\n"));
    QTest::keyClick(&grid(w), Qt::Key_Delete);
    settle(w);
    CHECK(p.messageText().contains(s("locked")));
    CHECK_FALSE(stored(w, w.key(0, 0, 2)).has_value());
    CHECK(outbox(w).isEmpty());
    // The store refuses on its own too, whatever the window does.
    auto direct = onStore(w.window->storeWorker(), [&](LocalStore &store) {
        return MarkStore(store.database(), w.school.schoolId, w.school.teacherId)
            .record({w.key(0, 0, 2), s("EXP"), {}});
    });
    REQUIRE_FALSE(direct.ok());
    CHECK(direct.error().code == ErrorCode::Locked);
    otrack::test::screenshot(*w.window, s("main-window-locked-term.png"));
}

TEST_CASE("grid: pupils filter by flag and name", "[app][gui][grid]")
{
    Workspace w(12, 4);
    PupilFilterProxy *proxy = page(w).filterProxy();
    // The fixture: pupil premium every 4th pupil, SEN every 7th, EAL every 5th, boys at even places.
    proxy->setFilter(PupilFilterProxy::Filter::PupilPremium);
    CHECK(proxy->rowCount() == 3);
    proxy->setFilter(PupilFilterProxy::Filter::Sen);
    CHECK(proxy->rowCount() == 2);
    proxy->setFilter(PupilFilterProxy::Filter::NotEal);
    CHECK(proxy->rowCount() == 9);
    proxy->setFilter(PupilFilterProxy::Filter::Girls);
    CHECK(proxy->rowCount() == 6);
    proxy->setFilter(PupilFilterProxy::Filter::All);
    proxy->setNameFilter(s("pupil0011"));
    CHECK(proxy->rowCount() == 1);
    // A key typed in a filtered grid marks the pupil shown, not the one in that place unfiltered.
    MarkGridView &view = grid(w);
    view.setFocus();
    view.selectionModel()->setCurrentIndex(view.model()->index(0, MarkGridModel::FlagColumnCount),
                                           QItemSelectionModel::ClearAndSelect);
    QTest::keyClick(&view, Qt::Key_G);
    settle(w);
    CHECK(stored(w, w.key(10, 0)) == s("GDS"));
    CHECK_FALSE(stored(w, w.key(0, 0)).has_value());
}

TEST_CASE("grid: a data manager locks the term from the window; a teacher has no such control", "[app][gui][grid]")
{
    {
        Workspace teacher;
        auto *lock = page(teacher).findChild<QPushButton *>(s("lockTerm"));
        REQUIRE(lock);
        CHECK(lock->isHidden());
    }
    Workspace w(12, 6, s("admin"));
    auto *lock = page(w).findChild<QPushButton *>(s("lockTerm"));
    REQUIRE(lock);
    CHECK_FALSE(lock->isHidden());
    const QString term = page(w).termId();
    lock->click();
    settle(w);
    REQUIRE(w.window->waitUntilLoaded());
    settle(w);
    CHECK(page(w).termId() == term);
    CHECK(page(w).bannerText().contains(s("locked")));
    CHECK_FALSE(page(w).gridModel()->isEditable());
    auto pending = onStore(w.window->storeWorker(), [&](LocalStore &store) {
        return TermLocks(store.database(), w.school.schoolId, w.school.teacherId, Role::Admin).pending();
    });
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->first().termId == term);
}

TEST_CASE("grid: screenshot of the main window with marks", "[app][gui][grid]")
{
    Workspace w(30, 12);
    selectBlock(w, 0, 0, 0, 0);
    QList<QStringList> rows;
    const QString values[] = {s("W"), s("E"), s("E"), s("G"), s("E"), s("")};
    for (int r = 0; r < 24; ++r) {
        QStringList row;
        for (int c = 0; c < 9; ++c)
            row << values[(r * 7 + c * 3) % 6];
        rows << row;
    }
    grid(w).pasteText(TsvTable::format(rows));
    settle(w);
    goTo(w, 3, 2);
    settle(w);
    w.window->resize(1280, 760);
    otrack::test::screenshot(*w.window, s("main-window-en.png"));
}

TEST_CASE("main window: every control has an accessible name, the tab order is sensible, large fonts and "
          "high contrast are honoured",
          "[app][gui][grid]")
{
    const QFont systemFont = QApplication::font();
    const QPalette systemPalette = QApplication::palette();
    // A large system font and a dark high-contrast palette, as Windows sets them.
    QFont large = systemFont;
    large.setPointSizeF(16);
    QApplication::setFont(large);
    QPalette contrast;
    contrast.setColor(QPalette::Window, Qt::black);
    contrast.setColor(QPalette::WindowText, Qt::white);
    contrast.setColor(QPalette::Base, Qt::black);
    contrast.setColor(QPalette::Text, Qt::white);
    contrast.setColor(QPalette::Button, Qt::black);
    contrast.setColor(QPalette::ButtonText, Qt::white);
    contrast.setColor(QPalette::Highlight, QColor(0x1a, 0xeb, 0xff));
    contrast.setColor(QPalette::HighlightedText, Qt::black);
    contrast.setColor(QPalette::ToolTipBase, Qt::black);
    contrast.setColor(QPalette::ToolTipText, Qt::yellow);
    QApplication::setPalette(contrast);
    {
        Workspace w(12, 6);
        MarkingPage &p = page(w);
        p.choose(w.school.groupId, w.school.frameworkId, w.school.termIds[2]);  // the locked term: the banner
        REQUIRE(w.window->waitUntilLoaded());
        settle(w);

        for (QWidget *control : w.window->findChildren<QWidget *>()) {
            if (!control->isVisible() || control->focusPolicy() == Qt::NoFocus)
                continue;
            if (qobject_cast<QComboBox *>(control) || qobject_cast<QLineEdit *>(control)
                || qobject_cast<QAbstractItemView *>(control)) {
                INFO(control->metaObject()->className() << " " << control->objectName().toStdString());
                CHECK_FALSE(control->accessibleName().isEmpty());
            }
        }
        // Pickers first, then the filter, then the grid.
        auto *group = p.findChild<QComboBox *>(s("groupPicker"));
        REQUIRE(group);
        QStringList order;
        QWidget *at = group;
        for (int i = 0; i < 6; ++i) {
            order << at->objectName();
            at = at->nextInFocusChain();
            while (at && ((at->focusPolicy() & Qt::TabFocus) != Qt::TabFocus || !at->isVisible()))
                at = at->nextInFocusChain();
        }
        INFO(order.join(s(", ")).toStdString());
        CHECK(order.mid(0, 6)
              == QStringList{s("groupPicker"), s("frameworkPicker"), s("termPicker"), s("filterPicker"),
                             s("pupilSearch"), s("markGrid")});

        // Rows grow with the font, and the notice band takes the palette's colours.
        CHECK(grid(w).verticalHeader()->defaultSectionSize() >= QFontMetrics(large).height());
        auto *banner = p.findChild<QLabel *>(s("lockedBanner"));
        REQUIRE(banner);
        CHECK(banner->styleSheet().contains(QColor(Qt::yellow).name()));
        w.window->resize(1280, 760);
        otrack::test::screenshot(*w.window, s("main-window-high-contrast.png"));
    }
    QApplication::setFont(systemFont);
    QApplication::setPalette(systemPalette);
}
