#include "localstore.h"
#include "markstore.h"
#include "migrations.h"
#include "rosterstore.h"

#include "schoolfixture.h"
#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>

using namespace otrack;
using otrack::test::TempDir;

namespace {

const QString kPassword = QStringLiteral("a synthetic test password");

std::unique_ptr<LocalStore> createStore(const QString &folder)
{
    auto store = LocalStore::create(folder, kPassword, ScryptParams::fastForTests());
    REQUIRE(store.ok());
    return std::move(store.value());
}

// Every file in the folder (database, -wal, -shm, journals, key file), as bytes.
QList<QPair<QString, QByteArray>> filesIn(const QString &folder)
{
    QList<QPair<QString, QByteArray>> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.append({path, otrack::test::readFile(path)});
    }
    return files;
}

void requireNoCleartext(const QString &folder, const QList<QString> &needles)
{
    const auto files = filesIn(folder);
    REQUIRE(files.size() >= 2);
    for (const auto &[path, bytes] : files) {
        for (const QString &needle : needles) {
            INFO(path.toStdString() << " must not contain " << needle.toStdString());
            CHECK_FALSE(bytes.contains(needle.toUtf8()));
            CHECK_FALSE(bytes.contains(QByteArray(reinterpret_cast<const char *>(needle.utf16()), needle.size() * 2)));
        }
    }
}

}  // namespace

TEST_CASE("a new store is encrypted, at the latest schema, and opens again with its password")
{
    TempDir dir;
    {
        auto store = createStore(dir.path());
        CHECK(store->schemaVersion() == storeMigrations().back().version);
        CHECK_FALSE(store->database().cipherVersion().isEmpty());
        CHECK(store->database().scalar("PRAGMA journal_mode").value() == QStringLiteral("wal"));
    }
    CHECK(LocalStore::exists(dir.path()));
    const QByteArray header = otrack::test::readFile(LocalStore::databasePath(dir.path())).left(16);
    CHECK(header != QByteArray("SQLite format 3\0", 16));

    auto reopened = LocalStore::openWithPassword(dir.path(), kPassword);
    REQUIRE(reopened.ok());
    CHECK(reopened.value()->schemaVersion() == storeMigrations().back().version);
    CHECK(LocalStore::create(dir.path(), kPassword, ScryptParams::fastForTests()).error().code
          == ErrorCode::AlreadyExists);
}

TEST_CASE("no file of the store holds a pupil's data in clear")
{
    TempDir dir;
    const QString marker = QStringLiteral("Quillonmarker");
    auto store = createStore(dir.path());
    auto school = otrack::test::seedSchool(store->database(), 30, 12, marker);
    MarkStore marks(store->database(), school.schoolId, school.teacherId);
    for (int p = 0; p < 30; ++p)
        for (int o = 0; o < 12; ++o)
            REQUIRE(marks
                        .record({{school.pupilIds[p], school.objectiveIds[o], school.termIds[0]},
                                 school.valueCodes[(p + o) % 3],
                                 marker + QStringLiteral(" note")})
                        .ok());

    auto pupil = RosterStore(store->database(), school.schoolId).pupil(school.pupilIds[3]);
    REQUIRE(pupil.ok());
    const QList<QString> needles{marker,
                                 pupil->upn,
                                 pupil->legalForename,
                                 pupil->dateOfBirth.toString(Qt::ISODate),
                                 QStringLiteral("Synthetic Primary School"),
                                 QStringLiteral("Greater depth")};
    // While open: the WAL and shared-memory files exist and hold the latest pages.
    REQUIRE(QFile::exists(LocalStore::databasePath(dir.path()) + QStringLiteral("-wal")));
    requireNoCleartext(dir.path(), needles);
    store.reset();
    requireNoCleartext(dir.path(), needles);
}

TEST_CASE("a wrong password is told apart from a damaged file")
{
    TempDir dir;
    createStore(dir.path()).reset();
    auto wrong = LocalStore::openWithPassword(dir.path(), QStringLiteral("not the password"));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == ErrorCode::WrongPassword);
    CHECK(LocalStore::openWithPassword(dir.path(), kPassword).ok());
}

TEST_CASE("one flipped byte in the middle of the database is reported as damaged and changes nothing")
{
    TempDir dir;
    {
        auto store = createStore(dir.path());
        auto school = otrack::test::seedSchool(store->database(), 60, 40);
        MarkStore marks(store->database(), school.schoolId, school.teacherId);
        QList<MarkEdit> edits;
        for (int p = 0; p < 60; ++p)
            for (int o = 0; o < 40; ++o)
                edits.append(
                    {{school.pupilIds[p], school.objectiveIds[o], school.termIds[1]}, school.valueCodes[o % 3], {}});
        REQUIRE(marks.recordAll(edits).ok());
        REQUIRE(store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    const QString path = LocalStore::databasePath(dir.path());
    QByteArray bytes = otrack::test::readFile(path);
    REQUIRE(bytes.size() > 64 * 1024);
    const qsizetype middle = bytes.size() / 2 + 123;
    bytes[middle] = static_cast<char>(bytes.at(middle) ^ 0x20);
    otrack::test::writeFile(path, bytes);

    auto opened = LocalStore::openWithPassword(dir.path(), kPassword);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == ErrorCode::Damaged);
    CHECK(otrack::test::readFile(path) == bytes);
}

TEST_CASE("a damaged first page is reported as damaged, not as a wrong password")
{
    TempDir dir;
    createStore(dir.path()).reset();
    const QString path = LocalStore::databasePath(dir.path());
    QByteArray bytes = otrack::test::readFile(path);
    bytes[100] = static_cast<char>(bytes.at(100) ^ 0xff);
    otrack::test::writeFile(path, bytes);
    CHECK(LocalStore::openWithPassword(dir.path(), kPassword).error().code == ErrorCode::Damaged);
    CHECK(otrack::test::readFile(path) == bytes);
}

TEST_CASE("a plain SQLite file in place of the store is refused as not encrypted")
{
    TempDir dir;
    REQUIRE(KeyVault(LocalStore::keyPath(dir.path())).create(kPassword, ScryptParams::fastForTests()).ok());
    {
        // SQLCipher without a key writes an ordinary SQLite file.
        auto plain = Database::open(LocalStore::databasePath(dir.path()), Database::OpenMode::CreateNew);
        REQUIRE(plain.ok());
        REQUIRE(plain.value()->exec("CREATE TABLE pupils (name TEXT); INSERT INTO pupils VALUES ('x');").ok());
    }
    const QByteArray before = otrack::test::readFile(LocalStore::databasePath(dir.path()));
    auto opened = LocalStore::openWithPassword(dir.path(), kPassword);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == ErrorCode::NotEncrypted);
    CHECK(otrack::test::readFile(LocalStore::databasePath(dir.path())) == before);
}

TEST_CASE("a store from a newer OTrack is refused and left as it was")
{
    TempDir dir;
    {
        auto store = createStore(dir.path());
        const int future = storeMigrations().back().version + 1;
        REQUIRE(store->database().exec("PRAGMA user_version = " + std::to_string(future)).ok());
        REQUIRE(store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    const QByteArray before = otrack::test::readFile(LocalStore::databasePath(dir.path()));
    auto opened = LocalStore::openWithPassword(dir.path(), kPassword);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == ErrorCode::NewerVersion);
    CHECK(otrack::test::readFile(LocalStore::databasePath(dir.path())) == before);
}

TEST_CASE("a full disk fails the edit cleanly and keeps every earlier edit")
{
    TempDir dir;
    auto store = createStore(dir.path());
    auto school = otrack::test::seedSchool(store->database(), 35, 60);
    MarkStore marks(store->database(), school.schoolId, school.teacherId);
    // Cap the file a few pages above its size: SQLite then answers SQLITE_FULL, as on a full disk.
    const auto pages = store->database().scalar("PRAGMA page_count").value().toInt();
    REQUIRE(store->database().exec("PRAGMA max_page_count = " + std::to_string(pages + 4)).ok());

    int saved = 0;
    Error failure{ErrorCode::StorageFailure, {}};
    for (int p = 0; p < 35 && failure.message.isEmpty(); ++p) {
        for (int o = 0; o < 60; ++o) {
            auto op = marks.record({{school.pupilIds[p], school.objectiveIds[o], school.termIds[0]},
                                    QStringLiteral("EXP"),
                                    QStringLiteral("a note long enough to fill pages quickly")});
            if (!op) {
                failure = op.error();
                break;
            }
            ++saved;
        }
    }
    REQUIRE_FALSE(failure.message.isEmpty());
    CHECK(failure.code == ErrorCode::DiskFull);
    CHECK(saved > 0);
    CHECK(store->database().scalar("SELECT count(*) FROM marks").value().toInt() == saved);
    CHECK(marks.pendingCount().value() == saved);
    CHECK(store->database().scalar("SELECT count(*) FROM audit_events").value().toInt() == saved);
}

TEST_CASE("a folder that cannot be created is reported as not writable")
{
    TempDir dir;
    // A file where the folder should be: mkpath fails even for root.
    otrack::test::writeFile(dir.file(QStringLiteral("blocker")), "x");
    auto store = LocalStore::create(dir.file(QStringLiteral("blocker/store")), kPassword, ScryptParams::fastForTests());
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code == ErrorCode::NotWritable);
}

TEST_CASE("password change and device key unlock round trips keep the data")
{
    TempDir dir;
    const SecureBytes deviceKey = SecureBytes::random(32);
    QString pupilId;
    {
        auto store = createStore(dir.path());
        pupilId = otrack::test::seedSchool(store->database(), 3, 2).pupilIds.first();
        REQUIRE(store->keyVault().setDeviceKey(kPassword, deviceKey).ok());
        REQUIRE(store->keyVault()
                    .changePassword(kPassword, QStringLiteral("a new password"), ScryptParams::fastForTests())
                    .ok());
    }
    CHECK(LocalStore::openWithPassword(dir.path(), kPassword).error().code == ErrorCode::WrongPassword);
    {
        auto store = LocalStore::openWithPassword(dir.path(), QStringLiteral("a new password"));
        REQUIRE(store.ok());
        CHECK(RosterStore(store.value()->database(), QStringLiteral("school-00000001")).pupil(pupilId).ok());
    }
    {
        auto store = LocalStore::openWithDeviceKey(dir.path(), deviceKey);
        REQUIRE(store.ok());
        CHECK(RosterStore(store.value()->database(), QStringLiteral("school-00000001")).pupil(pupilId).ok());
    }
    CHECK(LocalStore::openWithDeviceKey(dir.path(), SecureBytes::random(32)).error().code == ErrorCode::WrongDeviceKey);

    REQUIRE(LocalStore::destroy(dir.path()).ok());
    CHECK_FALSE(LocalStore::exists(dir.path()));
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}
