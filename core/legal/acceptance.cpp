#include "acceptance.h"

namespace otrack {

namespace {

void appendField(QByteArray &out, const QString &value)
{
    const QByteArray bytes = value.toUtf8();
    out += QByteArray::number(bytes.size());
    out += ':';
    out += bytes;
    out += '\n';
}

void appendField(QByteArray &out, const std::optional<QString> &value)
{
    if (value)
        appendField(out, *value);
    else
        out += "-\n";
}

}  // namespace

QByteArray Acceptance::canonicalForm() const
{
    QByteArray out = "otrack-acceptance-v1\n";
    appendField(out, prevHash);
    appendField(out, id);
    appendField(out, schoolId);
    appendField(out, userId);
    appendField(out, toString(kind));
    appendField(out, version);
    appendField(out, sha256);
    appendField(out, acceptedAt);
    appendField(out, deviceId);
    appendField(out, appVersion);
    appendField(out, signatoryName);
    appendField(out, signatoryPosition);
    return out;
}

QString Acceptance::computeRowHash() const
{
    return sha256Hex(canonicalForm());
}

}  // namespace otrack
