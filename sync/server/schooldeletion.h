#pragma once

#include "result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace otrack {

// Who asked for a school's data to be deleted, and what they were given first.
struct DeletionRequest {
    QString schoolId;
    QString requestedBy;  // the school's person who asked, e.g. "J Smith, headteacher"
    QString carriedOutBy;  // the operator who ran it
    QString exportSha256;  // the archive handed to the school before (SchoolExport)
    QString exportFile;
};

// The end of a contract (UK GDPR Art. 28(3)(g); docs/data.md, End of contract): every row of
// the school's data is deleted from the server in one transaction, the school's own row last,
// and a certificate of deletion is kept and returned: the school (id, name, URN), when, at
// whose request and by whom, the export given, and how many rows of each table went. It holds
// no personal data of pupils. On SQLite, with secure_delete on, the WAL is checkpointed and
// truncated afterwards so the deleted pages leave the files too.
class SchoolDeletion {
public:
    explicit SchoolDeletion(QSqlDatabase db) : m_db(std::move(db)) { }

    // NotFound for an unknown school; InvalidArgument without requestedBy or an export hash.
    Result<QJsonObject> deleteSchool(const DeletionRequest &request, qint64 nowMs);

private:
    QSqlDatabase m_db;
};

}  // namespace otrack
