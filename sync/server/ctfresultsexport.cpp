#include "ctfresultsexport.h"

#include "serverdatabase.h"
#include "statutoryresults.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace otrack {

Result<int> CtfResultsExport::write(const QString &schoolId, const CtfHeader &header, const QString &stage,
                                    QIODevice *out)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(query, u"SELECT name FROM schools WHERE id = ?"_s, {schoolId}, u"finding the school"_s); !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    CtfHeader named = header;
    if (named.schoolName.isEmpty())
        named.schoolName = query.value(0).toString();

    if (Status s = execSql(query,
                           u"SELECT p.id, p.upn, p.legal_surname, p.legal_forename, p.date_of_birth, p.gender, o.code, "
                           u"t.academic_year, m.value, m.note FROM marks m "
                           u"JOIN pupils p ON p.id = m.pupil_id JOIN objectives o ON o.id = m.objective_id "
                           u"JOIN frameworks f ON f.id = o.framework_id JOIN terms t ON t.id = m.term_id "
                           u"WHERE m.school_id = ? AND f.school_id = ? AND f.name = ? AND m.value IS NOT NULL "
                           u"AND p.left_date IS NULL ORDER BY p.upn, p.id, t.academic_year, o.position"_s,
                           {schoolId, schoolId, statutory::frameworkName()}, u"reading statutory results"_s);
        !s)
        return s.error();
    QList<CtfPupil> pupils;
    QString current;
    while (query.next()) {
        const StatutoryResult result = statutory::fromMark(query.value(6).toString(), query.value(7).toString(),
                                                           query.value(8).toString(), query.value(9).toString());
        if (!stage.isEmpty() && result.stage != stage)
            continue;
        if (query.value(0).toString() != current) {
            current = query.value(0).toString();
            pupils.append(CtfPupil{query.value(1).toString(),
                                   query.value(2).toString(),
                                   query.value(3).toString(),
                                   QDate::fromString(query.value(4).toString(), Qt::ISODate),
                                   query.value(5).toString(),
                                   {}});
        }
        pupils.last().results.append(result);
    }
    if (Status s = CtfWriter::write(out, named, pupils); !s)
        return s.error();
    return int(pupils.size());
}

}  // namespace otrack
