#include "gridreader.h"

#include "markstore.h"
#include "rosterstore.h"

#include <algorithm>

namespace otrack {

GridReader::GridReader(Database &db, QString schoolId) : m_db(db), m_schoolId(std::move(schoolId))
{
}

Result<MarkGrid> GridReader::read(const QString &groupId, const QString &frameworkId, const QString &termId)
{
    RosterStore roster(m_db, m_schoolId);
    auto pupils = roster.pupilsInGroup(groupId);
    if (!pupils)
        return pupils.error();
    auto framework = roster.framework(frameworkId);
    if (!framework)
        return framework.error();
    auto scale = roster.scale(framework->scaleId);
    if (!scale)
        return scale.error();
    auto terms = roster.terms();
    if (!terms)
        return terms.error();
    const auto term = std::find_if(terms->cbegin(), terms->cend(), [&](const Term &t) { return t.id == termId; });
    if (term == terms->cend())
        return Error{ErrorCode::NotFound, QStringLiteral("no such term")};
    // Reading marks only: the actor is never used.
    auto marks = MarkStore(m_db, m_schoolId, QString()).grid(groupId, frameworkId, termId);
    if (!marks)
        return marks.error();
    return MarkGrid(std::move(pupils.value()), std::move(framework.value()), std::move(scale.value()), *term,
                    marks.value());
}

}  // namespace otrack
