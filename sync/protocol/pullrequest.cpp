#include "pullrequest.h"

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

Result<std::optional<qint64>> integerParameter(const QUrlQuery &query, const QString &name)
{
    if (!query.hasQueryItem(name))
        return std::optional<qint64>{};
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    // Plain decimal digits only: no sign, spaces or exponents.
    const bool digitsOnly = !text.isEmpty() && text.size() <= 18
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!ok || !digitsOnly)
        return Error{ErrorCode::InvalidArgument, u"field '%1': expected a non-negative integer"_s.arg(name)};
    return std::optional<qint64>{value};
}

}  // namespace

QUrlQuery PullRequest::toQuery() const
{
    QUrlQuery query;
    query.addQueryItem(u"cursor"_s, QString::number(cursor));
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (epoch)
        query.addQueryItem(u"epoch"_s, QString::number(*epoch));
    return query;
}

Result<PullRequest> PullRequest::fromQuery(const QUrlQuery &query)
{
    PullRequest request;
    auto cursor = integerParameter(query, u"cursor"_s);
    if (!cursor)
        return cursor.error();
    request.cursor = cursor->value_or(0);
    auto limit = integerParameter(query, u"limit"_s);
    if (!limit)
        return limit.error();
    if (*limit) {
        if (**limit < 1 || **limit > kMaxLimit)
            return Error{ErrorCode::InvalidArgument, u"field 'limit': must be 1 to %1"_s.arg(kMaxLimit)};
        request.limit = static_cast<int>(**limit);
    }
    auto epoch = integerParameter(query, u"epoch"_s);
    if (!epoch)
        return epoch.error();
    request.epoch = *epoch;
    return request;
}

}  // namespace otrack
