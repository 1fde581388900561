#include "pullapplier.h"

#include "pulledrows.h"
#include "rosterstore.h"

#include "jsondecode.h"

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// Pages arrive in sequence order, not in dependency order: a mark can come pages before the
// latest version of its pupil, a group before its members. So a page is written with foreign
// keys off (the pragma only changes outside a transaction), and purges delete explicitly.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(Database &db) : m_db(db) { m_status = m_db.exec("PRAGMA foreign_keys = OFF"); }
    ~ForeignKeysOff() { static_cast<void>(m_db.exec("PRAGMA foreign_keys = ON")); }
    const Status &status() const { return m_status; }

private:
    Database &m_db;
    Status m_status;
};

Status runWithId(Database &db, std::string_view sql, const QString &id)
{
    auto q = db.prepare(sql);
    if (!q)
        return q.error();
    return q->bind(1, id).run();
}

}  // namespace

PullApplier::PullApplier(Database &db, SyncSession &session) : m_db(db), m_session(session)
{
}

Status PullApplier::applyPage(const PullResponse &page)
{
    // A no-change pull writes nothing: no transaction, no commit.
    if (page.changes.isEmpty() && page.nextCursor == m_session.cursor && m_session.epoch == page.epoch
        && (page.hasMore || m_session.initialSyncDone))
        return {};
    ForeignKeysOff relaxed(m_db);
    if (!relaxed.status())
        return relaxed.status();
    SyncSession next = m_session;
    {
        auto tx = Transaction::begin(m_db);
        if (!tx)
            return tx.error();
        for (const Change &change : page.changes) {
            if (auto applied = applyChange(change); !applied)
                return Error{applied.error().code,
                             u"pulled change %1: %2"_s.arg(change.seq).arg(applied.error().message)};
        }
        next.cursor = page.nextCursor;
        next.epoch = page.epoch;
        if (!page.hasMore)
            next.initialSyncDone = true;
        if (auto saved = next.save(m_db); !saved)
            return saved;
        if (auto committed = tx.value()->commit(); !committed)
            return committed;
    }
    m_session = next;
    return {};
}

Status PullApplier::applyChange(const Change &change)
{
    RosterStore roster(m_db, m_session.schoolId);
    const QString &school = m_session.schoolId;
    switch (change.type) {
    case ChangeType::Mark:
        return applyMark(change);
    case ChangeType::Pupil: {
        auto pupil = pulled::pupil(change.data, school);
        return pupil ? roster.savePupil(*pupil) : Status(pupil.error());
    }
    case ChangeType::Group: {
        auto group = pulled::group(change.data, school);
        return group ? roster.saveGroup(group->first, group->second) : Status(group.error());
    }
    case ChangeType::Scale: {
        auto scale = pulled::scale(change.data, school);
        return scale ? roster.saveScale(*scale) : Status(scale.error());
    }
    case ChangeType::Framework: {
        auto framework = pulled::framework(change.data, school);
        return framework ? roster.saveFramework(*framework) : Status(framework.error());
    }
    case ChangeType::Term: {
        auto term = pulled::term(change.data, school);
        return term ? roster.saveTerm(*term) : Status(term.error());
    }
    case ChangeType::Staff: {
        auto staff = pulled::staffName(change.data);
        if (!staff)
            return staff.error();
        auto update = m_db.prepare("UPDATE staff_names SET display_name = ?2 WHERE id = ?1");
        if (!update)
            return update.error();
        if (auto updated = update->bind(1, staff->first).bind(2, staff->second).run(); !updated)
            return updated;
        if (m_db.changes() > 0)
            return {};
        auto insert = m_db.prepare("INSERT INTO staff_names (id, school_id, display_name) VALUES (?1, ?2, ?3)");
        if (!insert)
            return insert.error();
        return insert->bind(1, staff->first).bind(2, school).bind(3, staff->second).run();
    }
    case ChangeType::Purge: {
        auto pupilId = pulled::purgedPupil(change.data);
        return pupilId ? purgePupil(m_db, *pupilId) : Status(pupilId.error());
    }
    }
    return protocol::invalid(u"unknown change type"_s);
}

Status PullApplier::applyMark(const Change &change)
{
    auto mark = PulledMark::fromJson(change.data);
    if (!mark)
        return mark.error();
    const QString updatedAt = QDateTime::fromMSecsSinceEpoch(mark->serverTime, Qt::UTC).toString(Qt::ISODateWithMs);
    // Until the first full download is done nearly every pulled cell is new: try the insert
    // first then, the update first afterwards (one statement for the common case either way).
    const bool insertFirst = !m_session.initialSyncDone;
    auto wrote = insertFirst ? insertMark(*mark, updatedAt) : updateMark(*mark, updatedAt);
    if (wrote && !wrote.value())
        wrote = insertFirst ? updateMark(*mark, updatedAt) : insertMark(*mark, updatedAt);
    return wrote ? Status() : Status(wrote.error());
}

Result<bool> PullApplier::updateMark(const PulledMark &mark, const QString &updatedAt)
{
    // Only a cell with nothing local pending takes the server's value, and never an older one.
    auto update = m_db.prepare(
        "UPDATE marks SET value = ?4, note = ?5, author_id = ?6, updated_at = ?7, server_version = ?8 "
        "WHERE pupil_id = ?1 AND term_id = ?2 AND objective_id = ?3 AND server_version <= ?8 "
        "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.pupil_id = ?1 AND o.term_id = ?2 AND o.objective_id = ?3) "
        "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.pupil_id = ?1 AND c.term_id = ?2 AND c.objective_id = ?3)");
    if (!update)
        return update.error();
    update->bind(1, mark.pupilId).bind(2, mark.termId).bind(3, mark.objectiveId).bind(4, mark.value);
    update->bind(5, mark.note).bind(6, mark.authorId).bind(7, updatedAt).bind(8, mark.version);
    if (auto updated = update->run(); !updated)
        return updated.error();
    // No row changed: either there is none, or the local side wins for now.
    return m_db.changes() > 0;
}

Result<bool> PullApplier::insertMark(const PulledMark &mark, const QString &updatedAt)
{
    auto insert = m_db.prepare(
        "INSERT INTO marks (pupil_id, term_id, objective_id, value, note, author_id, updated_at, server_version, "
        "school_id) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE NOT EXISTS (SELECT 1 FROM marks m WHERE "
        "m.pupil_id = ?1 AND m.term_id = ?2 AND m.objective_id = ?3)");
    if (!insert)
        return insert.error();
    insert->bind(1, mark.pupilId).bind(2, mark.termId).bind(3, mark.objectiveId).bind(4, mark.value);
    insert->bind(5, mark.note).bind(6, mark.authorId).bind(7, updatedAt).bind(8, mark.version);
    if (auto inserted = insert->bind(9, m_session.schoolId).run(); !inserted)
        return inserted.error();
    return m_db.changes() > 0;
}

Status PullApplier::restartFromZero(std::optional<qint64> epoch)
{
    SyncSession next = m_session;
    next.cursor = 0;
    next.initialSyncDone = false;
    if (epoch)
        next.epoch = epoch;
    {
        auto tx = Transaction::begin(m_db);
        if (!tx)
            return tx.error();
        // Cells with a queued edit or an open conflict stay, and so do their pupils; the pull
        // from 0 brings back everything else that is still in scope.
        const QString &school = m_session.schoolId;
        for (std::string_view sql : {
                 std::string_view("DELETE FROM marks WHERE school_id = ?1 AND NOT EXISTS (SELECT 1 FROM outbox o "
                                  "WHERE o.pupil_id = marks.pupil_id AND o.term_id = marks.term_id AND "
                                  "o.objective_id = marks.objective_id) AND NOT EXISTS (SELECT 1 FROM conflicts c "
                                  "WHERE c.pupil_id = marks.pupil_id AND c.term_id = marks.term_id AND "
                                  "c.objective_id = marks.objective_id)"),
                 std::string_view("DELETE FROM group_members WHERE school_id = ?1"),
                 std::string_view("DELETE FROM groups WHERE school_id = ?1"),
                 std::string_view("DELETE FROM audit_events WHERE school_id = ?1 AND entity = 'mark' AND NOT EXISTS "
                                  "(SELECT 1 FROM marks m WHERE m.pupil_id = substr(audit_events.entity_id, 1, "
                                  "instr(audit_events.entity_id, '/') - 1))"),
                 std::string_view("DELETE FROM pupils WHERE school_id = ?1 AND NOT EXISTS (SELECT 1 FROM marks m "
                                  "WHERE m.pupil_id = pupils.id)"),
             }) {
            if (auto ran = runWithId(m_db, sql, school); !ran)
                return ran;
        }
        if (auto saved = next.save(m_db); !saved)
            return saved;
        if (auto committed = tx.value()->commit(); !committed)
            return committed;
    }
    m_session = next;
    return {};
}

Status PullApplier::purgePupil(Database &db, const QString &pupilId)
{
    // Explicit deletes rather than cascades: pages are applied with foreign keys off.
    for (std::string_view sql : {
             std::string_view("DELETE FROM marks WHERE pupil_id = ?1"),
             std::string_view("DELETE FROM outbox WHERE pupil_id = ?1"),
             std::string_view("DELETE FROM conflicts WHERE pupil_id = ?1"),
             std::string_view("DELETE FROM rejections WHERE pupil_id = ?1"),
             std::string_view("DELETE FROM group_members WHERE pupil_id = ?1"),
             std::string_view("DELETE FROM audit_events WHERE entity = 'mark' AND substr(entity_id, 1, "
                              "length(?1) + 1) = ?1 || '/'"),
             std::string_view("DELETE FROM audit_events WHERE entity = 'pupil' AND entity_id = ?1"),
             std::string_view("DELETE FROM pupils WHERE id = ?1"),
         }) {
        if (auto ran = runWithId(db, sql, pupilId); !ran)
            return ran;
    }
    return {};
}

}  // namespace otrack
