#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace otrack {

enum class PushOutcome { Applied, Merged, Duplicate, Conflict, Rejected };

QString toString(PushOutcome outcome);
std::optional<PushOutcome> pushOutcomeFromString(const QString &text);

// Why an op was rejected (the stable wire strings).
namespace rejection {
inline constexpr char kPermission[] = "permission";  // role or groups do not allow it
inline constexpr char kSchoolNotActive[] = "school_not_active";  // awaiting terms or suspended
inline constexpr char kUnknownPupil[] = "unknown_pupil";  // no such pupil in the caller's school
inline constexpr char kErasedPupil[] = "erased_pupil";
inline constexpr char kLockedTerm[] = "locked_term";
inline constexpr char kValidation[] = "validation";  // unknown term/objective, value not on the scale
}  // namespace rejection

// The server's side of a conflicting cell: {"value", "note", "author_id", "server_time", "version"}.
struct ServerMark {
    std::optional<QString> value;
    QString note;
    QString authorId;
    qint64 serverTime = 0;
    qint64 version = 0;

    QJsonObject toJson() const;
    static Result<ServerMark> fromJson(const QJsonObject &json);
    bool operator==(const ServerMark &) const = default;
};

// The result of one op:
//   {"op_id", "outcome", "version"?, "reason"?, "detail"?, "server"?, "original_outcome"?}
// applied:   version = the cell's new version
// merged:    the server already held this value and note; version = the cell's version
// conflict:  version and server = the server's current cell (it kept its value)
// rejected:  reason (rejection::*) and, for validation, a detail for developers
// duplicate: the op was seen before; every other field repeats the original result, and
//            original_outcome says what it was. Nothing was applied this time.
struct PushResult {
    QString opId;
    PushOutcome outcome = PushOutcome::Rejected;
    qint64 version = 0;
    QString reason;
    QString detail;
    std::optional<ServerMark> server;
    std::optional<PushOutcome> originalOutcome;

    // What to act on: the original outcome for a duplicate, else the outcome.
    PushOutcome effectiveOutcome() const { return originalOutcome.value_or(outcome); }

    QJsonObject toJson() const;
    static Result<PushResult> fromJson(const QJsonObject &json, const QString &path = QString());
    bool operator==(const PushResult &) const = default;
};

// {"results": [PushResult, ...] (in the order of the request's ops), "server_time": ms}
struct PushResponse {
    QList<PushResult> results;
    qint64 serverTime = 0;

    QJsonObject toJson() const;
    QByteArray encode() const;
    static Result<PushResponse> fromJson(const QJsonObject &json);
    static Result<PushResponse> decode(const QByteArray &bytes);
    bool operator==(const PushResponse &) const = default;
};

}  // namespace otrack
