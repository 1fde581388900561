#pragma once

#include "result.h"

#include <QUrlQuery>

#include <optional>

namespace otrack {

// GET /v1/sync/pull?cursor=N&limit=M&epoch=E
//   cursor: the last seq the client holds (0 = from scratch); default 0
//   limit:  changes per page, 1..kMaxLimit; default kDefaultLimit
//   epoch:  the caller's epoch as the client knows it; when it differs from the server's,
//           the answer says resync (the client drops its data and pulls from 0)
struct PullRequest {
    qint64 cursor = 0;
    int limit = kDefaultLimit;
    std::optional<qint64> epoch;

    static constexpr int kDefaultLimit = 1000;
    static constexpr int kMaxLimit = 5000;

    QUrlQuery toQuery() const;
    // Unknown parameters are ignored; a bad one is an InvalidArgument naming it.
    static Result<PullRequest> fromQuery(const QUrlQuery &query);

    bool operator==(const PullRequest &) const = default;
};

}  // namespace otrack
