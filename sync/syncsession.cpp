#include "syncsession.h"

#include <QHash>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

const QString kDeviceId = u"device_id"_s;
const QString kSchoolId = u"school_id"_s;
const QString kSchoolName = u"school_name"_s;
const QString kUserId = u"user_id"_s;
const QString kUsername = u"username"_s;
const QString kRole = u"role"_s;
const QString kAccessToken = u"access_token"_s;
const QString kAccessExpiresAt = u"access_expires_at"_s;
const QString kRefreshToken = u"refresh_token"_s;
const QString kRefreshExpiresAt = u"refresh_expires_at"_s;
const QString kEpoch = u"epoch"_s;
const QString kCursor = u"cursor"_s;
const QString kInitialSyncDone = u"initial_sync_done"_s;
const QString kLastSyncedAt = u"last_synced_at"_s;

Status writeValues(Database &db, const QList<std::pair<QString, std::optional<QString>>> &values)
{
    // No UPSERT on SQLite 3.15; the table has no dependants, so delete-then-insert is safe.
    for (const auto &[name, value] : values) {
        auto remove = db.prepare("DELETE FROM sync_state WHERE name = ?1");
        if (!remove)
            return remove.error();
        if (auto removed = remove->bind(1, name).run(); !removed)
            return removed;
        if (!value)
            continue;
        auto insert = db.prepare("INSERT INTO sync_state (name, value) VALUES (?1, ?2)");
        if (!insert)
            return insert.error();
        if (auto inserted = insert->bind(1, name).bind(2, *value).run(); !inserted)
            return inserted;
    }
    return {};
}

}  // namespace

Result<SyncSession> SyncSession::load(Database &db)
{
    auto q = db.prepare("SELECT name, value FROM sync_state");
    if (!q)
        return q.error();
    QHash<QString, QString> values;
    if (auto read = q->forEach([&](const Query &row) { values.insert(row.text(0), row.text(1)); }); !read)
        return read.error();

    SyncSession session;
    session.deviceId = values.value(kDeviceId);
    session.schoolId = values.value(kSchoolId);
    session.schoolName = values.value(kSchoolName);
    session.userId = values.value(kUserId);
    session.username = values.value(kUsername);
    session.role = values.value(kRole);
    session.accessToken = values.value(kAccessToken);
    session.accessExpiresAt = values.value(kAccessExpiresAt).toLongLong();
    session.refreshToken = values.value(kRefreshToken);
    session.refreshExpiresAt = values.value(kRefreshExpiresAt).toLongLong();
    if (values.contains(kEpoch))
        session.epoch = values.value(kEpoch).toLongLong();
    session.cursor = values.value(kCursor).toLongLong();
    session.initialSyncDone = values.value(kInitialSyncDone) == u"1"_s;
    if (values.contains(kLastSyncedAt))
        session.lastSyncedAt = QDateTime::fromString(values.value(kLastSyncedAt), Qt::ISODateWithMs);

    if (session.deviceId.isEmpty()) {
        session.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (auto saved = session.save(db); !saved)
            return saved.error();
    }
    return session;
}

Status SyncSession::save(Database &db) const
{
    const auto text = [](const QString &value) {
        return std::optional<QString>(value);
    };
    const QList<std::pair<QString, std::optional<QString>>> values{
        {kDeviceId, text(deviceId)},
        {kSchoolId, text(schoolId)},
        {kSchoolName, text(schoolName)},
        {kUserId, text(userId)},
        {kUsername, text(username)},
        {kRole, text(role)},
        {kAccessToken, text(accessToken)},
        {kAccessExpiresAt, text(QString::number(accessExpiresAt))},
        {kRefreshToken, text(refreshToken)},
        {kRefreshExpiresAt, text(QString::number(refreshExpiresAt))},
        {kCursor, text(QString::number(cursor))},
        {kInitialSyncDone, text(initialSyncDone ? u"1"_s : u"0"_s)},
        {kEpoch, epoch ? text(QString::number(*epoch)) : std::nullopt},
        {kLastSyncedAt, lastSyncedAt.isValid() ? text(lastSyncedAt.toUTC().toString(Qt::ISODateWithMs)) : std::nullopt},
    };
    // One savepoint: the values change together, and outside the caller's transaction they
    // are one commit (one fsync), not one per statement. Nested in a transaction, it is part
    // of it.
    if (auto begun = db.exec("SAVEPOINT sync_session"); !begun)
        return begun;
    const Status written = writeValues(db, values);
    if (!written) {
        static_cast<void>(db.exec("ROLLBACK TO sync_session"));
        static_cast<void>(db.exec("RELEASE sync_session"));
        return written;
    }
    return db.exec("RELEASE sync_session");
}

void SyncSession::clearTokens()
{
    accessToken.clear();
    accessExpiresAt = 0;
    refreshToken.clear();
    refreshExpiresAt = 0;
}

}  // namespace otrack
