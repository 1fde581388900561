#include "workspacefixture.h"

#include "syncsession.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QTest>

namespace otrack::test {

Workspace::Workspace(int pupils, int objectives, const QString &role,
                     const std::function<void(Database &, const SchoolFixture &)> &seedMore)
{
    auto store = LocalStore::create(dir.file(QStringLiteral("store")), QStringLiteral("a long password"),
                                    ScryptParams::fastForTests());
    REQUIRE(store.ok());
    school = seedSchool(store.value()->database(), pupils, objectives);
    auto session = SyncSession::load(store.value()->database());
    REQUIRE(session.ok());
    session->schoolId = school.schoolId;
    session->schoolName = QStringLiteral("Synthetic Primary School");
    session->userId = school.teacherId;
    session->username = QStringLiteral("teacher1");
    session->role = role;
    REQUIRE(session->save(store.value()->database()).ok());
    if (seedMore)
        seedMore(store.value()->database(), school);
    window = std::make_unique<MainWindow>(std::move(store.value()), QStringLiteral("Synthetic Primary School"),
                                          QStringLiteral("teacher1"));
    window->show();
    REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    REQUIRE(window->waitUntilLoaded());
}

MarkKey Workspace::key(int pupil, int objective, int term) const
{
    return {school.pupilIds[pupil], school.objectiveIds[objective], school.termIds[term]};
}

QString screenshot(QWidget &widget, const QString &name)
{
    QApplication::processEvents();
    const QString path = testOutputDir() + QLatin1Char('/') + name;
    REQUIRE(widget.grab().save(path));
    return path;
}

}  // namespace otrack::test
