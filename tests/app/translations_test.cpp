// The shipped translations: every .ts complete (no unfinished, missing or obsolete entry, the
// same placeholders as the source), and the main window in Welsh shows no English string,
// switched while it runs and back again.
#include "languageswitcher.h"
#include "mainwindow.h"
#include "markgridmodel.h"
#include "markingpage.h"
#include "workspacefixture.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QXmlStreamReader>

using namespace otrack;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct Entry {
    QString context;
    QString source;
    QStringList translations;  // one, or one per plural form
    QString type;  // "", "unfinished", "vanished", "obsolete"
};

QList<Entry> readTs(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QList<Entry> entries;
    QString context;
    Entry current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name")
            context = xml.readElementText();
        else if (name == u"message")
            current = Entry{context, {}, {}, {}};
        else if (name == u"source")
            current.source = xml.readElementText();
        else if (name == u"translation") {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either text, or <numerusform> children.
            QString text;
            QStringList forms;
            while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == u"numerusform")
                    forms << xml.readElementText();
            }
            current.translations = forms.isEmpty() ? QStringList{text.trimmed().isEmpty() ? QString() : text} : forms;
            entries << current;
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return entries;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(s("%(\\d|n)"));
    QSet<QString> found;
    for (const auto &m : marker.globalMatch(text))
        found.insert(m.captured());
    return found;
}

QString tsPath(const char *name)
{
    return QDir(s(OTRACK_TRANSLATIONS_DIR)).filePath(s(name));
}

// Every string the window shows or names for a screen reader: labels, buttons, tabs, menus,
// combo boxes, placeholders, headers, tooltips and accessible names.
QStringList shownTexts(QWidget *root)
{
    QStringList texts;
    auto add = [&](const QString &t) {
        QString clean = t;
        clean.remove(u'&');
        if (!clean.trimmed().isEmpty())
            texts << clean.trimmed();
    };
    std::function<void(QMenu *)> menu = [&](QMenu *m) {
        add(m->title());
        for (QAction *a : m->actions()) {
            add(a->text());
            add(a->toolTip());
            if (a->menu())
                menu(a->menu());
        }
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets << root;
    for (QWidget *w : widgets) {
        add(w->toolTip());
        add(w->accessibleName());
        add(w->accessibleDescription());
        if (auto *l = qobject_cast<QLabel *>(w))
            add(l->text());
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(b->text());
        if (auto *e = qobject_cast<QLineEdit *>(w))
            add(e->placeholderText());
        if (auto *c = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < c->count(); ++i)
                add(c->itemText(i));
        if (auto *t = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < t->count(); ++i)
                add(t->tabText(i));
        if (auto *bar = qobject_cast<QMenuBar *>(w))
            for (QAction *a : bar->actions())
                if (a->menu())
                    menu(a->menu());
        if (auto *v = qobject_cast<QTableView *>(w); v && v->model()) {
            for (int c = 0; c < v->model()->columnCount(); ++c) {
                add(v->model()->headerData(c, Qt::Horizontal).toString());
                add(v->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
            }
            for (int r = 0; r < std::min(3, v->model()->rowCount()); ++r)
                for (int c = 0; c < v->model()->columnCount(); ++c) {
                    add(v->model()->index(r, c).data().toString());
                    add(v->model()->index(r, c).data(Qt::ToolTipRole).toString());
                }
        }
    }
    return texts;
}

}  // namespace

TEST_CASE("translations: every shipped .ts is complete, current and keeps the placeholders", "[app][i18n]")
{
    const QStringList files = QDir(s(OTRACK_TRANSLATIONS_DIR)).entryList({s("*.ts")}, QDir::Files);
    REQUIRE(files.contains(s("otrack_cy.ts")));
    REQUIRE(files.contains(s("otrack_en_GB.ts")));
    for (const QString &file : files) {
        const auto entries = readTs(QDir(s(OTRACK_TRANSLATIONS_DIR)).filePath(file));
        REQUIRE(entries.size() > 400);
        for (const Entry &e : entries) {
            INFO(file.toStdString() << " [" << e.context.toStdString() << "] " << e.source.toStdString());
            CHECK(e.type.isEmpty());  // not unfinished, vanished or obsolete
            for (const QString &t : e.translations) {
                CHECK_FALSE(t.isEmpty());
                CHECK(placeholders(t) == placeholders(e.source));
            }
        }
    }
}

TEST_CASE("translations: the main window in Welsh shows no English, and switches back", "[app][gui][i18n]")
{
    // The English the window could show: every source text whose Welsh differs.
    QSet<QString> english;
    QStringList fragments;
    static const QRegularExpression marker(s("%(\\d|n)"));
    for (const Entry &e : readTs(tsPath("otrack_cy.ts"))) {
        if (e.translations.value(0) == e.source)
            continue;
        QString clean = e.source;
        clean.remove(u'&');
        english.insert(clean.trimmed());
        for (const QString &part : clean.split(marker))
            if (part.trimmed().size() >= 12)
                fragments << part.trimmed();
    }
    REQUIRE(english.size() > 300);

    test::Workspace w(10, 6);
    MainWindow &main = *w.window;
    REQUIRE(LanguageSwitcher::instance().apply(s("cy")));
    REQUIRE(QTest::qWaitFor([&] { return main.pages()->tabText(0) == s("&Marcio"); }, 10000));
    REQUIRE(main.waitUntilLoaded());
    QApplication::processEvents();

    const QStringList shown = shownTexts(&main);
    REQUIRE(shown.size() > 50);
    QStringList leaks;
    for (const QString &text : shown) {
        if (english.contains(text))
            leaks << text;
        else
            for (const QString &fragment : fragments)
                if (text.contains(fragment))
                    leaks << text + s("  [") + fragment + s("]");
    }
    INFO(leaks.join(s("\n")).toStdString());
    CHECK(leaks.isEmpty());
    CHECK(shown.contains(s("Grid marcio")));
    CHECK(main.markingPage()->gridModel() != nullptr);
    main.resize(1280, 760);
    test::screenshot(main, s("main-window-cy.png"));

    REQUIRE(LanguageSwitcher::instance().apply(s("en_GB")));
    REQUIRE(QTest::qWaitFor([&] { return main.pages()->tabText(0) == s("&Marking"); }, 10000));
    REQUIRE(main.waitUntilLoaded());
    CHECK(shownTexts(&main).contains(s("Marking grid")));
}
