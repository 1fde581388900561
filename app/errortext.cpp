#include "errortext.h"

#include "pushresponse.h"

#include <QLocale>

namespace otrack {

QString ErrorText::forStore(ErrorCode code)
{
    switch (code) {
    case ErrorCode::WrongPassword:
        return tr("The password is not right for this account on this PC. Check Caps Lock and try again.");
    case ErrorCode::WrongDeviceKey:
        return tr("This PC's sign-in key is no longer valid. Sign in with your password while connected "
                  "to your school's network.");
    case ErrorCode::Damaged:
        return tr("Your saved data on this PC is damaged or has been altered, so OTrack will not open it. "
                  "Ask your IT team for help. Data that was already synced is safe on the server.");
    case ErrorCode::NotEncrypted:
        return tr("The data file on this PC is not encrypted, so OTrack will not use it. Ask your IT team "
                  "for help.");
    case ErrorCode::NotSqlCipher:
        return tr("This copy of OTrack cannot encrypt data, so it will not store any. Ask your IT team to "
                  "reinstall OTrack.");
    case ErrorCode::NewerVersion:
        return tr("Your data on this PC was saved by a newer version of OTrack. Ask your IT team to update "
                  "OTrack on this PC.");
    case ErrorCode::DiskFull:
        return tr("The disk on this PC is full. Free some space, then try again.");
    case ErrorCode::NotWritable:
        return tr("OTrack cannot save to its data folder on this PC. Ask your IT team to check the "
                  "folder's permissions.");
    case ErrorCode::NotFound:
        return tr("OTrack could not find your saved data on this PC.");
    case ErrorCode::AlreadyExists:
        return tr("There is already saved data for this account on this PC.");
    case ErrorCode::Busy:
        return tr("Your data is open in another OTrack window. Close it, then try again.");
    case ErrorCode::InvalidArgument:
        return tr("Some of the details entered are not valid.");
    case ErrorCode::Locked:
        return tr("This is locked and cannot be changed.");
    case ErrorCode::StorageFailure:
    // Request and network codes: the local store never raises them.
    case ErrorCode::Unauthenticated:
    case ErrorCode::Forbidden:
    case ErrorCode::RateLimited:
    case ErrorCode::UpgradeRequired:
    case ErrorCode::Gone:
    case ErrorCode::TooLarge:
    case ErrorCode::Conflict:
    case ErrorCode::LegalAcceptanceRequired:
        break;
    }
    return tr("OTrack could not read or save your data on this PC. Try again; if it keeps happening, "
              "ask your IT team.");
}

QString ErrorText::forHealth(const HealthStatus &status)
{
    using Outcome = HealthStatus::Outcome;
    switch (status.outcome) {
    case Outcome::Reachable:
        return tr("Server reachable");
    case Outcome::IncompatibleProtocol:
        return tr("The server needs a different version of OTrack. Ask your IT team to update OTrack.");
    case Outcome::CertificateError:
        //: %1 is the technical reason, e.g. "The certificate is self-signed, and untrusted"
        return tr("The server's security certificate is not trusted, so OTrack did not connect (%1).")
            .arg(status.certificateErrors.join(QStringLiteral("; ")));
    case Outcome::TlsError:
        return tr("A secure connection to the server could not be made.");
    case Outcome::Unreachable:
        return tr("The server cannot be reached. Check the network connection.");
    case Outcome::Timeout:
        return tr("The server did not answer in time.");
    case Outcome::HttpError:
        return tr("The server answered with an error (HTTP %1).").arg(status.httpStatus);
    case Outcome::BadResponse:
        return tr("The server's answer was not understood.");
    case Outcome::Cancelled:
        return tr("Server check cancelled.");
    }
    return tr("The server cannot be reached. Check the network connection.");
}

QString ErrorText::forServerAddress(const Error &error)
{
    if (error.code == ErrorCode::NotFound)
        return tr("The server's CA certificate file cannot be read.");
    return tr("The server address or its CA certificate is not valid. The address must start with "
              "https://.");
}

QString ErrorText::forSignIn(const SignInResult &result)
{
    using Outcome = SignInResult::Outcome;
    switch (result.outcome) {
    case Outcome::SignedIn:
    case Outcome::UnlockedOffline:
        return {};
    case Outcome::ServerUnreachable:
        return tr("OTrack cannot reach your school's OTrack server. Check the network connection.");
    case Outcome::CertificateError:
        //: %1 is the technical reason, e.g. "The certificate is self-signed, and untrusted"
        return tr("The server's security certificate is not trusted, so OTrack did not connect (%1). Ask your IT "
                  "team.")
            .arg(result.certificateErrors.join(QStringLiteral("; ")));
    case Outcome::TlsError:
        return tr("A secure connection to the server could not be made. Ask your IT team if this keeps happening.");
    case Outcome::WrongCredentials:
        return tr("The school, username or password is not right. Check Caps Lock and try again.");
    case Outcome::RateLimited:
        return tr("Too many attempts to sign in. Wait a few minutes, then try again.");
    case Outcome::NoLocalStore:
        return tr("There is no saved data for you on this PC yet. The first sign-in on a PC needs the network.");
    case Outcome::StoreProblem:
        return forStore(result.storeError);
    case Outcome::UpgradeRequired:
        return tr("The server needs a newer version of OTrack. Ask your IT team to update OTrack.");
    case Outcome::Revoked:
        return tr("This PC's access to OTrack was withdrawn, so its saved data has been deleted. Ask your IT team.");
    case Outcome::Failed:
        break;
    }
    return tr("Signing in did not work. Try again; if it keeps happening, ask your IT team.");
}

QString ErrorText::syncSummary(const SyncStatus &status)
{
    using State = SyncStatus::State;
    switch (status.state) {
    case State::Idle:
        return status.pending > 0 ? tr("Online, %n change(s) to send", nullptr, int(status.pending)) : tr("Online");
    case State::Syncing:
        return tr("Syncing...");
    case State::Offline:
        return status.pending > 0 ? tr("Offline, %n change(s) saved on this PC", nullptr, int(status.pending))
                                  : tr("Offline");
    case State::AuthRequired:
        return tr("Sign in again to sync");
    case State::WaitingForLegalAcceptance:
        return tr("Sync waits for the legal documents");
    case State::SchoolNotActive:
        return tr("Sync waits for your school's terms");
    case State::UpgradeRequired:
        return tr("Update OTrack to sync");
    case State::CertificateError:
    case State::TlsError:
        return tr("Secure connection failed");
    case State::Revoked:
        return tr("Access withdrawn");
    case State::Error:
        return tr("Sync problem");
    }
    return {};
}

QString ErrorText::syncAdvice(const SyncStatus &status)
{
    using State = SyncStatus::State;
    QString advice;
    switch (status.state) {
    case State::Idle:
        advice = tr("OTrack is connected to your school's server. Your marks are saved on this PC at once and sent "
                    "to the server a moment later.");
        break;
    case State::Syncing:
        advice = tr("OTrack is sending your changes and fetching your colleagues'. Keep working: nothing waits for "
                    "this.");
        break;
    case State::Offline:
        advice = tr("The server cannot be reached. Keep working: your marks are saved on this PC and sent when the "
                    "network is back. OTrack tries again by itself; choose Sync now to try at once.");
        break;
    case State::AuthRequired:
        advice = tr("The server asks you to sign in again. Choose File, Sign out, then sign in. Your marks on this PC "
                    "are kept.");
        break;
    case State::WaitingForLegalAcceptance:
        advice = tr("The server will not sync pupil data until you accept its current legal documents. OTrack shows "
                    "them to you; sync goes on once you accept.");
        break;
    case State::SchoolNotActive:
        advice = tr("Your school has not signed OTrack's Data Processing Terms yet (or its account is paused), so "
                    "the server processes none of its pupil data. Your marks wait safely on this PC. Ask your "
                    "school's OTrack owner.");
        break;
    case State::UpgradeRequired:
        advice = tr("This version of OTrack is too old for the server. Your marks wait safely on this PC. Ask your "
                    "IT team to update OTrack.");
        break;
    case State::CertificateError:
        advice = tr("The server's security certificate is not trusted, so OTrack sent nothing (%1). Ask your IT team.")
                     .arg(status.certificateErrors.join(QStringLiteral("; ")));
        break;
    case State::TlsError:
        advice = tr("A secure connection to the server could not be made. OTrack tries again by itself; ask your IT "
                    "team if this lasts.");
        break;
    case State::Revoked:
        advice = tr("This PC's access was withdrawn by your school, so OTrack deleted its saved data. Ask your IT "
                    "team.");
        break;
    case State::Error:
        advice = tr("The last sync did not complete. OTrack tries again by itself; your marks are safe on this PC. "
                    "If this lasts, ask your IT team.");
        break;
    }
    QStringList facts;
    if (status.pending > 0)
        facts << tr("%n change(s) waiting to be sent.", nullptr, int(status.pending));
    if (status.conflicts > 0)
        facts << tr("%n mark(s) changed by someone else too: open Conflicts to choose.", nullptr,
                    int(status.conflicts));
    if (status.rejections > 0)
        facts << tr("%n change(s) refused by the server: see Conflicts.", nullptr, int(status.rejections));
    facts << (status.lastSyncedAt.isValid()
                  //: %1 is a date and time
                  ? tr("Last complete sync: %1.")
                        .arg(QLocale().toString(status.lastSyncedAt.toLocalTime(), QLocale::ShortFormat))
                  : tr("Not synced yet."));
    return advice + QLatin1Char('\n') + facts.join(QLatin1Char('\n'));
}

QString ErrorText::forRejection(const QString &reason)
{
    using namespace rejection;
    if (reason == QLatin1StringView(kLockedTerm))
        return tr("The term was locked.");
    if (reason == QLatin1StringView(kPermission))
        return tr("You may not change this pupil's marks.");
    if (reason == QLatin1StringView(kErasedPupil))
        return tr("The pupil's records were erased.");
    if (reason == QLatin1StringView(kUnknownPupil))
        return tr("The pupil is not on the school's roll any more.");
    if (reason == QLatin1StringView(kValidation))
        return tr("The value is not on the objective's scale.");
    return tr("The server refused it (%1).").arg(reason);
}

}  // namespace otrack
