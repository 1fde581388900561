#include "syncengine.h"

#include "conflictstore.h"
#include "legalsync.h"
#include "logging.h"
#include "loginrequest.h"
#include "loginresponse.h"
#include "outboxpush.h"
#include "pullapplier.h"
#include "pullrequest.h"
#include "pullresponse.h"
#include "pushrequest.h"
#include "pushresponse.h"
#include "rosterstore.h"

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

const QString kLoginPath = u"/v1/auth/login"_s;
const QString kRefreshPath = u"/v1/auth/refresh"_s;
const QString kLogoutPath = u"/v1/auth/logout"_s;
const QString kPushPath = u"/v1/sync/push"_s;
const QString kPullPath = u"/v1/sync/pull"_s;
const QString kDocumentsPath = u"/v1/legal/documents"_s;
const QString kAcceptancesPath = u"/v1/legal/acceptances"_s;

}  // namespace

SyncEngine::SyncEngine(std::unique_ptr<LocalStore> store, ServerEndpoint endpoint, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_folder(m_store->folder()), m_api(new ApiClient(endpoint, this))
{
    // What sync writes on its connection can be had again from the server: a pull page (with
    // its cursor) or a push result lost to a power cut is pulled or answered again, so its
    // commits need not wait for an fsync each. WAL keeps the file consistent either way. A
    // teacher's edits go through connections that keep synchronous = FULL. A larger page
    // cache (64 MiB) keeps more of a whole school's marks decrypted during a first download.
    if (auto relaxed = m_store->database().exec("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536"); !relaxed)
        qCWarning(lcSync) << "cannot relax synchronous on the sync connection:" << relaxed.error().message;
}

SyncEngine::~SyncEngine() = default;

Status SyncEngine::load()
{
    if (!m_store)
        return Error{ErrorCode::NotFound, u"the local store was wiped"_s};
    auto session = SyncSession::load(m_store->database());
    if (!session)
        return session.error();
    m_session = session.value();
    m_api->setAccessToken(m_session.accessToken);
    if (!m_session.loggedIn())
        m_status.state = SyncStatus::State::AuthRequired;
    return refreshCounts();
}

Result<SyncStatus> SyncEngine::storedStatus(Database &db, const SyncSession &session)
{
    SyncStatus status;
    status.state = session.loggedIn() ? SyncStatus::State::Idle : SyncStatus::State::AuthRequired;
    for (auto [sql, target] : {std::pair{"SELECT count(*) FROM outbox", &status.pending},
                               std::pair{"SELECT count(*) FROM conflicts", &status.conflicts},
                               std::pair{"SELECT count(*) FROM rejections", &status.rejections}}) {
        auto value = db.scalar(sql);
        if (!value)
            return value.error();
        *target = value->toLongLong();
    }
    status.lastSyncedAt = session.lastSyncedAt;
    status.cursor = session.cursor;
    status.initialSyncDone = session.initialSyncDone;
    return status;
}

Status SyncEngine::refreshCounts()
{
    if (!m_store)
        return Error{ErrorCode::NotFound, u"the local store was wiped"_s};
    auto stored = storedStatus(m_store->database(), m_session);
    if (!stored)
        return stored.error();
    SyncStatus next = m_status;
    next.pending = stored->pending;
    next.conflicts = stored->conflicts;
    next.rejections = stored->rejections;
    next.lastSyncedAt = stored->lastSyncedAt;
    next.cursor = stored->cursor;
    next.initialSyncDone = stored->initialSyncDone;
    if (next != m_status) {
        m_status = next;
        Q_EMIT statusChanged();
    }
    return {};
}

bool SyncEngine::begin()
{
    if (m_busy || !m_store)
        return false;
    m_busy = true;
    m_schoolNotActive = false;
    m_progress = SyncProgress{};
    m_progress.initial = !m_session.initialSyncDone;
    m_status.state = SyncStatus::State::Syncing;
    m_status.detail.clear();
    m_status.certificateErrors.clear();
    Q_EMIT statusChanged();
    return true;
}

void SyncEngine::finishWith(SyncStatus::State state, const QString &detail, const QStringList &certificateErrors)
{
    m_busy = false;
    m_status.state = state;
    m_status.detail = detail;
    m_status.certificateErrors = certificateErrors;
    if (m_store) {
        if (auto counted = refreshCounts(); !counted)
            qCWarning(lcSync) << "cannot count the outbox:" << counted.error().message;
    }
    Q_EMIT statusChanged();
    Q_EMIT finished();
}

void SyncEngine::storeFailed(const Error &error)
{
    qCWarning(lcSync) << "sync failed locally:" << errorCodeName(error.code) << error.message;
    finishWith(SyncStatus::State::Error, u"local store: "_s + error.message);
}

void SyncEngine::wipe()
{
    qCWarning(lcSync) << "this device was revoked: wiping the local store";
    m_store.reset();
    if (auto removed = LocalStore::destroy(m_folder); !removed)
        qCWarning(lcSync) << "cannot remove the revoked store:" << removed.error().message;
    m_status = SyncStatus{};
    finishWith(SyncStatus::State::Revoked, u"this device was revoked; its local data has been deleted"_s);
}

void SyncEngine::failed(const ApiReply &reply)
{
    using Kind = ApiReply::Kind;
    switch (reply.kind) {
    case Kind::Ok:
        break;
    case Kind::CertificateError:
        return finishWith(SyncStatus::State::CertificateError, reply.detail, reply.certificateErrors);
    case Kind::TlsError:
        return finishWith(SyncStatus::State::TlsError, reply.detail);
    case Kind::Unreachable:
    case Kind::Timeout:
    case Kind::Cancelled:
        return finishWith(SyncStatus::State::Offline, reply.detail);
    case Kind::HttpError:
        break;
    }
    const QString code = reply.errorCode();
    if (code == QLatin1StringView(ApiError::kDeviceRevoked))
        return wipe();
    if (reply.httpStatus == 401) {
        m_session.clearTokens();
        m_api->setAccessToken(QString());
        if (auto saved = m_session.save(m_store->database()); !saved)
            return storeFailed(saved.error());
        return finishWith(SyncStatus::State::AuthRequired, reply.detail);
    }
    if (reply.httpStatus == 403 && code == QLatin1StringView(ApiError::kLegalAcceptanceRequired))
        return finishWith(SyncStatus::State::WaitingForLegalAcceptance, reply.detail);
    if (reply.httpStatus == 426)
        return finishWith(SyncStatus::State::UpgradeRequired, reply.detail);
    finishWith(SyncStatus::State::Error, reply.detail);
}

void SyncEngine::call(const Call &request, OnReply onOk, OnReply onGone, bool refreshed, OnRefused onRefused)
{
    auto handle = [this, request, onOk, onGone, refreshed, onRefused](const ApiReply &reply) {
        if (!m_store)
            return;
        if (reply.ok())
            return onOk(reply);
        if (reply.httpStatus == 410 && onGone)
            return onGone(reply);
        if (reply.kind == ApiReply::Kind::HttpError && onRefused && onRefused(reply))
            return;
        const bool expired
            = reply.httpStatus == 401 && reply.errorCode() != QLatin1StringView(ApiError::kDeviceRevoked);
        if (expired && request.authenticated && !refreshed && !m_session.refreshToken.isEmpty())
            return refreshThen(
                [this, request, onOk, onGone, onRefused] { call(request, onOk, onGone, true, onRefused); });
        failed(reply);
    };
    if (request.post)
        m_api->post(request.path, request.body, request.authenticated, handle);
    else
        m_api->get(request.path, request.query, request.authenticated, handle);
}

void SyncEngine::refreshThen(std::function<void()> retry)
{
    const Call refresh{true, kRefreshPath, RefreshRequest{m_session.refreshToken}.encode(), {}, false};
    call(refresh, [this, retry](const ApiReply &reply) {
        auto answer = LoginResponse::decode(reply.body);
        if (!answer)
            return finishWith(SyncStatus::State::Error, u"bad refresh answer: "_s + answer.error().message);
        m_session.accessToken = answer->accessToken;
        m_session.accessExpiresAt = answer->accessExpiresAt;
        m_session.refreshToken = answer->refreshToken;
        m_session.refreshExpiresAt = answer->refreshExpiresAt;
        // The rotated refresh token must be stored before it is used again, and durably: the
        // old one now revokes the device's tokens if presented, and the server cannot give
        // this one back.
        Database &db = m_store->database();
        Status saved = db.exec("PRAGMA synchronous = FULL");
        if (saved)
            saved = m_session.save(db);
        static_cast<void>(db.exec("PRAGMA synchronous = NORMAL"));
        if (!saved)
            return storeFailed(saved.error());
        m_api->setAccessToken(m_session.accessToken);
        qCInfo(lcSync) << "access token refreshed";
        retry();
    });
}

void SyncEngine::login(const QString &school, const QString &username, const QString &password)
{
    if (!begin())
        return;
    const LoginRequest request{school, username, password, m_session.deviceId};
    call({true, kLoginPath, request.encode(), {}, false}, [this](const ApiReply &reply) {
        auto answer = LoginResponse::decode(reply.body);
        if (!answer)
            return finishWith(SyncStatus::State::Error, u"bad login answer: "_s + answer.error().message);
        if (auto applied = applyLogin(answer.value()); !applied)
            return storeFailed(applied.error());
        finishWith(SyncStatus::State::Idle);
    });
}

Status SyncEngine::applyLogin(const LoginResponse &answer)
{
    if (!m_store)
        return Error{ErrorCode::NotFound, u"the local store was wiped"_s};
    if (!m_session.userId.isEmpty() && m_session.userId != answer.user.id)
        return Error{ErrorCode::Conflict, u"this local store belongs to another user"_s};
    const SecureBytes deviceKey = SecureBytes::fromQByteArray(
        QByteArray::fromBase64(answer.deviceKey.toLatin1(), QByteArray::AbortOnBase64DecodingErrors));
    if (deviceKey.size() != 32)
        return Error{ErrorCode::InvalidArgument, u"the login answer has no usable device key"_s};
    if (auto wrapped = m_store->setDeviceKey(deviceKey, m_session.deviceId); !wrapped)
        return wrapped.error();

    SyncSession next = m_session;
    next.accessToken = answer.accessToken;
    next.accessExpiresAt = answer.accessExpiresAt;
    next.refreshToken = answer.refreshToken;
    next.refreshExpiresAt = answer.refreshExpiresAt;
    next.schoolId = answer.school.id;
    next.schoolName = answer.school.name;
    next.userId = answer.user.id;
    next.username = answer.user.username;
    next.role = toString(answer.user.role);
    // A changed epoch is left for the next pull to see: it then drops and re-pulls.
    if (!next.epoch)
        next.epoch = answer.epoch;
    Database &db = m_store->database();
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();
    RosterStore roster(db, next.schoolId);
    Staff user = answer.user;
    user.schoolId = next.schoolId;
    for (const Status &saved : {roster.saveSchool(answer.school), roster.saveStaff(user), next.save(db)})
        if (!saved)
            return saved.error();
    if (auto committed = tx.value()->commit(); !committed)
        return committed.error();
    m_session = next;
    m_api->setAccessToken(m_session.accessToken);
    qCInfo(lcSync) << "signed in online";
    if (!m_busy) {
        m_status.state = SyncStatus::State::Idle;
        m_status.detail.clear();
        Q_EMIT statusChanged();
    }
    return {};
}

void SyncEngine::logout()
{
    if (!begin())
        return;
    const auto forget = [this] {
        m_session.clearTokens();
        m_api->setAccessToken(QString());
        if (auto saved = m_session.save(m_store->database()); !saved)
            return storeFailed(saved.error());
        finishWith(SyncStatus::State::AuthRequired, u"signed out"_s);
    };
    if (!m_session.loggedIn())
        return forget();
    // Tokens are forgotten locally whatever the server says: signing out never fails.
    m_api->post(kLogoutPath, QByteArrayLiteral("{}"), true, [this, forget](const ApiReply &reply) {
        if (!m_store)
            return;
        if (reply.errorCode() == QLatin1StringView(ApiError::kDeviceRevoked))
            return wipe();
        forget();
    });
}

void SyncEngine::sync()
{
    if (!m_session.loggedIn()) {
        if (!m_busy)
            finishWith(SyncStatus::State::AuthRequired, u"not signed in"_s);
        return;
    }
    if (!begin())
        return;
    uploadAcceptances();
}

LegalSync SyncEngine::legal()
{
    return LegalSync(m_store->database(), m_session.schoolId);
}

void SyncEngine::uploadAcceptances()
{
    auto batch = legal().nextBatch(AcceptanceRequest::kMaxAcceptances, m_skippedAcceptances);
    if (!batch)
        return storeFailed(batch.error());
    if (batch->isEmpty())
        return fetchDocuments();
    const QList<AcceptanceRecord> sent = batch.value();
    const auto onOk = [this, sent](const ApiReply &reply) {
        auto answer = AcceptanceResponse::decode(reply.body);
        if (!answer)
            return finishWith(SyncStatus::State::Error, u"bad acceptance answer: "_s + answer.error().message);
        if (auto kept = legal().recorded(sent, answer.value()); !kept)
            return storeFailed(kept.error());
        qCInfo(lcSync) << "uploaded" << sent.size() << "legal acceptances";
        uploadAcceptances();
    };
    // The batch is all or nothing; a refusal names the record at fault, which is set aside
    // (for this sync when its version is not published, for good otherwise) and the rest go.
    call({true, kAcceptancesPath, AcceptanceRequest{sent}.encode(), {}, true}, onOk, {}, false,
         [this, sent](const ApiReply &reply) {
             const auto index
                 = LegalSync::refusedRecord(reply.apiError ? reply.apiError->field : QString(), sent.size());
             const bool refusal = reply.httpStatus == 400 || reply.httpStatus == 403 || reply.httpStatus == 404
                 || reply.httpStatus == 409;
             if (!index || !refusal || reply.errorCode() == QLatin1StringView(ApiError::kLegalAcceptanceRequired))
                 return false;
             const AcceptanceRecord &record = sent.at(*index);
             if (reply.httpStatus == 404) {
                 qCInfo(lcSync) << "legal acceptance" << record.id << "names a version the server has not published";
                 m_skippedAcceptances.insert(record.id);
             } else if (auto setAside = legal().refused(record, reply.detail); !setAside) {
                 storeFailed(setAside.error());
                 return true;
             }
             uploadAcceptances();
             return true;
         });
}

void SyncEngine::fetchDocuments()
{
    call({false, kDocumentsPath, {}, {}, true}, [this](const ApiReply &reply) {
        auto list = LegalDocumentsResponse::decode(reply.body);
        if (!list)
            return finishWith(SyncStatus::State::Error, u"bad legal documents answer: "_s + list.error().message);
        QStringList published;
        for (const PublishedDocument &document : std::as_const(list->documents))
            published.append(document.sha256);
        if (published != m_publishedSeen) {
            m_publishedSeen = published;
            if (!m_skippedAcceptances.isEmpty()) {
                // Something new was published: the acceptances set aside may be taken now.
                m_skippedAcceptances.clear();
                return uploadAcceptances();
            }
        }
        auto missing = legal().missing(list.value());
        if (!missing)
            return storeFailed(missing.error());
        fetchNextDocument(missing.value(), list.value());
    });
}

void SyncEngine::fetchNextDocument(QList<PublishedDocument> missing, const LegalDocumentsResponse &list)
{
    if (missing.isEmpty()) {
        if (auto recorded = legal().serverRequires(list); !recorded)
            return storeFailed(recorded.error());
        if (list.toAccept.isEmpty())
            return pushNext();
        QStringList kinds;
        for (LegalKind kind : list.toAccept)
            kinds.append(toString(kind));
        return finishWith(SyncStatus::State::WaitingForLegalAcceptance,
                          u"the current legal documents are not accepted yet: "_s + kinds.join(u", "_s));
    }
    const PublishedDocument next = missing.takeFirst();
    const QString path = kDocumentsPath + u'/' + toString(next.kind) + u'/' + next.version;
    call({false, path, {}, {}, true}, [this, next, missing, list](const ApiReply &reply) {
        auto document = PublishedDocument::decode(reply.body);
        if (!document)
            return finishWith(SyncStatus::State::Error, u"bad legal document answer: "_s + document.error().message);
        if (document->sha256 != next.sha256)
            return finishWith(SyncStatus::State::Error, u"the server sent another text than it lists"_s);
        if (auto stored = legal().store(document.value()); !stored)
            return finishWith(SyncStatus::State::Error, stored.error().message);
        Q_EMIT dataChanged();
        fetchNextDocument(missing, list);
    });
}

void SyncEngine::pushNext()
{
    OutboxPush push(m_store->database(), m_session.schoolId, m_session.userId);
    auto batch = push.nextBatch(PushRequest::kMaxOps);
    if (!batch)
        return storeFailed(batch.error());
    if (batch->isEmpty() || m_schoolNotActive)
        return pullNext();
    const PushRequest request{m_session.deviceId, batch.value()};
    const QList<PushOp> sent = batch.value();
    call({true, kPushPath, request.encode(), {}, true}, [this, sent](const ApiReply &reply) {
        auto answer = PushResponse::decode(reply.body);
        if (!answer)
            return finishWith(SyncStatus::State::Error, u"bad push answer: "_s + answer.error().message);
        OutboxPush outbox(m_store->database(), m_session.schoolId, m_session.userId);
        auto summary = outbox.apply(sent, answer.value());
        if (!summary)
            return storeFailed(summary.error());
        qCInfo(lcSync) << "pushed" << sent.size() << "ops:" << summary->applied << "applied," << summary->conflicts
                       << "conflicts," << summary->rejected << "rejected," << summary->held << "held";
        // Held ops come back in every batch until the school is active: stop pushing for now.
        m_schoolNotActive = summary->held > 0;
        Q_EMIT dataChanged();
        if (auto counted = refreshCounts(); !counted)
            return storeFailed(counted.error());
        pushNext();
    });
}

void SyncEngine::pullNext()
{
    PullRequest request;
    request.cursor = m_session.cursor;
    request.limit = m_pageLimit;
    request.epoch = m_session.epoch;
    Call get{false, kPullPath, {}, request.toQuery(), true};
    const auto restart = [this](std::optional<qint64> epoch) {
        PullApplier applier(m_store->database(), m_session);
        if (auto restarted = applier.restartFromZero(epoch); !restarted)
            return storeFailed(restarted.error());
        Q_EMIT dataChanged();
        pullNext();
    };
    call(
        get,
        [this, restart](const ApiReply &reply) {
            auto page = PullResponse::decode(reply.body);
            if (!page)
                return finishWith(SyncStatus::State::Error, u"bad pull answer: "_s + page.error().message);
            if (page->resync) {
                qCInfo(lcSync) << "the server started a new epoch: pulling again from 0";
                return restart(page->epoch);
            }
            PullApplier applier(m_store->database(), m_session);
            if (auto applied = applier.applyPage(page.value()); !applied)
                return storeFailed(applied.error());
            m_progress.pages += 1;
            m_progress.rows += page->changes.size();
            Q_EMIT progressChanged(m_progress);
            if (!page->changes.isEmpty())
                Q_EMIT dataChanged();
            if (page->hasMore)
                return pullNext();
            if (m_schoolNotActive)
                return finishWith(SyncStatus::State::SchoolNotActive,
                                  u"the school has not signed its terms: edits wait in the outbox"_s);
            m_session.lastSyncedAt = QDateTime::currentDateTimeUtc();
            if (auto saved = m_session.save(m_store->database()); !saved)
                return storeFailed(saved.error());
            finishWith(SyncStatus::State::Idle);
        },
        [restart](const ApiReply &) {
            qCInfo(lcSync) << "the cursor is older than the server keeps: pulling again from 0";
            restart(std::nullopt);
        });
}

}  // namespace otrack
