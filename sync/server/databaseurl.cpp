#include "databaseurl.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

// libpq connection options that may come from the URL's query string.
bool isAllowedPostgresOption(const QString &key)
{
    static const QStringList allowed{u"sslmode"_s, u"sslrootcert"_s, u"connect_timeout"_s, u"application_name"_s};
    return allowed.contains(key);
}

}  // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return invalid(u"no database URL given"_s);
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return invalid(u"not a database URL (expected sqlite:///path or postgresql://user@host/db)"_s);

    DatabaseUrl result;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"sqlite"_s) {
        result.m_kind = Kind::Sqlite;
        if (!url.authority().isEmpty())
            return invalid(u"a sqlite URL has no host: write sqlite:///absolute/path.db (three slashes)"_s);
        if (url.hasQuery() || url.hasFragment())
            return invalid(u"a sqlite URL takes no query or fragment"_s);
        QString path = url.path(QUrl::FullyDecoded);
#ifdef Q_OS_WIN
        // sqlite:///C:/data/otrack.db
        static const QRegularExpression drive(u"^/[A-Za-z]:/"_s);
        if (drive.match(path).hasMatch())
            path.remove(0, 1);
#endif
        if (path.isEmpty() || !QDir::isAbsolutePath(path))
            return invalid(u"a sqlite URL needs an absolute file path: sqlite:///absolute/path.db"_s);
        if (path.endsWith(u'/'))
            return invalid(u"a sqlite URL must name a file, not a folder"_s);
        result.m_databaseName = QDir::cleanPath(path);
        return result;
    }

    if (scheme == u"postgresql"_s || scheme == u"postgres"_s) {
        result.m_kind = Kind::Postgresql;
        if (url.hasFragment())
            return invalid(u"a postgresql URL takes no fragment"_s);
        result.m_host = url.host(QUrl::FullyDecoded);
        result.m_port = url.port(5432);
        result.m_userName = url.userName(QUrl::FullyDecoded);
        result.m_password = url.password(QUrl::FullyDecoded);

        QString name = url.path(QUrl::FullyDecoded);
        if (name.startsWith(u'/'))
            name.remove(0, 1);
        if (name.isEmpty())
            return invalid(u"a postgresql URL needs a database name: postgresql://user@host:5432/dbname"_s);
        if (name.contains(u'/'))
            return invalid(u"a postgresql database name cannot contain '/'"_s);
        result.m_databaseName = name;

        QStringList options;
        const QUrlQuery query(url);
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (key == u"host"_s) {
                // A socket directory, as libpq allows: ?host=/run/postgresql
                if (value.isEmpty())
                    return invalid(u"the 'host' option is empty"_s);
                result.m_host = value;
            } else if (isAllowedPostgresOption(key)) {
                if (value.isEmpty() || value.contains(u';') || value.contains(u'='))
                    return invalid(u"the '%1' option has an invalid value"_s.arg(key));
                options.append(key + u'=' + value);
            } else {
                return invalid(u"unknown postgresql option '%1'"_s.arg(key));
            }
        }
        if (result.m_host.isEmpty())
            return invalid(u"a postgresql URL needs a host: postgresql://user@host:5432/dbname"_s);
        result.m_connectOptions = options.join(u';');
        return result;
    }

    return invalid(u"unsupported database URL scheme '%1' (use sqlite or postgresql)"_s.arg(scheme));
}

QString DatabaseUrl::kindName() const
{
    return m_kind == Kind::Sqlite ? u"sqlite"_s : u"postgresql"_s;
}

QString DatabaseUrl::qtDriver() const
{
    return m_kind == Kind::Sqlite ? u"QSQLITE"_s : u"QPSQL"_s;
}

QString DatabaseUrl::redacted() const
{
    if (m_kind == Kind::Sqlite)
        return u"sqlite://"_s + QUrl::fromLocalFile(m_databaseName).path(QUrl::FullyEncoded);
    QUrl url;
    url.setScheme(u"postgresql"_s);
    if (!m_host.startsWith(u'/'))
        url.setHost(m_host);
    url.setPort(m_port);
    url.setUserName(m_userName);
    if (!m_password.isEmpty())
        url.setPassword(u"***"_s);
    url.setPath(u'/' + m_databaseName);
    QUrlQuery query;
    if (m_host.startsWith(u'/'))
        query.addQueryItem(u"host"_s, m_host);
    if (!query.isEmpty())
        url.setQuery(query);
    return url.toString();
}

}  // namespace otrack
