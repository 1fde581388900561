#include "ctfreader.h"
#include "importvalidator.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFile>

using namespace otrack;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday(2026, 12, 1);

QString fixture(const char *name)
{
    return QStringLiteral(OTRACK_IMPORT_FIXTURES "/") + QLatin1String(name);
}

Result<SourceRecords> readBytes(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    return CtfReader::read(&buffer, kToday);
}

ImportPlan plan(const char *name)
{
    auto read = CtfReader::readFile(fixture(name), kToday);
    REQUIRE(read.ok());
    return ImportValidator::validate(read.value(), kToday);
}

const ImportedPupil &byUpn(const ImportPlan &plan, const QString &upn)
{
    for (const ImportedPupil &pupil : plan.pupils)
        if (pupil.upn == upn)
            return pupil;
    FAIL("no pupil " << upn.toStdString());
    return plan.pupils.front();
}

QList<ProblemKind> kindsOf(const ImportPlan &plan, int ordinal)
{
    QList<ProblemKind> kinds;
    for (const ImportProblem &problem : plan.problems)
        if (problem.ordinal == ordinal)
            kinds.append(problem.kind);
    return kinds;
}

}  // namespace

TEST_CASE("a clean CTF 25 reads every pupil, flag and result", "[core][import][ctf]")
{
    const ImportPlan p = plan("clean-ctf25.xml");
    CHECK(p.problems.isEmpty());
    CHECK(p.recordCount == 4);
    REQUIRE(p.pupils.size() == 4);
    CHECK(p.source.version == u"25.0"_s);
    CHECK(p.source.documentQualifier == u"full"_s);
    CHECK(p.source.sourceSchoolName == u"Larkspur Synthetic Primary"_s);
    CHECK(p.source.sourceLea == u"999"_s);
    CHECK(p.source.sourceEstab == u"2001"_s);
    CHECK(p.source.academicYear == u"2025"_s);

    const ImportedPupil &pim = byUpn(p, u"X999200100001"_s);
    CHECK(pim.legalSurname == u"Ashdown"_s);
    CHECK(pim.legalForename == u"Pim"_s);
    CHECK(pim.preferredForename == u"Pimmy"_s);
    CHECK(pim.dateOfBirth == QDate(2015, 3, 14));
    CHECK(pim.gender == u"F"_s);
    CHECK(pim.yearGroup == 6);
    CHECK(pim.freeSchoolMeals == true);  // an open FSM instance on the file's date
    CHECK(pim.senStatus == u"K"_s);
    CHECK(pim.eal == false);  // first language English
    CHECK_FALSE(pim.pupilPremium.has_value());  // a CTF does not carry it
    CHECK_FALSE(pim.lookedAfter.has_value());
    REQUIRE(pim.results.size() == 4);
    const StatutoryResult &maths = pim.results.at(0);
    CHECK(maths.stage == u"KS2"_s);
    CHECK(maths.locale == u"ENG"_s);
    CHECK(maths.year == u"2026"_s);
    CHECK(maths.subject == u"MAT"_s);
    CHECK(maths.method == u"TT"_s);
    CHECK(maths.component == u"SCALED"_s);
    CHECK(maths.resultStatus == u"F"_s);
    CHECK(maths.resultQualifier == u"SS"_s);
    CHECK(maths.result == u"108"_s);
    CHECK(pim.results.at(2).result == u"EXS"_s);
    CHECK(pim.results.at(3).stage == u"KS1"_s);

    const ImportedPupil &oskar = byUpn(p, u"L999200100002"_s);
    CHECK(oskar.freeSchoolMeals == false);  // the instance ended before the file's date
    CHECK(oskar.senStatus == u"E"_s);  // the latest provision in force
    CHECK(oskar.eal == true);  // first language Polish
    CHECK(oskar.lookedAfter == true);
    CHECK_FALSE(oskar.preferredForename.has_value());
    CHECK(oskar.results.isEmpty());

    const ImportedPupil &zara = byUpn(p, u"K99920010004A"_s);  // a temporary UPN
    CHECK(zara.yearGroup == 0);  // reception
    CHECK_FALSE(zara.freeSchoolMeals.has_value());  // no FSMhistory: not said
    CHECK_FALSE(zara.senStatus.has_value());
    CHECK_FALSE(zara.eal.has_value());

    const ImportedPupil &ify = byUpn(p, u"A999200100003"_s);
    CHECK(ify.formerUpn == u"L99920010003B"_s);  // the temporary UPN she had before
    CHECK(pim.formerUpn.isEmpty());
    REQUIRE(ify.results.size() == 1);
    CHECK(ify.results.front().stage == u"PHONICS"_s);
    CHECK(p.checkApplicable(ImportMode::AllOrNothing, true).ok());
}

TEST_CASE("every kind of bad CTF record is reported by pupil with its reason", "[core][import][ctf]")
{
    const ImportPlan p = plan("bad-records-ctf25.xml");
    CHECK(p.recordCount == 11);
    REQUIRE(p.pupils.size() == 1);
    CHECK(p.pupils.front().upn == u"N999200100013"_s);
    CHECK(p.invalidRecordCount() == 10);

    CHECK(kindsOf(p, 1) == QList{ProblemKind::MissingUpn});
    CHECK(kindsOf(p, 2) == QList{ProblemKind::BadCheckLetter});
    CHECK(kindsOf(p, 3) == QList{ProblemKind::BadUpn});
    CHECK(kindsOf(p, 4) == QList{ProblemKind::DuplicateUpn});
    CHECK(kindsOf(p, 5) == QList{ProblemKind::DuplicateUpn});
    CHECK(kindsOf(p, 6) == QList{ProblemKind::MissingName});
    CHECK(kindsOf(p, 7) == QList{ProblemKind::BadDate});
    CHECK(kindsOf(p, 8) == QList{ProblemKind::UnknownYearGroup});
    CHECK(kindsOf(p, 9) == QList{ProblemKind::BadValue, ProblemKind::BadValue});  // SEN S, sex Q
    CHECK(kindsOf(p, 10) == QList{ProblemKind::BadResult});

    // Each message says what is wrong and where, and quotes the value but never a name.
    for (const ImportProblem &problem : p.problems) {
        CHECK(problem.line > 0);
        CHECK_FALSE(problem.message.isEmpty());
        for (const char *name : {"Ellery", "Farrant", "Gethin", "Halloran", "Ingleby", "Jessop", "Kilbride"})
            CHECK_FALSE(problem.message.contains(QLatin1String(name)));
    }
    const auto messageOf = [&](int ordinal) {
        for (const ImportProblem &problem : p.problems)
            if (problem.ordinal == ordinal)
                return problem.message;
        return QString();
    };
    CHECK(messageOf(2).contains(u"check letter"_s));
    CHECK(messageOf(5).contains(u"also on record 4"_s));
    CHECK(messageOf(7).contains(u"2016-02-30"_s));
    CHECK(messageOf(8).contains(u"'X'"_s));
    CHECK(messageOf(10).contains(u"no subject"_s));

    // All or nothing refuses; the valid records only, chosen explicitly, is allowed...
    const Status all = p.checkApplicable(ImportMode::AllOrNothing, false);
    REQUIRE_FALSE(all.ok());
    CHECK(all.error().message.contains(u"10 of 11"_s));
    CHECK(p.checkApplicable(ImportMode::ValidRecordsOnly, false).ok());
    // ...but not as a full roll: record 1 has no UPN, so who has left cannot be known.
    CHECK_FALSE(p.checkApplicable(ImportMode::ValidRecordsOnly, true).ok());
    // Bad records with a well-formed UPN still count as present (never marked as leavers).
    CHECK(p.upnsInFile.contains(u"G999200100007"_s));
    CHECK(p.upnsInFile.contains(u"K999200100009"_s));
    CHECK_FALSE(p.upnsInFile.contains(u"E999200100005"_s));
}

TEST_CASE("an older CTF (18) reads Gender and fields outside BasicDetails", "[core][import][ctf]")
{
    const ImportPlan p = plan("older-ctf18.xml");
    CHECK(p.problems.isEmpty());
    REQUIRE(p.pupils.size() == 1);
    const ImportedPupil &saul = p.pupils.front();
    CHECK(saul.gender == u"M"_s);
    CHECK(saul.preferredForename == u"Sol"_s);
    CHECK(saul.yearGroup == 2);
    CHECK(p.source.documentQualifier == u"partial"_s);
    // A partial CTF is never the whole roll.
    CHECK(p.checkApplicable(ImportMode::AllOrNothing, false).ok());
    const Status roll = p.checkApplicable(ImportMode::AllOrNothing, true);
    REQUIRE_FALSE(roll.ok());
    CHECK(roll.error().message.contains(u"partial"_s));
    REQUIRE(saul.results.size() == 1);
    CHECK(saul.results.front().result == u"GDS"_s);
}

TEST_CASE("CTF versions outside 18 to 25 are refused", "[core][import][ctf]")
{
    auto old = CtfReader::readFile(fixture("too-old-ctf17.xml"), kToday);
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().code == ErrorCode::InvalidArgument);
    CHECK(old.error().message.contains(u"CTF version 17.0 is not supported"_s));

    QByteArray bytes = test::readFile(fixture("clean-ctf25.xml"));
    bytes.replace("<CTFversion>25.0", "<CTFversion>26.0");
    auto newer = readBytes(bytes);
    REQUIRE_FALSE(newer.ok());
    CHECK(newer.error().message.contains(u"26.0"_s));

    bytes.replace("<CTFversion>26.0</CTFversion>", "");
    auto none = readBytes(bytes);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.contains(u"no CTFversion"_s));
}

TEST_CASE("a DOCTYPE is refused before anything it names is read", "[core][import][ctf]")
{
    // An external entity naming a file that holds a marker: a reader that resolved it would
    // put the marker into a surname.
    test::TempDir dir;
    const QString secret = dir.file(u"secret.txt"_s);
    test::writeFile(secret, "MARKER-7f3a");
    const QByteArray external = "<?xml version=\"1.0\"?>\n<!DOCTYPE CTfile [ <!ENTITY xxe SYSTEM \"file://"
        + secret.toUtf8()
        + "\"> ]>\n<CTfile><Header><CTFversion>25.0</CTFversion></Header><CTFpupilData><Pupil>"
          "<UPN>X999200100001</UPN><Surname>&xxe;</Surname><Forename>Pim</Forename></Pupil></CTFpupilData>"
          "</CTfile>\n";
    auto refused = readBytes(external);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"DOCTYPE"_s));
    CHECK(refused.error().message.startsWith(u"line 2"_s));
    CHECK_FALSE(refused.error().message.contains(u"MARKER"_s));

    // An external DTD by URL, and an internal subset with nested entities (billion laughs).
    auto url = readBytes("<?xml version=\"1.0\"?>\n<!DOCTYPE CTfile SYSTEM \"http://127.0.0.1:9/ctf.dtd\">\n"
                         "<CTfile><Header><CTFversion>25.0</CTFversion></Header></CTfile>\n");
    REQUIRE_FALSE(url.ok());
    CHECK(url.error().message.contains(u"DOCTYPE"_s));
    auto internal = CtfReader::readFile(fixture("doctype-internal.xml"), kToday);
    REQUIRE_FALSE(internal.ok());
    CHECK(internal.error().message.contains(u"DOCTYPE"_s));

    // Without a DTD, an entity reference is an undeclared entity: not well-formed.
    auto entity = readBytes("<CTfile><Header><CTFversion>25.0</CTFversion></Header><CTFpupilData><Pupil>"
                            "<UPN>X999200100001</UPN><Surname>&xxe;</Surname></Pupil></CTFpupilData></CTfile>");
    REQUIRE_FALSE(entity.ok());
    CHECK(entity.error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("malformed, truncated and foreign XML is refused with its line", "[core][import][ctf]")
{
    const QByteArray clean = test::readFile(fixture("clean-ctf25.xml"));
    // Cut anywhere (after the prolog): never a partial read.
    for (const double fraction : {0.05, 0.2, 0.5, 0.8, 0.95, 0.999}) {
        INFO("cut at " << fraction);
        auto cut = readBytes(clean.left(qsizetype(double(clean.size()) * fraction)));
        REQUIRE_FALSE(cut.ok());
        CHECK(cut.error().message.contains(u"line "_s));
    }
    auto truncated = readBytes(clean.left(clean.indexOf("</CTfile>")));
    REQUIRE_FALSE(truncated.ok());
    CHECK(truncated.error().message.contains(u"truncated"_s));

    QByteArray mismatched = clean;
    mismatched.replace("</Surname>", "</Surnme>");
    auto bad = readBytes(mismatched);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.contains(u"not well-formed"_s));

    auto foreign = readBytes("<?xml version=\"1.0\"?><html><body/></html>");
    REQUIRE_FALSE(foreign.ok());
    CHECK(foreign.error().message.contains(u"not a Common Transfer File"_s));

    auto empty = readBytes(QByteArray());
    REQUIRE_FALSE(empty.ok());
    auto noHeader = readBytes("<CTfile><CTFpupilData/></CTfile>");
    REQUIRE_FALSE(noHeader.ok());
    CHECK(noHeader.error().message.contains(u"Header"_s));

    auto missing = CtfReader::readFile(u"/nonexistent/file.xml"_s, kToday);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
}
