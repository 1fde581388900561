#include "onlinesignin.h"

#include "logging.h"
#include "loginrequest.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

using Outcome = SignInResult::Outcome;

const QString kLoginPath = u"/v1/auth/login"_s;

// The school's status and the user's role as the store last heard them; and the device id
// beside the key wraps, for a store wrapped before it was kept there.
void readStoredIdentity(LocalStore &store, SignInResult &result)
{
    auto session = SyncSession::load(store.database());
    if (!session)
        return;
    if (auto recorded = store.keyVault().recordDeviceId(session->deviceId); !recorded)
        qCWarning(lcSync) << "cannot record the device id beside the key wraps:"
                          << errorCodeName(recorded.error().code);
    result.role = session->role;
    auto query = store.database().prepare("SELECT status FROM schools WHERE id = ?1");
    if (!query)
        return;
    auto row = query->bind(1, session->schoolId).next();
    if (row && row.value())
        result.schoolStatus = query->text(0);
}

}  // namespace

OnlineSignIn::OnlineSignIn(ServerEndpoint endpoint, QObject *parent)
    : QObject(parent), m_endpoint(endpoint), m_api(new ApiClient(std::move(endpoint), this))
{
}

void OnlineSignIn::start(const QString &folder, const QString &school, const QString &username, const QString &password)
{
    m_folder = folder;
    m_password = password;
    m_result = SignInResult{};
    m_result.offlineUnlockAvailable = LocalStore::exists(folder);
    if (!m_result.offlineUnlockAvailable) {
        m_local = Local::Create;
        m_deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    } else {
        auto opened = LocalStore::openWithPassword(folder, password);
        if (opened) {
            m_local = Local::Opened;
            m_store = std::move(opened.value());
            auto session = SyncSession::load(m_store->database());
            if (!session)
                return storeProblem(session.error());
            m_deviceId = session->deviceId;
        } else if (opened.error().code == ErrorCode::WrongPassword) {
            // Perhaps the password was changed on the server: the device id kept beside the
            // wraps lets the server vouch for the new one.
            m_local = Local::Rewrap;
            m_deviceId = KeyVault(LocalStore::keyPath(folder)).deviceId();
            if (m_deviceId.isEmpty())
                return finish(Outcome::WrongCredentials,
                              u"the password does not open this PC's store, which has not recorded its device id "
                              u"beside its keys yet: unlock it offline once with the previous password, then sign "
                              u"in with the new one"_s);
        } else {
            return storeProblem(opened.error());
        }
    }
    const LoginRequest request{school, username, password, m_deviceId};
    m_api->post(kLoginPath, request.encode(), false, [this](const ApiReply &reply) { onLoginReply(reply); });
}

void OnlineSignIn::onLoginReply(const ApiReply &reply)
{
    using Kind = ApiReply::Kind;
    switch (reply.kind) {
    case Kind::Ok:
        break;
    case Kind::CertificateError:
        m_result.certificateErrors = reply.certificateErrors;
        return finish(Outcome::CertificateError, reply.detail);
    case Kind::TlsError:
        return finish(Outcome::TlsError, reply.detail);
    case Kind::Unreachable:
    case Kind::Timeout:
    case Kind::Cancelled:
        return finish(Outcome::ServerUnreachable, reply.detail);
    case Kind::HttpError:
        if (reply.errorCode() == QLatin1StringView(ApiError::kDeviceRevoked)) {
            m_store.reset();
            if (m_local != Local::Create) {
                qCWarning(lcSync) << "this device was revoked: wiping the local store";
                if (auto removed = LocalStore::destroy(m_folder); !removed)
                    qCWarning(lcSync) << "cannot remove the revoked store:" << removed.error().message;
                m_result.offlineUnlockAvailable = false;
            }
            return finish(Outcome::Revoked, u"this device was revoked; its local data has been deleted"_s);
        }
        if (reply.httpStatus == 401)
            return finish(Outcome::WrongCredentials, reply.detail);
        if (reply.httpStatus == 429)
            return finish(Outcome::RateLimited, reply.detail);
        if (reply.httpStatus == 426)
            return finish(Outcome::UpgradeRequired, reply.detail);
        // A server that is failing or busy is, for the teacher, as good as unreachable.
        if (reply.httpStatus >= 500)
            return finish(Outcome::ServerUnreachable, reply.detail);
        return finish(Outcome::Failed, reply.detail);
    }

    auto answer = LoginResponse::decode(reply.body);
    if (!answer)
        return finish(Outcome::Failed, u"bad login answer: "_s + answer.error().message);
    auto store = storeForLogin(answer.value());
    if (!store)
        return storeProblem(store.error());
    auto engine = std::make_unique<SyncEngine>(std::move(store.value()), m_endpoint);
    engine->api().setPinnedFingerprint(m_api->pinnedFingerprint());
    engine->api().setTimeout(m_api->timeout());
    Status ready = engine->load();
    if (ready)
        ready = engine->applyLogin(answer.value());
    if (!ready) {
        engine.reset();
        return storeProblem(ready.error());
    }
    m_engine = std::move(engine);
    m_result.role = toString(answer->user.role);
    m_result.schoolStatus = toString(answer->school.status);
    finish(Outcome::SignedIn, QString());
}

Result<std::unique_ptr<LocalStore>> OnlineSignIn::storeForLogin(const LoginResponse &answer)
{
    switch (m_local) {
    case Local::Opened:
        return std::move(m_store);
    case Local::Create: {
        auto created = LocalStore::create(m_folder, m_password, m_scrypt);
        if (!created)
            return created.error();
        m_result.storeCreated = true;
        // The store takes the device id the server now knows; nothing else has read it yet.
        auto session = SyncSession::load(created.value()->database());
        if (!session)
            return session.error();
        session->deviceId = m_deviceId;
        if (auto saved = session->save(created.value()->database()); !saved)
            return saved.error();
        return std::move(created.value());
    }
    case Local::Rewrap: {
        const SecureBytes deviceKey = SecureBytes::fromQByteArray(
            QByteArray::fromBase64(answer.deviceKey.toLatin1(), QByteArray::AbortOnBase64DecodingErrors));
        auto opened = LocalStore::openWithDeviceKey(m_folder, deviceKey);
        if (!opened)
            return opened.error();
        if (auto rewrapped = opened.value()->keyVault().resetPasswordWithDeviceKey(deviceKey, m_password, m_scrypt);
            !rewrapped)
            return rewrapped.error();
        qCInfo(lcSync) << "the password was changed on the server: the local store now opens with the new one";
        m_result.passwordRewrapped = true;
        return std::move(opened.value());
    }
    }
    return Error{ErrorCode::InvalidArgument, u"unknown sign-in path"_s};
}

void OnlineSignIn::storeProblem(const Error &error)
{
    qCWarning(lcSync) << "sign-in: the local store failed:" << errorCodeName(error.code);
    m_result.storeError = error.code;
    if (m_local == Local::Rewrap && error.code == ErrorCode::WrongDeviceKey)
        return finish(Outcome::WrongCredentials,
                      u"the server's device key does not open this PC's store: sign in with the password it was "
                      u"last opened with"_s);
    finish(Outcome::StoreProblem, error.message);
}

void OnlineSignIn::finish(Outcome outcome, const QString &detail)
{
    m_password.fill(u'\0');
    m_password.clear();
    m_store.reset();
    if (outcome != Outcome::SignedIn && m_result.storeCreated) {
        // A store made for a sign-in that then failed must not stay behind.
        m_engine.reset();
        static_cast<void>(LocalStore::destroy(m_folder));
        m_result.storeCreated = false;
    }
    m_result.outcome = outcome;
    m_result.detail = detail;
    if (outcome != Outcome::SignedIn)
        qCInfo(lcSync) << "online sign-in ended:" << outcomeName(outcome) << detail;
    Q_EMIT finished(m_result);
}

SignInResult OnlineSignIn::unlockOffline(const QString &folder, const QString &password,
                                         std::unique_ptr<LocalStore> *store)
{
    SignInResult result;
    if (!LocalStore::exists(folder)) {
        result.outcome = Outcome::NoLocalStore;
        result.detail = u"no local store for this school and user on this PC: the first sign-in needs the server"_s;
        return result;
    }
    result.offlineUnlockAvailable = true;
    auto opened = LocalStore::openWithPassword(folder, password);
    if (!opened) {
        result.storeError = opened.error().code;
        result.outcome
            = opened.error().code == ErrorCode::WrongPassword ? Outcome::WrongCredentials : Outcome::StoreProblem;
        result.detail = opened.error().code == ErrorCode::WrongPassword ? u"wrong password"_s : opened.error().message;
        return result;
    }
    readStoredIdentity(*opened.value(), result);
    *store = std::move(opened.value());
    result.outcome = Outcome::UnlockedOffline;
    return result;
}

}  // namespace otrack
