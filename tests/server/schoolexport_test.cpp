// The end of a contract (SchoolExport, SchoolDeletion, `admin end-contract`), the ZIP writer,
// and the marks CSV export (MarksExport, `admin export-marks`).
#include "adminprocess.h"
#include "erasetestsupport.h"
#include "marksexport.h"
#include "pupilretention.h"
#include "schooldeletion.h"
#include "schoolexport.h"
#include "servercli.h"
#include "zipwriter.h"

#include "tempdir.h"
#include "testpostgres.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace otrack;
using namespace Qt::StringLiterals;
using otrack::test::SyncFixture;

namespace {

// `unzip` as the archive's reader: list, test, extract one file.
QString unzip(const QStringList &arguments)
{
    return QString::fromUtf8(test::runTool(u"unzip"_s, arguments));
}

QByteArray member(const QString &zip, const QString &name)
{
    return test::runTool(u"unzip"_s, {u"-p"_s, zip, name});
}

qint64 rowsFor(SyncFixture &f, const QString &schoolId)
{
    qint64 rows = 0;
    for (const QString &table : f.db.tables()) {
        if (table == u"deletion_certificates"_s)
            continue;  // what is left of a deleted school, by design
        QSqlQuery query(f.db);
        if (table == u"schools"_s)
            REQUIRE(query.exec(u"SELECT COUNT(*) FROM schools WHERE id = '%1'"_s.arg(schoolId)));
        else if (query.exec(u"SELECT COUNT(*) FROM %1 WHERE school_id = '%2'"_s.arg(table, schoolId)))
            ;  // tables without school_id (scale_values, schema_migrations) fail here
        else
            continue;
        REQUIRE(query.next());
        rows += query.value(0).toLongLong();
    }
    return rows;
}

void checkEndOfContract(const QString &url)
{
    test::TempDir dir;
    SyncFixture f(url);
    const auto p = test::addErasablePupil(f);
    test::writeHistory(f, p.pupil);
    REQUIRE(PupilRetention(f.db).setRule(f.school.id, *RetentionSetting::forPhase(u"primary"_s), f.admin.id, 0).ok());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 otherBefore = rowsFor(f, f.otherSchool.id);

    const QString zip = dir.file(u"export.zip"_s);
    auto summary = SchoolExport(f.db).writeZip(f.school.id, zip, now);
    REQUIRE(summary.ok());
    CHECK(summary->rows.value(u"pupils"_s) == 4);
    CHECK(summary->rows.value(u"marks"_s) == 3);
    CHECK(summary->rows.value(u"mark_events"_s) == 4);
    CHECK(summary->rows.value(u"staff"_s) == 6);
    CHECK(summary->rows.value(u"scale_values"_s) == 3);
    CHECK(summary->sha256.size() == 64);

    // A real ZIP: unzip tests every member's CRC and lists one CSV per table, the JSON and the
    // manifest.
    CHECK(unzip({u"-tq"_s, zip}).contains(u"No errors detected"_s));
    const QString listing = unzip({u"-Z1"_s, zip});
    for (const QString &table : SchoolExport::tableNames())
        CHECK(listing.contains(table + u".csv\n"_s));
    CHECK(listing.contains(u"school.json\n"_s));
    CHECK(listing.contains(u"manifest.json\n"_s));
    const QByteArray pupilsCsv = member(zip, u"pupils.csv"_s);
    CHECK(pupilsCsv.startsWith("id,school_id,upn,legal_surname"));
    CHECK(pupilsCsv.contains(p.pupil.legalSurname.toUtf8()));
    CHECK_FALSE(pupilsCsv.contains(f.otherPupil.id.toUtf8()));
    const QJsonObject all = QJsonDocument::fromJson(member(zip, u"school.json"_s)).object();
    CHECK(all.value(u"tables"_s).toObject().value(u"marks"_s).toArray().size() == 3);
    // Sign-in secrets are not exported.
    const QByteArray staffCsv = member(zip, u"staff.csv"_s);
    CHECK_FALSE(staffCsv.contains("scrypt$"));
    CHECK_FALSE(staffCsv.contains("password_hash"));
    // The manifest's hashes match the members.
    const QJsonArray files
        = QJsonDocument::fromJson(member(zip, u"manifest.json"_s)).object().value(u"files"_s).toArray();
    REQUIRE(files.size() == SchoolExport::tableNames().size() + 1);
    for (const QJsonValue &value : files) {
        const QJsonObject file = value.toObject();
        CHECK(QString::fromLatin1(
                  QCryptographicHash::hash(member(zip, file.value(u"file"_s).toString()), QCryptographicHash::Sha256)
                      .toHex())
              == file.value(u"sha256"_s).toString());
    }

    // Deletion: refused without who asked or without an export.
    SchoolDeletion deletion(f.db);
    CHECK(deletion.deleteSchool({f.school.id, QString(), u"op"_s, summary->sha256, u"export.zip"_s}, now).error().code
          == ErrorCode::InvalidArgument);
    CHECK(deletion.deleteSchool({f.school.id, u"J Head"_s, u"op"_s, QString(), QString()}, now).error().code
          == ErrorCode::InvalidArgument);
    CHECK(rowsFor(f, f.school.id) > 0);

    auto certificate = deletion.deleteSchool(
        {f.school.id, u"J Head, headteacher"_s, u"operator"_s, summary->sha256, u"export.zip"_s}, now);
    REQUIRE(certificate.ok());
    CHECK(rowsFor(f, f.school.id) == 0);
    CHECK(f.scalar(u"SELECT COUNT(*) FROM scale_values WHERE scale_id = ?"_s, {f.scale.id}).toInt() == 0);
    CHECK(rowsFor(f, f.otherSchool.id) == otherBefore);  // the other school is untouched
    CHECK(certificate->value(u"requested_by"_s).toString() == u"J Head, headteacher"_s);
    CHECK(certificate->value(u"school"_s).toObject().value(u"name"_s).toString() == u"Hillside Primary"_s);
    CHECK(certificate->value(u"export"_s).toObject().value(u"sha256"_s).toString() == summary->sha256);
    const QJsonObject deleted = certificate->value(u"rows_deleted"_s).toObject();
    CHECK(deleted.value(u"pupils"_s).toInt() == 4);
    CHECK(deleted.value(u"marks"_s).toInt() == 3);
    CHECK(deleted.value(u"schools"_s).toInt() == 1);
    // The certificate stays, without a pupil's data in it.
    const QString kept
        = f.scalar(u"SELECT certificate FROM deletion_certificates WHERE school_id = ?"_s, {f.school.id}).toString();
    CHECK(QJsonDocument::fromJson(kept.toUtf8()).object() == certificate.value());
    for (const QString &field : p.personalFields)
        CHECK_FALSE(kept.contains(field));
    CHECK(deletion.deleteSchool({f.school.id, u"J Head"_s, u"op"_s, summary->sha256, QString()}, now).error().code
          == ErrorCode::NotFound);
}

}  // namespace

TEST_CASE("the ZIP writer makes archives that unzip reads back exactly", "[server][export][zip]")
{
    test::TempDir dir;
    const QString path = dir.file(u"t.zip"_s);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    ZipWriter zip(&file);
    QByteArray big;
    for (int i = 0; i < 20000; ++i)
        big += QByteArray::number(i) + ",row\r\n";
    const QDateTime when(QDate(2026, 12, 1), QTime(10, 30, 0));
    REQUIRE(zip.add(u"a.csv"_s, "x,y\r\n1,2\r\n", when).ok());
    REQUIRE(zip.add(u"folder/big.csv"_s, big, when).ok());
    REQUIRE(zip.add(u"empty.txt"_s, QByteArray(), when).ok());
    REQUIRE(zip.add(u"Ysgol Gymraeg – ŵ.json"_s, "{}", when).ok());  // a UTF-8 name
    CHECK(zip.add(u"../escape.txt"_s, "x", when).error().code == ErrorCode::InvalidArgument);
    CHECK(zip.add(u"/abs.txt"_s, "x", when).error().code == ErrorCode::InvalidArgument);
    CHECK(zip.add(QString(), "x", when).error().code == ErrorCode::InvalidArgument);
    REQUIRE(zip.finish().ok());
    file.close();
    CHECK(file.size() < big.size() / 4);  // deflated
    CHECK(unzip({u"-tq"_s, path}).contains(u"No errors detected"_s));
    CHECK(member(path, u"folder/big.csv"_s) == big);
    CHECK(member(path, u"a.csv"_s) == "x,y\r\n1,2\r\n");
    CHECK(unzip({u"-Z1"_s, path}).contains(u"Ysgol Gymraeg – ŵ.json"_s));
    CHECK(unzip({u"-l"_s, path}).contains(u"2026-12-01 10:30"_s));
}

TEST_CASE("a school's data is exported whole, then deleted with a certificate, on SQLite", "[server][export]")
{
    test::TempDir dir;
    checkEndOfContract(u"sqlite://"_s + dir.file(u"otrack.db"_s));
}

TEST_CASE("a school's data is exported whole, then deleted with a certificate, on PostgreSQL",
          "[server][export][postgres]")
{
    test::TestPostgresDatabase pg;
    checkEndOfContract(pg.url());
}

TEST_CASE("admin end-contract exports first, deletes only with --yes, and writes the certificate",
          "[server][cli][export]")
{
    test::TempDir dir;
    const QString db = dir.file(u"otrack.db"_s);
    const QString url = u"sqlite://"_s + db;
    test::ErasablePupil p;
    {
        SyncFixture f(url);
        p = test::addErasablePupil(f);
        test::writeHistory(f, p.pupil);
    }
    const QString zip = dir.file(u"hillside.zip"_s);
    const QString certificate = dir.file(u"certificate.json"_s);
    const QStringList command{u"end-contract"_s,  u"--school"_s, u"Hillside Primary"_s, u"--export"_s,           zip,
                              u"--certificate"_s, certificate,   u"--requested-by"_s,   u"J Head, headteacher"_s};
    auto unconfirmed = test::runAdmin(url, command);
    CHECK(unconfirmed.code == kExitUnconfirmed);
    CHECK(unconfirmed.out.startsWith(u"exported\t"_s + zip));
    CHECK(QFile::exists(zip));
    CHECK_FALSE(QFile::exists(certificate));
    CHECK(test::runAdmin(url, {u"list-staff"_s, u"Hillside Primary"_s}).code == kExitOk);  // still there

    auto done = test::runAdmin(url, command + QStringList{u"--yes"_s});
    INFO(done.err.toStdString());
    REQUIRE(done.code == kExitOk);
    CHECK(done.out.contains(u"\ndeleted\t"_s));
    const QJsonObject cert = QJsonDocument::fromJson(test::readFile(certificate)).object();
    CHECK(cert.value(u"kind"_s).toString() == u"otrack_certificate_of_deletion"_s);
    CHECK(cert.value(u"requested_by"_s).toString() == u"J Head, headteacher"_s);
    CHECK(cert.value(u"carried_out_by"_s).toString().startsWith(u"otrack-server admin"_s));
    CHECK(cert.value(u"export"_s).toObject().value(u"file"_s).toString() == u"hillside.zip"_s);
    CHECK(test::runAdmin(url, {u"list-staff"_s, u"Hillside Primary"_s}).code == kExitNotFound);
    // Nothing of the pupil is left in the database file's bytes.
    QByteArray bytes = test::readFile(db);
    if (QFile::exists(db + u"-wal"_s))
        bytes += test::readFile(db + u"-wal"_s);
    for (const QString &field : p.personalFields)
        CHECK_FALSE(bytes.contains(field.toUtf8()));
    CHECK(test::runAdmin(url, command + QStringList{u"--yes"_s}).code == kExitNotFound);
}

TEST_CASE("marks export as CSV for a group and a term", "[server][export][marks]")
{
    test::TempDir dir;
    const QString url = u"sqlite://"_s + dir.file(u"otrack.db"_s);
    test::ErasablePupil p;
    {
        SyncFixture f(url);
        p = test::addErasablePupil(f);
        test::writeHistory(f, p.pupil);
        QBuffer buffer;
        REQUIRE(buffer.open(QIODevice::WriteOnly));
        auto written = MarksExport(f.db).writeCsv(f.school.id, f.classA.id, f.autumn.id, &buffer);
        REQUIRE(written.ok());
        CHECK(written.value() == 3);  // a1, a2 and the pupil
        const QList<QByteArray> lines = buffer.data().split('\n');
        CHECK(lines.at(0)
              == "UPN,Legal surname,Legal forename,Preferred forename,"
                 "KS2 Maths Year 4: M4.1,KS2 Maths Year 4: M4.2\r");
        // Ordered by surname: Ash (a1), Birch (a2), Quillfeather (the pupil).
        CHECK(lines.at(1) == f.a1.upn.toUtf8() + ",Ash,Sam,,,\r");
        CHECK(lines.at(2) == f.a2.upn.toUtf8() + ",Birch,Sam,,EXP,\r");
        CHECK(lines.at(3) == p.pupil.upn.toUtf8() + ",QuillfeatherA,Marigold,,EXP,WTS\r");
        CHECK(MarksExport(f.db).writeCsv(f.school.id, f.classA.id, u"nope"_s, &buffer).error().code
              == ErrorCode::NotFound);
        CHECK(MarksExport(f.db).writeCsv(f.otherSchool.id, f.classA.id, f.autumn.id, &buffer).error().code
              == ErrorCode::NotFound);
    }
    const QString csv = dir.file(u"4A-autumn.csv"_s);
    auto run = test::runAdmin(url,
                              {u"export-marks"_s, u"--school"_s, u"Hillside Primary"_s, u"--group"_s, u"4A"_s,
                               u"--term"_s, u"Autumn 1"_s, u"--out"_s, csv});
    INFO(run.err.toStdString());
    REQUIRE(run.code == kExitOk);
    CHECK(run.out == u"exported\t%1\tpupils=3\n"_s.arg(csv));
    CHECK(test::readFile(csv).contains(",EXP,WTS\r\n"));
    CHECK(test::runAdmin(url,
                         {u"export-marks"_s, u"--school"_s, u"Hillside Primary"_s, u"--group"_s, u"9Z"_s, u"--term"_s,
                          u"Autumn 1"_s, u"--out"_s, csv})
              .code
          == kExitNotFound);
}
