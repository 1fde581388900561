#include "columnmapping.h"
#include "importvalidator.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using namespace otrack;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday(2026, 12, 1);

QString fixture(const char *name)
{
    return QStringLiteral(OTRACK_IMPORT_FIXTURES "/") + QLatin1String(name);
}

ColumnMapping rollMapping()
{
    auto mapping = ColumnMapping::readFile(fixture("roll-mapping.json"));
    REQUIRE(mapping.ok());
    return mapping.value();
}

}  // namespace

TEST_CASE("CSV follows RFC 4180: quotes, doubled quotes, line breaks, CRLF, a BOM", "[core][import][csv]")
{
    auto table = CsvTable::parse("\xef\xbb\xbf"
                                 "a,b,c\r\n"
                                 "1,\"two, with comma\",\"say \"\"hi\"\"\"\r\n"
                                 "\r\n"
                                 "x,\"multi\nline\",\n"
                                 "last,row,end\r\n"
                                 "Si\xc3\xa2n,Zo\xc3\xab,\xc5\xb5");
    REQUIRE(table.ok());
    CHECK(table->header == QStringList{u"a"_s, u"b"_s, u"c"_s});
    REQUIRE(table->rows.size() == 4);
    CHECK(table->rows.at(3).cells == QStringList{u"Siân"_s, u"Zoë"_s, u"ŵ"_s});  // UTF-8, as Welsh names need
    CHECK(table->rows.at(0).cells == QStringList{u"1"_s, u"two, with comma"_s, u"say \"hi\""_s});
    CHECK(table->rows.at(0).line == 2);
    CHECK(table->rows.at(1).cells == QStringList{u"x"_s, u"multi\nline"_s, QString()});
    CHECK(table->rows.at(1).line == 4);
    CHECK(table->rows.at(2).line == 6);
    CHECK(table->column(u" B "_s) == 1);
    CHECK(table->column(u"d"_s) == -1);
}

TEST_CASE("broken CSV is refused with its line", "[core][import][csv]")
{
    auto open = CsvTable::parse("a,b\n1,\"never closed\n2,3\n");
    REQUIRE_FALSE(open.ok());
    CHECK(open.error().message.contains(u"truncated"_s));
    CHECK(open.error().message.contains(u"line 2"_s));
    auto stray = CsvTable::parse("a,b\n1,x\"y\n");
    REQUIRE_FALSE(stray.ok());
    CHECK(stray.error().message.contains(u"line 2"_s));
    auto after = CsvTable::parse("a,b\n\"1\"x,2\n");
    REQUIRE_FALSE(after.ok());
    CHECK_FALSE(CsvTable::parse("").ok());
    auto latin1 = CsvTable::parse("a,b\nAsh\xe9,2\n");  // Windows-1252, not UTF-8
    REQUIRE_FALSE(latin1.ok());
    CHECK(latin1.error().message.contains(u"UTF-8"_s));
}

TEST_CASE("a mapped CSV export reads every field, with UK dates", "[core][import][csv]")
{
    auto table = CsvTable::readFile(fixture("roll.csv"));
    REQUIRE(table.ok());
    auto read = rollMapping().apply(table.value());
    REQUIRE(read.ok());
    const ImportPlan plan = ImportValidator::validate(read.value(), kToday);
    CHECK(plan.problems.isEmpty());
    REQUIRE(plan.pupils.size() == 3);
    const ImportedPupil &pim = plan.pupils.at(0);
    CHECK(pim.upn == u"X999200100001"_s);
    CHECK(pim.preferredForename == u"Pimmy"_s);
    CHECK_FALSE(pim.preferredSurname.has_value());  // not mapped: left unchanged
    CHECK(pim.dateOfBirth == QDate(2015, 3, 14));
    CHECK(pim.yearGroup == 6);
    CHECK(pim.freeSchoolMeals == true);
    CHECK(pim.pupilPremium == true);
    CHECK(pim.senStatus == u"K"_s);
    CHECK(pim.eal == false);
    CHECK(pim.onRollDate == QDate(2019, 9, 1));
    CHECK(pim.classGroup == u"6A"_s);
    CHECK(plan.pupils.at(2).classGroup == u"RB"_s);
    CHECK(plan.pupils.at(1).preferredForename == QString());  // mapped, empty
    CHECK(plan.pupils.at(1).eal == true);
    CHECK(plan.pupils.at(2).legalSurname == u"Cotterill-Ng, Jr"_s);
    CHECK(plan.pupils.at(2).yearGroup == 0);
    CHECK(plan.source.format == u"csv"_s);
}

TEST_CASE("bad CSV rows are reported by row, and a ragged row is one of them", "[core][import][csv]")
{
    auto table = CsvTable::readFile(fixture("bad-rows.csv"));
    REQUIRE(table.ok());
    ColumnMapping mapping = ColumnMapping::suggest(table->header);
    CHECK(mapping.column(ImportField::DateOfBirth) == u"DOB"_s);
    CHECK(mapping.column(ImportField::YearGroup) == u"NC Year"_s);
    CHECK(mapping.column(ImportField::FreeSchoolMeals) == u"FSM"_s);
    CHECK(ColumnMapping::suggest({u"UPN"_s, u"Surname"_s, u"Reg Group"_s}).column(ImportField::ClassGroup)
          == u"Reg Group"_s);
    auto read = mapping.apply(table.value());
    REQUIRE(read.ok());
    const ImportPlan plan = ImportValidator::validate(read.value(), kToday);
    CHECK(plan.recordCount == 7);
    QList<std::pair<int, ProblemKind>> found;
    for (const ImportProblem &problem : plan.problems)
        found.append({problem.line, problem.kind});
    const QList<std::pair<int, ProblemKind>> expected{
        {3, ProblemKind::MissingUpn},       {4, ProblemKind::BadDate},  // 31 April
        {5, ProblemKind::UnknownYearGroup}, {6, ProblemKind::BadValue},  // FSM "maybe"
        {7, ProblemKind::BadRow},  // five cells
    };
    CHECK(found == expected);
    REQUIRE(plan.pupils.size() == 2);
    CHECK(plan.pupils.at(1).legalForename == u"Bea\r\nMaria"_s);  // a quoted line break
    CHECK(plan.pupils.at(1).line == 8);
    // The ragged row's UPN still counts as present for a full roll.
    CHECK(plan.upnsInFile.contains(u"T999200100006"_s));
}

TEST_CASE("a mapping naming a missing column, or an unknown field, is refused", "[core][import][csv]")
{
    auto table = CsvTable::readFile(fixture("roll.csv"));
    REQUIRE(table.ok());
    ColumnMapping mapping = rollMapping();
    mapping.setColumn(ImportField::LookedAfter, u"CLA"_s);
    auto missing = mapping.apply(table.value());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.contains(u"'CLA'"_s));
    CHECK(missing.error().message.contains(u"Legal Surname"_s));  // lists the file's columns
    CHECK_FALSE(mapping.preview(table.value(), 5).ok());

    QJsonObject json = rollMapping().toJson();
    QJsonObject columns = json.value(u"columns"_s).toObject();
    columns.insert(u"shoe_size"_s, u"Shoe"_s);
    json.insert(u"columns"_s, columns);
    auto unknown = ColumnMapping::fromJson(json);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.contains(u"shoe_size"_s));

    columns.remove(u"shoe_size"_s);
    columns.remove(u"upn"_s);
    json.insert(u"columns"_s, columns);
    auto noUpn = ColumnMapping::fromJson(json);
    REQUIRE_FALSE(noUpn.ok());
    CHECK(noUpn.error().message.contains(u"'upn'"_s));

    columns.insert(u"upn"_s, u"DOB"_s);
    json.insert(u"columns"_s, columns);
    CHECK_FALSE(ColumnMapping::fromJson(json).ok());  // two fields on one column
    json = rollMapping().toJson();
    json.insert(u"date_format"_s, u"banana"_s);
    CHECK_FALSE(ColumnMapping::fromJson(json).ok());
}

TEST_CASE("a mapping round-trips through JSON and previews the first rows", "[core][import][csv]")
{
    const ColumnMapping mapping = rollMapping();
    auto again = ColumnMapping::fromJson(QJsonDocument::fromJson(QJsonDocument(mapping.toJson()).toJson()).object());
    REQUIRE(again.ok());
    CHECK(again->toJson() == mapping.toJson());
    auto table = CsvTable::readFile(fixture("roll.csv"));
    REQUIRE(table.ok());
    auto preview = mapping.preview(table.value(), 2);
    REQUIRE(preview.ok());
    REQUIRE(preview->size() == 3);
    CHECK(preview->at(0).contains(u"upn"_s));
    const int upnColumn = int(preview->at(0).indexOf(u"upn"_s));
    CHECK(preview->at(1).at(upnColumn) == u"X999200100001"_s);
    CHECK(preview->at(2).at(upnColumn) == u"L999200100002"_s);
}

TEST_CASE("year groups, flags and dates read the ways MIS exports write them", "[core][import]")
{
    CHECK(ImportValidator::parseYearGroup(u"R"_s) == 0);
    CHECK(ImportValidator::parseYearGroup(u"reception"_s) == 0);
    CHECK(ImportValidator::parseYearGroup(u"N1"_s) == -2);
    CHECK(ImportValidator::parseYearGroup(u"N2"_s) == -1);
    CHECK(ImportValidator::parseYearGroup(u" Year 11 "_s) == 11);
    CHECK(ImportValidator::parseYearGroup(u"Y3"_s) == 3);
    CHECK(ImportValidator::parseYearGroup(u"14"_s) == 14);
    CHECK_FALSE(ImportValidator::parseYearGroup(u"15"_s).has_value());
    CHECK_FALSE(ImportValidator::parseYearGroup(u"0"_s).has_value());
    CHECK_FALSE(ImportValidator::parseYearGroup(u"X"_s).has_value());
    CHECK_FALSE(ImportValidator::parseYearGroup(QString()).has_value());
    CHECK(ImportValidator::parseFlag(u"Yes"_s) == true);
    CHECK(ImportValidator::parseFlag(u"t"_s) == true);
    CHECK(ImportValidator::parseFlag(QString()) == false);
    CHECK_FALSE(ImportValidator::parseFlag(u"2"_s).has_value());

    SourceRecords read;
    read.source.dateFormats = {u"dd/MM/yyyy"_s, u"yyyy-MM-dd"_s};
    ImportRecord record;
    record.ordinal = 1;
    record.line = 2;
    record.upn = u"X999200100001"_s;
    record.legalSurname = u"Ashdown"_s;
    record.legalForename = u"Pim"_s;
    record.dateOfBirth = u"2027-01-01"_s;  // after "today"
    read.records.append(record);
    read.recordCount = 1;
    const ImportPlan future = ImportValidator::validate(read, kToday);
    REQUIRE(future.problems.size() == 1);
    CHECK(future.problems.front().kind == ProblemKind::BadDate);
    CHECK(future.problems.front().message.contains(u"future"_s));
    read.records.front().dateOfBirth = u"01/01/2016"_s;
    CHECK(ImportValidator::validate(read, kToday).problems.isEmpty());
}
