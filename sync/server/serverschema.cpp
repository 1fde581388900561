#include "serverschema.h"

#include "logging.h"
#include "serverdatabase.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

struct Step {
    int version;
    const char *description;
    std::initializer_list<const char *> statements;
};

// %SERIAL% is the engine's auto-increment primary key. Everything else is common SQL.
// Every table with school data carries school_id, and every query filters by it.
const Step kSteps[] = {
    {1,
     "initial schema",
     {
         // next_seq: the school's change sequence. A writer allocates numbers by updating this
         // row, which also locks it until commit: no number becomes visible after a larger
         // one, so a reader paging by cursor never skips a change (docs/server.md).
         // retention_seq: cursors below it answer 410 (history has been compacted).
         R"(CREATE TABLE schools (
             id            TEXT PRIMARY KEY,
             name          TEXT NOT NULL,
             urn           TEXT NOT NULL DEFAULT '',
             status        TEXT NOT NULL CHECK (status IN ('awaiting_terms', 'active', 'suspended')),
             next_seq      BIGINT NOT NULL DEFAULT 1,
             retention_seq BIGINT NOT NULL DEFAULT 0,
             created_at    BIGINT NOT NULL))",
         R"(CREATE UNIQUE INDEX schools_by_name ON schools (name))",

         // password_hash: "scrypt$N$r$p$salt$hash" (base64). epoch: bumped when the user's
         // scope shrinks, so their client re-syncs and drops what it may no longer see.
         R"(CREATE TABLE staff (
             id            TEXT PRIMARY KEY,
             school_id     TEXT NOT NULL REFERENCES schools (id),
             username      TEXT NOT NULL,
             display_name  TEXT NOT NULL,
             role          TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'teacher', 'read_only', 'reports_only')),
             password_hash TEXT NOT NULL,
             epoch         BIGINT NOT NULL DEFAULT 1,
             disabled      INTEGER NOT NULL DEFAULT 0,
             seq           BIGINT NOT NULL DEFAULT 0,
             created_at    BIGINT NOT NULL,
             UNIQUE (school_id, username)))",

         // One row per user per PC. device_key wraps the user's local store key on that PC
         // (base64, 32 bytes); a revoked device is refused and told to wipe its store.
         R"(CREATE TABLE devices (
             school_id    TEXT NOT NULL REFERENCES schools (id),
             user_id      TEXT NOT NULL REFERENCES staff (id),
             device_id    TEXT NOT NULL,
             device_key   TEXT NOT NULL,
             created_at   BIGINT NOT NULL,
             last_seen_at BIGINT NOT NULL,
             revoked_at   BIGINT,
             PRIMARY KEY (user_id, device_id)))",

         // Access and refresh tokens, stored only as SHA-256 hashes.
         R"(CREATE TABLE tokens (
             token_hash TEXT PRIMARY KEY,
             kind       TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
             school_id  TEXT NOT NULL REFERENCES schools (id),
             user_id    TEXT NOT NULL REFERENCES staff (id),
             device_id  TEXT NOT NULL,
             expires_at BIGINT NOT NULL,
             revoked    INTEGER NOT NULL DEFAULT 0))",
         R"(CREATE INDEX tokens_by_user ON tokens (user_id, device_id))",

         // Failed logins, per account ("account:<school>/<username>") and per address
         // ("address:<ip>"), so that every server instance over one database shares the limit.
         R"(CREATE TABLE login_failures (
             id      %SERIAL%,
             subject TEXT NOT NULL,
             at      BIGINT NOT NULL))",
         R"(CREATE INDEX login_failures_by_subject ON login_failures (subject, at))",

         R"(CREATE TABLE pupils (
             id                 TEXT PRIMARY KEY,
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
             left_date          TEXT,
             seq                BIGINT NOT NULL DEFAULT 0))",
         R"(CREATE INDEX pupils_by_school_upn ON pupils (school_id, upn))",
         R"(CREATE INDEX pupils_by_school_seq ON pupils (school_id, seq))",

         R"(CREATE TABLE groups (
             id         TEXT PRIMARY KEY,
             school_id  TEXT NOT NULL REFERENCES schools (id),
             name       TEXT NOT NULL,
             kind       TEXT NOT NULL CHECK (kind IN ('class', 'set', 'intervention')),
             year_group INTEGER NOT NULL DEFAULT 0,
             seq        BIGINT NOT NULL DEFAULT 0))",
         R"(CREATE TABLE group_members (
             school_id TEXT NOT NULL,
             group_id  TEXT NOT NULL REFERENCES groups (id),
             pupil_id  TEXT NOT NULL REFERENCES pupils (id),
             PRIMARY KEY (group_id, pupil_id)))",
         R"(CREATE INDEX group_members_by_pupil ON group_members (pupil_id))",
         // Which groups a teacher teaches: decides which pupils they pull and may mark.
         R"(CREATE TABLE staff_groups (
             school_id TEXT NOT NULL,
             staff_id  TEXT NOT NULL REFERENCES staff (id),
             group_id  TEXT NOT NULL REFERENCES groups (id),
             PRIMARY KEY (staff_id, group_id)))",

         R"(CREATE TABLE scales (
             id        TEXT PRIMARY KEY,
             school_id TEXT NOT NULL REFERENCES schools (id),
             name      TEXT NOT NULL,
             seq       BIGINT NOT NULL DEFAULT 0))",
         R"(CREATE TABLE scale_values (
             scale_id TEXT NOT NULL REFERENCES scales (id),
             position INTEGER NOT NULL,
             code     TEXT NOT NULL,
             label    TEXT NOT NULL,
             shortcut TEXT NOT NULL DEFAULT '',
             points   DOUBLE PRECISION NOT NULL DEFAULT 0,
             colour   TEXT NOT NULL DEFAULT '',
             PRIMARY KEY (scale_id, code)))",
         R"(CREATE TABLE frameworks (
             id        TEXT PRIMARY KEY,
             school_id TEXT NOT NULL REFERENCES schools (id),
             name      TEXT NOT NULL,
             subject   TEXT NOT NULL DEFAULT '',
             scale_id  TEXT NOT NULL REFERENCES scales (id),
             seq       BIGINT NOT NULL DEFAULT 0))",
         R"(CREATE TABLE objectives (
             id           TEXT PRIMARY KEY,
             school_id    TEXT NOT NULL,
             framework_id TEXT NOT NULL REFERENCES frameworks (id),
             position     INTEGER NOT NULL,
             code         TEXT NOT NULL,
             statement    TEXT NOT NULL))",
         R"(CREATE INDEX objectives_by_framework ON objectives (framework_id, position))",
         R"(CREATE TABLE terms (
             id            TEXT PRIMARY KEY,
             school_id     TEXT NOT NULL REFERENCES schools (id),
             name          TEXT NOT NULL,
             academic_year TEXT NOT NULL,
             position      INTEGER NOT NULL,
             locked        INTEGER NOT NULL DEFAULT 0,
             seq           BIGINT NOT NULL DEFAULT 0))",

         // The current value of each cell. version counts the cell's applied writes (the
         // compare-and-set base); seq is the school sequence number of its last change.
         R"(CREATE TABLE marks (
             school_id    TEXT NOT NULL,
             pupil_id     TEXT NOT NULL REFERENCES pupils (id),
             term_id      TEXT NOT NULL REFERENCES terms (id),
             objective_id TEXT NOT NULL REFERENCES objectives (id),
             value        TEXT,
             note         TEXT NOT NULL DEFAULT '',
             author_id    TEXT NOT NULL,
             client_time  BIGINT NOT NULL,
             server_time  BIGINT NOT NULL,
             version      BIGINT NOT NULL,
             seq          BIGINT NOT NULL,
             PRIMARY KEY (pupil_id, term_id, objective_id)))",
         R"(CREATE INDEX marks_by_school_seq ON marks (school_id, seq))",

         // Every write attempt, whatever its outcome: the append-only audit trail of marks.
         R"(CREATE TABLE mark_events (
             id           %SERIAL%,
             school_id    TEXT NOT NULL,
             pupil_id     TEXT NOT NULL,
             term_id      TEXT NOT NULL,
             objective_id TEXT NOT NULL,
             user_id      TEXT NOT NULL,
             device_id    TEXT NOT NULL,
             op_id        TEXT NOT NULL,
             base_version BIGINT NOT NULL,
             old_value    TEXT,
             new_value    TEXT,
             client_time  BIGINT NOT NULL,
             server_time  BIGINT NOT NULL,
             outcome      TEXT NOT NULL CHECK (outcome IN ('applied', 'merged', 'conflict', 'rejected'))))",
         R"(CREATE INDEX mark_events_by_pupil ON mark_events (school_id, pupil_id))",

         // The result of every pushed op, written in the op's own transaction: a retried
         // batch gets the same answers and applies nothing twice.
         R"(CREATE TABLE push_results (
             school_id  TEXT NOT NULL,
             device_id  TEXT NOT NULL,
             op_id      TEXT NOT NULL,
             result     TEXT NOT NULL,
             created_at BIGINT NOT NULL,
             PRIMARY KEY (school_id, device_id, op_id)))",

         // An erased pupil leaves only this: their id, so that clients delete every trace.
         R"(CREATE TABLE purges (
             school_id TEXT NOT NULL,
             seq       BIGINT NOT NULL,
             pupil_id  TEXT NOT NULL,
             PRIMARY KEY (school_id, seq)))",
         R"(CREATE TABLE erased_pupils (
             pupil_id  TEXT PRIMARY KEY,
             school_id TEXT NOT NULL,
             erased_at BIGINT NOT NULL))",

         // Published by the vendor for every school.
         R"(CREATE TABLE legal_documents (
             kind           TEXT NOT NULL CHECK (kind IN ('data_processing_terms', 'terms_and_conditions',
                                                          'privacy_policy', 'cookie_policy')),
             version        TEXT NOT NULL,
             title          TEXT NOT NULL,
             body           TEXT NOT NULL,
             sha256         TEXT NOT NULL,
             effective_date TEXT NOT NULL,
             audience       TEXT NOT NULL,
             summary        TEXT NOT NULL DEFAULT '',
             published_at   BIGINT NOT NULL,
             PRIMARY KEY (kind, version)))",
         R"(CREATE TABLE acceptances (
             id                 TEXT PRIMARY KEY,
             school_id          TEXT NOT NULL REFERENCES schools (id),
             user_id            TEXT NOT NULL,
             kind               TEXT NOT NULL,
             version            TEXT NOT NULL,
             sha256             TEXT NOT NULL,
             accepted_at        BIGINT NOT NULL,
             device_id          TEXT NOT NULL,
             app_version        TEXT NOT NULL,
             signatory_name     TEXT,
             signatory_position TEXT,
             received_at        BIGINT NOT NULL))",
         R"(CREATE INDEX acceptances_by_school ON acceptances (school_id, user_id))",

         R"(CREATE TABLE audit_events (
             id        %SERIAL%,
             school_id TEXT NOT NULL,
             actor_id  TEXT NOT NULL,
             action    TEXT NOT NULL,
             entity    TEXT NOT NULL,
             entity_id TEXT NOT NULL,
             detail    TEXT NOT NULL DEFAULT '',
             at        BIGINT NOT NULL))",
         R"(CREATE INDEX audit_events_by_school ON audit_events (school_id, at))",
     }},
    {2,
     "index audit events by entity",
     {
         // Erasing a pupil clears the detail of every audit event about them (pupileraser.h)
         // without scanning the school's whole audit trail.
         R"(CREATE INDEX audit_events_by_entity ON audit_events (school_id, entity, entity_id))",
     }},
    {3,
     "school data: import mappings, retention rules, deletion certificates",
     {
         // A school's CSV column mappings by name (core/import/columnmapping.h), as JSON.
         R"(CREATE TABLE import_mappings (
             school_id  TEXT NOT NULL REFERENCES schools (id),
             name       TEXT NOT NULL,
             mapping    TEXT NOT NULL,
             updated_by TEXT NOT NULL,
             updated_at BIGINT NOT NULL,
             PRIMARY KEY (school_id, name)))",
         // The school's retention rule (retentionpolicy.h); no row: nothing is deleted by age.
         R"(CREATE TABLE retention_rules (
             school_id TEXT PRIMARY KEY REFERENCES schools (id),
             rule      TEXT NOT NULL CHECK (rule IN ('transfer', 'dob_plus_years', 'years_after_leaving')),
             years     INTEGER NOT NULL DEFAULT 0,
             set_by    TEXT NOT NULL,
             set_at    BIGINT NOT NULL))",
         // What is left of a school whose data was deleted at the end of its contract: the
         // certificate (no personal data), so the vendor can show what went, when and at whose
         // request. No foreign key: the school's row is gone.
         R"(CREATE TABLE deletion_certificates (
             id           TEXT PRIMARY KEY,
             school_id    TEXT NOT NULL,
             school_name  TEXT NOT NULL,
             certificate  TEXT NOT NULL,
             deleted_at   BIGINT NOT NULL))",
     }},
};

QString dialect(const char *sql, DatabaseUrl::Kind kind)
{
    QString text = QString::fromUtf8(sql);
    text.replace(u"%SERIAL%"_s,
                 kind == DatabaseUrl::Kind::Postgresql ? u"BIGSERIAL PRIMARY KEY"_s
                                                       : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
    return text;
}

}  // namespace

int ServerSchema::latestVersion()
{
    return std::end(kSteps)[-1].version;
}

Result<int> ServerSchema::currentVersion(QSqlDatabase db)
{
    if (!db.tables().contains(u"schema_migrations"_s))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s) || !query.next())
        return sqlError(query.lastError(), u"reading the schema version"_s);
    return query.value(0).toInt();
}

Status ServerSchema::migrate(QSqlDatabase db, DatabaseUrl::Kind kind, int upTo)
{
    if (!db.tables().contains(u"schema_migrations"_s)) {
        QSqlQuery create(db);
        if (!create.exec(u"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                         u"applied_at BIGINT NOT NULL)"_s))
            return sqlError(create.lastError(), u"creating schema_migrations"_s);
    }
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    if (current.value() > latestVersion())
        return Error{ErrorCode::NewerVersion,
                     u"the database is at schema %1; this otrack-server knows up to %2"_s.arg(current.value())
                         .arg(latestVersion())};
    for (const Step &step : kSteps) {
        if (step.version <= current.value() || step.version > upTo)
            continue;
        if (!db.transaction())
            return sqlError(db.lastError(), u"starting migration %1"_s.arg(step.version));
        QSqlQuery query(db);
        for (const char *statement : step.statements) {
            if (!query.exec(dialect(statement, kind))) {
                const Error error = sqlError(
                    query.lastError(), u"migration %1 (%2)"_s.arg(step.version).arg(QLatin1String(step.description)));
                db.rollback();
                return error;
            }
        }
        query.prepare(u"INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"_s);
        query.addBindValue(step.version);
        query.addBindValue(QString::fromLatin1(step.description));
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!query.exec()) {
            const Error error = sqlError(query.lastError(), u"recording migration %1"_s.arg(step.version));
            db.rollback();
            return error;
        }
        if (!db.commit())
            return sqlError(db.lastError(), u"committing migration %1"_s.arg(step.version));
        qCInfo(lcServer) << "server schema migrated to version" << step.version;
    }
    return {};
}

}  // namespace otrack
