// `otrack-server admin import-ctf`, `import-csv` and `suggest-mapping` as a data manager runs
// them: the real binary on a real SQLite file.
#include "adminprocess.h"
#include "servercli.h"

#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonObject>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::runAdmin;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(OTRACK_IMPORT_FIXTURES "/") + QLatin1String(name);
}

struct CliSchool {
    test::TempDir dir;
    QString url = u"sqlite://"_s + dir.file(u"otrack.db"_s);
    QString school = u"Larkspur Synthetic Primary"_s;

    CliSchool() { REQUIRE(runAdmin(url, {u"create-school"_s, school}).code == kExitOk); }
    test::AdminRun admin(QStringList args) { return runAdmin(url, args); }
    void activate() { REQUIRE(admin({u"set-status"_s, school, u"active"_s}).code == kExitOk); }
};

QString lineOf(const QString &out, const QString &key)
{
    for (const QString &line : out.split(u'\n'))
        if (line.startsWith(key + u'\t'))
            return line.mid(key.size() + 1);
    return QString();
}

}  // namespace

TEST_CASE("admin import-ctf refuses a school awaiting terms, then imports, dry and for real", "[server][cli][import]")
{
    CliSchool s;
    const QStringList import{u"import-ctf"_s, u"--school"_s, s.school, fixture("clean-ctf25.xml")};
    auto awaiting = s.admin(import);
    CHECK(awaiting.code == kExitRefused);
    CHECK(awaiting.err.contains(u"Data Processing Terms"_s));

    s.activate();
    auto dry = s.admin(import + QStringList{u"--dry-run"_s});
    INFO(dry.err.toStdString());
    REQUIRE(dry.code == kExitOk);
    CHECK(dry.out.startsWith(u"would_import\tctf\trecords=4\tvalid=4\tinvalid=0\n"_s));
    CHECK(lineOf(dry.out, u"created"_s) == u"4"_s);
    CHECK(lineOf(dry.out, u"results_created"_s) == u"5"_s);

    auto real = s.admin(import);
    REQUIRE(real.code == kExitOk);
    CHECK(real.out.startsWith(u"imported\tctf"_s));
    CHECK(lineOf(real.out, u"created"_s) == u"4"_s);  // the dry run wrote nothing

    auto again = s.admin(import + QStringList{u"--json"_s});
    REQUIRE(again.code == kExitOk);
    const QJsonObject report = QJsonDocument::fromJson(again.out.toUtf8()).object();
    CHECK(report.value(u"unchanged"_s).toInt() == 4);
    CHECK(report.value(u"created"_s).toInt() == 0);
    CHECK(report.value(u"plan"_s).toObject().value(u"source"_s).toObject().value(u"version"_s).toString() == u"25.0"_s);
    // No pupil's name reaches the output.
    for (const char *name : {"Ashdown", "Brackenridge", "Pimmy"}) {
        CHECK_FALSE(real.out.contains(QLatin1String(name)));
        CHECK_FALSE(real.err.contains(QLatin1String(name)));
    }
}

TEST_CASE("admin import-ctf lists every problem and imports nothing from a bad file", "[server][cli][import]")
{
    CliSchool s;
    s.activate();
    const QStringList import{u"import-ctf"_s, u"--school"_s, s.school, fixture("bad-records-ctf25.xml")};
    auto refused = s.admin(import);
    CHECK(refused.code == kExitInvalid);
    CHECK(refused.err.contains(u"10 of 11 records have problems"_s));
    CHECK(refused.out.count(u"problem\t"_s) == 11);
    CHECK(refused.out.contains(u"\tE999200100005\tbad_check_letter\t"_s));
    auto some = s.admin(import + QStringList{u"--valid-only"_s});
    REQUIRE(some.code == kExitOk);
    CHECK(lineOf(some.out, u"created"_s) == u"1"_s);
    CHECK(lineOf(some.out, u"skipped_records"_s) == u"10"_s);

    for (const char *file : {"too-old-ctf17.xml", "doctype-internal.xml"}) {
        auto bad = s.admin({u"import-ctf"_s, u"--school"_s, s.school, fixture(file)});
        CHECK(bad.code == kExitInvalid);
        CHECK(bad.err.contains(QLatin1String(file)));
    }
    CHECK(s.admin({u"import-ctf"_s, u"--school"_s, s.school, u"/nonexistent.xml"_s}).code == kExitNotFound);
    CHECK(s.admin({u"import-ctf"_s, u"--school"_s, u"No Such School"_s, fixture("clean-ctf25.xml")}).code
          == kExitNotFound);
    CHECK(s.admin({u"import-ctf"_s, fixture("clean-ctf25.xml")}).code == kExitUsage);
}

TEST_CASE("admin export-ctf writes the statutory results for the MIS", "[server][cli][import]")
{
    CliSchool s;
    s.activate();
    REQUIRE(s.admin({u"import-ctf"_s, u"--school"_s, s.school, fixture("clean-ctf25.xml")}).code == kExitOk);
    test::TempDir dir;
    const QString out = dir.file(u"results.xml"_s);
    auto exported = s.admin({u"export-ctf"_s, u"--school"_s, s.school, u"--lea"_s, u"999"_s, u"--estab"_s, u"2001"_s,
                             u"--out"_s, out, u"--stage"_s, u"ks2"_s});
    INFO(exported.err.toStdString());
    REQUIRE(exported.code == kExitOk);
    CHECK(exported.out == u"exported\t%1\tpupils=1\n"_s.arg(out));
    const QByteArray xml = test::readFile(out);
    CHECK(xml.contains("<UPN>X999200100001</UPN>"));
    CHECK(xml.contains("<Result>108</Result>"));
    CHECK(xml.contains("<ResultQualifier>SS</ResultQualifier>"));
    CHECK(s.admin({u"export-ctf"_s, u"--school"_s, s.school, u"--lea"_s, u"99"_s, u"--estab"_s, u"2001"_s, u"--out"_s,
                   out})
              .code
          == kExitInvalid);
}

TEST_CASE("admin import-csv previews, saves its mapping and imports", "[server][cli][import]")
{
    CliSchool s;
    s.activate();
    auto suggested = s.admin({u"suggest-mapping"_s, fixture("roll.csv")});
    REQUIRE(suggested.code == kExitOk);
    const QJsonObject columns = QJsonDocument::fromJson(suggested.out.toUtf8()).object().value(u"columns"_s).toObject();
    CHECK(columns.value(u"upn"_s).toString() == u"UPN"_s);
    CHECK(columns.value(u"date_of_birth"_s).toString() == u"DOB"_s);

    const QStringList base{u"import-csv"_s, u"--school"_s, s.school, fixture("roll.csv")};
    auto preview = s.admin(base + QStringList{u"--mapping"_s, fixture("roll-mapping.json"), u"--preview"_s, u"2"_s});
    REQUIRE(preview.code == kExitOk);
    CHECK(preview.out.split(u'\n', Qt::SkipEmptyParts).size() == 3);  // field names and two rows
    CHECK(preview.out.contains(u"X999200100001"_s));

    auto imported = s.admin(
        base + QStringList{u"--mapping"_s, fixture("roll-mapping.json"), u"--save-mapping"_s, u"SIMS roll"_s});
    REQUIRE(imported.code == kExitOk);
    CHECK(lineOf(imported.out, u"created"_s) == u"3"_s);
    // The saved mapping by name: nothing new.
    auto byName = s.admin(base + QStringList{u"--mapping"_s, u"SIMS roll"_s});
    REQUIRE(byName.code == kExitOk);
    CHECK(lineOf(byName.out, u"unchanged"_s) == u"3"_s);

    // A mapping naming a column the file lacks.
    test::TempDir dir;
    const QString mapping = dir.file(u"mapping.json"_s);
    test::writeFile(mapping, R"({"version": 1, "columns": {"upn": "UPN", "legal_surname": "Surname",
                                 "legal_forename": "Legal Forename"}})");
    auto missing = s.admin(base + QStringList{u"--mapping"_s, mapping});
    CHECK(missing.code == kExitInvalid);
    CHECK(missing.err.contains(u"'Surname'"_s));
    CHECK(s.admin(base + QStringList{u"--mapping"_s, u"No such mapping"_s}).code == kExitNotFound);
    auto bad
        = s.admin({u"import-csv"_s, u"--school"_s, s.school, fixture("bad-rows.csv"), u"--mapping"_s, u"SIMS roll"_s});
    CHECK(bad.code == kExitInvalid);  // its columns differ from the saved mapping's
}
