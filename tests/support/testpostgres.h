#pragma once

#include <QString>

namespace otrack::test {

// A fresh, empty database in the test run's PostgreSQL cluster (the CTest fixture "postgres",
// scripts/test-postgres), dropped when this object goes. url() is what otrack-server takes.
class TestPostgresDatabase {
public:
    TestPostgresDatabase();
    ~TestPostgresDatabase();
    TestPostgresDatabase(const TestPostgresDatabase &) = delete;
    TestPostgresDatabase &operator=(const TestPostgresDatabase &) = delete;

    const QString &url() const { return m_url; }
    const QString &name() const { return m_name; }

private:
    QString m_serverUrl;  // the cluster's maintenance database
    QString m_url;
    QString m_name;
};

}  // namespace otrack::test
