#pragma once

#include "serverprocess.h"
#include "tempdir.h"
#include "testpki.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace otrack::test {

// otrack-server over real TLS on 127.0.0.1 with a small demo school (admin demo), for client
// tests. The client links SQLCipher, so the server's database is reached only through the
// server's own admin command and, for what no command does (retention, expiring tokens,
// reading results), the sqlite3 shell on the server's file.
class DemoServer {
public:
    struct Account {
        QString role;
        QString username;
        QString password;
        QString groupName;
    };

    // Creates the school (`marks` marks) and starts serving.
    explicit DemoServer(int marks = 60);

    QString url() const;
    QString url(quint16 port) const;
    quint16 port() const { return m_process->port(); }
    const TestPki &pki() const { return m_pki; }
    const QString &schoolName() const { return m_schoolName; }
    const QString &schoolId() const { return m_schoolId; }
    const QString &databaseFile() const { return m_database; }
    // The first account with this role (teachers: the first class's teacher).
    Account account(const QString &role) const;
    QList<Account> accounts() const { return m_accounts; }

    // otrack-server admin ... ; REQUIREs exit 0 and returns standard output.
    QString admin(const QStringList &arguments, const QByteArray &input = {});
    // SQL on the server's file through the sqlite3 shell; REQUIREs success; returns its output.
    QString sql(const QString &statements);
    // admin erase-pupil: the pupil's rows go and a purge record is appended.
    void erasePupil(const QString &pupilId);

    // REQUIREs that the server is still running; a crashed one says why (its log's end).
    void requireRunning();
    void stop();
    // Starts again on the same port (clients keep their URL), or on any free port: the port
    // is free while the server is down, and another program may take it meanwhile, so a test
    // whose clients go through a proxy lets the proxy follow (FaultProxy::setTargetPort).
    enum class Port { Same, Any };
    void restart(Port port = Port::Same);

private:
    void start();
    QString logEnd() const;

    TempDir m_dir;
    TestPki m_pki;
    QString m_database;
    QString m_schoolName = QStringLiteral("Client Test Primary");
    QString m_schoolId;
    QList<Account> m_accounts;
    std::unique_ptr<ServerProcess> m_process;
    quint16 m_fixedPort = 0;
};

}  // namespace otrack::test
