// The analysis of a grid against numbers worked out by hand (in the comments) for a fixed
// class of six pupils and two objectives on a three-point scale.
#include "groupanalysis.h"

#include <catch2/catch.hpp>

#include <QBuffer>

using namespace otrack;
using Catch::Detail::Approx;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Pupil pupil(int n, const char *gender, bool pp, const char *sen)
{
    Pupil p;
    p.id = QStringLiteral("p%1").arg(n);
    p.gender = s(gender);
    p.pupilPremium = pp;
    p.senStatus = s(sen);
    return p;
}

// P1 boy PP       O1 EXP(2) O2 GDS(3)
// P2 girl SEN K   O1 WTS(1) O2 -
// P3 boy          O1 GDS(3) O2 EXP(2)
// P4 girl PP EHC  O1 WTS(1) O2 WTS(1)
// P5 girl         O1 EXP(2) O2 EXP(2)
// P6 boy          -         -
MarkGrid fixture()
{
    Scale scale{s("scale"), s("school"), s("Primary"), {}};
    scale.values = {{s("WTS"), s("Working towards"), s("W"), 1, {}},
                    {s("EXP"), s("Expected"), s("E"), 2, {}},
                    {s("GDS"), s("Greater depth"), s("G"), 3, {}}};
    const QList<Pupil> pupils{pupil(1, "M", true, "N"), pupil(2, "F", false, "K"), pupil(3, "M", false, "N"),
                              pupil(4, "F", true, "E"), pupil(5, "F", false, "N"), pupil(6, "M", false, "N")};
    Framework f{
        s("f"),     s("school"), s("Maths Year 4"),
        s("Maths"), s("scale"),  {{s("o1"), s("M4.1"), s("Count in 6s")}, {s("o2"), s("M4.2"), s("Round to 10")}}};
    Term t{s("t"), s("school"), s("Autumn 1"), s("2026/27"), 0, false};
    const std::pair<int, const char *> o1[] = {{1, "EXP"}, {2, "WTS"}, {3, "GDS"}, {4, "WTS"}, {5, "EXP"}};
    const std::pair<int, const char *> o2[] = {{1, "GDS"}, {3, "EXP"}, {4, "WTS"}, {5, "EXP"}};
    QList<Mark> marks;
    auto add = [&](const char *objective, int n, const char *value) {
        Mark m;
        m.key = {QStringLiteral("p%1").arg(n), s(objective), s("t")};
        m.value = s(value);
        marks << m;
    };
    for (const auto &[n, v] : o1)
        add("o1", n, v);
    for (const auto &[n, v] : o2)
        add("o2", n, v);
    // A cleared mark is no mark.
    Mark cleared;
    cleared.key = {s("p6"), s("o1"), s("t")};
    marks << cleared;
    return MarkGrid(pupils, f, scale, t, marks);
}

}  // namespace

TEST_CASE("analysis: shares per objective and for the subject match the hand count")
{
    const GroupAnalysis a = GroupAnalysis::compute(fixture());
    REQUIRE(a.rows().size() == 3);
    const AnalysisRow &subject = a.subject();
    const AnalysisRow &o1 = a.rows().at(1);
    const AnalysisRow &o2 = a.rows().at(2);
    CHECK(subject.isSubject());
    CHECK(o1.objectiveCode == s("M4.1"));

    // O1: 5 of 6 assessed; WTS P2 P4, EXP P1 P5, GDS P3: 40% 40% 20%; mean 9/5.
    CHECK(o1.pupils == 6);
    CHECK(o1.assessed == 5);
    CHECK(o1.counts == QList<int>{2, 2, 1});
    CHECK(*o1.share(0) == Approx(0.4));
    CHECK(*o1.share(2) == Approx(0.2));
    CHECK(*o1.meanPoints == Approx(1.8));
    // O2: 4 assessed; WTS P4, EXP P3 P5, GDS P1: 25% 50% 25%; mean 8/4.
    CHECK(o2.assessed == 4);
    CHECK(o2.counts == QList<int>{1, 2, 1});
    CHECK(*o2.share(1) == Approx(0.5));
    CHECK(*o2.meanPoints == Approx(2.0));
    // Subject: 9 marks, WTS 3, EXP 4, GDS 2; pupil means P1 2.5, P2 1, P3 2.5, P4 1, P5 2:
    // mean of means 9/5; P6 has no mark and is not assessed.
    CHECK(subject.countedMarks == 9);
    CHECK(subject.counts == QList<int>{3, 4, 2});
    CHECK(*subject.share(0) == Approx(3.0 / 9));
    CHECK(*subject.share(1) == Approx(4.0 / 9));
    CHECK(subject.assessed == 5);
    CHECK(*subject.meanPoints == Approx(1.8));
}

TEST_CASE("analysis: gaps between groups match the hand count")
{
    const GroupAnalysis a = GroupAnalysis::compute(fixture());
    const AnalysisRow &subject = a.subject();
    const AnalysisRow &o1 = a.rows().at(1);
    const AnalysisRow &o2 = a.rows().at(2);

    // O1 pupil premium: P1 2, P4 1 -> 1.5; others P2 1, P3 3, P5 2 -> 2.0; gap -0.5.
    CHECK(o1.pupilPremium.pupilsA == 2);
    CHECK(o1.pupilPremium.pupilsB == 3);
    CHECK(*o1.pupilPremium.meanA == Approx(1.5));
    CHECK(*o1.pupilPremium.meanB == Approx(2.0));
    CHECK(*o1.pupilPremium.gap() == Approx(-0.5));
    // O1 SEN: P2 1, P4 1 -> 1.0; others 7/3; gap -4/3.
    CHECK(*o1.sen.gap() == Approx(1.0 - 7.0 / 3));
    // O1 boys P1 2, P3 3 -> 2.5 (P6 unmarked); girls 4/3; gap 7/6.
    CHECK(o1.boysGirls.pupilsA == 2);
    CHECK(*o1.boysGirls.gap() == Approx(2.5 - 4.0 / 3));
    // O2: pupil premium P1 3, P4 1 -> 2; others P3 2, P5 2 -> 2; no gap. Boys 2.5, girls 1.5.
    CHECK(*o2.pupilPremium.gap() == Approx(0.0));
    CHECK(o2.pupilPremium.pupilsB == 2);
    CHECK(o2.sen.pupilsA == 1);
    CHECK(*o2.boysGirls.gap() == Approx(1.0));
    // Subject on pupil means: PP P1 2.5, P4 1 -> 1.75; others P2 1, P3 2.5, P5 2 -> 11/6.
    CHECK(*subject.pupilPremium.meanA == Approx(1.75));
    CHECK(*subject.pupilPremium.meanB == Approx(11.0 / 6));
    CHECK(*subject.pupilPremium.gap() == Approx(1.75 - 11.0 / 6));
    CHECK(*subject.sen.gap() == Approx(1.0 - 7.0 / 3));
    CHECK(*subject.boysGirls.gap() == Approx(2.5 - 4.0 / 3));
}

TEST_CASE("analysis: a side with nobody marked has no mean and no gap; the table and CSV read as expected")
{
    MarkGrid grid = fixture();
    // Take O2's only SEN mark (P4) away: no SEN pupil is marked in O2.
    grid.setMark({s("p4"), s("o2"), s("t")}, std::nullopt);
    const GroupAnalysis a = GroupAnalysis::compute(grid);
    CHECK(a.rows().at(2).sen.pupilsA == 0);
    CHECK_FALSE(a.rows().at(2).sen.meanA.has_value());
    CHECK_FALSE(a.rows().at(2).sen.gap().has_value());

    const GroupAnalysis full = GroupAnalysis::compute(fixture());
    const QStringList header = full.header();
    CHECK(header.at(3) == s("% Working towards"));
    const QList<QStringList> table = full.table();
    REQUIRE(table.size() == 3);
    CHECK(table.at(0)
          == QStringList{s("All objectives"), s("6"), s("5"), s("33"), s("44"), s("22"), s("1.80"), s("1.75"),
                         s("1.83"), s("-0.08"), s("1.00"), s("2.33"), s("-1.33"), s("2.50"), s("1.33"), s("1.17")});
    CHECK(table.at(2).at(9) == s("0.00"));

    QBuffer buffer;
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    REQUIRE(full.writeCsv(&buffer).ok());
    const QList<QByteArray> lines = buffer.data().split('\n');
    REQUIRE(lines.size() == 5);  // header, three lines, and the empty rest after the last CRLF
    CHECK(lines.at(0).startsWith("Objective,Pupils,Assessed,% Working towards,% Expected,% Greater depth,Mean"));
    // A negative number starts with an apostrophe, so a spreadsheet never runs it as a formula.
    CHECK(lines.at(1) == "All objectives,6,5,33,44,22,1.80,1.75,1.83,'-0.08,1.00,2.33,'-1.33,2.50,1.33,1.17\r");
    CHECK(lines.at(2).startsWith("M4.1,6,5,40,40,20,1.80,"));
}
