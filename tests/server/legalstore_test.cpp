// Publishing legal document versions, on SQLite and PostgreSQL.
#include "legalfixture.h"
#include "legalstore.h"
#include "syncfixture.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::legalDocument;

namespace {

void checkPublishing(const QString &url)
{
    otrack::test::SyncFixture f(url, u"legal-store"_s);
    LegalStore store(f.db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 audits = f.count(u"audit_events"_s);

    PublishedDocument first = legalDocument(LegalKind::CookiePolicy, u"2026.1"_s);
    auto published = store.publish(first, u"test"_s, now);
    REQUIRE(published.ok());
    CHECK(published->created);
    CHECK(published->document.sha256 == PublishedDocument::sha256Of(first.body));
    CHECK(published->document.publishedAt == now);
    CHECK(f.count(u"audit_events"_s) == audits + 1);

    // The same text again: nothing changes, and the stored version is returned.
    PublishedDocument again = first;
    again.title = u"A retitled copy"_s;
    auto same = store.publish(again, u"test"_s, now + 5000);
    REQUIRE(same.ok());
    CHECK_FALSE(same->created);
    CHECK(same->document.title == first.title);
    CHECK(same->document.publishedAt == now);
    CHECK(f.count(u"audit_events"_s) == audits + 1);

    // Another text under the same version: refused, the stored text kept.
    PublishedDocument changed = first;
    changed.body += u"One more line.\r\n"_s;
    auto refused = store.publish(changed, u"test"_s, now + 6000);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::AlreadyExists);
    auto stored = store.document(LegalKind::CookiePolicy, u"2026.1"_s);
    REQUIRE(stored.ok());
    CHECK(stored->body == first.body);

    // Bad metadata is refused before anything is written.
    PublishedDocument badVersion = legalDocument(LegalKind::CookiePolicy, u"2026/2"_s);
    CHECK(store.publish(badVersion, u"test"_s, now).error().code == ErrorCode::InvalidArgument);
    PublishedDocument noText = legalDocument(LegalKind::CookiePolicy, u"2026.3"_s);
    noText.body = u"  \n"_s;
    CHECK(store.publish(noText, u"test"_s, now).error().code == ErrorCode::InvalidArgument);
    PublishedDocument noDate = legalDocument(LegalKind::CookiePolicy, u"2026.4"_s);
    noDate.effectiveDate = QDate();
    CHECK(store.publish(noDate, u"test"_s, now).error().code == ErrorCode::InvalidArgument);

    // Clients order versions by number: an older or equal number is refused.
    auto older = store.publish(legalDocument(LegalKind::CookiePolicy, u"2025.9"_s), u"test"_s, now + 7000);
    REQUIRE_FALSE(older.ok());
    CHECK(older.error().code == ErrorCode::InvalidArgument);
    CHECK(store.publish(legalDocument(LegalKind::CookiePolicy, u"2026.0.9"_s), u"test"_s, now + 7000).error().code
          == ErrorCode::InvalidArgument);

    // A newer version published in the same millisecond is still the current one.
    auto second = store.publish(legalDocument(LegalKind::CookiePolicy, u"2026.1.1"_s), u"test"_s, now);
    REQUIRE(second.ok());
    CHECK(second->document.publishedAt == now + 1);
    auto current = store.currentDocuments();
    REQUIRE(current.ok());
    REQUIRE(current->size() == 1);
    CHECK(current->at(0).version == u"2026.1.1"_s);
    CHECK(current->at(0).body.isEmpty());
    CHECK(store.document(LegalKind::PrivacyPolicy, u"2026.1"_s).error().code == ErrorCode::NotFound);
}

}  // namespace

TEST_CASE("publishing a document version is idempotent and a changed text is refused on SQLite", "[server][legal]")
{
    otrack::test::TempDir dir;
    checkPublishing(u"sqlite://"_s + dir.file(u"server.db"_s));
}

TEST_CASE("publishing a document version is idempotent and a changed text is refused on PostgreSQL", "[server][legal]")
{
    otrack::test::TestPostgresDatabase pg;
    checkPublishing(pg.url());
}
