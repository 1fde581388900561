// The legal acceptance ledger over real encrypted stores: recording, the hash chain, what is
// still to accept, and tampering with rows and with the file.
#include "deviceid.h"
#include "legalledger.h"
#include "localstore.h"

#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace otrack;
using otrack::test::TempDir;

namespace {

const QString kPassword = QStringLiteral("a synthetic test password");

std::unique_ptr<LocalStore> createStore(const QString &folder)
{
    auto store = LocalStore::create(folder, kPassword, ScryptParams::fastForTests());
    REQUIRE(store.ok());
    return std::move(store.value());
}

LegalDocumentSet embedded()
{
    auto set = LegalDocumentSet::embedded();
    REQUIRE(set.ok());
    return set.value();
}

LedgerIdentity identity(const QString &user = QStringLiteral("j.smith"))
{
    return {QStringLiteral("hill primary"), user, QStringLiteral("device-1"), QStringLiteral("0.1.0")};
}

QList<LegalDocument> documentsOf(const QList<RequiredDocument> &required)
{
    QList<LegalDocument> documents;
    for (const RequiredDocument &r : required)
        documents.append(r.document);
    return documents;
}

// The embedded text of `kind`, edited into a new version with a summary of the change.
LegalDocument newVersion(LegalKind kind, const char *version)
{
    QByteArray text = embedded().find(kind)->text();
    text.replace("version: 1.0", "version: " + QByteArray(version));
    text.replace("summary: First version.", "summary: Names a new sub-processor.");
    text.append("\nA sentence added in version " + QByteArray(version) + ".\n");
    auto document = LegalDocument::parse(text);
    REQUIRE(document.ok());
    return document.value();
}

void exec(Database &db, const char *sql)
{
    auto done = db.exec(sql);
    INFO((done ? QString() : done.error().message).toStdString());
    REQUIRE(done.ok());
}

// What an attacker holding the key could do: drop the append-only triggers, then edit.
void tamper(Database &db, const char *sql)
{
    exec(db, "DROP TRIGGER acceptances_no_update; DROP TRIGGER acceptances_no_delete;");
    exec(db, sql);
}

LedgerCheck checked(LegalLedger &ledger)
{
    auto check = ledger.verify();
    REQUIRE(check.ok());
    return check.value();
}

}  // namespace

TEST_CASE("accepting records one chained row per document with its exact SHA-256", "[legal][store]")
{
    TempDir dir;
    auto store = createStore(dir.path());
    LegalLedger ledger(store->database(), identity());

    auto required = ledger.requiredDocuments(embedded());
    REQUIRE(required.ok());
    REQUIRE(required->size() == 4);
    CHECK(required->at(0).document.kind() == LegalKind::DataProcessingTerms);
    CHECK_FALSE(required->at(0).previous);

    auto recorded = ledger.record(documentsOf(required.value()));
    REQUIRE(recorded.ok());
    REQUIRE(recorded->size() == 4);

    auto rows = ledger.acceptances();
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 4);
    QString previous = Acceptance::kGenesisHash;
    for (int i = 0; i < 4; ++i) {
        const Acceptance &row = rows->at(i);
        const LegalDocument &shown = required->at(i).document;
        CHECK(row.kind == shown.kind());
        CHECK(row.version == shown.version());
        CHECK(row.sha256 == sha256Hex(shown.text()));
        CHECK(row.userId == QStringLiteral("j.smith"));
        CHECK(row.schoolId == QStringLiteral("hill primary"));
        CHECK(row.deviceId == QStringLiteral("device-1"));
        CHECK(row.appVersion == QStringLiteral("0.1.0"));
        CHECK(row.acceptedAt.endsWith(u'Z'));
        CHECK_FALSE(row.signatoryName);
        CHECK(row.prevHash == previous);
        CHECK(row.rowHash == row.computeRowHash());
        previous = row.rowHash;
    }
    CHECK(checked(ledger).intact());
    CHECK(checked(ledger).rows == 4);

    auto after = ledger.requiredDocuments(embedded());
    REQUIRE(after.ok());
    CHECK(after->isEmpty());

    // Another user of the same store has accepted nothing.
    LegalLedger other(store->database(), identity(QStringLiteral("a.jones")));
    auto otherRequired = other.requiredDocuments(embedded());
    REQUIRE(otherRequired.ok());
    CHECK(otherRequired->size() == 4);

    SECTION("the ledger survives closing and reopening the store")
    {
        store.reset();
        auto reopened = LocalStore::openWithPassword(dir.path(), kPassword);
        REQUIRE(reopened.ok());
        LegalLedger again(reopened.value()->database(), identity());
        CHECK(checked(again).intact());
        auto none = again.requiredDocuments(embedded());
        REQUIRE(none.ok());
        CHECK(none->isEmpty());
    }
    SECTION("the table refuses updates and deletes")
    {
        CHECK_FALSE(store->database().exec("UPDATE acceptances SET version = '9.9'").ok());
        CHECK_FALSE(store->database().exec("DELETE FROM acceptances").ok());
        CHECK(checked(ledger).intact());
    }
}

TEST_CASE("a new version asks again for that document only and v1 does not satisfy v2", "[legal][store]")
{
    TempDir dir;
    auto store = createStore(dir.path());
    LegalLedger ledger(store->database(), identity());
    auto first = ledger.requiredDocuments(embedded());
    REQUIRE(first.ok());
    REQUIRE(ledger.record(documentsOf(first.value())).ok());
    const LegalDocument v1 = *embedded().find(LegalKind::PrivacyPolicy);

    const LegalDocument v2 = newVersion(LegalKind::PrivacyPolicy, "1.1");
    SECTION("brought by sync into the store")
    {
        REQUIRE(ledger.storeDocument(v2, QStringLiteral("2026-10-01T00:00:00.000Z")).ok());
        // The same text again is fine; another text under the same version is not.
        CHECK(ledger.storeDocument(v2, QStringLiteral("2026-10-01T00:00:00.000Z")).ok());
        auto clash = ledger.storeDocument(newVersion(LegalKind::PrivacyPolicy, "1.0"), QString());
        REQUIRE_FALSE(clash.ok());
        CHECK(clash.error().code == ErrorCode::Conflict);

        auto required = ledger.requiredDocuments(embedded());
        REQUIRE(required.ok());
        REQUIRE(required->size() == 1);
        CHECK(required->at(0).document.sha256() == v2.sha256());
        CHECK(required->at(0).document.summary() == QStringLiteral("Names a new sub-processor."));
        REQUIRE(required->at(0).previous);
        CHECK(required->at(0).previous->sha256() == v1.sha256());

        REQUIRE(ledger.record({v2}).ok());
        auto none = ledger.requiredDocuments(embedded());
        REQUIRE(none.ok());
        CHECK(none->isEmpty());
        CHECK(checked(ledger).intact());
    }
    SECTION("shipped by a newer build, with the accepted text kept in the store")
    {
        LegalDocumentSet newer;
        const LegalDocumentSet shipped = embedded();
        for (const LegalDocument &document : shipped.documents())
            REQUIRE(newer.add(document.kind() == LegalKind::PrivacyPolicy ? v2 : document).ok());
        auto required = ledger.requiredDocuments(newer);
        REQUIRE(required.ok());
        REQUIRE(required->size() == 1);
        CHECK(required->at(0).document.version() == QStringLiteral("1.1"));
        // The new build no longer embeds v1: "what changed" shows the text kept at acceptance.
        REQUIRE(required->at(0).previous);
        CHECK(required->at(0).previous->text() == v1.text());
    }
    SECTION("an older version in the store does not replace a newer embedded one")
    {
        REQUIRE(ledger.storeDocument(newVersion(LegalKind::CookiePolicy, "0.9"), QString()).ok());
        auto none = ledger.requiredDocuments(embedded());
        REQUIRE(none.ok());
        CHECK(none->isEmpty());
    }
}

TEST_CASE("a stored document whose text no longer matches its hash is never shown", "[legal][store]")
{
    TempDir dir;
    auto store = createStore(dir.path());
    LegalLedger ledger(store->database(), identity());
    REQUIRE(ledger.storeDocument(newVersion(LegalKind::CookiePolicy, "2.0"), QString()).ok());
    exec(store->database(), "UPDATE legal_documents SET body = replace(body, 'no cookies', 'some cookies')");
    auto current = ledger.currentDocuments(embedded());
    REQUIRE(current.ok());
    for (const LegalDocument &document : current.value())
        CHECK(document.version() == QStringLiteral("1.0"));
}

TEST_CASE("the signatory is recorded on the Data Processing Terms only", "[legal][store]")
{
    TempDir dir;
    auto store = createStore(dir.path());
    LegalLedger ledger(store->database(), identity());
    const auto documents = embedded().documents();
    auto missing = ledger.record(documents, Signatory{QStringLiteral("Ann Example"), QStringLiteral(" ")});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::InvalidArgument);
    CHECK(checked(ledger).rows == 0);

    auto recorded = ledger.record(documents, Signatory{QStringLiteral("Ann Example"), QStringLiteral("Headteacher")});
    REQUIRE(recorded.ok());
    for (const Acceptance &row : recorded.value()) {
        INFO(toString(row.kind).toStdString());
        CHECK(row.signatoryName.has_value() == (row.kind == LegalKind::DataProcessingTerms));
    }
    auto rows = ledger.acceptances();
    REQUIRE(rows.ok());
    CHECK(rows->at(0).signatoryName == QStringLiteral("Ann Example"));
    CHECK(rows->at(0).signatoryPosition == QStringLiteral("Headteacher"));
    CHECK(checked(ledger).intact());
}

TEST_CASE("a changed or deleted ledger row is detected and named", "[legal][store]")
{
    TempDir dir;
    auto store = createStore(dir.path());
    Database &db = store->database();
    LegalLedger ledger(db, identity());
    auto required = ledger.requiredDocuments(embedded());
    REQUIRE(required.ok());
    REQUIRE(ledger.record(documentsOf(required.value())).ok());
    auto rows = ledger.acceptances();
    REQUIRE(rows.ok());
    REQUIRE(checked(ledger).intact());

    SECTION("a field edited in place")
    {
        tamper(db, "UPDATE acceptances SET version = '2.0' WHERE seq = 2");
        const LedgerCheck check = checked(ledger);
        REQUIRE(check.problems.size() == 1);
        CHECK(check.problems[0].kind == LedgerProblem::Kind::Changed);
        CHECK(check.problems[0].seq == 2);
        CHECK(check.problems[0].id == rows->at(1).id);
        CHECK(check.problems[0].description.contains(rows->at(1).id));
        CHECK(check.trustedFromSeq == 3);
    }
    SECTION("a field edited and its hash recomputed")
    {
        Acceptance forged = rows->at(1);
        forged.version = QStringLiteral("2.0");
        const QString sql = QStringLiteral("UPDATE acceptances SET version = '2.0', row_hash = '%1' WHERE seq = 2")
                                .arg(forged.computeRowHash());
        tamper(db, sql.toUtf8().constData());
        const LedgerCheck check = checked(ledger);
        REQUIRE(check.problems.size() == 1);
        CHECK(check.problems[0].kind == LedgerProblem::Kind::Unlinked);
        CHECK(check.problems[0].seq == 3);
    }
    SECTION("a row deleted from the middle")
    {
        tamper(db, "DELETE FROM acceptances WHERE seq = 2");
        const LedgerCheck check = checked(ledger);
        REQUIRE(check.problems.size() == 1);
        CHECK(check.problems[0].kind == LedgerProblem::Kind::RowsDeleted);
        CHECK(check.problems[0].seq == 3);
        CHECK(check.problems[0].description.contains(QStringLiteral("1 rows are missing before row 3")));
    }
    SECTION("the middle row deleted and the rest renumbered")
    {
        tamper(db, "DELETE FROM acceptances WHERE seq = 2; UPDATE acceptances SET seq = seq - 1 WHERE seq > 2;");
        const LedgerCheck check = checked(ledger);
        REQUIRE_FALSE(check.intact());
        CHECK(check.problems[0].kind == LedgerProblem::Kind::Unlinked);
        CHECK(check.problems[0].id == rows->at(2).id);
    }
    SECTION("the last row deleted")
    {
        tamper(db, "DELETE FROM acceptances WHERE seq = 4");
        const LedgerCheck check = checked(ledger);
        REQUIRE(check.problems.size() == 1);
        CHECK(check.problems[0].kind == LedgerProblem::Kind::LastRowsDeleted);
        CHECK(check.problems[0].seq == 3);
    }
    SECTION("every row deleted")
    {
        tamper(db, "DELETE FROM acceptances");
        CHECK(checked(ledger).problems.size() == 1);
    }

    // After any break the earlier acceptances no longer count: the user accepts again, and
    // the new rows are trusted while the break stays on record.
    auto again = ledger.requiredDocuments(embedded());
    REQUIRE(again.ok());
    CHECK_FALSE(again->isEmpty());
    REQUIRE(ledger.record(documentsOf(again.value())).ok());
    auto none = ledger.requiredDocuments(embedded());
    REQUIRE(none.ok());
    CHECK(none->isEmpty());
    CHECK_FALSE(checked(ledger).intact());
}

TEST_CASE("a ledger in a tampered database file does not open", "[legal][store]")
{
    TempDir dir;
    {
        auto store = createStore(dir.path());
        LegalLedger ledger(store->database(), identity());
        REQUIRE(ledger.record(embedded().documents()).ok());
        REQUIRE(store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    QByteArray bytes = test::readFile(LocalStore::databasePath(dir.path()));
    REQUIRE(bytes.size() > 8192);
    // One bit in every page but the first (which SQLCipher checks first anyway): whichever
    // page holds the ledger's rows, it no longer authenticates.
    for (qsizetype offset = 4096 + 200; offset < bytes.size(); offset += 4096)
        bytes[offset] = static_cast<char>(bytes[offset] ^ 0x01);
    test::writeFile(LocalStore::databasePath(dir.path()), bytes);
    auto reopened = LocalStore::openWithPassword(dir.path(), kPassword);
    REQUIRE_FALSE(reopened.ok());
    CHECK(reopened.error().code == ErrorCode::Damaged);
}

TEST_CASE("the device id is made once and kept in the store", "[legal][store]")
{
    TempDir dir;
    auto store = createStore(dir.path());
    auto first = ensureDeviceId(store->database());
    REQUIRE(first.ok());
    CHECK(first->size() == 36);
    auto second = ensureDeviceId(store->database());
    REQUIRE(second.ok());
    CHECK(second.value() == first.value());
}
