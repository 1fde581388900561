#include "importplan.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace otrack {

int ImportPlan::invalidRecordCount() const
{
    QSet<int> records;
    for (const ImportProblem &problem : problems)
        records.insert(problem.ordinal);
    return int(records.size());
}

Status ImportPlan::checkApplicable(ImportMode mode, bool fullRoll) const
{
    if (mode == ImportMode::AllOrNothing && !problems.isEmpty())
        return Error{ErrorCode::InvalidArgument,
                     u"%1 of %2 records have problems: nothing was imported. Fix them in the MIS and export again, "
                     u"or import only the valid records"_s.arg(invalidRecordCount())
                         .arg(recordCount)};
    if (fullRoll && source.format == u"ctf"_s
        && source.documentQualifier.compare(u"partial"_s, Qt::CaseInsensitive) == 0)
        return Error{ErrorCode::InvalidArgument,
                     u"this CTF says it is partial (a few pupils, not the school's roll): importing it as the full "
                     u"roll would mark everyone else as left. Import it without marking leavers"_s};
    if (fullRoll && recordsWithoutUsableUpn > 0)
        return Error{ErrorCode::InvalidArgument,
                     u"%1 records have no usable UPN, so a full-roll import cannot tell who has left: nothing was "
                     u"imported. Fix them, or import without marking leavers"_s.arg(recordsWithoutUsableUpn)};
    if (pupils.isEmpty())
        return Error{ErrorCode::InvalidArgument, u"the file has no valid pupil records: nothing was imported"_s};
    return {};
}

QJsonObject ImportPlan::toJson() const
{
    QJsonArray problemList;
    for (const ImportProblem &problem : problems)
        problemList.append(QJsonObject{{u"line"_s, problem.line},
                                       {u"record"_s, problem.ordinal},
                                       {u"upn"_s, problem.upn},
                                       {u"kind"_s, problemKindName(problem.kind)},
                                       {u"field"_s, problem.field},
                                       {u"message"_s, problem.message}});
    qint64 results = 0;
    for (const ImportedPupil &pupil : pupils)
        results += pupil.results.size();
    QJsonObject sourceJson{{u"format"_s, source.format}};
    const std::pair<const char16_t *, QString> headerFields[] = {
        {u"version", source.version},
        {u"document_qualifier", source.documentQualifier},
        {u"source_school", source.sourceSchoolName},
        {u"source_lea", source.sourceLea},
        {u"source_estab", source.sourceEstab},
        {u"academic_year", source.academicYear},
        {u"created_at", source.createdAt},
    };
    for (const auto &[key, value] : headerFields)
        if (!value.isEmpty())
            sourceJson.insert(QString::fromUtf16(key), value);
    return QJsonObject{{u"source"_s, sourceJson},           {u"records"_s, recordCount},
                       {u"valid_records"_s, pupils.size()}, {u"invalid_records"_s, invalidRecordCount()},
                       {u"statutory_results"_s, results},   {u"problems"_s, problemList}};
}

}  // namespace otrack
