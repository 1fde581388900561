#include "errortext.h"

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

}  // namespace otrack
