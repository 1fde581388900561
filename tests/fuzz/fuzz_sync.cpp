// libFuzzer target: the sync handlers (SyncService::push and ::pull, behind POST /v1/sync/push
// and GET /v1/sync/pull) on a real SQLite server store, fed with requests decoded from the
// input exactly as syncroutes.cpp decodes them (authentication aside).
//
// The input is text, one request per line (at most kMaxLines):
//   <who> push <JSON body>        e.g. teacher push {"device_id":"device-1","ops":[...]}
//   <who> pull <query string>     e.g. admin pull cursor=0&limit=10
// <who> is one of the staff below; every one of them is signed in on device "device-1". The
// school's rows have fixed, readable ids (pupil-a1, term-open, obj-1...), so that the corpus and
// the dictionary (otrack.dict) can name them. Other lines are ignored.
//
// Each input starts from the same database: a copy of a template made once per process. So a
// run depends on the input alone (libFuzzer needs that to reproduce and minimise a crash).
//
// Besides "no crash, no sanitizer report", every answer is checked against a model of the
// cells that the harness keeps from the answers themselves:
// - push: one result per op, in request order, with its op id; an op id seen before on this
//   device (earlier in the input or earlier in the batch, in the server's key order) is a
//   duplicate repeating the stored result; otherwise the outcome is the one the rules give
//   (rejection reasons, then compare-and-set on the model's version: applied = base + 1);
//   the school's next_seq grows by the number of applied ops and no other school's moves;
//   one mark event and one stored result per non-duplicate op; a failed push changes nothing,
//   and the only failure allowed is a device_id that is not the caller's.
// - the same batch sent again (a retry after a lost answer) gives the same results, as
//   duplicates, and changes nothing.
// - pull: ascending seqs within (cursor, next_seq), at most `limit`, a correct next_cursor and
//   has_more, only the caller's school, only a teacher's own pupils and groups, marks equal
//   to the model; it writes nothing; its answer survives encode/decode.
// - at the end, a full pull of each school holds exactly the model's marks.

#include "fuzzcheck.h"

#include "caller.h"
#include "databaseurl.h"
#include "keywrap.h"
#include "model.h"
#include "pullrequest.h"
#include "pullresponse.h"
#include "pushrequest.h"
#include "pushresponse.h"
#include "schooladmin.h"
#include "serverdatabase.h"
#include "serverschema.h"
#include "syncservice.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QVariant>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <numeric>
#include <optional>
#include <tuple>

using namespace otrack;
using namespace Qt::StringLiterals;
using fuzz::fail;
using fuzz::require;

namespace {

constexpr qint64 kNow = 1795000000000;  // a fixed clock: answers depend on the input only
constexpr int kMaxLines = 12;
constexpr int kMaxFullPullPages = 50;

template <typename T>
T setup(Result<T> result, const char *step)
{
    if (!result)
        fail(step, result.error().message);
    return std::move(result).value();
}

void setup(const Status &status, const char *step)
{
    if (!status)
        fail(step, status.error().message);
}

QSqlQuery run(QSqlDatabase db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        fail("preparing a harness query", query.lastError().text());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        fail("running a harness query", query.lastError().text());
    return query;
}

// What the rules say about each id, so that the harness can predict every rejection.
struct SchoolFacts {
    QString id;
    QSet<QString> pupils;  // on roll
    QSet<QString> erased;
    QSet<QString> terms;
    QSet<QString> lockedTerms;
    QSet<QString> objectives;
    QSet<QString> codes;  // the scale of every objective
};

struct Actor {
    Caller caller;
    const SchoolFacts *school = nullptr;
    QSet<QString> pupilsInScope;  // a teacher's groups' pupils
    QSet<QString> groupsInScope;
};

// The database every input starts from, made once per process through SchoolAdmin:
// - "Hillside Primary": staff of every role; class 4A (pupil-a1, pupil-a2) taught by `teacher`,
//   class 4B (pupil-b1) by `teacher2`; pupil-gone erased; term-open and term-locked; obj-1 and
//   obj-2 on a WTS/EXP/GDS scale.
// - "Other School": `other` teaches group-x (pupil-x1); term-x; obj-x on the same codes.
class World {
public:
    static World &instance()
    {
        static World world;
        return world;
    }

    std::unique_ptr<ServerDatabase> openFreshCopy() const
    {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(m_work + QLatin1String(suffix));
        if (!QFile::copy(m_template, m_work))
            fail("copying the template database");
        return open(m_work, u"fuzz-sync"_s);
    }

    const Actor *actor(const QByteArray &name) const
    {
        const auto found = m_actors.constFind(name);
        return found == m_actors.constEnd() ? nullptr : &found.value();
    }
    const QList<SchoolFacts> &schools() const { return m_schools; }
    // Someone who sees all of `school`'s marks.
    const Actor &fullReader(const SchoolFacts &school) const
    {
        return *actor(school.id == m_schools.first().id ? "owner" : "other");
    }

private:
    World()
    {
        if (!QCoreApplication::instance()) {
            static int argc = 1;
            static char name[] = "fuzz_sync";
            static char *argv[] = {name, nullptr};
            static QCoreApplication application(argc, argv);
        }
        // One "database open" line per input would bury libFuzzer's own output.
        QLoggingCategory::setFilterRules(u"otrack.*.info=false"_s);
        if (!m_dir.isValid())
            fail("creating a temporary folder");
        m_template = m_dir.filePath(u"template.db"_s);
        m_work = m_dir.filePath(u"work.db"_s);
        {
            auto database = open(m_template, u"fuzz-template"_s);
            QSqlDatabase db = database->connection();
            setup(ServerSchema::migrate(db, DatabaseUrl::Kind::Sqlite), "creating the schema");
            m_schools = {makeSchool(db, u"Hillside Primary"_s, {u"a1"_s, u"a2"_s, u"b1"_s}, {u"open"_s, u"locked"_s},
                                    {u"1"_s, u"2"_s}),
                         makeSchool(db, u"Other School"_s, {u"x1"_s}, {u"x"_s}, {u"x"_s})};
            SchoolFacts &hillside = m_schools.first();
            SchoolAdmin admin(db);
            setup(admin.lockTerm(hillside.id, u"term-locked"_s, true), "locking a term");
            hillside.lockedTerms.insert(u"term-locked"_s);
            // Erasure has no SchoolAdmin call yet: the row push consults is written directly.
            run(db, u"INSERT INTO erased_pupils (pupil_id, school_id, erased_at) VALUES (?, ?, ?)"_s,
                {u"pupil-gone"_s, hillside.id, kNow});
            hillside.erased.insert(u"pupil-gone"_s);

            const SchoolFacts &other = m_schools.last();
            addStaff(admin, hillside, "owner", Role::Owner);
            addStaff(admin, hillside, "admin", Role::Admin);
            addStaff(admin, hillside, "teacher", Role::Teacher, u"group-a"_s, {u"pupil-a1"_s, u"pupil-a2"_s});
            addStaff(admin, hillside, "teacher2", Role::Teacher, u"group-b"_s, {u"pupil-b1"_s});
            addStaff(admin, hillside, "viewer", Role::ReadOnly);
            addStaff(admin, hillside, "reports", Role::ReportsOnly);
            addStaff(admin, other, "other", Role::Teacher, u"group-x"_s, {u"pupil-x1"_s});
        }
        // Closing the last connection checkpoints the WAL: the template is one self-contained file.
    }

    static std::unique_ptr<ServerDatabase> open(const QString &file, const QString &connection)
    {
        const DatabaseUrl url = setup(DatabaseUrl::parse(u"sqlite://"_s + file), "parsing the database URL");
        return setup(ServerDatabase::open(url, connection), "opening the database");
    }

    static SchoolFacts makeSchool(QSqlDatabase db, const QString &name, const QStringList &pupils,
                                  const QStringList &terms, const QStringList &objectives)
    {
        SchoolAdmin admin(db);
        SchoolFacts facts;
        facts.id = setup(admin.createSchool(name), "creating a school").id;
        setup(admin.setSchoolStatus(facts.id, SchoolStatus::Active), "activating a school");
        int number = 1;
        for (const QString &suffix : pupils) {
            Pupil pupil;
            pupil.id = u"pupil-"_s + suffix;
            pupil.schoolId = facts.id;
            // Synthetic: a made-up UPN and name.
            pupil.upn = u"A1%1"_s.arg(number++, 11, 10, QLatin1Char('0'));
            pupil.legalSurname = u"Pupil"_s;
            pupil.legalForename = suffix;
            pupil.yearGroup = 4;
            facts.pupils.insert(setup(admin.addPupil(pupil), "adding a pupil").id);
        }
        int position = 0;
        for (const QString &suffix : terms) {
            const Term term{u"term-"_s + suffix, facts.id, suffix, u"2026/27"_s, position++, false};
            facts.terms.insert(setup(admin.addTerm(term), "adding a term").id);
        }
        Scale scale;
        scale.schoolId = facts.id;
        scale.name = u"Primary"_s;
        for (const QString &code : {u"WTS"_s, u"EXP"_s, u"GDS"_s}) {
            scale.values.append(ScaleValue{code, code, code.left(1), double(facts.codes.size() + 1), u"#336699"_s});
            facts.codes.insert(code);
        }
        Framework framework;
        framework.schoolId = facts.id;
        framework.name = u"Maths"_s;
        framework.subject = u"Maths"_s;
        framework.scaleId = setup(admin.addScale(scale), "adding a scale").id;
        for (const QString &suffix : objectives) {
            framework.objectives.append(Objective{u"obj-"_s + suffix, suffix, u"Objective "_s + suffix});
            facts.objectives.insert(u"obj-"_s + suffix);
        }
        setup(admin.addFramework(framework), "adding a framework");
        return facts;
    }

    void addStaff(SchoolAdmin &admin, const SchoolFacts &school, const char *name, Role role,
                  const QString &groupId = QString(), const QStringList &groupPupils = {})
    {
        const QString username = QString::fromLatin1(name);
        const Staff staff = setup(
            admin.addStaff(school.id, username, username, role, u"not a real password"_s, ScryptParams::fastForTests()),
            "adding staff");
        Actor actor{Caller{school.id, staff.id, u"device-1"_s, role, 1}, &school, {}, {}};
        if (!groupId.isEmpty()) {
            setup(admin.addGroup(Group{groupId, school.id, groupId, GroupKind::Class, 4}), "adding a group");
            setup(admin.setGroupMembers(school.id, groupId, groupPupils), "filling a group");
            setup(admin.assignStaffToGroup(school.id, staff.id, groupId), "assigning a group");
            actor.groupsInScope.insert(groupId);
            actor.pupilsInScope = QSet<QString>(groupPupils.begin(), groupPupils.end());
        }
        m_actors.insert(QByteArray(name), actor);
    }

    QTemporaryDir m_dir;
    QString m_template;
    QString m_work;
    QList<SchoolFacts> m_schools;
    QHash<QByteArray, Actor> m_actors;
};

// What the database holds that push may change and pull must not.
struct Counts {
    QHash<QString, qint64> nextSeq;  // per school
    qint64 events = 0;
    qint64 results = 0;
    bool operator==(const Counts &) const = default;
};

Counts counts(QSqlDatabase db)
{
    Counts counts;
    QSqlQuery schools = run(db, u"SELECT id, next_seq FROM schools"_s);
    while (schools.next())
        counts.nextSeq.insert(schools.value(0).toString(), schools.value(1).toLongLong());
    QSqlQuery events = run(db, u"SELECT COUNT(*) FROM mark_events"_s);
    counts.events = events.next() ? events.value(0).toLongLong() : -1;
    QSqlQuery results = run(db, u"SELECT COUNT(*) FROM push_results"_s);
    counts.results = results.next() ? results.value(0).toLongLong() : -1;
    return counts;
}

struct CellKey {
    QString school, pupil, term, objective;
    bool operator==(const CellKey &) const = default;
};

size_t qHash(const CellKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.school, key.pupil, key.term, key.objective);
}

// The state of one input: the cells as the answers have described them, and every stored
// push result by (school, device, op id).
class Model {
public:
    Model(const World &world, QSqlDatabase db) : m_world(world), m_db(db), m_service(db) { }

    void runLine(const QByteArray &line)
    {
        const qsizetype firstSpace = line.indexOf(' ');
        const qsizetype secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
        if (secondSpace < 0)
            return;
        const Actor *actor = m_world.actor(line.left(firstSpace));
        const QByteArray verb = line.mid(firstSpace + 1, secondSpace - firstSpace - 1);
        const QByteArray payload = line.mid(secondSpace + 1);
        if (!actor)
            return;
        if (verb == "push") {
            if (auto request = PushRequest::decode(payload))
                push(*actor, request.value());
        } else if (verb == "pull") {
            if (auto request = PullRequest::fromQuery(QUrlQuery(QString::fromUtf8(payload))))
                pull(*actor, request.value());
        }
    }

    // A full pull of every school holds exactly the marks the answers described.
    void checkFinalState()
    {
        for (const SchoolFacts &school : m_world.schools()) {
            QSet<CellKey> pulled;
            PullRequest request;
            request.limit = PullRequest::kMaxLimit;
            for (int page = 0;; ++page) {
                require(page < kMaxFullPullPages, "a full pull does not end");
                const PullResponse response = pull(m_world.fullReader(school), request);
                for (const Change &change : response.changes)
                    if (change.type == ChangeType::Mark)
                        pulled.insert(markKey(school.id, change.data));
                if (!response.hasMore)
                    break;
                request.cursor = response.nextCursor;
            }
            qsizetype expected = 0;
            for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it)
                if (it.key().school == school.id) {
                    ++expected;
                    require(pulled.contains(it.key()), "an applied mark is missing from a full pull", it.key().pupil);
                }
            require(pulled.size() == expected, "a full pull holds marks that were never applied");
        }
    }

private:
    struct Cell {
        std::optional<QString> value;
        QString note;
        QString authorId;
        qint64 serverTime = 0;
        qint64 version = 0;
    };

    static CellKey markKey(const QString &school, const QJsonObject &data)
    {
        return CellKey{school, data.value(u"pupil_id"_s).toString(), data.value(u"term_id"_s).toString(),
                       data.value(u"objective_id"_s).toString()};
    }

    static QString opKey(const Actor &actor, const QString &device, const QString &opId)
    {
        return actor.caller.schoolId + u'\n' + device + u'\n' + opId;
    }

    // The rejection reason the rules give a new op, if any; in the order the server checks them.
    static const char *rejection(const Actor &actor, const PushOp &op)
    {
        const SchoolFacts &school = *actor.school;
        const Role role = actor.caller.role;
        if (role != Role::Owner && role != Role::Admin && role != Role::Teacher)
            return rejection::kPermission;
        if (school.erased.contains(op.pupilId))
            return rejection::kErasedPupil;
        if (!school.pupils.contains(op.pupilId))
            return rejection::kUnknownPupil;
        if (role == Role::Teacher && !actor.pupilsInScope.contains(op.pupilId))
            return rejection::kPermission;
        if (!school.terms.contains(op.termId) || !school.objectives.contains(op.objectiveId))
            return rejection::kValidation;
        if (role == Role::Teacher && school.lockedTerms.contains(op.termId))
            return rejection::kLockedTerm;
        if (op.value && !school.codes.contains(*op.value))
            return rejection::kValidation;
        return nullptr;
    }

    // A duplicate's fields are the stored result's, with original_outcome saying what it was.
    static PushResult original(const PushResult &duplicate)
    {
        PushResult result = duplicate;
        require(result.originalOutcome.has_value() && *result.originalOutcome != PushOutcome::Duplicate,
                "a duplicate without a proper original_outcome", result.opId);
        result.outcome = *result.originalOutcome;
        result.originalOutcome.reset();
        return result;
    }

    void push(const Actor &actor, const PushRequest &request)
    {
        const Counts before = counts(m_db);
        const Result<PushResponse> answer = m_service.push(actor.caller, request, kNow);
        if (!answer) {
            require(request.deviceId != actor.caller.deviceId, "push failed", answer.error().message);
            require(answer.error().code == ErrorCode::InvalidArgument
                        && protocol::fieldOfError(answer.error()) == u"device_id"_s,
                    "a push from another device was not refused on field device_id", answer.error().message);
            require(counts(m_db) == before, "a failed push changed the database");
            return;
        }
        require(request.deviceId == actor.caller.deviceId || actor.caller.deviceId.isEmpty(),
                "a push from another device was accepted");
        const QList<PushResult> &results = answer->results;
        require(results.size() == request.ops.size(), "push: not one result per op");
        for (qsizetype i = 0; i < results.size(); ++i)
            require(results.at(i).opId == request.ops.at(i).opId, "push: results out of request order");

        // The server decides ops in key order, stably: so does the model.
        QList<qsizetype> order(request.ops.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
            const PushOp &x = request.ops.at(a);
            const PushOp &y = request.ops.at(b);
            return std::tie(x.pupilId, x.termId, x.objectiveId) < std::tie(y.pupilId, y.termId, y.objectiveId);
        });
        qint64 applied = 0, recorded = 0;
        for (qsizetype index : order) {
            const PushOp &op = request.ops.at(index);
            const PushResult &result = results.at(index);
            const QString key = opKey(actor, request.deviceId, op.opId);
            if (const auto stored = m_stored.constFind(key); stored != m_stored.constEnd()) {
                require(result.outcome == PushOutcome::Duplicate, "a repeated op id was not a duplicate", op.opId);
                require(original(result) == stored.value(), "a duplicate does not repeat the stored result", op.opId);
                continue;
            }
            require(result.outcome != PushOutcome::Duplicate, "a new op id was answered as a duplicate", op.opId);
            ++recorded;
            decide(actor, op, result);
            applied += result.outcome == PushOutcome::Applied ? 1 : 0;
            m_stored.insert(key, result);
        }

        Counts expected = before;
        expected.nextSeq[actor.caller.schoolId] += applied;
        expected.events += recorded;
        expected.results += recorded;
        require(counts(m_db) == expected, "push: next_seq, mark events or stored results do not match the outcomes");

        // The answer was lost; the client sends the same batch again.
        if (request.ops.isEmpty())
            return;
        const Result<PushResponse> retry = m_service.push(actor.caller, request, kNow);
        require(retry.ok(), "a retried push failed", retry.ok() ? QString() : retry.error().message);
        for (qsizetype i = 0; i < results.size(); ++i) {
            const PushResult &first = results.at(i);
            const PushResult &again = retry->results.at(i);
            require(again.outcome == PushOutcome::Duplicate, "a retried op was not a duplicate", first.opId);
            require(original(again) == (first.outcome == PushOutcome::Duplicate ? original(first) : first),
                    "a retried op got another result", first.opId);
        }
        require(counts(m_db) == expected, "a retried push changed the database");
    }

    // Checks one new op's result against the rules and the model, and applies it to the model.
    void decide(const Actor &actor, const PushOp &op, const PushResult &result)
    {
        if (const char *reason = rejection(actor, op)) {
            require(result.outcome == PushOutcome::Rejected && result.reason == QLatin1String(reason),
                    "an op was not rejected as the rules say", op.opId + u" expected "_s + QLatin1String(reason));
            return;
        }
        require(result.outcome != PushOutcome::Rejected, "an allowed op was rejected", result.reason);
        const CellKey key{actor.caller.schoolId, op.pupilId, op.termId, op.objectiveId};
        const Cell cell = m_cells.value(key);  // a cell never written: version 0, no value
        if (op.baseVersion == cell.version) {
            require(result.outcome == PushOutcome::Applied && result.version == cell.version + 1,
                    "an op on the current version was not applied as base + 1", op.opId);
            m_cells.insert(key, Cell{op.value, op.note, actor.caller.userId, kNow, result.version});
        } else if (op.value == cell.value && op.note == cell.note) {
            require(result.outcome == PushOutcome::Merged && result.version == cell.version,
                    "an op equal to the server's cell was not merged", op.opId);
        } else {
            const ServerMark server{cell.value, cell.note, cell.authorId, cell.serverTime, cell.version};
            require(result.outcome == PushOutcome::Conflict && result.version == cell.version
                        && result.server == server,
                    "a stale op was not a conflict carrying the server's cell", op.opId);
        }
    }

    PullResponse pull(const Actor &actor, const PullRequest &request)
    {
        const Counts before = counts(m_db);
        const QString &schoolId = actor.caller.schoolId;
        QSqlQuery staff = run(m_db, u"SELECT epoch FROM staff WHERE id = ?"_s, {actor.caller.userId});
        const qint64 epoch = staff.next() ? staff.value(0).toLongLong() : -1;
        QSqlQuery school = run(m_db, u"SELECT retention_seq FROM schools WHERE id = ?"_s, {schoolId});
        const qint64 retention = school.next() ? school.value(0).toLongLong() : -1;
        const qint64 latest = before.nextSeq.value(schoolId) - 1;

        const Result<PullResponse> answer = m_service.pull(actor.caller, request);
        require(counts(m_db) == before, "a pull changed the database");
        const bool resync = request.epoch && *request.epoch != epoch;
        if (!answer) {
            const Error &error = answer.error();
            if (!resync && request.cursor > latest)
                require(error.code == ErrorCode::InvalidArgument && protocol::fieldOfError(error) == u"cursor"_s,
                        "a cursor beyond the latest change was not refused on field cursor", error.message);
            else if (!resync && request.cursor > 0 && request.cursor < retention)
                require(error.code == ErrorCode::Gone, "an expired cursor was not answered 410", error.message);
            else
                fail("pull failed", error.message);
            return {};
        }
        const PullResponse &response = answer.value();
        require(response.epoch == epoch, "pull: not the caller's epoch");
        const Result<PullResponse> decoded = PullResponse::decode(response.encode());
        require(decoded.ok() && decoded.value() == response, "pull: the answer does not survive encode/decode");
        if (resync) {
            require(response.resync && response.changes.isEmpty() && response.nextCursor == 0,
                    "pull: an old epoch was not told to resync");
            return response;
        }
        require(!response.resync, "pull: resync without an epoch change");
        require(request.cursor <= latest, "pull: a cursor beyond the latest change was accepted");
        require(response.changes.size() <= request.limit, "pull: more changes than the limit");
        qint64 previous = request.cursor;
        for (const Change &change : response.changes) {
            require(change.seq > previous && change.seq <= latest, "pull: seqs not ascending within the window");
            previous = change.seq;
            checkVisible(actor, change);
        }
        if (response.hasMore)
            require(response.changes.size() == request.limit && response.nextCursor == previous,
                    "pull: a full page does not resume after its last change");
        else
            require(response.nextCursor == latest, "pull: the last page does not move the cursor to the latest change");
        return response;
    }

    // Only the caller's school; for a teacher only their groups' pupils; marks as the model has them.
    void checkVisible(const Actor &actor, const Change &change)
    {
        const bool teacher = actor.caller.role == Role::Teacher;
        const QString pupil = change.data.value(change.type == ChangeType::Pupil ? u"id"_s : u"pupil_id"_s).toString();
        if (change.type == ChangeType::Pupil || change.type == ChangeType::Mark) {
            require(actor.school->pupils.contains(pupil), "pull: another school's pupil", pupil);
            require(!teacher || actor.pupilsInScope.contains(pupil), "pull: a pupil outside the teacher's groups",
                    pupil);
        }
        if (change.type == ChangeType::Group)
            require(!teacher || actor.groupsInScope.contains(change.data.value(u"id"_s).toString()),
                    "pull: a group the teacher does not teach");
        if (change.type != ChangeType::Mark)
            return;
        const auto cell = m_cells.constFind(markKey(actor.caller.schoolId, change.data));
        require(cell != m_cells.constEnd(), "pull: a mark that was never applied", pupil);
        const Result<PulledMark> mark = PulledMark::fromJson(change.data);
        require(mark.ok(), "pull: a mark that does not decode", mark.ok() ? QString() : mark.error().message);
        require(mark->value == cell->value && mark->note == cell->note && mark->authorId == cell->authorId
                    && mark->version == cell->version && mark->serverTime == cell->serverTime,
                "pull: a mark differs from what its push answer said", pupil);
    }

    const World &m_world;
    QSqlDatabase m_db;
    SyncService m_service;
    QHash<CellKey, Cell> m_cells;
    QHash<QString, PushResult> m_stored;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const World &world = World::instance();
    const std::unique_ptr<ServerDatabase> database = world.openFreshCopy();
    {
        Model model(world, database->connection());
        const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
        const QList<QByteArray> lines = input.split('\n');
        for (qsizetype i = 0; i < std::min<qsizetype>(lines.size(), kMaxLines); ++i)
            model.runLine(lines.at(i));
        model.checkFinalState();
    }
    return 0;
}
