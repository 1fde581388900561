#include "pushrequest.h"

#include "jsondecode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace otrack {

using protocol::invalid;
using protocol::prefixed;
using protocol::requireBool;

namespace {

Error invalid(const QString &field, const QString &what)
{
    return Error{ErrorCode::InvalidArgument, u"field '%1' %2"_s.arg(field, what)};
}

QString join(const QString &path, const QString &field)
{
    return path.isEmpty() ? field : path + u'.' + field;
}

Result<QString> requireId(const QJsonObject &json, const QString &field, const QString &path)
{
    auto text = protocol::requireString(json, field);
    if (!text)
        return prefixed(text.error(), path);
    if (text->isEmpty())
        return invalid(join(path, field), u"is empty"_s);
    if (text->size() > PushRequest::kMaxIdLength)
        return invalid(join(path, field), u"is too long"_s);
    return text;
}

}  // namespace

QJsonObject PushOp::toJson() const
{
    return QJsonObject{{u"op_id"_s, opId},
                       {u"kind"_s, kind},
                       {u"pupil_id"_s, pupilId},
                       {u"objective_id"_s, objectiveId},
                       {u"term_id"_s, termId},
                       {u"value"_s, value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null)},
                       {u"note"_s, note},
                       {u"base_version"_s, baseVersion},
                       {u"client_time"_s, clientTime}};
}

Result<PushOp> PushOp::fromJson(const QJsonObject &json, const QString &path)
{
    PushOp op;
    auto opId = requireId(json, u"op_id"_s, path);
    if (!opId)
        return opId.error();
    if (QUuid::fromString(*opId).isNull())
        return invalid(join(path, u"op_id"_s), u"is not a UUID"_s);
    op.opId = *opId;

    auto kind = protocol::requireString(json, u"kind"_s);
    if (!kind)
        return prefixed(kind.error(), path);
    if (*kind != QLatin1String(kKindMark))
        return invalid(join(path, u"kind"_s), u"is not a known kind of operation"_s);
    op.kind = *kind;

    auto pupil = requireId(json, u"pupil_id"_s, path);
    if (!pupil)
        return pupil.error();
    op.pupilId = *pupil;
    auto objective = requireId(json, u"objective_id"_s, path);
    if (!objective)
        return objective.error();
    op.objectiveId = *objective;
    auto term = requireId(json, u"term_id"_s, path);
    if (!term)
        return term.error();
    op.termId = *term;

    // "value" must be present: null says "clear the cell", absent is a client bug.
    if (!json.contains(u"value"_s))
        return invalid(join(path, u"value"_s), u"is missing"_s);
    auto value = protocol::optionalString(json, u"value"_s);
    if (!value)
        return prefixed(value.error(), path);
    if (*value && ((*value)->isEmpty() || (*value)->size() > PushRequest::kMaxValueLength))
        return invalid(join(path, u"value"_s), u"must be a scale code or null"_s);
    op.value = *value;

    auto note = protocol::optionalString(json, u"note"_s);
    if (!note)
        return prefixed(note.error(), path);
    op.note = note->value_or(QString());
    if (op.note.size() > PushRequest::kMaxNoteLength)
        return invalid(join(path, u"note"_s), u"is too long"_s);

    auto base = protocol::requireInteger(json, u"base_version"_s);
    if (!base)
        return prefixed(base.error(), path);
    if (*base < 0)
        return invalid(join(path, u"base_version"_s), u"is negative"_s);
    op.baseVersion = *base;

    auto clientTime = protocol::requireInteger(json, u"client_time"_s);
    if (!clientTime)
        return prefixed(clientTime.error(), path);
    op.clientTime = *clientTime;
    return op;
}

QJsonObject PushRequest::toJson() const
{
    QJsonArray array;
    for (const PushOp &op : ops)
        array.append(op.toJson());
    return QJsonObject{{u"device_id"_s, deviceId}, {u"ops"_s, array}};
}

QByteArray PushRequest::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<PushRequest> PushRequest::fromJson(const QJsonObject &json)
{
    PushRequest request;
    auto device = protocol::requireString(json, u"device_id"_s);
    if (!device)
        return device.error();
    if (device->isEmpty() || device->size() > 128)
        return invalid(u"device_id"_s, u"must be 1 to 128 characters"_s);
    request.deviceId = *device;

    const QJsonValue ops = json.value(u"ops"_s);
    if (ops.isUndefined())
        return invalid(u"ops"_s, u"is missing"_s);
    if (!ops.isArray())
        return Error{ErrorCode::InvalidArgument, u"field 'ops': expected an array"_s};
    const QJsonArray array = ops.toArray();
    if (array.size() > kMaxOps)
        return invalid(u"ops"_s, u"has more than %1 operations"_s.arg(kMaxOps));
    request.ops.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"ops[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return Error{ErrorCode::InvalidArgument, u"field '%1': expected an object"_s.arg(path)};
        auto op = PushOp::fromJson(array.at(i).toObject(), path);
        if (!op)
            return op.error();
        request.ops.append(std::move(op.value()));
    }
    return request;
}

Result<PushRequest> PushRequest::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(*json);
}

namespace protocol {

QString fieldOfError(const Error &error)
{
    return error.code == ErrorCode::InvalidArgument ? fieldNamedIn(error.message) : QString();
}

QString fieldNamedIn(const QString &message)
{
    static const QRegularExpression pattern(u"field '([^']*)'"_s);
    const auto match = pattern.match(message);
    return match.hasMatch() ? match.captured(1) : QString();
}

}  // namespace protocol

}  // namespace otrack
