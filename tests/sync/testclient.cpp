#include "testclient.h"

#include "markstore.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace otrack::test {

TestClient::TestClient(const QString &folder, const DemoServer &server, const DemoServer::Account &account,
                       const QString &url)
    : m_folder(folder), m_server(server), m_account(account)
{
    auto created = LocalStore::create(m_folder, m_account.password, ScryptParams::fastForTests());
    INFO((created.ok() ? std::string() : created.error().message.toStdString()));
    REQUIRE(created.ok());
    created.value().reset();
    reopen(url);
}

void TestClient::reopen(const QString &url)
{
    m_engine.reset();
    if (!url.isEmpty() || m_url.isEmpty())
        m_url = url.isEmpty() ? m_server.url() : url;
    auto store = LocalStore::openWithPassword(m_folder, m_account.password);
    INFO((store.ok() ? std::string() : store.error().message.toStdString()));
    REQUIRE(store.ok());
    auto endpoint = ServerEndpoint::create(m_url, m_server.pki().caCertificate);
    REQUIRE(endpoint.ok());
    m_engine = std::make_unique<SyncEngine>(std::move(store.value()), endpoint.value());
    m_engine->api().setTimeout(20000);
    REQUIRE(m_engine->load().ok());
}

SyncStatus::State TestClient::wait(const std::function<void()> &start)
{
    QEventLoop loop;
    QObject::connect(m_engine.get(), &SyncEngine::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    start();
    if (m_engine->isBusy())
        loop.exec();
    REQUIRE_FALSE(m_engine->isBusy());
    INFO(m_engine->status().detail.toStdString());
    return m_engine->status().state;
}

SyncStatus::State TestClient::login()
{
    return wait([this] { m_engine->login(m_server.schoolName(), m_account.username, m_account.password); });
}

SyncStatus::State TestClient::sync()
{
    return wait([this] { m_engine->sync(); });
}

QString TestClient::mark(const QString &pupil, const QString &objective, const QString &term, const QString &value)
{
    MarkStore store(db(), m_engine->session().schoolId, m_engine->session().userId);
    auto opId = store.record({{pupil, objective, term}, value, QString()});
    INFO((opId.ok() ? QString() : opId.error().message).toStdString());
    REQUIRE(opId.ok());
    REQUIRE(m_engine->refreshCounts().ok());
    return opId.value();
}

QString TestClient::scalar(const QString &sql)
{
    auto value = db().scalar(sql.toStdString());
    INFO((value.ok() ? QString() : value.error().message).toStdString());
    REQUIRE(value.ok());
    return value.value();
}

TestClient::Cell TestClient::cell(int index)
{
    // A pupil of this client's scope, an objective of a framework for their year group, and
    // the first term (not locked in the demo).
    const QString pupil
        = scalar(u"SELECT gm.pupil_id FROM group_members gm ORDER BY gm.pupil_id LIMIT 1 OFFSET %1"_s.arg(index / 4));
    const QString objective
        = scalar(u"SELECT id FROM objectives ORDER BY framework_id, position LIMIT 1 OFFSET %1"_s.arg(index % 4));
    const QString term = scalar(u"SELECT id FROM terms WHERE locked = 0 ORDER BY academic_year, position LIMIT 1"_s);
    REQUIRE_FALSE(pupil.isEmpty());
    REQUIRE_FALSE(objective.isEmpty());
    REQUIRE_FALSE(term.isEmpty());
    return {pupil, objective, term};
}

}  // namespace otrack::test
