#pragma once

#include "apiclient.h"
#include "legaldocumentsresponse.h"
#include "legalsync.h"
#include "localstore.h"
#include "loginresponse.h"
#include "syncprogress.h"
#include "syncsession.h"
#include "syncstatus.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace otrack {

// The client sync engine for one unlocked store (docs/sync.md): online login, token refresh,
// logout, and a sync that first uploads the legal ledger's new acceptances and fetches newer
// legal documents, then pushes the whole outbox in batches, then pulls every page after the
// stored cursor. One operation at a time; each ends with exactly one `finished`.
//
// What each answer does: 401 -> one token refresh, then the request again, else AuthRequired;
// 401 device_revoked -> the store is closed and deleted (Revoked); 403
// legal_acceptance_required -> WaitingForLegalAcceptance, nothing pushed or pulled; 410 -> the
// pull starts again from 0, keeping the outbox; 426 -> UpgradeRequired, the outbox kept;
// unreachable or timed out -> Offline; certificate problems -> CertificateError with reasons.
class SyncEngine : public QObject {
    Q_OBJECT

public:
    SyncEngine(std::unique_ptr<LocalStore> store, ServerEndpoint endpoint, QObject *parent = nullptr);
    ~SyncEngine() override;

    // The open store, or null once the device was revoked and the store wiped.
    LocalStore *store() { return m_store.get(); }
    ApiClient &api() { return *m_api; }
    const SyncSession &session() const { return m_session; }
    const SyncStatus &status() const { return m_status; }
    bool isBusy() const { return m_busy; }

    // Pull page size (1..5000); small pages in tests.
    void setPageLimit(int limit) { m_pageLimit = limit; }

    // Reads the session and the counts from the store; call after opening.
    Status load();
    // Re-reads the outbox, conflict and rejection counts (after a local edit or a resolve).
    Status refreshCounts();
    // What a store says without any network: counts, cursor, last sync; AuthRequired when it
    // holds no tokens, else Idle (otrackcmd status).
    static Result<SyncStatus> storedStatus(Database &db, const SyncSession &session);

    // Signs in online: stores the tokens, the user and school, and wraps the store key under
    // the device key the server hands out. Refuses a store that belongs to another user.
    void login(const QString &school, const QString &username, const QString &password);
    // What login() does with the server's answer, for a caller that authenticated before the
    // store was open (OnlineSignIn): tokens, user, school, and the store key wrapped under the
    // device key. Conflict when the store belongs to another user.
    Status applyLogin(const LoginResponse &answer);
    void sync();
    // Revokes this device's tokens on the server (best effort) and forgets them locally.
    void logout();

Q_SIGNALS:
    void statusChanged();
    // A pull page and its cursor were committed: how far this sync's pull has come.
    void progressChanged(const otrack::SyncProgress &progress);
    // Rows from the server were committed (a pull page, push results, a restart from 0).
    void dataChanged();
    // The operation ended; status() says how.
    void finished();

private:
    struct Call {
        bool post = true;
        QString path;
        QByteArray body;
        QUrlQuery query;
        bool authenticated = true;
    };
    using OnReply = std::function<void(const ApiReply &)>;
    // Given an HTTP error first; true when it dealt with it.
    using OnRefused = std::function<bool(const ApiReply &)>;

    void call(const Call &call, OnReply onOk, OnReply onGone = {}, bool refreshed = false, OnRefused onRefused = {});
    void refreshThen(std::function<void()> retry);
    LegalSync legal();
    void uploadAcceptances();
    void fetchDocuments();
    void fetchNextDocument(QList<PublishedDocument> missing, const LegalDocumentsResponse &list);
    void pushNext();
    void pullNext();
    void finishWith(SyncStatus::State state, const QString &detail = QString(),
                    const QStringList &certificateErrors = {});
    void failed(const ApiReply &reply);
    void storeFailed(const Error &error);
    void wipe();
    bool begin();

    std::unique_ptr<LocalStore> m_store;
    QString m_folder;
    ApiClient *m_api;
    SyncSession m_session;
    SyncStatus m_status;
    SyncProgress m_progress;
    int m_pageLimit = 1000;
    bool m_busy = false;
    bool m_schoolNotActive = false;
    // Acceptances naming a version the server has not published: not sent again until the
    // server's list of published documents changes.
    QSet<QString> m_skippedAcceptances;
    QStringList m_publishedSeen;
};

}  // namespace otrack
