#pragma once

#include "database.h"
#include "model.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace otrack {

// A cell where the teacher's edit lost to a newer value on the server: both sides, for the
// teacher to choose.
struct MarkConflict {
    QString id;
    MarkKey key;
    QString opId;  // the local op that lost
    std::optional<QString> localValue;
    QString localNote;
    QString localAuthorId;
    QDateTime localTime;
    qint64 baseVersion = 0;  // the version the teacher had seen
    std::optional<QString> serverValue;
    QString serverNote;
    QString serverAuthorId;
    QDateTime serverTime;
    qint64 serverVersion = 0;
};

// An edit the server refused, kept to be shown (docs/protocol.md, rejection reasons).
struct MarkRejection {
    QString opId;
    MarkKey key;
    std::optional<QString> value;
    QString note;
    QString reason;
    QString detail;
    QDateTime rejectedAt;
};

// Conflicts and rejections in the local store, and the teacher's choices. Resolving is local
// and immediate; "keep mine" queues a new op that the next push sends.
class ConflictStore {
public:
    enum class Choice { KeepMine, TakeTheirs };

    ConflictStore(Database &db, QString schoolId, QString actorId);

    Result<QList<MarkConflict>> conflicts();
    Result<qint64> conflictCount();
    Result<QList<MarkRejection>> rejections();

    // KeepMine: the local value goes out again as a new op on the server's version (a
    // compare-and-set again: if the server moved on meanwhile, it is a new conflict).
    // TakeTheirs: the cell takes the server's value; nothing is sent.
    // Either way the conflict is gone and an audit event records the choice. NotFound for an
    // unknown id.
    Status resolve(const QString &conflictId, Choice choice);

private:
    Database &m_db;
    QString m_schoolId;
    QString m_actorId;
};

}  // namespace otrack
