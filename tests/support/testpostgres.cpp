#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace otrack::test {

namespace {

void runOnMaintenanceDatabase(const QString &serverUrl, const QString &sql)
{
    const QUrl url(serverUrl);
    const QString connection = QStringLiteral("otrack-test-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        INFO("PostgreSQL at " << serverUrl.toStdString() << ": " << db.lastError().text().toStdString());
        REQUIRE(db.open());
        QSqlQuery query(db);
        INFO(sql.toStdString());
        const bool ok = query.exec(sql);
        INFO(query.lastError().text().toStdString());
        REQUIRE(ok);
    }
    QSqlDatabase::removeDatabase(connection);
}

}  // namespace

TestPostgresDatabase::TestPostgresDatabase()
{
    QFile file(QStringLiteral(OTRACK_TEST_POSTGRES_DIR "/url"));
    INFO("the CTest fixture 'postgres' (scripts/test-postgres) must be running: " << OTRACK_TEST_POSTGRES_DIR);
    REQUIRE(file.open(QIODevice::ReadOnly));
    m_serverUrl = QString::fromUtf8(file.readAll()).trimmed();
    m_name = QStringLiteral("otrack_test_") + QUuid::createUuid().toString(QUuid::Id128);
    runOnMaintenanceDatabase(m_serverUrl, QStringLiteral("CREATE DATABASE ") + m_name);
    QUrl url(m_serverUrl);
    url.setPath(u'/' + m_name);
    m_url = url.toString();
}

TestPostgresDatabase::~TestPostgresDatabase()
{
    // Connections of the code under test may still be open: FORCE ends them (PostgreSQL 13+).
    runOnMaintenanceDatabase(m_serverUrl,
                             QStringLiteral("DROP DATABASE IF EXISTS ") + m_name + QStringLiteral(" WITH (FORCE)"));
}

}  // namespace otrack::test
