#pragma once

#include "healthcheck.h"
#include "result.h"
#include "signinresult.h"
#include "syncstatus.h"

#include <QCoreApplication>
#include <QString>

namespace otrack {

// The sentences the UI shows for expected failures: one per error code, translated, in words a
// teacher can act on. The Error's own message is for logs only and is never shown.
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    static QString forStore(ErrorCode code);
    static QString forHealth(const HealthStatus &status);
    static QString forServerAddress(const Error &error);
    // Why a sign-in did not open the store.
    static QString forSignIn(const SignInResult &result);
    // The sync indicator: a few words for the status bar, and the sentence for its tooltip
    // that says what is happening and what to do.
    static QString syncSummary(const SyncStatus &status);
    static QString syncAdvice(const SyncStatus &status);
    // Why the server refused an edit (its reason code: "locked_term", "permission", ...).
    static QString forRejection(const QString &reason);
};

}  // namespace otrack
