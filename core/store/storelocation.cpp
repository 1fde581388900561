#include "storelocation.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace otrack {

QString StoreLocation::defaultBase()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

QString StoreLocation::encodeComponent(const QString &name)
{
    // Unreserved characters stay readable; '.' and '~' are encoded so no component is "." or
    // "..", and '%' itself is encoded, so two different names never share a folder.
    const QByteArray encoded
        = QUrl::toPercentEncoding(name.trimmed().toCaseFolded(), QByteArray(), QByteArrayLiteral(".~"));
    return QString::fromLatin1(encoded);
}

QString StoreLocation::folderFor(const QString &base, const QString &school, const QString &username)
{
    return QDir(base).filePath(encodeComponent(school) + QLatin1Char('/') + encodeComponent(username));
}

}  // namespace otrack
