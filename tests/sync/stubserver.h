#pragma once

#include "testpki.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTcpServer>

#include <functional>

namespace otrack::test {

// A TLS server on 127.0.0.1 that answers every request from a function, for answers the real
// server cannot be made to give on demand (426 to a current client, a legal-acceptance 403).
class StubServer : public QTcpServer {
    Q_OBJECT

public:
    struct Answer {
        int status = 200;
        QByteArray body;
    };
    using Responder = std::function<Answer(const QByteArray &method, const QByteArray &path)>;

    StubServer(const TestPki &pki, Responder responder);

    // Answers in the protocol's shapes: a login for user `userId` of school `schoolId` with
    // tokens that never expire and a device key; an error; the legal documents when nothing is
    // published; the last page of a pull with nothing in it.
    static Answer loginAnswer(const QString &schoolId = QStringLiteral("s1"),
                              const QString &userId = QStringLiteral("u1"));
    static Answer errorAnswer(int status, const char *code);
    static Answer noLegalDocuments();
    static Answer emptyPull();

    QString url() const;
    // "METHOD PATH" of every request so far.
    const QList<QByteArray> &requests() const { return m_requests; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    TestPki m_pki;
    Responder m_responder;
    QList<QByteArray> m_requests;
};

}  // namespace otrack::test
