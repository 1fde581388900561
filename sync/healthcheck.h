#pragma once

#include "healthresponse.h"
#include "serverendpoint.h"

#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QStringList>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace otrack {

// What GET /v1/health found. `detail` is English for logs and developers (it never holds a
// credential); the UI words its own sentence from `outcome`.
struct HealthStatus {
    enum class Outcome {
        Reachable,  // 200 with a well-formed health body and our protocol
        IncompatibleProtocol,  // reachable, but it speaks another protocol version
        CertificateError,  // the server's certificate was not trusted: see certificateErrors
        TlsError,  // TLS failed for another reason (e.g. no common protocol version)
        Unreachable,  // name lookup, refused, reset, no network
        Timeout,
        HttpError,  // an answer other than 200: see httpStatus and apiError
        BadResponse,  // 200 with a body that is not a health answer
        Cancelled,
    };

    Outcome outcome = Outcome::Unreachable;
    QString detail;
    QStringList certificateErrors;  // one reason per certificate problem
    int httpStatus = 0;
    std::optional<HealthResponse> health;
    std::optional<QString> apiErrorCode;

    bool ok() const { return outcome == Outcome::Reachable; }
};

const char *outcomeName(HealthStatus::Outcome outcome);

// Asks the server whether it is up, over the endpoint's TLS policy. One check at a time;
// `finished` is emitted exactly once per start(), also on failure.
class HealthCheck : public QObject {
    Q_OBJECT

public:
    // Uses `network` when given (it must outlive this object), else a manager of its own.
    explicit HealthCheck(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~HealthCheck() override;

    void start(const ServerEndpoint &endpoint, int timeoutMs = ServerEndpoint::kDefaultTimeoutMs);
    void cancel();
    bool isRunning() const { return !m_reply.isNull(); }

Q_SIGNALS:
    void finished(const otrack::HealthStatus &status);

private:
    void onFinished();

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QList<QSslError> m_sslErrors;
    bool m_cancelled = false;
    bool m_tooLarge = false;
};

}  // namespace otrack
