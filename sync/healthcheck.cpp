#include "healthcheck.h"

#include "apierror.h"
#include "jsondecode.h"
#include "logging.h"
#include "protocolversion.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace otrack {

const char *outcomeName(HealthStatus::Outcome outcome)
{
    switch (outcome) {
    case HealthStatus::Outcome::Reachable:
        return "Reachable";
    case HealthStatus::Outcome::IncompatibleProtocol:
        return "IncompatibleProtocol";
    case HealthStatus::Outcome::CertificateError:
        return "CertificateError";
    case HealthStatus::Outcome::TlsError:
        return "TlsError";
    case HealthStatus::Outcome::Unreachable:
        return "Unreachable";
    case HealthStatus::Outcome::Timeout:
        return "Timeout";
    case HealthStatus::Outcome::HttpError:
        return "HttpError";
    case HealthStatus::Outcome::BadResponse:
        return "BadResponse";
    case HealthStatus::Outcome::Cancelled:
        return "Cancelled";
    }
    return "Unknown";
}

HealthCheck::HealthCheck(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network ? network : new QNetworkAccessManager(this))
{
}

HealthCheck::~HealthCheck()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HealthCheck::start(const ServerEndpoint &endpoint, int timeoutMs)
{
    cancel();
    m_sslErrors.clear();
    m_cancelled = false;
    m_tooLarge = false;

    qCInfo(lcSync) << "checking server health at" << endpoint.displayName();
    QNetworkReply *reply = m_network->get(endpoint.request(u"/v1/health"_s, timeoutMs));
    m_reply = reply;
    // Collected to say why, never ignored: an untrusted certificate fails the handshake.
    connect(reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors.append(errors); });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64) {
        if (received > protocol::kMaxJsonBytes && !m_tooLarge) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, &HealthCheck::onFinished);
}

void HealthCheck::cancel()
{
    if (m_reply) {
        m_cancelled = true;
        m_reply->abort();  // emits finished, which reports Cancelled
    }
}

void HealthCheck::onFinished()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply)
        return;
    m_reply.clear();
    reply->deleteLater();

    HealthStatus status;
    const QVariant httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    status.httpStatus = httpStatus.isValid() ? httpStatus.toInt() : 0;
    const QNetworkReply::NetworkError error = reply->error();

    if (m_cancelled) {
        status.outcome = HealthStatus::Outcome::Cancelled;
        status.detail = u"cancelled"_s;
    } else if (m_tooLarge) {
        status.outcome = HealthStatus::Outcome::BadResponse;
        status.detail = u"the health answer is too large"_s;
    } else if (!m_sslErrors.isEmpty()) {
        status.outcome = HealthStatus::Outcome::CertificateError;
        for (const QSslError &sslError : std::as_const(m_sslErrors))
            status.certificateErrors.append(sslError.errorString());
        status.certificateErrors.removeDuplicates();
        status.detail = u"the server's certificate is not trusted: "_s + status.certificateErrors.join(u"; "_s);
    } else if (error == QNetworkReply::SslHandshakeFailedError) {
        status.outcome = HealthStatus::Outcome::TlsError;
        status.detail = reply->errorString();
    } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        // Only the transfer timeout aborts a reply that we did not cancel ourselves.
        status.outcome = HealthStatus::Outcome::Timeout;
        status.detail = u"no answer in time"_s;
    } else if (status.httpStatus != 0 && status.httpStatus != 200) {
        status.outcome = HealthStatus::Outcome::HttpError;
        const QByteArray body = reply->readAll();
        if (auto apiError = ApiError::decode(body)) {
            status.apiErrorCode = apiError->code;
            status.detail = u"HTTP %1: %2 (%3)"_s.arg(status.httpStatus).arg(apiError->message, apiError->code);
        } else {
            status.detail = u"HTTP %1"_s.arg(status.httpStatus);
        }
    } else if (error != QNetworkReply::NoError) {
        status.outcome = HealthStatus::Outcome::Unreachable;
        status.detail = reply->errorString();
    } else {
        auto health = HealthResponse::decode(reply->readAll());
        if (!health) {
            status.outcome = HealthStatus::Outcome::BadResponse;
            status.detail = u"not a health answer: "_s + health.error().message;
        } else if (health->protocol != protocol::kVersion) {
            status.outcome = HealthStatus::Outcome::IncompatibleProtocol;
            status.detail
                = u"the server speaks protocol %1, this client %2"_s.arg(health->protocol).arg(protocol::kVersion);
            status.health = *health;
        } else if (!health->isOk()) {
            status.outcome = HealthStatus::Outcome::BadResponse;
            status.detail = u"the server reports status '%1'"_s.arg(health->status);
            status.health = *health;
        } else {
            status.outcome = HealthStatus::Outcome::Reachable;
            status.detail = u"ok (%1)"_s.arg(health->database);
            status.health = *health;
        }
    }
    m_sslErrors.clear();

    if (status.ok())
        qCInfo(lcSync) << "server health:" << status.detail;
    else
        qCWarning(lcSync) << "server health check failed:" << outcomeName(status.outcome) << status.detail;
    Q_EMIT finished(status);
}

}  // namespace otrack
