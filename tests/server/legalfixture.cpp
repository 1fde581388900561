#include "legalfixture.h"

#include "legalstore.h"
#include "syncfixture.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace otrack::test {

PublishedDocument legalDocument(LegalKind kind, const QString &version)
{
    PublishedDocument document;
    document.kind = kind;
    document.version = version;
    document.title = toString(kind);
    document.body
        = u"# %1\r\n\r\nVersion %2. A template for tests, not legal advice.\r\n"_s.arg(toString(kind), version);
    document.effectiveDate = QDate(2026, 9, 1);
    document.audience = u"staff"_s;
    document.summary = u"Version "_s + version;
    return document;
}

QList<PublishedDocument> publishAll(QSqlDatabase db, const QString &version)
{
    QList<PublishedDocument> published;
    for (LegalKind kind : kAllKinds) {
        auto done
            = LegalStore(db).publish(legalDocument(kind, version), u"test"_s, QDateTime::currentMSecsSinceEpoch());
        INFO((done.ok() ? std::string() : done.error().message.toStdString()));
        REQUIRE(done.ok());
        published.append(done->document);
    }
    return published;
}

AcceptanceRecord acceptanceOf(const PublishedDocument &document, const QString &device)
{
    AcceptanceRecord record;
    record.id = newUuid();
    record.kind = document.kind;
    record.version = document.version;
    record.sha256 = document.sha256;
    record.acceptedAt = QDateTime::currentMSecsSinceEpoch();
    record.deviceId = device;
    record.appVersion = u"0.1.0"_s;
    return record;
}

}  // namespace otrack::test
