#include "storelocation.h"

#include <catch2/catch.hpp>

#include <QDir>

using otrack::StoreLocation;

TEST_CASE("store folders are one per school and user and never outside the base", "[app][location]")
{
    const QString base = QStringLiteral("/data");
    CHECK(StoreLocation::folderFor(base, QStringLiteral("Hill Primary"), QStringLiteral("j.smith"))
          == QStringLiteral("/data/hill%20primary/j%2Esmith"));
    // Case and surrounding spaces do not make a second store.
    CHECK(StoreLocation::folderFor(base, QStringLiteral(" HILL primary "), QStringLiteral("J.Smith"))
          == StoreLocation::folderFor(base, QStringLiteral("Hill Primary"), QStringLiteral("j.smith")));
    for (const char *name : {"..", ".", "../../etc", "a/b", "a\\b", "%2E%2E", "~"}) {
        const QString encoded = StoreLocation::encodeComponent(QString::fromUtf8(name));
        INFO(name << " -> " << encoded.toStdString());
        CHECK_FALSE(encoded.contains(QLatin1Char('/')));
        CHECK_FALSE(encoded.contains(QLatin1Char('\\')));
        CHECK(encoded != QStringLiteral(".."));
        CHECK(encoded != QStringLiteral("."));
        CHECK(QDir::cleanPath(StoreLocation::folderFor(base, QString::fromUtf8(name), QStringLiteral("u")))
                  .startsWith(QStringLiteral("/data/")));
    }
    // Distinct names stay distinct, also when one looks like the other's encoding.
    CHECK(StoreLocation::encodeComponent(QStringLiteral("a.b"))
          != StoreLocation::encodeComponent(QStringLiteral("a%2Eb")));
}
