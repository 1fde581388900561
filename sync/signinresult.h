#pragma once

#include "result.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace otrack {

// How a sign-in ended (OnlineSignIn, BackgroundSync::signIn and unlockOffline). `detail` is
// English for logs; the sign-in window words its own sentence from `outcome`.
struct SignInResult {
    enum class Outcome {
        SignedIn,  // the server accepted the password: the store is open (made at first use)
        UnlockedOffline,  // unlockOffline: the store opened with the password, without the server
        ServerUnreachable,  // no answer (offline, timeout), or the server is failing (5xx):
                            // see offlineUnlockAvailable
        CertificateError,  // the server's certificate is not trusted (`certificateErrors`);
                           // nothing was sent. See offlineUnlockAvailable
        TlsError,  // the TLS handshake failed for another reason; nothing was sent. See
                   // offlineUnlockAvailable
        WrongCredentials,  // the server refused the school, username or password (online), or
                           // the password does not open this PC's store (offline)
        RateLimited,  // too many failed attempts: try again later (`detail` says when)
        NoLocalStore,  // unlockOffline: no store for this school and user on this PC yet; the
                       // first sign-in on a PC is online
        StoreProblem,  // the local store is locked, damaged, from a newer OTrack, not writable,
                       // or belongs to another account: `storeError`
        UpgradeRequired,  // this OTrack is too old for the server
        Revoked,  // this device was revoked: its local store has been deleted
        Failed,  // anything else (an unexpected answer): `detail`
    };

    Outcome outcome = Outcome::Failed;
    // A store for this school and username exists on this PC, so the caller may offer to
    // unlock it offline with the password (ServerUnreachable, CertificateError).
    bool offlineUnlockAvailable = false;
    bool storeCreated = false;  // the first sign-in on this PC made the store
    // The password had been changed on the server: the store now opens with the new one.
    bool passwordRewrapped = false;
    ErrorCode storeError = ErrorCode::StorageFailure;  // for StoreProblem
    QString detail;
    QStringList certificateErrors;
    // Who signed in, from the server's answer (online) or as last stored (offline), for the
    // signatory variant of the legal dialog: "owner", "admin", "teacher", ...; and the
    // school's status: "active", "awaiting_terms", "suspended". Empty when unknown.
    QString role;
    QString schoolStatus;

    // SignedIn or UnlockedOffline: BackgroundSync::takeStore() hands over a connection.
    bool hasStore() const { return outcome == Outcome::SignedIn || outcome == Outcome::UnlockedOffline; }
};

// The stable name of an outcome ("signed_in", "server_unreachable", ...), for logs and tests.
QString outcomeName(SignInResult::Outcome outcome);

}  // namespace otrack

Q_DECLARE_METATYPE(otrack::SignInResult)
