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

// One recorded edit, as undo needs it: the op it queued and the cell as it was before (no
// value when the cell had no row).
struct RecordedEdit {
    QString opId;
    MarkKey key;
    std::optional<Mark> before;
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

    // recordAll, also returning what undo needs.
    Result<QList<RecordedEdit>> recordForUndo(const QList<MarkEdit> &edits);
    // Takes back recorded edits, all or none. An edit still queued and the last of its cell
    // never reaches the server: its outbox entry is deleted and the cell is put back as it
    // was, so store and outbox are as before the edit. An edit that has been pushed (or was
    // followed by another edit of its cell) is taken back by a new edit to the old value,
    // queued like any other. Refused (Locked) when the term is locked. Returns the ops it
    // queued.
    Result<QList<QString>> undo(const QList<RecordedEdit> &edits);

    Result<std::optional<Mark>> mark(const MarkKey &key);
    // One pupil's marks in one framework, in every term.
    Result<QList<Mark>> pupilMarks(const QString &pupilId, const QString &frameworkId);
    // The cells of one grid: the group's pupils x the framework's objectives, in one term.
    Result<QList<Mark>> grid(const QString &groupId, const QString &frameworkId, const QString &termId);

    Result<qint64> pendingCount();
    Result<QList<OutboxEntry>> pending(int limit);

private:
    Result<RecordedEdit> recordInTransaction(const MarkEdit &edit, const QString &now);
    Status undoInTransaction(const RecordedEdit &edit, const QString &now, QList<QString> &queued);
    Status audit(const MarkKey &key, const char16_t *action, const std::optional<Mark> &before,
                 const std::optional<Mark> &after, const QString &now);
    Status validate(const MarkEdit &edit);

    Database &m_db;
    QString m_schoolId;
    QString m_actorId;
};

}  // namespace otrack
