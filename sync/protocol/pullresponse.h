#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace otrack {

enum class ChangeType { Mark, Pupil, Group, Scale, Framework, Term, Staff, Purge };

QString toString(ChangeType type);
std::optional<ChangeType> changeTypeFromString(const QString &text);

// One change in a pull: {"seq": N, "type": "mark", "data": {...}}. The data of each type
// (docs/protocol.md):
//   mark:      pupil_id, term_id, objective_id, value|null, note, author_id, client_time,
//              server_time, version
//   pupil:     id, upn, legal_surname, legal_forename, preferred_surname, preferred_forename,
//              date_of_birth|null, gender, year_group, pupil_premium, free_school_meals,
//              sen_status, eal, looked_after, on_roll_date|null, left_date|null
//   group:     id, name, kind, year_group, pupil_ids[]
//   scale:     id, name, values[{code, label, shortcut, points, colour, position}]
//   framework: id, name, subject, scale_id, objectives[{id, position, code, statement}]
//   term:      id, name, academic_year, position, locked
//   staff:     id, display_name
//   purge:     pupil_id (the client deletes every trace of that pupil)
// A later change of the same row supersedes an earlier one (rows are sent whole).
struct Change {
    qint64 seq = 0;
    ChangeType type = ChangeType::Mark;
    QJsonObject data;

    QJsonObject toJson() const;
    static Result<Change> fromJson(const QJsonObject &json, const QString &path = QString());
    bool operator==(const Change &) const = default;
};

// The mark of a `mark` change, decoded.
struct PulledMark {
    QString pupilId;
    QString termId;
    QString objectiveId;
    std::optional<QString> value;
    QString note;
    QString authorId;
    qint64 clientTime = 0;
    qint64 serverTime = 0;
    qint64 version = 0;

    QJsonObject toJson() const;
    static Result<PulledMark> fromJson(const QJsonObject &json);
    bool operator==(const PulledMark &) const = default;
};

// {"changes": [Change, ...] (ascending seq), "next_cursor": N, "has_more": bool, "epoch": E,
//  "resync": bool}
// next_cursor is what the client sends next (store it with the rows, in one transaction).
// resync true: the caller's epoch changed; changes is empty and next_cursor 0: drop the
// pulled data (never the outbox) and pull again from 0.
struct PullResponse {
    QList<Change> changes;
    qint64 nextCursor = 0;
    bool hasMore = false;
    qint64 epoch = 0;
    bool resync = false;

    QJsonObject toJson() const;
    QByteArray encode() const;
    // The same JSON with `encodedChanges` (each one Change's compact JSON, in order) as its
    // changes instead of `changes`: how the server sends a page whose rows the database encoded.
    QByteArray encodeWith(const QList<QByteArray> &encodedChanges) const;
    static Result<PullResponse> fromJson(const QJsonObject &json);
    static Result<PullResponse> decode(const QByteArray &bytes);
    bool operator==(const PullResponse &) const = default;
};

}  // namespace otrack
