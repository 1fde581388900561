#include "acceptancerequest.h"

#include "jsondecode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace otrack {

using protocol::invalid;
using protocol::prefixed;

QJsonObject AcceptanceRecord::toJson() const
{
    QJsonObject json{{u"id"_s, id},
                     {u"kind"_s, toString(kind)},
                     {u"version"_s, version},
                     {u"sha256"_s, sha256},
                     {u"accepted_at"_s, acceptedAt},
                     {u"device_id"_s, deviceId},
                     {u"app_version"_s, appVersion}};
    if (signatoryName)
        json.insert(u"signatory_name"_s, *signatoryName);
    if (signatoryPosition)
        json.insert(u"signatory_position"_s, *signatoryPosition);
    return json;
}

Result<AcceptanceRecord> AcceptanceRecord::fromJson(const QJsonObject &json, const QString &path)
{
    AcceptanceRecord record;
    auto id = protocol::requireString(json, u"id"_s);
    if (!id)
        return prefixed(id.error(), path);
    if (id->size() > 64 || QUuid::fromString(*id).isNull())
        return prefixed(invalid(u"field 'id' is not a UUID"_s), path);
    record.id = *id;

    auto kindText = protocol::requireString(json, u"kind"_s);
    if (!kindText)
        return prefixed(kindText.error(), path);
    const auto kind = legalKindFromString(*kindText);
    if (!kind)
        return prefixed(invalid(u"field 'kind' is not a known kind of document"_s), path);
    record.kind = *kind;

    auto version = protocol::requireString(json, u"version"_s);
    if (!version)
        return prefixed(version.error(), path);
    if (!PublishedDocument::isValidVersion(*version))
        return prefixed(invalid(u"field 'version' is not a document version"_s), path);
    record.version = *version;

    auto sha = protocol::requireString(json, u"sha256"_s);
    if (!sha)
        return prefixed(sha.error(), path);
    if (!PublishedDocument::isSha256Hex(*sha))
        return prefixed(invalid(u"field 'sha256' is not a lower-case hex SHA-256"_s), path);
    record.sha256 = *sha;

    auto acceptedAt = protocol::requireInteger(json, u"accepted_at"_s);
    if (!acceptedAt)
        return prefixed(acceptedAt.error(), path);
    if (*acceptedAt <= 0)
        return prefixed(invalid(u"field 'accepted_at' must be a positive time in ms"_s), path);
    record.acceptedAt = *acceptedAt;

    auto device = protocol::requireText(json, u"device_id"_s, AcceptanceRequest::kMaxDeviceIdLength);
    if (!device)
        return prefixed(device.error(), path);
    record.deviceId = *device;

    auto appVersion = protocol::requireText(json, u"app_version"_s, AcceptanceRequest::kMaxAppVersionLength);
    if (!appVersion)
        return prefixed(appVersion.error(), path);
    record.appVersion = *appVersion;

    auto name = protocol::optionalText(json, u"signatory_name"_s, AcceptanceRequest::kMaxSignatoryLength);
    if (!name)
        return prefixed(name.error(), path);
    auto position = protocol::optionalText(json, u"signatory_position"_s, AcceptanceRequest::kMaxSignatoryLength);
    if (!position)
        return prefixed(position.error(), path);
    if (name->has_value() != position->has_value())
        return prefixed(invalid(u"field '%1' is missing: a signature needs a name and a position"_s.arg(
                            name->has_value() ? u"signatory_position"_s : u"signatory_name"_s)),
                        path);
    if (name->has_value() && record.kind != LegalKind::DataProcessingTerms)
        return prefixed(invalid(u"field 'signatory_name': only the Data Processing Terms are signed"_s), path);
    record.signatoryName = *name;
    record.signatoryPosition = *position;
    return record;
}

QJsonObject AcceptanceRequest::toJson() const
{
    QJsonArray array;
    for (const AcceptanceRecord &record : acceptances)
        array.append(record.toJson());
    return QJsonObject{{u"acceptances"_s, array}};
}

QByteArray AcceptanceRequest::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<AcceptanceRequest> AcceptanceRequest::fromJson(const QJsonObject &json)
{
    const QJsonValue value = json.value(u"acceptances"_s);
    if (value.isUndefined())
        return invalid(u"field 'acceptances' is missing"_s);
    if (!value.isArray())
        return invalid(u"field 'acceptances': expected an array"_s);
    const QJsonArray array = value.toArray();
    if (array.isEmpty() || array.size() > kMaxAcceptances)
        return invalid(u"field 'acceptances' must hold 1 to %1 records"_s.arg(kMaxAcceptances));
    AcceptanceRequest request;
    request.acceptances.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"acceptances[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return invalid(u"field '%1': expected an object"_s.arg(path));
        auto record = AcceptanceRecord::fromJson(array.at(i).toObject(), path);
        if (!record)
            return record.error();
        request.acceptances.append(std::move(record.value()));
    }
    return request;
}

Result<AcceptanceRequest> AcceptanceRequest::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(*json);
}

}  // namespace otrack
