// The legal half of sync against a real otrack-server over real TLS: the ledger's acceptances
// reach the server's ledger, newer documents published on the server arrive in the store, and
// the server's 403 legal_acceptance_required is resolved by accepting and syncing.
#include "demoserver.h"
#include "legalledger.h"
#include "testclient.h"

#include <catch2/catch.hpp>

#include <QDir>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::DemoServer;
using otrack::test::TempDir;
using otrack::test::TestClient;
using State = SyncStatus::State;

namespace {

LegalDocumentSet embedded()
{
    auto set = LegalDocumentSet::embedded();
    REQUIRE(set.ok());
    return set.value();
}

// Publishes `text` on the server (admin publish-document) and returns its SHA-256.
QString publish(DemoServer &server, const TempDir &dir, const QByteArray &text)
{
    static int files = 0;
    const QString file = dir.file(u"published-%1.md"_s.arg(++files));
    otrack::test::writeFile(file, text);
    const QStringList out = server.admin({u"publish-document"_s, file}).trimmed().split(u'\t');
    REQUIRE(out.size() == 4);
    return out.at(3);
}

// The four documents this build embeds, published unchanged.
void publishEmbedded(DemoServer &server, const TempDir &dir)
{
    const LegalDocumentSet set = embedded();
    for (const LegalDocument &document : set.documents())
        publish(server, dir, document.text());
}

// `kind`'s embedded text made into another version.
QByteArray otherVersion(LegalKind kind, const QByteArray &version)
{
    QByteArray text = embedded().find(kind)->text();
    text.replace("version: 1.0", "version: " + version);
    text.replace("summary: First version.", "summary: Names a new sub-processor.");
    text.append("\nA sentence added in version " + version + ".\n");
    return text;
}

LegalLedger ledgerOf(TestClient &client)
{
    return LegalLedger(client.db(),
                       {client.engine().session().schoolName.toCaseFolded(),
                        client.engine().session().username.toCaseFolded(), client.engine().session().deviceId,
                        u"0.1.0"_s});
}

// Accepts what the ledger says is required, as the dialog does; returns the documents.
QList<LegalDocument> acceptRequired(TestClient &client, const std::optional<Signatory> &signatory = std::nullopt)
{
    LegalLedger ledger = ledgerOf(client);
    auto required = ledger.requiredDocuments(embedded());
    REQUIRE(required.ok());
    QList<LegalDocument> documents;
    for (const RequiredDocument &r : std::as_const(required.value()))
        documents.append(r.document);
    REQUIRE(ledger.record(documents, signatory).ok());
    return documents;
}

// The server's ledger for the school, as CSV rows (header first).
QStringList ledgerCsv(DemoServer &server)
{
    return server.admin({u"list-acceptances"_s, u"--school"_s, server.schoolId(), u"--csv"_s})
        .split(u"\r\n"_s, Qt::SkipEmptyParts);
}

QStringList csvRowsFor(DemoServer &server, const QString &username)
{
    QStringList rows;
    for (const QString &row : ledgerCsv(server))
        if (row.contains(u',' + username + u','))
            rows.append(row);
    return rows;
}

// A school with (or without) the embedded documents published, and a teacher signed in on
// a PC of their own.
struct SignedInTeacher {
    enum class Published { Embedded, Nothing };

    explicit SignedInTeacher(Published published)
    {
        if (published == Published::Embedded)
            publishEmbedded(server, dir);
        REQUIRE(client.login() == State::Idle);
    }

    DemoServer server;
    TempDir dir;
    DemoServer::Account teacher = server.account(u"teacher"_s);
    TestClient client{dir.file(u"teacher"_s), server, teacher};
};

}  // namespace

TEST_CASE("an acceptance made offline reaches the server's ledger at the next sync and opens the gate", "[sync][legal]")
{
    SignedInTeacher t(SignedInTeacher::Published::Embedded);
    auto &[server, dir, teacher, client] = t;

    // Not accepted yet: the server's gate is closed and no pupil data moves.
    REQUIRE(client.sync() == State::WaitingForLegalAcceptance);
    CHECK(QString::fromStdString(client.engine().status().detail.toStdString()).contains(u"privacy_policy"_s));
    CHECK(client.scalar(u"SELECT count(*) FROM pupils"_s) == u"0"_s);

    // Accepted while the server is out of reach.
    client.reopen(server.url(1));
    const QList<LegalDocument> accepted = acceptRequired(client);
    CHECK(accepted.size() == 4);
    REQUIRE(client.sync() == State::Offline);
    CHECK(client.scalar(u"SELECT count(*) FROM acceptances WHERE synced = 0"_s) == u"4"_s);
    CHECK(csvRowsFor(server, teacher.username).isEmpty());

    client.reopen(server.url());
    REQUIRE(client.sync() == State::Idle);
    CHECK(client.scalar(u"SELECT count(*) FROM acceptances WHERE synced = 1"_s) == u"4"_s);
    CHECK(client.scalar(u"SELECT count(*) FROM pupils"_s) == u"30"_s);

    const QStringList rows = csvRowsFor(server, teacher.username);
    REQUIRE(rows.size() == 4);
    auto local = ledgerOf(client).acceptances();
    REQUIRE(local.ok());
    for (const Acceptance &a : std::as_const(local.value())) {
        // accepted_at travels in ms and comes back as the same ISO text the ledger holds.
        const QString expected = u"%1,"_s.arg(a.acceptedAt);
        const bool found = std::any_of(rows.cbegin(), rows.cend(), [&](const QString &row) {
            return row.startsWith(expected) && row.contains(a.sha256) && row.contains(a.deviceId)
                && row.contains(u',' + toString(a.kind) + u',' + a.version + u',');
        });
        INFO(a.acceptedAt.toStdString() << " " << toString(a.kind).toStdString());
        CHECK(found);
    }
    // A second sync sends nothing again.
    REQUIRE(client.sync() == State::Idle);
    CHECK(csvRowsFor(server, teacher.username).size() == 4);
}

TEST_CASE("a newer document published on the server arrives in the store and becomes current", "[sync][legal]")
{
    SignedInTeacher t(SignedInTeacher::Published::Embedded);
    auto &[server, dir, teacher, client] = t;
    acceptRequired(client);
    REQUIRE(client.sync() == State::Idle);

    const QByteArray newer = otherVersion(LegalKind::PrivacyPolicy, "1.1");
    const QString sha = publish(server, dir, newer);
    REQUIRE(client.sync() == State::WaitingForLegalAcceptance);
    CHECK(client.scalar(u"SELECT sha256 FROM legal_documents WHERE kind = 'privacy_policy' AND version = '1.1'"_s)
          == sha);

    LegalLedger ledger = ledgerOf(client);
    auto current = ledger.currentDocuments(embedded());
    REQUIRE(current.ok());
    const auto privacy = std::find_if(current->cbegin(), current->cend(),
                                      [](const LegalDocument &d) { return d.kind() == LegalKind::PrivacyPolicy; });
    REQUIRE(privacy != current->cend());
    CHECK(privacy->version() == u"1.1"_s);
    CHECK(privacy->sha256() == sha);
    CHECK(privacy->text() == newer);

    auto required = ledger.requiredDocuments(embedded());
    REQUIRE(required.ok());
    REQUIRE(required->size() == 1);
    CHECK(required->first().document.sha256() == sha);
    REQUIRE(required->first().previous.has_value());
    CHECK(required->first().previous->version() == u"1.0"_s);

    acceptRequired(client);
    REQUIRE(client.sync() == State::Idle);
    CHECK(csvRowsFor(server, teacher.username).filter(sha).size() == 1);
}

TEST_CASE("the server's gate may wait for a version older than the one this build embeds", "[sync][legal]")
{
    SignedInTeacher t(SignedInTeacher::Published::Nothing);
    auto &[server, dir, teacher, client] = t;
    // Nothing published: nothing required by the server; the embedded versions are accepted
    // locally, and the server, which has not published them, keeps them back without refusing.
    acceptRequired(client);
    REQUIRE(client.sync() == State::Idle);
    CHECK(client.scalar(u"SELECT count(*) FROM acceptances WHERE synced = 0"_s) == u"4"_s);
    CHECK(client.scalar(u"SELECT count(*) FROM pupils"_s) == u"30"_s);

    // The vendor publishes an older privacy policy than this build's: the gate waits for it.
    const QString sha = publish(server, dir, otherVersion(LegalKind::PrivacyPolicy, "0.9"));
    REQUIRE(client.sync() == State::WaitingForLegalAcceptance);
    const QList<LegalDocument> accepted = acceptRequired(client);
    REQUIRE(accepted.size() == 1);
    CHECK(accepted.first().sha256() == sha);
    REQUIRE(client.sync() == State::Idle);
    const QStringList rows = csvRowsFor(server, teacher.username);
    REQUIRE(rows.size() == 1);
    CHECK(rows.first().contains(sha));

    // Once the server publishes the embedded version too, the acceptance held back goes.
    publish(server, dir, embedded().find(LegalKind::CookiePolicy)->text());
    REQUIRE(client.sync() == State::Idle);
    CHECK(csvRowsFor(server, teacher.username).size() == 2);
}

TEST_CASE("a record the server refuses is set aside for good and the others still go", "[sync][legal]")
{
    SignedInTeacher t(SignedInTeacher::Published::Embedded);
    auto &[server, dir, teacher, client] = t;
    // Only the school's owner may sign the Data Processing Terms for the school.
    acceptRequired(client, Signatory{u"Alex Example"_s, u"Teacher"_s});
    REQUIRE(client.sync() == State::WaitingForLegalAcceptance);
    CHECK(client.scalar(u"SELECT count(*) FROM acceptances WHERE synced = 1"_s) == u"3"_s);
    CHECK(client.scalar(u"SELECT kind FROM acceptances WHERE synced = 2"_s) == u"data_processing_terms"_s);
    CHECK(csvRowsFor(server, teacher.username).size() == 3);

    // The refused row does not count: the terms are asked for again, and accepting opens the gate.
    auto required = ledgerOf(client).requiredDocuments(embedded());
    REQUIRE(required.ok());
    REQUIRE(required->size() == 1);
    CHECK(required->first().document.kind() == LegalKind::DataProcessingTerms);
    acceptRequired(client);
    REQUIRE(client.sync() == State::Idle);
    CHECK(csvRowsFor(server, teacher.username).size() == 4);
    // The chain still verifies: only the synced flag changed.
    auto check = ledgerOf(client).verify();
    REQUIRE(check.ok());
    CHECK(check->intact());
}
