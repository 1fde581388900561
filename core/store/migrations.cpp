#include "migrations.h"

#include "logging.h"

#include <string>

namespace otrack {

namespace {

// SQL here must run on SQLCipher 3.4 (SQLite 3.15) and SQLCipher 4: no UPSERT, RETURNING,
// window functions, JSON functions or STRICT tables. Every row carries school_id.
constexpr Migration kMigrations[] = {
    {1, "initial schema", R"sql(
CREATE TABLE schools (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    urn         TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('awaiting_terms', 'active', 'suspended'))
);

CREATE TABLE staff (
    id           TEXT PRIMARY KEY NOT NULL,
    school_id    TEXT NOT NULL REFERENCES schools (id),
    username     TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'teacher', 'read_only', 'reports_only')),
    UNIQUE (school_id, username)
);

CREATE TABLE pupils (
    id                 TEXT PRIMARY KEY NOT NULL,
    school_id          TEXT NOT NULL REFERENCES schools (id),
    upn                TEXT NOT NULL,
    legal_surname      TEXT NOT NULL,
    legal_forename     TEXT NOT NULL,
    preferred_surname  TEXT NOT NULL DEFAULT '',
    preferred_forename TEXT NOT NULL DEFAULT '',
    date_of_birth      TEXT,
    gender             TEXT NOT NULL DEFAULT '',
    year_group         INTEGER NOT NULL DEFAULT 0,
    pupil_premium      INTEGER NOT NULL DEFAULT 0,
    free_school_meals  INTEGER NOT NULL DEFAULT 0,
    sen_status         TEXT NOT NULL DEFAULT 'N',
    eal                INTEGER NOT NULL DEFAULT 0,
    looked_after       INTEGER NOT NULL DEFAULT 0,
    on_roll_date       TEXT,
    left_date          TEXT
);
CREATE INDEX pupils_by_school_upn ON pupils (school_id, upn);

CREATE TABLE groups (
    id         TEXT PRIMARY KEY NOT NULL,
    school_id  TEXT NOT NULL REFERENCES schools (id),
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('class', 'set', 'intervention')),
    year_group INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE group_members (
    group_id  TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    pupil_id  TEXT NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,
    school_id TEXT NOT NULL,
    PRIMARY KEY (group_id, pupil_id)
) WITHOUT ROWID;
CREATE INDEX group_members_by_pupil ON group_members (pupil_id);

CREATE TABLE scales (
    id        TEXT PRIMARY KEY NOT NULL,
    school_id TEXT NOT NULL REFERENCES schools (id),
    name      TEXT NOT NULL
);

CREATE TABLE scale_values (
    scale_id TEXT NOT NULL REFERENCES scales (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code     TEXT NOT NULL,
    label    TEXT NOT NULL,
    shortcut TEXT NOT NULL DEFAULT '',
    points   REAL NOT NULL DEFAULT 0,
    colour   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (scale_id, code)
) WITHOUT ROWID;

CREATE TABLE frameworks (
    id        TEXT PRIMARY KEY NOT NULL,
    school_id TEXT NOT NULL REFERENCES schools (id),
    name      TEXT NOT NULL,
    subject   TEXT NOT NULL DEFAULT '',
    scale_id  TEXT NOT NULL REFERENCES scales (id)
);

CREATE TABLE objectives (
    id           TEXT PRIMARY KEY NOT NULL,
    school_id    TEXT NOT NULL,
    framework_id TEXT NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    code         TEXT NOT NULL,
    statement    TEXT NOT NULL
);
CREATE INDEX objectives_by_framework ON objectives (framework_id, position);

CREATE TABLE terms (
    id            TEXT PRIMARY KEY NOT NULL,
    school_id     TEXT NOT NULL REFERENCES schools (id),
    name          TEXT NOT NULL,
    academic_year TEXT NOT NULL,
    position      INTEGER NOT NULL,
    locked        INTEGER NOT NULL DEFAULT 0
);

-- One row per cell. server_version is the version the server last confirmed (0: never).
CREATE TABLE marks (
    school_id      TEXT NOT NULL,
    pupil_id       TEXT NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,
    term_id        TEXT NOT NULL REFERENCES terms (id),
    objective_id   TEXT NOT NULL REFERENCES objectives (id),
    value          TEXT,
    note           TEXT NOT NULL DEFAULT '',
    author_id      TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    server_version INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (pupil_id, term_id, objective_id)
) WITHOUT ROWID;

-- Local edits waiting for the server. An entry is deleted only once its result is held.
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id        TEXT NOT NULL UNIQUE,
    school_id    TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('mark')),
    pupil_id     TEXT NOT NULL,
    term_id      TEXT NOT NULL,
    objective_id TEXT NOT NULL,
    value        TEXT,
    note         TEXT NOT NULL DEFAULT '',
    base_version INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX outbox_by_cell ON outbox (pupil_id, term_id, objective_id);

-- Cursor, epoch, device id, tokens: small named values that sync keeps.
CREATE TABLE sync_state (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE legal_documents (
    kind           TEXT NOT NULL CHECK (kind IN ('data_processing_terms', 'terms_and_conditions',
                                                 'privacy_policy', 'cookie_policy')),
    version        TEXT NOT NULL,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    audience       TEXT NOT NULL,
    summary        TEXT NOT NULL DEFAULT '',
    published_at   TEXT NOT NULL,
    PRIMARY KEY (kind, version)
) WITHOUT ROWID;

-- Append-only; each row holds the hash of the one before it, so an edit or deletion shows.
CREATE TABLE acceptances (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    id                 TEXT NOT NULL UNIQUE,
    school_id          TEXT NOT NULL,
    user_id            TEXT NOT NULL,
    kind               TEXT NOT NULL,
    version            TEXT NOT NULL,
    sha256             TEXT NOT NULL,
    accepted_at        TEXT NOT NULL,
    device_id          TEXT NOT NULL,
    app_version        TEXT NOT NULL,
    signatory_name     TEXT,
    signatory_position TEXT,
    prev_hash          TEXT NOT NULL,
    row_hash           TEXT NOT NULL,
    synced             INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit_events (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id TEXT NOT NULL,
    actor_id  TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    at        TEXT NOT NULL
);
CREATE INDEX audit_events_by_entity ON audit_events (entity, entity_id);

CREATE TRIGGER acceptances_no_update BEFORE UPDATE OF id, school_id, user_id, kind, version, sha256,
    accepted_at, device_id, app_version, signatory_name, signatory_position, prev_hash, row_hash
    ON acceptances
BEGIN
    SELECT RAISE(ABORT, 'acceptances are append-only');
END;
CREATE TRIGGER acceptances_no_delete BEFORE DELETE ON acceptances
BEGIN
    SELECT RAISE(ABORT, 'acceptances are append-only');
END;
)sql"},
    {2, "sync engine: conflicts, rejections, staff names", R"sql(
-- A local edit that lost the server's compare-and-set, kept until the teacher chooses. One per
-- cell: a later losing edit of the same cell replaces the local side. Server times are the
-- server's milliseconds; local times are ISO text like the rest of this store.
CREATE TABLE conflicts (
    id               TEXT PRIMARY KEY NOT NULL,
    school_id        TEXT NOT NULL,
    pupil_id         TEXT NOT NULL,
    term_id          TEXT NOT NULL,
    objective_id     TEXT NOT NULL,
    op_id            TEXT NOT NULL,
    local_value      TEXT,
    local_note       TEXT NOT NULL DEFAULT '',
    local_author_id  TEXT NOT NULL,
    local_time       TEXT NOT NULL,
    base_version     INTEGER NOT NULL,
    server_value     TEXT,
    server_note      TEXT NOT NULL DEFAULT '',
    server_author_id TEXT NOT NULL,
    server_time      INTEGER NOT NULL,
    server_version   INTEGER NOT NULL,
    detected_at      TEXT NOT NULL,
    UNIQUE (pupil_id, term_id, objective_id)
);

-- Ops the server refused (permission, locked term, erased pupil, validation): shown, never
-- silently dropped.
CREATE TABLE rejections (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id        TEXT NOT NULL UNIQUE,
    school_id    TEXT NOT NULL,
    pupil_id     TEXT NOT NULL,
    term_id      TEXT NOT NULL,
    objective_id TEXT NOT NULL,
    value        TEXT,
    note         TEXT NOT NULL DEFAULT '',
    base_version INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    reason       TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT '',
    rejected_at  TEXT NOT NULL
);
CREATE INDEX rejections_by_pupil ON rejections (pupil_id);

-- Display names of the staff who wrote marks, as pull sends them (id and name only; the
-- staff table holds whole accounts and needs a username and role).
CREATE TABLE staff_names (
    id           TEXT PRIMARY KEY NOT NULL,
    school_id    TEXT NOT NULL,
    display_name TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
    {3, "term lock requests", R"sql(
-- A data manager's lock or unlock of a term, made on this PC and waiting for sync to carry it
-- to the server. One per term: the latest wish. terms.locked shows it here at once.
CREATE TABLE term_lock_requests (
    term_id      TEXT PRIMARY KEY NOT NULL REFERENCES terms (id),
    school_id    TEXT NOT NULL,
    locked       INTEGER NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
};

}  // namespace

std::span<const Migration> storeMigrations()
{
    return kMigrations;
}

Result<int> schemaVersion(Database &db)
{
    auto version = db.scalar("PRAGMA user_version");
    if (!version)
        return version.error();
    return version->toInt();
}

Status migrate(Database &db, std::span<const Migration> migrations)
{
    auto current = schemaVersion(db);
    if (!current)
        return current.error();
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    if (current.value() > latest)
        return Error{
            ErrorCode::NewerVersion,
            QStringLiteral("schema version %1 is newer than this OTrack knows (%2)").arg(current.value()).arg(latest)};
    for (const Migration &step : migrations) {
        if (step.version <= current.value())
            continue;
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        // user_version is part of the database header, so it commits with the step.
        const std::string sql = std::string(step.sql) + "\nPRAGMA user_version = " + std::to_string(step.version) + ";";
        if (auto applied = db.exec(sql); !applied)
            return Error{applied.error().code,
                         QStringLiteral("migration %1 (%2) failed: %3")
                             .arg(step.version)
                             .arg(QLatin1String(step.description), applied.error().message)};
        if (auto committed = tx.value()->commit(); !committed)
            return committed;
        qCInfo(lcStore) << "store schema migrated to version" << step.version;
    }
    return {};
}

}  // namespace otrack
