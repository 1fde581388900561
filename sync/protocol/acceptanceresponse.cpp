#include "acceptanceresponse.h"

#include "enumnames.h"
#include "jsondecode.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace otrack {

using protocol::invalid;
using protocol::prefixed;

namespace {

constexpr EnumNames<AcceptanceOutcome, 2> kOutcomeNames{{
    {AcceptanceOutcome::Recorded, u"recorded"},
    {AcceptanceOutcome::Duplicate, u"duplicate"},
}};

}  // namespace

QString toString(AcceptanceOutcome outcome)
{
    return enumName(kOutcomeNames, outcome);
}

std::optional<AcceptanceOutcome> acceptanceOutcomeFromString(const QString &text)
{
    return enumFromName(kOutcomeNames, text);
}

QJsonObject AcceptanceResponse::toJson() const
{
    QJsonArray array;
    for (const AcceptanceResult &result : results)
        array.append(QJsonObject{{u"id"_s, result.id}, {u"outcome"_s, toString(result.outcome)}});
    return QJsonObject{{u"results"_s, array}, {u"school_status"_s, toString(schoolStatus)}};
}

QByteArray AcceptanceResponse::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<AcceptanceResponse> AcceptanceResponse::fromJson(const QJsonObject &json)
{
    AcceptanceResponse response;
    const QJsonValue results = json.value(u"results"_s);
    if (!results.isArray())
        return invalid(results.isUndefined() ? u"field 'results' is missing"_s
                                             : u"field 'results': expected an array"_s);
    const QJsonArray array = results.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"results[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return invalid(u"field '%1': expected an object"_s.arg(path));
        const QJsonObject item = array.at(i).toObject();
        auto id = protocol::requireString(item, u"id"_s);
        if (!id)
            return prefixed(id.error(), path);
        auto outcomeText = protocol::requireString(item, u"outcome"_s);
        if (!outcomeText)
            return prefixed(outcomeText.error(), path);
        const auto outcome = acceptanceOutcomeFromString(*outcomeText);
        if (!outcome)
            return prefixed(invalid(u"field 'outcome': unknown outcome"_s), path);
        response.results.append(AcceptanceResult{*id, *outcome});
    }
    auto status = protocol::requireString(json, u"school_status"_s);
    if (!status)
        return status.error();
    const auto schoolStatus = schoolStatusFromString(*status);
    if (!schoolStatus)
        return invalid(u"field 'school_status' is not a known status"_s);
    response.schoolStatus = *schoolStatus;
    return response;
}

Result<AcceptanceResponse> AcceptanceResponse::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(*json);
}

}  // namespace otrack
