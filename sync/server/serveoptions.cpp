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
    parser.addOptions({listen, cert, key, db});
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

    ServeOptions options;
    options.address = address->address;
    options.port = address->port;
    options.certificateFile = parser.value(cert);
    options.keyFile = parser.value(key);
    options.database = *database;
    return options;
}

}  // namespace otrack
