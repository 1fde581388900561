#include "deviceid.h"

#include <QUuid>

namespace otrack {

Result<QString> ensureDeviceId(Database &db)
{
    auto existing = db.scalar("SELECT value FROM sync_state WHERE name = 'device_id'");
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return existing.value();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto insert = db.prepare("INSERT INTO sync_state (name, value) VALUES ('device_id', ?1)");
    if (!insert)
        return insert.error();
    if (auto stored = insert->bind(1, id).run(); !stored)
        return stored.error();
    return id;
}

}  // namespace otrack
