#pragma once

#include "result.h"

#include <QString>

namespace otrack {

// The rules for an OTrack server address, wherever it comes from (policy, the MSI, the user):
// https:// with a host name, no user name or password, no query or fragment. Returns the
// address normalised (trimmed, without a trailing slash), or InvalidArgument saying which
// rule it breaks.
Result<QString> checkServerUrl(const QString &text);

}  // namespace otrack
