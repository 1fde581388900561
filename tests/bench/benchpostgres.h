#pragma once

#include <QString>

namespace otrack::bench {

// A private PostgreSQL cluster for server_bench, made the way scripts/test-postgres makes the
// tests' one (initdb into a folder, its own loopback port, stopped at the end), but with the
// durability a hosted service runs with: fsync and synchronous_commit stay on, so commits
// cost what they cost in production. Needs root (runs the server as the postgres user) or
// to be run as postgres.
class BenchPostgres {
public:
    // `folder` must be traversable by the postgres user.
    explicit BenchPostgres(QString folder);
    ~BenchPostgres();
    BenchPostgres(const BenchPostgres &) = delete;
    BenchPostgres &operator=(const BenchPostgres &) = delete;

    // Empty on success, else why the cluster could not be started.
    QString start();
    // postgresql://postgres@127.0.0.1:PORT/DB for a new database DB made by createDatabase.
    QString createDatabase(const QString &name, QString *error);
    // start(), then createDatabase(name): the URL in `url`; empty on success, else why not.
    QString startWithDatabase(const QString &name, QString *url);

private:
    QString run(const QString &program, const QStringList &arguments);

    QString m_folder;
    QString m_bin;
    quint16 m_port = 0;
    bool m_running = false;
};

}  // namespace otrack::bench
