#include "apiclient.h"

#include "jsondecode.h"
#include "logging.h"
#include "protocolversion.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// Set on a reply that cancel() aborted, to tell it from the transfer timeout (both abort).
constexpr char kCancelledProperty[] = "otrackCancelled";

}  // namespace

const char *kindName(ApiReply::Kind kind)
{
    switch (kind) {
    case ApiReply::Kind::Ok:
        return "Ok";
    case ApiReply::Kind::HttpError:
        return "HttpError";
    case ApiReply::Kind::CertificateError:
        return "CertificateError";
    case ApiReply::Kind::TlsError:
        return "TlsError";
    case ApiReply::Kind::Unreachable:
        return "Unreachable";
    case ApiReply::Kind::Timeout:
        return "Timeout";
    case ApiReply::Kind::Cancelled:
        return "Cancelled";
    }
    return "Unknown";
}

ApiClient::ApiClient(ServerEndpoint endpoint, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_network(new QNetworkAccessManager(this))
{
}

ApiClient::~ApiClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiClient::setPinnedFingerprint(const QByteArray &sha256)
{
    m_pinnedFingerprint = sha256;
}

QNetworkRequest ApiClient::request(const QString &path, bool authenticated) const
{
    QNetworkRequest request = m_endpoint.request(path, m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray(protocol::kJsonContentType));
    if (authenticated)
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_accessToken.toUtf8());
    return request;
}

void ApiClient::post(const QString &path, const QByteArray &json, bool authenticated, Callback done)
{
    send(m_network->post(request(path, authenticated), json), std::move(done));
}

void ApiClient::get(const QString &path, const QUrlQuery &query, bool authenticated, Callback done)
{
    QNetworkRequest req = request(path, authenticated);
    QUrl url = req.url();
    url.setQuery(query);
    req.setUrl(url);
    send(m_network->get(req), std::move(done));
}

void ApiClient::cancel()
{
    if (m_reply) {
        m_reply->setProperty(kCancelledProperty, true);
        m_reply->abort();
    }
}

void ApiClient::send(QNetworkReply *reply, Callback done)
{
    m_reply = reply;
    struct State {
        QList<QSslError> sslErrors;
        bool tooLarge = false;
        bool pinMismatch = false;
    };
    auto state = std::make_shared<State>();
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply, state](const QList<QSslError> &errors) {
        // A pinned certificate is trusted by its fingerprint alone: only then are the chain's
        // errors set aside, and only those of that exact certificate.
        if (!m_pinnedFingerprint.isEmpty() && !errors.isEmpty()) {
            const QByteArray presented
                = QCryptographicHash::hash(errors.first().certificate().toDer(), QCryptographicHash::Sha256);
            bool allAboutThePin = presented == m_pinnedFingerprint;
            for (const QSslError &error : errors)
                allAboutThePin = allAboutThePin && error.certificate() == errors.first().certificate();
            if (allAboutThePin) {
                reply->ignoreSslErrors(errors);
                return;
            }
        }
        state->sslErrors.append(errors);
    });
    connect(reply, &QNetworkReply::encrypted, this, [this, reply, state] {
        if (m_pinnedFingerprint.isEmpty())
            return;
        const QByteArray presented
            = QCryptographicHash::hash(reply->sslConfiguration().peerCertificate().toDer(), QCryptographicHash::Sha256);
        if (presented != m_pinnedFingerprint) {
            state->pinMismatch = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [reply, state](qint64 received, qint64) {
        if (received > protocol::kMaxJsonBytes && !state->tooLarge) {
            state->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, state, done = std::move(done)] {
        if (m_reply == reply)
            m_reply.clear();
        reply->deleteLater();
        ApiReply answer;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        answer.httpStatus = status.isValid() ? status.toInt() : 0;
        const QNetworkReply::NetworkError error = reply->error();
        if (reply->property(kCancelledProperty).toBool()) {
            answer.kind = ApiReply::Kind::Cancelled;
            answer.detail = u"cancelled"_s;
        } else if (state->pinMismatch) {
            answer.kind = ApiReply::Kind::CertificateError;
            answer.certificateErrors.append(u"the server's certificate is not the pinned one"_s);
        } else if (!state->sslErrors.isEmpty()) {
            answer.kind = ApiReply::Kind::CertificateError;
            for (const QSslError &sslError : std::as_const(state->sslErrors))
                answer.certificateErrors.append(sslError.errorString());
            answer.certificateErrors.removeDuplicates();
        } else if (state->tooLarge) {
            answer.kind = ApiReply::Kind::HttpError;
            answer.detail = u"the answer is too large"_s;
        } else if (error == QNetworkReply::SslHandshakeFailedError) {
            answer.kind = ApiReply::Kind::TlsError;
            answer.detail = reply->errorString();
        } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
            // Only the transfer timeout aborts a reply that cancel() did not.
            answer.kind = ApiReply::Kind::Timeout;
            answer.detail = u"no answer in time"_s;
        } else if (answer.httpStatus >= 200 && answer.httpStatus < 300) {
            if (error == QNetworkReply::NoError) {
                answer.kind = ApiReply::Kind::Ok;
                answer.body = reply->readAll();
            } else {
                // The connection went down in the middle of the answer.
                answer.kind = ApiReply::Kind::Unreachable;
                answer.detail = u"the connection was lost during the answer: "_s + reply->errorString();
            }
        } else if (answer.httpStatus != 0) {
            answer.kind = ApiReply::Kind::HttpError;
            answer.body = reply->readAll();
            if (auto apiError = ApiError::decode(answer.body)) {
                answer.apiError = *apiError;
                answer.detail = u"HTTP %1: %2 (%3)"_s.arg(answer.httpStatus).arg(apiError->message, apiError->code);
            } else {
                answer.detail = u"HTTP %1"_s.arg(answer.httpStatus);
            }
        } else {
            answer.kind = ApiReply::Kind::Unreachable;
            answer.detail = reply->errorString();
        }
        if (answer.kind == ApiReply::Kind::CertificateError)
            answer.detail = u"the server's certificate is not trusted: "_s + answer.certificateErrors.join(u"; "_s);
        if (!answer.ok())
            qCInfo(lcSync) << "request to" << m_endpoint.displayName() << reply->url().path()
                           << "failed:" << kindName(answer.kind) << answer.detail;
        done(answer);
    });
}

}  // namespace otrack
