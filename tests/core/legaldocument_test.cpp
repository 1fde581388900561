// Legal documents: the header, the identity by hash, and the set embedded in this build.
#include "acceptance.h"
#include "legaldocument.h"
#include "legaldocumentset.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QFile>

using namespace otrack;

namespace {

QByteArray document(const QByteArray &header, const QByteArray &body = "# Title\n\nSome text.\n")
{
    return "---\n" + header + "---\n" + body;
}

const QByteArray kGoodHeader = "kind: privacy_policy\n"
                               "version: 1.2\n"
                               "effective-date: 2026-09-01\n"
                               "audience: staff\n"
                               "title: Privacy Policy\n"
                               "summary: Says what the client stores.\n";

QString errorOf(const QByteArray &text)
{
    auto parsed = LegalDocument::parse(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == ErrorCode::InvalidArgument);
    return parsed.error().message;
}

}  // namespace

TEST_CASE("a document's header is read and its identity is the SHA-256 of its exact bytes", "[legal]")
{
    const QByteArray text = document(kGoodHeader);
    auto parsed = LegalDocument::parse(text);
    INFO((parsed ? QString() : parsed.error().message).toStdString());
    REQUIRE(parsed.ok());
    CHECK(parsed->kind() == LegalKind::PrivacyPolicy);
    CHECK(parsed->version() == QStringLiteral("1.2"));
    CHECK(parsed->versionNumber() == QVersionNumber(1, 2));
    CHECK(parsed->effectiveDate() == QDate(2026, 9, 1));
    CHECK(parsed->audience() == QStringList{QStringLiteral("staff")});
    CHECK(parsed->isFor(LegalDocument::kAudienceStaff));
    CHECK_FALSE(parsed->isFor(LegalDocument::kAudienceSignatory));
    CHECK(parsed->title() == QStringLiteral("Privacy Policy"));
    CHECK(parsed->summary() == QStringLiteral("Says what the client stores."));
    CHECK(parsed->body() == QStringLiteral("# Title\n\nSome text."));
    CHECK(parsed->text() == text);
    CHECK(parsed->sha256() == QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex()));

    // One changed byte anywhere, header or body, is another document.
    auto trailingSpace = LegalDocument::parse(document(kGoodHeader, "# Title\n\nSome text. \n"));
    REQUIRE(trailingSpace.ok());
    CHECK(trailingSpace->sha256() != parsed->sha256());
    auto crlf = LegalDocument::parse(QByteArray(text).replace("\n", "\r\n"));
    REQUIRE(crlf.ok());
    CHECK(crlf->title() == parsed->title());
    CHECK(crlf->sha256() != parsed->sha256());
}

TEST_CASE("a malformed header is refused with a message naming the problem", "[legal]")
{
    CHECK(errorOf("kind: privacy_policy\n").contains(QStringLiteral("must start with")));
    CHECK(errorOf("---\n" + kGoodHeader).contains(QStringLiteral("closing")));
    CHECK(errorOf(document(kGoodHeader + "colour: blue\n")).contains(QStringLiteral("line 8: unknown field 'colour'")));
    CHECK(errorOf(document(kGoodHeader + "title: Again\n")).contains(QStringLiteral("'title' appears twice")));
    CHECK(errorOf(document("no colon here\n")).contains(QStringLiteral("line 2")));
    CHECK(errorOf(document(QByteArray(kGoodHeader).replace("summary: Says what the client stores.\n", "")))
              .contains(QStringLiteral("'summary' is missing")));
    CHECK(errorOf(document(QByteArray(kGoodHeader).replace("privacy_policy", "marketing_policy")))
              .contains(QStringLiteral("unknown kind 'marketing_policy'")));
    CHECK(errorOf(document(QByteArray(kGoodHeader).replace("1.2", "1.2-beta"))).contains(QStringLiteral("1.2-beta")));
    CHECK(errorOf(document(QByteArray(kGoodHeader).replace("2026-09-01", "1/9/2026")))
              .contains(QStringLiteral("effective-date")));
    CHECK(errorOf(document(QByteArray(kGoodHeader).replace("audience: staff", "audience: staff, parents")))
              .contains(QStringLiteral("'parents'")));
    CHECK(errorOf(document(QByteArray(kGoodHeader).replace("title: Privacy Policy", "title:")))
              .contains(QStringLiteral("'title' is empty")));
    CHECK(errorOf(document(kGoodHeader, "\n\n")).contains(QStringLiteral("no text")));
    CHECK(errorOf(document(kGoodHeader, "caf\xe9\n")).contains(QStringLiteral("UTF-8")));
}

TEST_CASE("the embedded set holds one current version of each of the four documents", "[legal]")
{
    auto set = LegalDocumentSet::embedded();
    INFO((set ? QString() : set.error().message).toStdString());
    REQUIRE(set.ok());
    REQUIRE(set->documents().size() == 4);
    for (LegalKind kind : {LegalKind::DataProcessingTerms, LegalKind::TermsAndConditions, LegalKind::PrivacyPolicy,
                           LegalKind::CookiePolicy}) {
        const auto found = set->find(kind);
        REQUIRE(found);
        INFO(toString(kind).toStdString());
        CHECK(found->isFor(LegalDocument::kAudienceStaff));
        CHECK(found->body().contains(QStringLiteral("Template for legal review")));
        // The identity is over the embedded bytes as they are in the source tree.
        QFile source(QStringLiteral(OTRACK_LEGAL_SOURCE_DIR "/") + toString(kind).replace(u'_', u'-')
                     + QStringLiteral(".md"));
        REQUIRE(source.open(QIODevice::ReadOnly));
        CHECK(found->sha256() == sha256Hex(source.readAll()));
    }
    CHECK(set->find(LegalKind::DataProcessingTerms)->isFor(LegalDocument::kAudienceSignatory));

    // Every point of UK GDPR Art. 28(3), by its section heading.
    const QString dpt = set->find(LegalKind::DataProcessingTerms)->body();
    for (const char *heading :
         {"Subject matter", "Duration", "Nature and purpose", "Types of personal data", "Categories of data subjects",
          "Documented instructions", "Confidentiality", "Security (Article 32)", "Sub-processors",
          "data subjects' rights", "Personal data breaches", "deletion or return", "Audits"}) {
        INFO(heading);
        CHECK(dpt.contains(QString::fromUtf8(heading), Qt::CaseInsensitive));
    }
}

TEST_CASE("a folder with two versions of one kind is refused", "[legal]")
{
    test::TempDir dir;
    test::writeFile(dir.file(QStringLiteral("a.md")), document(kGoodHeader));
    test::writeFile(dir.file(QStringLiteral("b.md")), document(QByteArray(kGoodHeader).replace("1.2", "1.3")));
    auto set = LegalDocumentSet::fromFolder(dir.path());
    REQUIRE_FALSE(set.ok());
    CHECK(set.error().message.contains(QStringLiteral("b.md")));

    test::writeFile(dir.file(QStringLiteral("b.md")), "not a document");
    set = LegalDocumentSet::fromFolder(dir.path());
    REQUIRE_FALSE(set.ok());
    CHECK(set.error().message.startsWith(QStringLiteral("b.md: legal document header")));
}

TEST_CASE("an acceptance's canonical form is length-prefixed and covers every field", "[legal]")
{
    Acceptance a;
    a.id = QStringLiteral("11111111-2222-3333-4444-555555555555");
    a.schoolId = QStringLiteral("hill primary");
    a.userId = QStringLiteral("j.smith");
    a.kind = LegalKind::DataProcessingTerms;
    a.version = QStringLiteral("1.0");
    a.sha256 = QString(64, u'a');
    a.acceptedAt = QStringLiteral("2026-09-01T08:30:00.000Z");
    a.deviceId = QStringLiteral("device-1");
    a.appVersion = QStringLiteral("0.1.0");
    a.prevHash = Acceptance::kGenesisHash;
    CHECK(a.canonicalForm()
          == "otrack-acceptance-v1\n"
             "64:0000000000000000000000000000000000000000000000000000000000000000\n"
             "36:11111111-2222-3333-4444-555555555555\n"
             "12:hill primary\n"
             "7:j.smith\n"
             "21:data_processing_terms\n"
             "3:1.0\n"
             "64:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
             "24:2026-09-01T08:30:00.000Z\n"
             "8:device-1\n"
             "5:0.1.0\n"
             "-\n"
             "-\n");
    CHECK(a.computeRowHash() == sha256Hex(a.canonicalForm()));

    // A signatory name that smuggles a newline cannot pose as another field split.
    Acceptance b = a;
    b.signatoryName = QStringLiteral("Ann\n8:Head");
    b.signatoryPosition = QString();
    Acceptance c = a;
    c.signatoryName = QStringLiteral("Ann");
    c.signatoryPosition = QStringLiteral("Head");
    CHECK(b.computeRowHash() != c.computeRowHash());
    CHECK(b.canonicalForm().endsWith("10:Ann\n8:Head\n0:\n"));
}
