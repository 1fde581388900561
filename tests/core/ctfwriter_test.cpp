#include "ctfreader.h"
#include "ctfwriter.h"
#include "importvalidator.h"

#include <catch2/catch.hpp>

#include <QBuffer>

using namespace otrack;
using namespace Qt::StringLiterals;

TEST_CASE("a CTF that OTrack writes reads back the same", "[core][import][ctf]")
{
    StatutoryResult maths{u"KS2"_s, u"ENG"_s, u"2026"_s, u"MAT"_s, u"TT"_s, u"SCALED"_s, u"F"_s, u"SS"_s, u"108"_s};
    StatutoryResult writing{u"KS2"_s, u"ENG"_s, u"2026"_s, u"WRI"_s, u"TA"_s, QString(), QString(), u"WA"_s, u"EXS"_s};
    StatutoryResult phonics{u"PHONICS"_s, u"ENG"_s,  u"2023"_s, u"PSC"_s, u"TT"_s,
                            u"MARK"_s,    QString(), QString(), u"36"_s};
    const QList<CtfPupil> pupils{
        {u"X999200100001"_s, u"Ashdown & Co <test>"_s, u"Pim"_s, QDate(2015, 3, 14), u"F"_s, {maths, writing, phonics}},
        {u"K99920010004A"_s, u"Cotterill-Ng"_s, u"Zara"_s, QDate(2020, 8, 30), QString(), {}},
    };
    QBuffer buffer;
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    const CtfHeader header{u"999"_s, u"2001"_s, u"Larkspur Synthetic Primary"_s, u"2026"_s,
                           QDateTime(QDate(2026, 12, 1), QTime(9, 0))};
    REQUIRE(CtfWriter::write(&buffer, header, pupils).ok());
    buffer.close();

    REQUIRE(buffer.open(QIODevice::ReadOnly));
    auto read = CtfReader::read(&buffer, QDate(2026, 12, 1));
    REQUIRE(read.ok());
    CHECK(read->source.version == u"25.0"_s);
    CHECK(read->source.documentQualifier == u"partial"_s);
    CHECK(read->source.sourceLea == u"999"_s);
    CHECK(read->source.sourceEstab == u"2001"_s);
    const ImportPlan plan = ImportValidator::validate(read.value(), QDate(2026, 12, 1));
    CHECK(plan.problems.isEmpty());
    REQUIRE(plan.pupils.size() == 2);
    const ImportedPupil &pim = plan.pupils.at(0);
    CHECK(pim.legalSurname == u"Ashdown & Co <test>"_s);  // escaped on the way out
    CHECK(pim.dateOfBirth == QDate(2015, 3, 14));
    REQUIRE(pim.results.size() == 3);
    const auto same = [](const StatutoryResult &a, const StatutoryResult &b) {
        return a.stage == b.stage && a.locale == b.locale && a.year == b.year && a.subject == b.subject
            && a.method == b.method && a.component == b.component && a.resultStatus == b.resultStatus
            && a.resultQualifier == b.resultQualifier && a.result == b.result;
    };
    // Grouped by key stage: KS2 first, then PHONICS.
    CHECK(same(pim.results.at(0), maths));
    CHECK(same(pim.results.at(1), writing));
    CHECK(same(pim.results.at(2), phonics));
    CHECK(plan.pupils.at(1).results.isEmpty());
    CHECK_FALSE(plan.pupils.at(1).gender.has_value());

    QBuffer refused;
    REQUIRE(refused.open(QIODevice::WriteOnly));
    CHECK(CtfWriter::write(&refused, CtfHeader{u"99"_s, u"2001"_s, {}, {}, {}}, pupils).error().code
          == ErrorCode::InvalidArgument);
}
