#include "pushresponse.h"

#include "enumnames.h"
#include "jsondecode.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace otrack {

using protocol::invalid;
using protocol::prefixed;
using protocol::requireBool;

namespace {

constexpr EnumNames<PushOutcome, 5> kPushOutcomeNames{{
    {PushOutcome::Applied, u"applied"},
    {PushOutcome::Merged, u"merged"},
    {PushOutcome::Duplicate, u"duplicate"},
    {PushOutcome::Conflict, u"conflict"},
    {PushOutcome::Rejected, u"rejected"},
}};

}  // namespace

QString toString(PushOutcome outcome)
{
    return enumName(kPushOutcomeNames, outcome);
}

std::optional<PushOutcome> pushOutcomeFromString(const QString &text)
{
    return enumFromName(kPushOutcomeNames, text);
}

QJsonObject ServerMark::toJson() const
{
    return QJsonObject{{u"value"_s, value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null)},
                       {u"note"_s, note},
                       {u"author_id"_s, authorId},
                       {u"server_time"_s, serverTime},
                       {u"version"_s, version}};
}

Result<ServerMark> ServerMark::fromJson(const QJsonObject &json)
{
    ServerMark mark;
    auto value = protocol::optionalString(json, u"value"_s);
    if (!value)
        return value.error();
    mark.value = *value;
    auto note = protocol::optionalString(json, u"note"_s);
    if (!note)
        return note.error();
    mark.note = note->value_or(QString());
    auto author = protocol::optionalString(json, u"author_id"_s);
    if (!author)
        return author.error();
    mark.authorId = author->value_or(QString());
    auto serverTime = protocol::requireInteger(json, u"server_time"_s);
    if (!serverTime)
        return serverTime.error();
    mark.serverTime = *serverTime;
    auto version = protocol::requireInteger(json, u"version"_s);
    if (!version)
        return version.error();
    mark.version = *version;
    return mark;
}

QJsonObject PushResult::toJson() const
{
    QJsonObject json{{u"op_id"_s, opId}, {u"outcome"_s, toString(outcome)}};
    const PushOutcome effective = effectiveOutcome();
    if (effective != PushOutcome::Rejected)
        json.insert(u"version"_s, version);
    if (!reason.isEmpty())
        json.insert(u"reason"_s, reason);
    if (!detail.isEmpty())
        json.insert(u"detail"_s, detail);
    if (server)
        json.insert(u"server"_s, server->toJson());
    if (originalOutcome)
        json.insert(u"original_outcome"_s, toString(*originalOutcome));
    return json;
}

Result<PushResult> PushResult::fromJson(const QJsonObject &json, const QString &path)
{
    PushResult result;
    auto opId = protocol::requireString(json, u"op_id"_s);
    if (!opId)
        return prefixed(opId.error(), path);
    result.opId = *opId;
    auto outcomeText = protocol::requireString(json, u"outcome"_s);
    if (!outcomeText)
        return prefixed(outcomeText.error(), path);
    const auto outcome = pushOutcomeFromString(*outcomeText);
    if (!outcome)
        return prefixed(invalid(u"field 'outcome': unknown outcome"_s), path);
    result.outcome = *outcome;
    if (result.outcome == PushOutcome::Duplicate) {
        auto original = protocol::requireString(json, u"original_outcome"_s);
        if (!original)
            return prefixed(original.error(), path);
        const auto originalOutcome = pushOutcomeFromString(*original);
        if (!originalOutcome || *originalOutcome == PushOutcome::Duplicate)
            return prefixed(invalid(u"field 'original_outcome': unknown outcome"_s), path);
        result.originalOutcome = *originalOutcome;
    }
    const PushOutcome effective = result.effectiveOutcome();
    if (effective != PushOutcome::Rejected) {
        auto version = protocol::requireInteger(json, u"version"_s);
        if (!version)
            return prefixed(version.error(), path);
        result.version = *version;
    }
    auto reason = protocol::optionalString(json, u"reason"_s);
    if (!reason)
        return prefixed(reason.error(), path);
    result.reason = reason->value_or(QString());
    if (effective == PushOutcome::Rejected && result.reason.isEmpty())
        return prefixed(invalid(u"field 'reason' is missing"_s), path);
    auto detail = protocol::optionalString(json, u"detail"_s);
    if (!detail)
        return prefixed(detail.error(), path);
    result.detail = detail->value_or(QString());
    if (effective == PushOutcome::Conflict) {
        auto server = protocol::requireObject(json, u"server"_s);
        if (!server)
            return prefixed(server.error(), path);
        auto mark = ServerMark::fromJson(*server);
        if (!mark)
            return prefixed(prefixed(mark.error(), u"server"_s), path);
        result.server = *mark;
    }
    return result;
}

QJsonObject PushResponse::toJson() const
{
    QJsonArray array;
    for (const PushResult &result : results)
        array.append(result.toJson());
    return QJsonObject{{u"results"_s, array}, {u"server_time"_s, serverTime}};
}

QByteArray PushResponse::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<PushResponse> PushResponse::fromJson(const QJsonObject &json)
{
    PushResponse response;
    const QJsonValue results = json.value(u"results"_s);
    if (!results.isArray())
        return invalid(results.isUndefined() ? u"field 'results' is missing"_s
                                             : u"field 'results': expected an array"_s);
    const QJsonArray array = results.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"results[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return invalid(u"field '%1': expected an object"_s.arg(path));
        auto result = PushResult::fromJson(array.at(i).toObject(), path);
        if (!result)
            return result.error();
        response.results.append(std::move(result.value()));
    }
    auto serverTime = protocol::requireInteger(json, u"server_time"_s);
    if (!serverTime)
        return serverTime.error();
    response.serverTime = *serverTime;
    return response;
}

Result<PushResponse> PushResponse::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(*json);
}

}  // namespace otrack
