#pragma once

#include "database.h"
#include "model.h"
#include "result.h"

#include <QList>
#include <QString>

#include <optional>

namespace otrack {

// A teacher's judgement for one cell: a scale value code, or none to clear the cell.
struct MarkEdit {
    MarkKey key;
    std::optional<QString> value;
    QString note;
};

// A local edit waiting to be pushed (docs/storage.md, Outbox).
struct OutboxEntry {
    qint64 seq = 0;
    QString opId;
    MarkKey key;
    std::optional<QString> value;
    QString note;
    qint64 baseVersion = 0;
    QDateTime createdAt;
};

// Marks in the local store. Every edit writes the mark, its outbox entry and an audit event
// in one transaction: after a crash at any instant, either all three are there or none is.
class MarkStore {
public:
    MarkStore(Database &db, QString schoolId, QString actorId);

    // Validates the edit (known pupil, objective and term; term not locked; value on the
    // objective's scale), then records it. Returns the outbox op id.
    Result<QString> record(const MarkEdit &edit);
    // Many edits (paste, fill) in one transaction: all are recorded, or none.
    Result<QList<QString>> recordAll(const QList<MarkEdit> &edits);

    Result<std::optional<Mark>> mark(const MarkKey &key);
    // The cells of one grid: the group's pupils x the framework's objectives, in one term.
    Result<QList<Mark>> grid(const QString &groupId, const QString &frameworkId, const QString &termId);

    Result<qint64> pendingCount();
    Result<QList<OutboxEntry>> pending(int limit);

private:
    Result<QString> recordInTransaction(const MarkEdit &edit, const QString &now);
    Status validate(const MarkEdit &edit);

    Database &m_db;
    QString m_schoolId;
    QString m_actorId;
};

}  // namespace otrack
