#include "serveoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

// A whole number from `lowest` to `highest`, or `fallback` when the option is not given.
Result<qint64> numberOption(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 fallback,
                            qint64 lowest, qint64 highest)
{
    const QString name = option.names().constFirst();
    if (!parser.isSet(option))
        return fallback;
    if (parser.values(option).size() > 1)
        return invalid(u"--%1 is given more than once"_s.arg(name));
    bool ok = false;
    const QString text = parser.value(option);
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < lowest || value > highest || text.startsWith(u'+'))
        return invalid(u"--%1 wants a whole number from %2 to %3"_s.arg(name).arg(lowest).arg(highest));
    return value;
}

}  // namespace

Result<ListenAddress> ListenAddress::parse(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0 || colon == text.size() - 1)
        return invalid(u"--listen wants ADDRESS:PORT, e.g. 127.0.0.1:8443 or [::1]:8443"_s);
    QString host = text.left(colon);
    const QString portText = text.mid(colon + 1);

    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535 || portText.startsWith(u'+'))
        return invalid(u"--listen: '%1' is not a port number (0-65535)"_s.arg(portText));

    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(u':'))
        return invalid(u"--listen: write an IPv6 address in brackets, e.g. [::1]:8443"_s);

    QHostAddress address;
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host)
             || (address.protocol() == QAbstractSocket::IPv4Protocol && address.toString() != host))
        // The second test refuses legacy forms such as "127.1" that inet_aton would accept.
        return invalid(u"--listen: '%1' is not an IP address"_s.arg(host));
    return ListenAddress{address, static_cast<quint16>(port)};
}

QString ListenAddress::format(const QHostAddress &address, quint16 port)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return u"[%1]:%2"_s.arg(address.toString()).arg(port);
    return u"%1:%2"_s.arg(address.toString()).arg(port);
}

Result<ServeOptions> ServeOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption listen(u"listen"_s, QString(), u"address:port"_s);
    const QCommandLineOption cert(u"cert"_s, QString(), u"file"_s);
    const QCommandLineOption key(u"key"_s, QString(), u"file"_s);
    const QCommandLineOption db(u"db"_s, QString(), u"url"_s);
    const QCommandLineOption maxBody(u"max-body-bytes"_s, QString(), u"bytes"_s);
    const QCommandLineOption idleTimeout(u"idle-timeout"_s, QString(), u"seconds"_s);
    const QCommandLineOption requestTimeout(u"request-timeout"_s, QString(), u"seconds"_s);
    const QCommandLineOption maxConnections(u"max-connections"_s, QString(), u"count"_s);
    const QCommandLineOption retentionEvery(u"retention-every"_s, QString(), u"seconds"_s);
    parser.addOptions({listen, cert, key, db, maxBody, idleTimeout, requestTimeout, maxConnections, retentionEvery});
    if (!parser.parse(QStringList{u"serve"_s} + arguments))
        return invalid(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return invalid(u"unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()));
    for (const QCommandLineOption *required : {&listen, &cert, &key, &db}) {
        if (!parser.isSet(*required))
            return invalid(u"--%1 is required"_s.arg(required->names().constFirst()));
        if (parser.values(*required).size() > 1)
            return invalid(u"--%1 is given more than once"_s.arg(required->names().constFirst()));
    }

    auto address = ListenAddress::parse(parser.value(listen));
    if (!address)
        return address.error();
    auto database = DatabaseUrl::parse(parser.value(db));
    if (!database)
        return invalid(u"--db: "_s + database.error().message);

    using std::chrono::duration_cast;
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    constexpr qint64 kDay = 24 * 3600;
    const ConnectionLimits defaults;
    auto bodyBytes = numberOption(parser, maxBody, defaults.maxBodyBytes, 1024, qint64(1) << 30);
    if (!bodyBytes)
        return bodyBytes.error();
    auto idle = numberOption(parser, idleTimeout, duration_cast<seconds>(defaults.idleTimeout).count(), 1, kDay);
    if (!idle)
        return idle.error();
    auto request
        = numberOption(parser, requestTimeout, duration_cast<seconds>(defaults.requestTimeout).count(), 1, kDay);
    if (!request)
        return request.error();
    auto connections = numberOption(parser, maxConnections, defaults.maxConnections, 1, 1000000);
    if (!connections)
        return connections.error();
    auto retention = numberOption(parser, retentionEvery, kDay, 0, 366 * kDay);
    if (!retention)
        return retention.error();

    ServeOptions options;
    options.limits.maxBodyBytes = *bodyBytes;
    options.limits.idleTimeout = duration_cast<milliseconds>(seconds(*idle));
    options.limits.requestTimeout = duration_cast<milliseconds>(seconds(*request));
    options.limits.maxConnections = int(*connections);
    options.retentionInterval = seconds(*retention);
    options.address = address->address;
    options.port = address->port;
    options.certificateFile = parser.value(cert);
    options.keyFile = parser.value(key);
    options.database = *database;
    return options;
}

}  // namespace otrack
