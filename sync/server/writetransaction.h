#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

namespace otrack {

// A write transaction that rolls back unless committed. On SQLite it starts with
// BEGIN IMMEDIATE: QSQLITE's transaction() is DEFERRED, so two writers could both read and
// then fail to upgrade to the write lock ("database is locked") half-way through.
class WriteTransaction {
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    // `what` names the work in error messages ("starting <what>").
    Status begin(const QString &what);
    Status commit();

private:
    QSqlDatabase m_db;
    QString m_what;
    bool m_open = false;
};

}  // namespace otrack
