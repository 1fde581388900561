#pragma once

#include "columnmapping.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace otrack {

// A school's saved CSV column mappings (core/import/columnmapping.h), by name, so that the next
// export from the same MIS imports without mapping its columns again.
class ImportMappingStore {
public:
    explicit ImportMappingStore(QSqlDatabase db) : m_db(std::move(db)) { }

    // Saves (or replaces) the mapping under `name` (1 to 100 characters) and audits it.
    Status save(const QString &schoolId, const QString &name, const ColumnMapping &mapping, const QString &actorId,
                qint64 nowMs);
    // NotFound when the school has no mapping of that name.
    Result<ColumnMapping> load(const QString &schoolId, const QString &name);
    Result<QStringList> names(const QString &schoolId);

private:
    QSqlDatabase m_db;
};

}  // namespace otrack
