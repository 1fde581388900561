// Erasure everywhere (issue 7): after a pupil is erased, neither the server's SQLite file bytes
// nor any synced client store's decrypted content holds any of their fields. The server runs as
// a child process (it must not share a process with SQLCipher); each client store is opened
// with its own key and searched table by table.
#include "demoserver.h"
#include "testclient.h"

#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace otrack;
using namespace otrack::test;
using namespace Qt::StringLiterals;
using State = SyncStatus::State;

namespace {

// Every (table.column) of the store whose text holds `needle`: the store as its key opens it.
QStringList mentions(Database &db, const QString &needle)
{
    auto tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    REQUIRE(tables.ok());
    QStringList names;
    REQUIRE(tables->forEach([&](const Query &q) { names << q.text(0); }).ok());
    QStringList found;
    for (const QString &table : names) {
        QStringList columns;
        auto info = db.prepare(u"PRAGMA table_info(\"%1\")"_s.arg(table).toStdString());
        REQUIRE(info.ok());
        REQUIRE(info->forEach([&](const Query &q) { columns << q.text(1); }).ok());
        for (const QString &column : columns) {
            auto count = db.prepare(
                u"SELECT COUNT(*) FROM \"%1\" WHERE instr(CAST(\"%2\" AS TEXT), ?) > 0"_s.arg(table, column)
                    .toStdString());
            REQUIRE(count.ok());
            count->bind(1, needle);
            auto row = count->next();
            REQUIRE(row.ok());
            if (count->int64(0) > 0)
                found << table + u'.' + column;
        }
    }
    return found;
}

}  // namespace

TEST_CASE("an erased pupil's fields are in no synced store and not in the server's file", "[sync][erasure]")
{
    DemoServer server;
    TempDir dir;
    TestClient teacher(dir.file(u"teacher"_s), server, server.account(u"teacher"_s));
    TestClient admin(dir.file(u"admin"_s), server, server.account(u"admin"_s));
    REQUIRE(teacher.login() == State::Idle);
    REQUIRE(teacher.sync() == State::Idle);
    REQUIRE(admin.login() == State::Idle);
    REQUIRE(admin.sync() == State::Idle);

    // A pupil of the teacher's class, given fields that appear nowhere else (a CSV import from
    // the "MIS" updates them by UPN), so that finding one anywhere means a leak.
    const auto cell = teacher.cell(0);
    const QString upn = teacher.scalar(u"SELECT upn FROM pupils WHERE id = '%1'"_s.arg(cell.pupil));
    REQUIRE(upn.size() == 13);
    QString dateOfBirth;
    for (const QString &candidate : {u"2016-02-29"_s, u"2016-02-28"_s, u"2016-03-01"_s, u"2016-02-27"_s}) {
        if (server.sql(u"SELECT COUNT(*) FROM pupils WHERE date_of_birth = '%1';"_s.arg(candidate)).trimmed()
            == u"0"_s) {
            dateOfBirth = candidate;
            break;
        }
    }
    REQUIRE_FALSE(dateOfBirth.isEmpty());
    const QStringList fields{upn, u"Vexillogram"_s, u"Quintessa"_s, u"Quinnikins"_s, u"Fernwhistle"_s, dateOfBirth};
    const QString csv = dir.file(u"update.csv"_s);
    writeFile(csv,
              u"UPN,Legal Surname,Legal Forename,Preferred Forename,Preferred Surname,DOB\r\n"
              u"%1,Vexillogram,Quintessa,Quinnikins,Fernwhistle,%2\r\n"_s.arg(upn, dateOfBirth)
                  .toUtf8());
    const QString mapping = dir.file(u"mapping.json"_s);
    writeFile(mapping, R"({"version": 1, "date_format": "yyyy-MM-dd", "columns": {"upn": "UPN",
        "legal_surname": "Legal Surname", "legal_forename": "Legal Forename",
        "preferred_forename": "Preferred Forename", "preferred_surname": "Preferred Surname",
        "date_of_birth": "DOB"}})");
    CHECK(server.admin({u"import-csv"_s, u"--school"_s, server.schoolId(), csv, u"--mapping"_s, mapping})
              .contains(u"updated\t1"_s));

    // Both stores get the pupil, and the teacher marks them twice (a value and its history).
    teacher.mark(cell.pupil, cell.objective, cell.term, u"GDS"_s);
    REQUIRE(teacher.sync() == State::Idle);
    teacher.mark(cell.pupil, cell.objective, cell.term, u"EXP"_s);
    REQUIRE(teacher.sync() == State::Idle);
    REQUIRE(admin.sync() == State::Idle);
    for (TestClient *client : {&teacher, &admin}) {
        CHECK(client->scalar(u"SELECT legal_surname FROM pupils WHERE id = '%1'"_s.arg(cell.pupil))
              == u"Vexillogram"_s);
        CHECK_FALSE(mentions(client->db(), u"Quinnikins"_s).isEmpty());  // the search finds what is there
    }
    // A subject access report is made (and left outside the store) before the erasure.
    const QString report = dir.file(u"sar.json"_s);
    server.admin(
        {u"subject-access"_s, u"--school"_s, server.schoolId(), u"--pupil"_s, cell.pupil, u"--json"_s, report});
    CHECK(readFile(report).contains("Vexillogram"));

    const auto serverBytes = [&] {
        QByteArray bytes = readFile(server.databaseFile());
        for (const QString &suffix : {u"-wal"_s, u"-journal"_s})
            if (QFile::exists(server.databaseFile() + suffix))
                bytes += readFile(server.databaseFile() + suffix);
        return bytes;
    };
    CHECK(serverBytes().contains("Quinnikins"));  // the byte search finds what is there

    server.erasePupil(cell.pupil);
    REQUIRE(teacher.sync() == State::Idle);
    REQUIRE(admin.sync() == State::Idle);

    for (TestClient *client : {&teacher, &admin}) {
        for (const QString &field : fields) {
            INFO(client->folder().toStdString() << ": " << field.toStdString());
            CHECK(mentions(client->db(), field).isEmpty());
        }
    }

    // The server's file, once it has stopped (its WAL checkpointed), holds none of them either.
    server.stop();
    const QByteArray bytes = serverBytes();
    for (const QString &field : fields) {
        INFO(field.toStdString());
        CHECK_FALSE(bytes.contains(field.toUtf8()));
        CHECK_FALSE(bytes.contains(field.toUtf8().toLower()));
    }
}
