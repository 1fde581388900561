#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace otrack {

// Expected failures are values (docs/architecture.md). Codes are stable: the UI maps each
// to a translated sentence and scripts map them to exit codes.
enum class ErrorCode {
    // local store
    WrongPassword,
    WrongDeviceKey,
    Damaged,  // damaged or tampered: fails authentication or integrity checks
    NotEncrypted,  // a plain SQLite file where an encrypted store was expected
    NotSqlCipher,  // the SQLite library in this process cannot encrypt
    NewerVersion,  // made by a newer OTrack; opening it could lose data
    DiskFull,
    NotWritable,  // folder or file cannot be created or written
    NotFound,  // no store (or record) where one was expected
    AlreadyExists,
    Busy,  // another process holds the store
    // input and rules
    InvalidArgument,
    Locked,  // e.g. a locked term: read-only for teachers
    // anything else the storage layer reports
    StorageFailure,
    // requests and the network (client and server alike)
    Unauthenticated,  // no, expired or revoked credentials (HTTP 401)
    Forbidden,  // authenticated, but not allowed (HTTP 403)
    RateLimited,  // too many attempts; retry later (HTTP 429)
    UpgradeRequired,  // the client is too old for the server (HTTP 426)
    Gone,  // e.g. a sync cursor older than the retention horizon (HTTP 410)
    TooLarge,  // a request body over the limit (HTTP 413)
    Conflict,  // a write that lost a compare-and-set (HTTP 409)
    LegalAcceptanceRequired,  // the current legal documents are not accepted yet (HTTP 403)
};

struct Error {
    ErrorCode code;
    QString message;  // for logs and developers; the UI words come from the code
};

// A small stand-in for std::expected (C++23), enough for our needs.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(Error error) : m_state(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

const char *errorCodeName(ErrorCode code);

}  // namespace otrack
