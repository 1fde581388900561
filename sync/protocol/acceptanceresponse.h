#pragma once

#include "model.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace otrack {

enum class AcceptanceOutcome { Recorded, Duplicate };

QString toString(AcceptanceOutcome outcome);
std::optional<AcceptanceOutcome> acceptanceOutcomeFromString(const QString &text);

// The result of one acceptance record: {"id", "outcome": "recorded" | "duplicate"}.
// duplicate: the server already held this record (a retry); nothing was written this time.
// Either way the client may mark the record synced.
struct AcceptanceResult {
    QString id;
    AcceptanceOutcome outcome = AcceptanceOutcome::Recorded;

    bool operator==(const AcceptanceResult &) const = default;
};

// 200 answer of POST /v1/legal/acceptances:
//   {"results": [AcceptanceResult, ...] (in request order), "school_status": "active"}
// `school_status` is the school's status after the batch: a signature of the current Data
// Processing Terms by the owner moves an awaiting_terms school to active.
struct AcceptanceResponse {
    QList<AcceptanceResult> results;
    SchoolStatus schoolStatus = SchoolStatus::AwaitingTerms;

    QJsonObject toJson() const;
    QByteArray encode() const;
    static Result<AcceptanceResponse> fromJson(const QJsonObject &json);
    static Result<AcceptanceResponse> decode(const QByteArray &bytes);

    bool operator==(const AcceptanceResponse &) const = default;
};

}  // namespace otrack
