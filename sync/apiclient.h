#pragma once

#include "apierror.h"
#include "serverendpoint.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace otrack {

// The answer to one API request, classified so that the engine can branch on it. `detail` is
// English for logs; it never holds a token, a password or pupil data.
struct ApiReply {
    enum class Kind {
        Ok,  // 2xx; `body` holds the answer
        HttpError,  // another status; `apiError` when the body was the JSON error shape
        CertificateError,  // the server's certificate was not trusted: `certificateErrors` says why
        TlsError,  // the handshake failed for another reason
        Unreachable,  // refused, reset, name lookup, no network
        Timeout,
        Cancelled,
    };

    Kind kind = Kind::Unreachable;
    int httpStatus = 0;
    QByteArray body;
    std::optional<ApiError> apiError;
    QStringList certificateErrors;
    QString detail;

    bool ok() const { return kind == Kind::Ok; }
    // The error code of an HTTP error answer, or empty.
    QString errorCode() const { return apiError ? apiError->code : QString(); }
};

const char *kindName(ApiReply::Kind kind);

// HTTPS requests to the OTrack API: the endpoint's TLS policy (system CAs plus an optional
// pinned CA), optionally a pinned certificate SHA-256, the protocol headers, the bearer
// token, a size limit on answers. A certificate error is reported with its reasons; the only
// errors ever set aside are those of a certificate whose fingerprint was pinned.
class ApiClient : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiReply &)>;

    ApiClient(ServerEndpoint endpoint, QObject *parent = nullptr);
    ~ApiClient() override;

    const ServerEndpoint &endpoint() const { return m_endpoint; }
    // SHA-256 of the server's certificate (DER), e.g. from policy; empty for none. With a pin,
    // the server must present exactly that certificate, trusted by a CA or not.
    void setPinnedFingerprint(const QByteArray &sha256);
    const QByteArray &pinnedFingerprint() const { return m_pinnedFingerprint; }
    void setAccessToken(const QString &token) { m_accessToken = token; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    // One request at a time per client is what the engine needs; `done` runs exactly once.
    void post(const QString &path, const QByteArray &json, bool authenticated, Callback done);
    void get(const QString &path, const QUrlQuery &query, bool authenticated, Callback done);
    void cancel();

private:
    void send(QNetworkReply *reply, Callback done);
    QNetworkRequest request(const QString &path, bool authenticated) const;

    ServerEndpoint m_endpoint;
    QNetworkAccessManager *m_network;
    QByteArray m_pinnedFingerprint;
    QString m_accessToken;
    int m_timeoutMs = ServerEndpoint::kDefaultTimeoutMs;
    QPointer<QNetworkReply> m_reply;
};

}  // namespace otrack
