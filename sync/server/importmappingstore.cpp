#include "importmappingstore.h"

#include "schooladmin.h"
#include "serverdatabase.h"
#include "writetransaction.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace otrack {

Status ImportMappingStore::save(const QString &schoolId, const QString &name, const ColumnMapping &mapping,
                                const QString &actorId, qint64 nowMs)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100)
        return Error{ErrorCode::InvalidArgument, u"a mapping's name must be 1 to 100 characters"_s};
    const QString json = QString::fromUtf8(QJsonDocument(mapping.toJson()).toJson(QJsonDocument::Compact));
    WriteTransaction transaction(m_db);
    if (Status s = transaction.begin(u"saving a column mapping"_s); !s)
        return s;
    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"SELECT 1 FROM schools WHERE id = ?"_s, {schoolId}, u"finding the school"_s); !s)
        return s;
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    if (Status s = execSql(query, u"DELETE FROM import_mappings WHERE school_id = ? AND name = ?"_s,
                           {schoolId, trimmed}, u"replacing a column mapping"_s);
        !s)
        return s;
    if (Status s = execSql(query,
                           u"INSERT INTO import_mappings (school_id, name, mapping, updated_by, updated_at) "
                           u"VALUES (?, ?, ?, ?, ?)"_s,
                           {schoolId, trimmed, json, actorId, nowMs}, u"saving a column mapping"_s);
        !s)
        return s;
    if (Status s = SchoolAdmin::audit(m_db, schoolId, actorId, u"save_import_mapping"_s, u"school"_s, schoolId,
                                      u"name="_s + trimmed);
        !s)
        return s;
    return transaction.commit();
}

Result<ColumnMapping> ImportMappingStore::load(const QString &schoolId, const QString &name)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"SELECT mapping FROM import_mappings WHERE school_id = ? AND name = ?"_s,
                           {schoolId, name.trimmed()}, u"reading a column mapping"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"the school has no saved column mapping called '%1'"_s.arg(name)};
    const QJsonDocument document = QJsonDocument::fromJson(query.value(0).toString().toUtf8());
    return ColumnMapping::fromJson(document.object());
}

Result<QStringList> ImportMappingStore::names(const QString &schoolId)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"SELECT name FROM import_mappings WHERE school_id = ? ORDER BY name"_s, {schoolId},
                           u"listing column mappings"_s);
        !s)
        return s.error();
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

}  // namespace otrack
