#include "pullresponse.h"

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

constexpr EnumNames<ChangeType, 8> kChangeTypeNames{{
    {ChangeType::Mark, u"mark"},
    {ChangeType::Pupil, u"pupil"},
    {ChangeType::Group, u"group"},
    {ChangeType::Scale, u"scale"},
    {ChangeType::Framework, u"framework"},
    {ChangeType::Term, u"term"},
    {ChangeType::Staff, u"staff"},
    {ChangeType::Purge, u"purge"},
}};

}  // namespace

QString toString(ChangeType type)
{
    return enumName(kChangeTypeNames, type);
}

std::optional<ChangeType> changeTypeFromString(const QString &text)
{
    return enumFromName(kChangeTypeNames, text);
}

QJsonObject Change::toJson() const
{
    return QJsonObject{{u"seq"_s, seq}, {u"type"_s, toString(type)}, {u"data"_s, data}};
}

Result<Change> Change::fromJson(const QJsonObject &json, const QString &path)
{
    Change change;
    auto seq = protocol::requireInteger(json, u"seq"_s);
    if (!seq)
        return prefixed(seq.error(), path);
    if (*seq < 1)
        return prefixed(invalid(u"field 'seq' must be positive"_s), path);
    change.seq = *seq;
    auto typeText = protocol::requireString(json, u"type"_s);
    if (!typeText)
        return prefixed(typeText.error(), path);
    // An unknown type is an error rather than skipped: skipping would advance the cursor past
    // data the client never stored. A newer server speaks a newer protocol version instead.
    const auto type = changeTypeFromString(*typeText);
    if (!type)
        return prefixed(invalid(u"field 'type': unknown change type"_s), path);
    change.type = *type;
    auto data = protocol::requireObject(json, u"data"_s);
    if (!data)
        return prefixed(data.error(), path);
    change.data = *data;
    return change;
}

QJsonObject PulledMark::toJson() const
{
    return QJsonObject{{u"pupil_id"_s, pupilId},
                       {u"term_id"_s, termId},
                       {u"objective_id"_s, objectiveId},
                       {u"value"_s, value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null)},
                       {u"note"_s, note},
                       {u"author_id"_s, authorId},
                       {u"client_time"_s, clientTime},
                       {u"server_time"_s, serverTime},
                       {u"version"_s, version}};
}

Result<PulledMark> PulledMark::fromJson(const QJsonObject &json)
{
    PulledMark mark;
    for (auto [field, target] :
         {std::pair{u"pupil_id"_s, &mark.pupilId}, std::pair{u"term_id"_s, &mark.termId},
          std::pair{u"objective_id"_s, &mark.objectiveId}, std::pair{u"author_id"_s, &mark.authorId}}) {
        auto text = protocol::requireString(json, field);
        if (!text)
            return text.error();
        *target = *text;
    }
    auto value = protocol::optionalString(json, u"value"_s);
    if (!value)
        return value.error();
    mark.value = *value;
    auto note = protocol::optionalString(json, u"note"_s);
    if (!note)
        return note.error();
    mark.note = note->value_or(QString());
    for (auto [field, target] :
         {std::pair{u"client_time"_s, &mark.clientTime}, std::pair{u"server_time"_s, &mark.serverTime},
          std::pair{u"version"_s, &mark.version}}) {
        auto number = protocol::requireInteger(json, field);
        if (!number)
            return number.error();
        *target = *number;
    }
    return mark;
}

QJsonObject PullResponse::toJson() const
{
    QJsonArray array;
    for (const Change &change : changes)
        array.append(change.toJson());
    return QJsonObject{{u"changes"_s, array},
                       {u"next_cursor"_s, nextCursor},
                       {u"has_more"_s, hasMore},
                       {u"epoch"_s, epoch},
                       {u"resync"_s, resync}};
}

QByteArray PullResponse::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

QByteArray PullResponse::encodeWith(const QList<QByteArray> &encodedChanges) const
{
    // The envelope as toJson() writes it, with an empty array to put the changes in.
    QJsonObject envelope = toJson();
    envelope.insert(u"changes"_s, QJsonArray());
    QByteArray out = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    const QByteArray empty = "\"changes\":[]";
    const qsizetype at = out.indexOf(empty);
    Q_ASSERT(at >= 0);
    qsizetype size = 0;
    for (const QByteArray &change : encodedChanges)
        size += change.size() + 1;
    QByteArray list;
    list.reserve(size + 16);
    list += "\"changes\":[";
    for (qsizetype i = 0; i < encodedChanges.size(); ++i) {
        if (i > 0)
            list += ',';
        list += encodedChanges.at(i);
    }
    list += ']';
    return out.replace(at, empty.size(), list);
}

Result<PullResponse> PullResponse::fromJson(const QJsonObject &json)
{
    PullResponse response;
    const QJsonValue changes = json.value(u"changes"_s);
    if (!changes.isArray())
        return invalid(changes.isUndefined() ? u"field 'changes' is missing"_s
                                             : u"field 'changes': expected an array"_s);
    const QJsonArray array = changes.toArray();
    response.changes.reserve(array.size());
    qint64 previous = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"changes[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return invalid(u"field '%1': expected an object"_s.arg(path));
        auto change = Change::fromJson(array.at(i).toObject(), path);
        if (!change)
            return change.error();
        if (change->seq <= previous)
            return invalid(u"field '%1.seq': not ascending"_s.arg(path));
        previous = change->seq;
        response.changes.append(std::move(change.value()));
    }
    auto next = protocol::requireInteger(json, u"next_cursor"_s);
    if (!next)
        return next.error();
    response.nextCursor = *next;
    auto hasMore = requireBool(json, u"has_more"_s);
    if (!hasMore)
        return hasMore.error();
    response.hasMore = *hasMore;
    auto epoch = protocol::requireInteger(json, u"epoch"_s);
    if (!epoch)
        return epoch.error();
    response.epoch = *epoch;
    // Optional for forward compatibility: absent means false.
    if (json.contains(u"resync"_s)) {
        auto resync = requireBool(json, u"resync"_s);
        if (!resync)
            return resync.error();
        response.resync = *resync;
    }
    if (!response.resync && response.nextCursor < previous)
        return invalid(u"field 'next_cursor': behind the changes"_s);
    return response;
}

Result<PullResponse> PullResponse::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(*json);
}

}  // namespace otrack
