#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace otrack {

// One outbox operation as it goes on the wire (POST /v1/sync/push, docs/protocol.md):
//   {"op_id": "<uuid>", "kind": "mark", "pupil_id": "...", "objective_id": "...",
//    "term_id": "...", "value": "EXP" | null, "note": "...", "base_version": 3,
//    "client_time": 1764412345678}
// `value` null clears the cell. `base_version` is the cell's server version the teacher saw
// (0 for a cell that had none). `client_time` is milliseconds since the epoch, only shown.
struct PushOp {
    QString opId;
    QString kind = QStringLiteral("mark");
    QString pupilId;
    QString objectiveId;
    QString termId;
    std::optional<QString> value;
    QString note;
    qint64 baseVersion = 0;
    qint64 clientTime = 0;

    static constexpr char kKindMark[] = "mark";

    QJsonObject toJson() const;
    // `path` prefixes field names in errors, e.g. "ops[3]".
    static Result<PushOp> fromJson(const QJsonObject &json, const QString &path = QString());

    bool operator==(const PushOp &) const = default;
};

// {"device_id": "...", "ops": [PushOp, ...]}: at most kMaxOps ops.
struct PushRequest {
    QString deviceId;
    QList<PushOp> ops;

    static constexpr int kMaxOps = 500;
    static constexpr int kMaxIdLength = 64;
    static constexpr int kMaxValueLength = 64;
    static constexpr int kMaxNoteLength = 4000;

    QJsonObject toJson() const;
    QByteArray encode() const;

    static Result<PushRequest> fromJson(const QJsonObject &json);
    static Result<PushRequest> decode(const QByteArray &bytes);

    bool operator==(const PushRequest &) const = default;
};

namespace protocol {
// The field an InvalidArgument decoding error names ("ops[3].value"), or empty.
QString fieldOfError(const Error &error);
// The field a message names ("... field 'acceptances[2].sha256' ..."), whatever the error, or empty.
QString fieldNamedIn(const QString &message);
}  // namespace protocol

}  // namespace otrack
