#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace otrack {

// How far the pull of the running sync has come, for a progress bar during a long initial
// download. Protocol 1 gives no total, so `totalRows` is -1 and the UI shows pages and rows
// done (a busy indicator, not a percentage); a server that says its total sets it.
struct SyncProgress {
    qint64 pages = 0;  // pull pages stored by this sync
    qint64 rows = 0;  // changes stored by this sync
    qint64 totalRows = -1;  // the server's total for this sync, or -1 when unknown
    bool initial = false;  // the first full download into this store (it had not finished one)

    bool operator==(const SyncProgress &) const = default;
};

}  // namespace otrack

Q_DECLARE_METATYPE(otrack::SyncProgress)
