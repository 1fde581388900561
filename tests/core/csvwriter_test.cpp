#include "csvwriter.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFile>

using namespace otrack;
using namespace Qt::StringLiterals;

namespace {

QByteArray csv(const QList<QStringList> &rows)
{
    QBuffer buffer;
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(&buffer);
    for (const QStringList &row : rows)
        REQUIRE(writer.writeRow(row).ok());
    return buffer.data();
}

}  // namespace

TEST_CASE("CSV rows end in CRLF and plain fields stay as they are", "[core][csv]")
{
    CHECK(csv({{u"kind"_s, u"version"_s}, {u"privacy_policy"_s, u"2026.1"_s}})
          == "kind,version\r\nprivacy_policy,2026.1\r\n");
    CHECK(csv({{QString(), u"x"_s, QString()}}) == ",x,\r\n");
    CHECK(csv({}).isEmpty());
}

TEST_CASE("CSV quotes fields with commas quotes and line breaks as RFC 4180 says", "[core][csv]")
{
    CHECK(CsvWriter::field(u"Smith, Jo"_s) == u"\"Smith, Jo\""_s);
    CHECK(CsvWriter::field(u"the \"Head\""_s) == u"\"the \"\"Head\"\"\""_s);
    CHECK(CsvWriter::field(u"line one\nline two"_s) == u"\"line one\nline two\""_s);
    CHECK(CsvWriter::field(u"a\r\nb"_s) == u"\"a\r\nb\""_s);
    CHECK(CsvWriter::field(u"no quotes needed"_s) == u"no quotes needed"_s);
}

TEST_CASE("CSV is UTF-8", "[core][csv]")
{
    const QString welsh = u"Ysgol Gynradd Llanfair\u0175 \u00e9"_s;
    CHECK(csv({{welsh}}) == welsh.toUtf8() + "\r\n");
}

TEST_CASE("CSV neutralises fields that a spreadsheet would run as formulas", "[core][csv]")
{
    CHECK(CsvWriter::field(u"=HYPERLINK(\"http://example.invalid\")"_s)
          == u"\"'=HYPERLINK(\"\"http://example.invalid\"\")\""_s);
    CHECK(CsvWriter::field(u"+44 1234"_s) == u"'+44 1234"_s);
    CHECK(CsvWriter::field(u"-2+3"_s) == u"'-2+3"_s);
    CHECK(CsvWriter::field(u"@SUM(A1)"_s) == u"'@SUM(A1)"_s);
    CHECK(CsvWriter::field(u"\t=1"_s) == u"'\t=1"_s);
    CHECK(CsvWriter::field(u"\r=1"_s) == u"\"'\r=1\""_s);
    // Only the first character matters.
    CHECK(CsvWriter::field(u"a=b"_s) == u"a=b"_s);
    CHECK(CsvWriter::field(u"2026-11-29T10:00:00.000Z"_s) == u"2026-11-29T10:00:00.000Z"_s);
}

TEST_CASE("CSV reports a device that refuses to write", "[core][csv]")
{
    QFile readOnly(u"/dev/null"_s);
    REQUIRE(readOnly.open(QIODevice::ReadOnly));
    CsvWriter writer(&readOnly);
    const Status written = writer.writeRow({u"x"_s});
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == ErrorCode::NotWritable);
}
