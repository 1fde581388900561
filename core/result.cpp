#include "result.h"

namespace otrack {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::WrongPassword:
        return "WrongPassword";
    case ErrorCode::WrongDeviceKey:
        return "WrongDeviceKey";
    case ErrorCode::Damaged:
        return "Damaged";
    case ErrorCode::NotEncrypted:
        return "NotEncrypted";
    case ErrorCode::NotSqlCipher:
        return "NotSqlCipher";
    case ErrorCode::NewerVersion:
        return "NewerVersion";
    case ErrorCode::DiskFull:
        return "DiskFull";
    case ErrorCode::NotWritable:
        return "NotWritable";
    case ErrorCode::NotFound:
        return "NotFound";
    case ErrorCode::AlreadyExists:
        return "AlreadyExists";
    case ErrorCode::Busy:
        return "Busy";
    case ErrorCode::InvalidArgument:
        return "InvalidArgument";
    case ErrorCode::Locked:
        return "Locked";
    case ErrorCode::StorageFailure:
        return "StorageFailure";
    case ErrorCode::Unauthenticated:
        return "Unauthenticated";
    case ErrorCode::Forbidden:
        return "Forbidden";
    case ErrorCode::RateLimited:
        return "RateLimited";
    case ErrorCode::UpgradeRequired:
        return "UpgradeRequired";
    case ErrorCode::Gone:
        return "Gone";
    case ErrorCode::TooLarge:
        return "TooLarge";
    case ErrorCode::Conflict:
        return "Conflict";
    case ErrorCode::LegalAcceptanceRequired:
        return "LegalAcceptanceRequired";
    }
    return "Unknown";
}

}  // namespace otrack
