#include "marksexport.h"

#include "csvwriter.h"
#include "serverdatabase.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace otrack {

Result<QString> MarksExport::findTerm(const QString &schoolId, const QString &idOrName, const QString &academicYear)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           u"SELECT id FROM terms WHERE school_id = ? AND (id = ? OR (name = ? AND (? = '' OR "
                           u"academic_year = ?)))"_s,
                           {schoolId, idOrName, idOrName, academicYear, academicYear}, u"finding the term"_s);
        !s)
        return s.error();
    QStringList ids;
    while (query.next())
        ids << query.value(0).toString();
    if (ids.contains(idOrName))
        return idOrName;
    if (ids.isEmpty())
        return Error{ErrorCode::NotFound, u"no such term in this school"_s};
    if (ids.size() > 1)
        return Error{ErrorCode::InvalidArgument,
                     u"there is a term '%1' in more than one academic year: give the year too"_s.arg(idOrName)};
    return ids.front();
}

Result<int> MarksExport::writeCsv(const QString &schoolId, const QString &groupId, const QString &termId,
                                  QIODevice *out)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           u"SELECT (SELECT COUNT(*) FROM groups WHERE id = ? AND school_id = ?), "
                           u"(SELECT COUNT(*) FROM terms WHERE id = ? AND school_id = ?)"_s,
                           {groupId, schoolId, termId, schoolId}, u"checking the group and term"_s);
        !s)
        return s.error();
    if (!query.next() || query.value(0).toInt() != 1)
        return Error{ErrorCode::NotFound, u"no such group in this school"_s};
    if (query.value(1).toInt() != 1)
        return Error{ErrorCode::NotFound, u"no such term in this school"_s};

    // The objectives marked in that term for the group's pupils, in order.
    const QString members = u"SELECT pupil_id FROM group_members WHERE group_id = ? AND school_id = ?"_s;
    if (Status s = execSql(query,
                           u"SELECT DISTINCT o.id, f.name, o.code, o.position FROM marks m "
                           u"JOIN objectives o ON o.id = m.objective_id JOIN frameworks f ON f.id = o.framework_id "
                           u"WHERE m.school_id = ? AND m.term_id = ? AND m.value IS NOT NULL AND m.pupil_id IN ("_s
                               + members + u") ORDER BY f.name, o.position"_s,
                           {schoolId, termId, groupId, schoolId}, u"finding the objectives"_s);
        !s)
        return s.error();
    QStringList header{u"UPN"_s, u"Legal surname"_s, u"Legal forename"_s, u"Preferred forename"_s};
    QHash<QString, int> column;
    while (query.next()) {
        column.insert(query.value(0).toString(), int(header.size()));
        header << query.value(1).toString() + u": "_s + query.value(2).toString();
    }
    CsvWriter writer(out);
    if (Status s = writer.writeRow(header); !s)
        return s.error();

    QHash<QString, QStringList> rows;
    QStringList order;
    if (Status s = execSql(query,
                           u"SELECT p.id, p.upn, p.legal_surname, p.legal_forename, p.preferred_forename FROM pupils p "
                           u"WHERE p.school_id = ? AND p.id IN ("_s
                               + members + u") ORDER BY p.legal_surname, p.legal_forename, p.id"_s,
                           {schoolId, groupId, schoolId}, u"reading the group's pupils"_s);
        !s)
        return s.error();
    while (query.next()) {
        QStringList row{query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
                        query.value(4).toString()};
        while (row.size() < header.size())
            row << QString();
        rows.insert(query.value(0).toString(), row);
        order << query.value(0).toString();
    }
    if (Status s = execSql(query,
                           u"SELECT pupil_id, objective_id, value FROM marks WHERE school_id = ? AND term_id = ? AND "
                           u"value IS NOT NULL AND pupil_id IN ("_s
                               + members + u")"_s,
                           {schoolId, termId, groupId, schoolId}, u"reading the marks"_s);
        !s)
        return s.error();
    while (query.next()) {
        auto row = rows.find(query.value(0).toString());
        const int at = column.value(query.value(1).toString(), -1);
        if (row != rows.end() && at >= 0)
            (*row)[at] = query.value(2).toString();
    }
    for (const QString &pupilId : order)
        if (Status s = writer.writeRow(rows.value(pupilId)); !s)
            return s.error();
    return int(order.size());
}

}  // namespace otrack
