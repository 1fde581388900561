#include "sqlitewriter.h"

#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>
#include <QThread>

#include <atomic>
#include <semaphore>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using otrack::DatabaseUrl;
using otrack::Error;
using otrack::ErrorCode;
using otrack::Result;
using otrack::ServerDatabase;
using otrack::SqliteWriter;
using otrack::Status;

namespace {

// A store with a table whose rows must name an existing parent, checked only at COMMIT: a job
// that inserts an orphan succeeds, and the commit of its whole group fails.
struct WriterFixture {
    otrack::test::TempDir dir;
    DatabaseUrl url = DatabaseUrl::parse(u"sqlite://"_s + dir.file(u"writer.db"_s)).value();
    std::unique_ptr<ServerDatabase> reader;

    WriterFixture()
    {
        auto opened = ServerDatabase::open(url, u"writer-test-reader"_s);
        REQUIRE(opened.ok());
        reader = std::move(opened.value());
        QSqlQuery query(reader->connection());
        REQUIRE(query.exec(u"CREATE TABLE parents (id INTEGER PRIMARY KEY)"_s));
        REQUIRE(query.exec(u"INSERT INTO parents (id) VALUES (1)"_s));
        REQUIRE(query.exec(u"CREATE TABLE rows (name TEXT PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parents (id) "
                           u"DEFERRABLE INITIALLY DEFERRED)"_s));
    }

    SqliteWriter::Opener opener()
    {
        return [url = url]() {
            return ServerDatabase::open(url, u"writer-test-writer"_s);
        };
    }

    QStringList names()
    {
        QSqlQuery query(reader->connection());
        REQUIRE(query.exec(u"SELECT name FROM rows ORDER BY name"_s));
        QStringList out;
        while (query.next())
            out << query.value(0).toString();
        return out;
    }
};

SqliteWriter::Job insert(const QString &name, int parent = 1)
{
    return [name, parent](QSqlDatabase db) -> Status {
        QSqlQuery query(db);
        query.prepare(u"INSERT INTO rows (name, parent) VALUES (?, ?)"_s);
        query.addBindValue(name);
        query.addBindValue(parent);
        if (!query.exec())
            return Error{ErrorCode::StorageFailure, query.lastError().text()};
        return {};
    };
}

// Holds the writer inside a first job until `jobs` more have queued behind it, so that those
// run as one group; returns each job's result, in order.
std::vector<Status> runAsOneGroup(SqliteWriter &writer, const std::vector<SqliteWriter::Job> &jobs)
{
    std::binary_semaphore running(0), release(0);
    std::thread blocker([&] {
        CHECK(writer
                  .run([&](QSqlDatabase) -> Status {
                      running.release();
                      release.acquire();
                      return {};
                  })
                  .ok());
    });
    running.acquire();
    std::vector<Status> results(jobs.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < jobs.size(); ++i)
        threads.emplace_back([&, i] { results[i] = writer.run(jobs[i]); });
    while (writer.queueLength() < jobs.size())
        QThread::msleep(1);
    release.release();
    for (std::thread &thread : threads)
        thread.join();
    blocker.join();
    return results;
}

}  // namespace

TEST_CASE("the writer commits every job it is given, from many threads", "[server][writer]")
{
    WriterFixture f;
    {
        SqliteWriter writer(f.opener());
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int i = 0; i < 40; ++i)
            threads.emplace_back([&, i] {
                if (!writer.run(insert(u"row-%1"_s.arg(i, 2, 10, QLatin1Char('0')))))
                    ++failures;
            });
        for (std::thread &thread : threads)
            thread.join();
        CHECK(failures == 0);
    }
    CHECK(f.names().size() == 40);
}

TEST_CASE("a failing job is rolled back alone and the rest of its group commits", "[server][writer]")
{
    WriterFixture f;
    SqliteWriter writer(f.opener());
    const auto results = runAsOneGroup(writer,
                                       {insert(u"first"_s),
                                        [](QSqlDatabase db) -> Status {
                                            REQUIRE(insert(u"half-done"_s)(db).ok());
                                            return Error{ErrorCode::InvalidArgument, u"refused"_s};
                                        },
                                        insert(u"last"_s)});
    CHECK(results[0].ok());
    REQUIRE_FALSE(results[1].ok());
    CHECK(results[1].error().code == ErrorCode::InvalidArgument);
    CHECK(results[2].ok());
    CHECK(f.names() == QStringList{u"first"_s, u"last"_s});
}

TEST_CASE("when a group's commit fails, every job of the group is told and nothing is kept", "[server][writer]")
{
    WriterFixture f;
    SqliteWriter writer(f.opener());
    // The orphan passes its own statement (the key is checked at COMMIT), so it cannot be
    // rolled back alone: the commit fails for all three, and all three may be retried.
    const auto results = runAsOneGroup(writer, {insert(u"a"_s), insert(u"orphan"_s, 99), insert(u"b"_s)});
    for (const Status &result : results) {
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message.contains(u"committing"_s));
    }
    CHECK(f.names().isEmpty());
    // The writer goes on: the next job commits.
    CHECK(writer.run(insert(u"after"_s)).ok());
    CHECK(f.names() == QStringList{u"after"_s});
}

TEST_CASE("a writer whose store cannot be opened answers every job with the reason", "[server][writer]")
{
    otrack::test::TempDir dir;
    const DatabaseUrl missing = DatabaseUrl::parse(u"sqlite://"_s + dir.file(u"gone/writer.db"_s)).value();
    SqliteWriter writer([missing]() { return ServerDatabase::open(missing, u"writer-test-missing"_s); });
    const Status result = writer.run(insert(u"x"_s));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::NotFound);
}
