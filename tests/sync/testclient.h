#pragma once

#include "demoserver.h"
#include "syncengine.h"

#include <QString>

#include <memory>

namespace otrack::test {

// One teacher's PC for engine tests: a real encrypted store in `folder` and a SyncEngine
// against `url` (the server, or a proxy in front of it). Each call runs the event loop until
// the engine finishes.
class TestClient {
public:
    TestClient(const QString &folder, const DemoServer &server, const DemoServer::Account &account,
               const QString &url = QString());

    SyncEngine &engine() { return *m_engine; }
    Database &db() { return m_engine->store()->database(); }
    const QString &folder() const { return m_folder; }

    SyncStatus::State login();
    SyncStatus::State sync();
    // Drops the engine and the store (as a process that ends would) and opens them again.
    void reopen(const QString &url = QString());

    // Records a mark like the app: REQUIREs success, returns the op id.
    QString mark(const QString &pupil, const QString &objective, const QString &term, const QString &value);
    // The first value of the first row, as text ("" when no row).
    QString scalar(const QString &sql);

    // A pupil, objective, term and two values that this client may mark (after a sync).
    struct Cell {
        QString pupil;
        QString objective;
        QString term;
    };
    Cell cell(int index = 0);

private:
    SyncStatus::State wait(const std::function<void()> &start);

    QString m_folder;
    const DemoServer &m_server;
    DemoServer::Account m_account;
    QString m_url;
    std::unique_ptr<SyncEngine> m_engine;
};

}  // namespace otrack::test
