#include "serverurl.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace otrack {

Result<QString> checkServerUrl(const QString &text)
{
    const auto refuse = [](const QString &why) {
        return Error{ErrorCode::InvalidArgument, why};
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refuse(u"no server address given"_s);
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return refuse(u"not a valid address: "_s + url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s)
        return refuse(u"plain http:// is refused: the OTrack server must be reached over https://"_s);
    if (scheme != u"https"_s)
        return refuse(u"the server address must start with https://"_s);
    if (url.host().isEmpty())
        return refuse(u"the server address has no host name"_s);
    if (!url.userInfo().isEmpty())
        return refuse(u"the server address must not contain a user name or password"_s);
    if (url.hasQuery() || url.hasFragment())
        return refuse(u"the server address must not contain a query or fragment"_s);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url.toString();
}

}  // namespace otrack
