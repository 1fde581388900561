#pragma once

#include "apiclient.h"
#include "keywrap.h"
#include "localstore.h"
#include "signinresult.h"
#include "syncengine.h"

#include <QObject>
#include <QString>

#include <memory>

namespace otrack {

// Signing a staff member in on this PC (docs/sync.md, Login and keys). The server checks the
// password first; only then is the store opened, or made at the first sign-in, so a mistyped
// password never leaves a store locked to it. When the password no longer opens the store
// because it was changed on the server, the store's device id (kept beside the key wraps)
// gets the device key from the server for the new password; the device key opens the store
// and the store key is wrapped under the new password, so the old one stops working here too.
//
// Used by BackgroundSync's worker and by otrackcmd login. One sign-in per object.
class OnlineSignIn : public QObject {
    Q_OBJECT

public:
    explicit OnlineSignIn(ServerEndpoint endpoint, QObject *parent = nullptr);

    // The client the login request goes through; its pin and timeout pass to the engine.
    ApiClient &api() { return *m_api; }
    // For the password wrap of a new or re-wrapped store.
    void setScrypt(const ScryptParams &params) { m_scrypt = params; }

    // Signs in to the store in `folder` (StoreLocation). Ends with exactly one `finished`.
    void start(const QString &folder, const QString &school, const QString &username, const QString &password);
    // After finished(SignedIn): the engine over the open store, loaded and signed in.
    std::unique_ptr<SyncEngine> takeEngine() { return std::move(m_engine); }

    // Opens an existing store with the password, without the server: UnlockedOffline with
    // `store` set, or WrongCredentials, NoLocalStore, StoreProblem.
    static SignInResult unlockOffline(const QString &folder, const QString &password,
                                      std::unique_ptr<LocalStore> *store);

Q_SIGNALS:
    void finished(const otrack::SignInResult &result);

private:
    void onLoginReply(const ApiReply &reply);
    void finish(SignInResult::Outcome outcome, const QString &detail);
    void storeProblem(const Error &error);
    Result<std::unique_ptr<LocalStore>> storeForLogin(const LoginResponse &answer);

    ServerEndpoint m_endpoint;
    ApiClient *m_api;
    ScryptParams m_scrypt = ScryptParams::recommended();
    QString m_folder;
    QString m_password;
    QString m_deviceId;
    // What the password did locally before the server was asked.
    enum class Local { Opened, Create, Rewrap } m_local = Local::Opened;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    SignInResult m_result;
};

}  // namespace otrack
