#include "protocolversion.h"

namespace otrack::protocol {

QByteArray protocolHeaderValue()
{
    return QByteArray::number(kVersion);
}

QByteArray schemaHeaderValue()
{
    return QByteArray::number(kClientSchemaVersion);
}

int parseVersionHeader(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 9)
        return -1;
    for (const char c : trimmed) {
        if (c < '0' || c > '9')
            return -1;
    }
    bool ok = false;
    const int version = trimmed.toInt(&ok);
    return ok ? version : -1;
}

}  // namespace otrack::protocol
