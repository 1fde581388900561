#pragma once

#include "database.h"
#include "result.h"

#include <QString>

namespace otrack {

// This PC's id for the store's owner: a UUID made on first use and kept in the store's
// sync_state table (name 'device_id'), so acceptances, and later sync, name the same device.
Result<QString> ensureDeviceId(Database &db);

}  // namespace otrack
