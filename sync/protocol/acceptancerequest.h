#pragma once

#include "publisheddocument.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace otrack {

// One record of a staff member's acceptance ledger as it goes on the wire (POST
// /v1/legal/acceptances, docs/protocol.md): what the client's `acceptances` table holds,
// without its hash chain.
//   {"id": "<uuid>", "kind": "privacy_policy", "version": "2026.1", "sha256": "<hex>",
//    "accepted_at": ms, "device_id": "...", "app_version": "0.1.0",
//    "signatory_name": "..."?, "signatory_position": "..."?}
// `id` is made by the client when the user accepts, so a retry records nothing twice.
// `accepted_at` is the client's clock (ms since the epoch), only shown. The signatory fields
// come together, and only on the Data Processing Terms: the owner signing for the school.
struct AcceptanceRecord {
    QString id;
    LegalKind kind = LegalKind::PrivacyPolicy;
    QString version;
    QString sha256;
    qint64 acceptedAt = 0;
    QString deviceId;
    QString appVersion;
    std::optional<QString> signatoryName;
    std::optional<QString> signatoryPosition;

    bool isSignature() const { return signatoryName.has_value(); }

    QJsonObject toJson() const;
    // `path` prefixes field names in errors, e.g. "acceptances[3]".
    static Result<AcceptanceRecord> fromJson(const QJsonObject &json, const QString &path = QString());

    bool operator==(const AcceptanceRecord &) const = default;
};

// {"acceptances": [AcceptanceRecord, ...]}: 1 to kMaxAcceptances records.
struct AcceptanceRequest {
    QList<AcceptanceRecord> acceptances;

    static constexpr int kMaxAcceptances = 200;
    static constexpr int kMaxDeviceIdLength = 128;
    static constexpr int kMaxAppVersionLength = 64;
    static constexpr int kMaxSignatoryLength = 200;

    QJsonObject toJson() const;
    QByteArray encode() const;
    static Result<AcceptanceRequest> fromJson(const QJsonObject &json);
    static Result<AcceptanceRequest> decode(const QByteArray &bytes);

    bool operator==(const AcceptanceRequest &) const = default;
};

}  // namespace otrack
