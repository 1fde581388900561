#pragma once

#include "database.h"
#include "markgrid.h"
#include "result.h"

#include <QString>

namespace otrack {

// Reads one marking grid from the store: the group's pupils on roll, the framework with its
// objectives and scale, the term, and the group's marks for them. A 35 x 60 grid in a store
// of a million marks reads in a few milliseconds (store_bench, ui_bench).
class GridReader {
public:
    GridReader(Database &db, QString schoolId);

    Result<MarkGrid> read(const QString &groupId, const QString &frameworkId, const QString &termId);

private:
    Database &m_db;
    QString m_schoolId;
};

}  // namespace otrack
