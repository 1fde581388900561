#pragma once

#include "localstore.h"
#include "mainwindow.h"
#include "schoolfixture.h"
#include "tempdir.h"

#include <memory>

namespace otrack::test {

// A real encrypted store with a synthetic school and a signed-in session (as an online login
// leaves it), and the main window over it, loaded.
struct Workspace {
    TempDir dir;
    SchoolFixture school;
    std::unique_ptr<MainWindow> window;

    // `role` as the server would name it: "teacher", "admin", "owner", "read_only".
    explicit Workspace(int pupils = 12, int objectives = 6, const QString &role = QStringLiteral("teacher"),
                       const std::function<void(Database &, const SchoolFixture &)> &seedMore = {});
    // A cell; by default in the term the window opens on (the latest open one, Autumn 2).
    MarkKey key(int pupil, int objective, int term = 1) const;
};

// Saves a picture of the widget under the test output folder and returns its path.
QString screenshot(QWidget &widget, const QString &name);

}  // namespace otrack::test
