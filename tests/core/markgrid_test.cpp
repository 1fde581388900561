// What typed and pasted text means on a scale, and the clipboard's tab-separated text.
#include "markgrid.h"
#include "tsvtable.h"

#include <catch2/catch.hpp>

using namespace otrack;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

MarkGrid grid()
{
    Scale scale{s("scale"), s("school"), s("Primary"), {}};
    scale.values = {{s("WTS"), s("Working towards"), s("W"), 1, s("#f4a261")},
                    {s("EXP"), s("Expected"), s("E"), 2, s("#2a9d8f")},
                    {s("GDS"), s("Greater depth"), s("G"), 3, s("#264653")},
                    {s("EMG"), s("Emerging"), s("1"), 0, s("#eeeeee")}};
    Pupil a;
    a.id = s("p1");
    Pupil b;
    b.id = s("p2");
    Framework f{s("f"), s("school"), s("Maths"), s("Maths"), s("scale"), {{s("o1"), s("M.1"), s("Count")}}};
    Term t{s("t"), s("school"), s("Autumn 1"), s("2026/27"), 0, false};
    Mark m;
    m.key = {s("p2"), s("o1"), s("t")};
    m.value = s("GDS");
    return MarkGrid({a, b}, f, scale, t, {m});
}

}  // namespace

TEST_CASE("a typed or pasted text means a value by its key, code or label, in any case")
{
    const MarkGrid g = grid();
    CHECK(g.parseValue(s("E")) == std::optional<std::optional<QString>>(s("EXP")));
    CHECK(g.parseValue(s("e")) == std::optional<std::optional<QString>>(s("EXP")));
    CHECK(g.parseValue(s(" exp ")) == std::optional<std::optional<QString>>(s("EXP")));
    CHECK(g.parseValue(s("Greater depth")) == std::optional<std::optional<QString>>(s("GDS")));
    CHECK(g.parseValue(s("1")) == std::optional<std::optional<QString>>(s("EMG")));
    // Keys win: "E" is Expected's key although "Emerging" starts with E.
    CHECK(g.parseValue(s("emerging")) == std::optional<std::optional<QString>>(s("EMG")));
    // Empty clears; anything else names no value.
    REQUIRE(g.parseValue(s("  ")).has_value());
    CHECK_FALSE(g.parseValue(s("  "))->has_value());
    CHECK_FALSE(g.parseValue(s("X")).has_value());
    CHECK_FALSE(g.parseValue(s("Expectedly")).has_value());
}

TEST_CASE("a grid places marks by pupil and objective and ignores other terms")
{
    MarkGrid g = grid();
    CHECK_FALSE(g.value(0, 0).has_value());
    CHECK(g.value(1, 0) == s("GDS"));
    Mark other;
    other.key = {s("p1"), s("o1"), s("another term")};
    other.value = s("EXP");
    g.setMark(other.key, other);
    CHECK_FALSE(g.value(0, 0).has_value());
    g.setMark({s("p2"), s("o1"), s("t")}, std::nullopt);
    CHECK(g.mark(1, 0) == nullptr);
    CHECK(g.valueIndex(s("EXP")) == 1);
    CHECK(g.valueIndex(s("nope")) == -1);
}

TEST_CASE("tab-separated text parses as Excel writes it, quoted cells included")
{
    const auto rows = TsvTable::parse(s("E\tEXP\t\r\nG\t\"a \"\"quoted\"\"\ttab\"\tW\r\n"));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == QStringList{s("E"), s("EXP"), s("")});
    CHECK(rows[1] == QStringList{s("G"), s("a \"quoted\"\ttab"), s("W")});
    // LF only, no final newline, a cell with a line break.
    const auto lf = TsvTable::parse(s("1\t2\n\"two\nlines\"\t3"));
    REQUIRE(lf.size() == 2);
    CHECK(lf[1] == QStringList{s("two\nlines"), s("3")});
    CHECK(TsvTable::parse(s("")).isEmpty());
    CHECK(TsvTable::parse(s("\n")) == QList<QStringList>{{s("")}});

    const QList<QStringList> table{{s("EXP"), s(""), s("tab\there")}, {s("say \"hi\""), s("W"), s("")}};
    CHECK(TsvTable::format(table) == s("EXP\t\t\"tab\there\"\r\n\"say \"\"hi\"\"\"\tW\t\r\n"));
    CHECK(TsvTable::parse(TsvTable::format(table)) == table);
}
