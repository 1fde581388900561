#pragma once

#include <QString>

namespace otrack {

// Where a staff member's encrypted store lives on this PC:
//   BASE/<school>/<username>
// BASE is QStandardPaths::AppLocalDataLocation (per user, not roamed), or --data-dir.
// School and username are case-folded and percent-encoded (dots too), so any name maps to one
// folder name and none can climb out of BASE ("..", "/", "\\").
class StoreLocation {
public:
    static QString defaultBase();
    static QString folderFor(const QString &base, const QString &school, const QString &username);
    // The encoded form of one path component; exposed for tests.
    static QString encodeComponent(const QString &name);
};

}  // namespace otrack
