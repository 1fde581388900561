#include "columnmapping.h"

#include "enumnames.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

constexpr EnumNames<ImportField, 15> kFieldNames{{
    {ImportField::Upn, u"upn"},
    {ImportField::LegalSurname, u"legal_surname"},
    {ImportField::LegalForename, u"legal_forename"},
    {ImportField::PreferredSurname, u"preferred_surname"},
    {ImportField::PreferredForename, u"preferred_forename"},
    {ImportField::DateOfBirth, u"date_of_birth"},
    {ImportField::Gender, u"gender"},
    {ImportField::YearGroup, u"year_group"},
    {ImportField::PupilPremium, u"pupil_premium"},
    {ImportField::FreeSchoolMeals, u"free_school_meals"},
    {ImportField::SenStatus, u"sen_status"},
    {ImportField::Eal, u"eal"},
    {ImportField::LookedAfter, u"looked_after"},
    {ImportField::OnRollDate, u"on_roll_date"},
    {ImportField::ClassGroup, u"class"},
}};

// Header names seen in MIS exports, lower case, most specific first.
struct Guess {
    ImportField field;
    std::initializer_list<const char16_t *> names;
};
const Guess kGuesses[] = {
    {ImportField::Upn, {u"upn", u"unique pupil number"}},
    {ImportField::LegalSurname, {u"legal surname", u"surname", u"last name", u"family name"}},
    {ImportField::LegalForename, {u"legal forename", u"forename", u"first name", u"given name"}},
    {ImportField::PreferredSurname, {u"preferred surname"}},
    {ImportField::PreferredForename, {u"preferred forename", u"preferred name", u"known as"}},
    {ImportField::DateOfBirth, {u"date of birth", u"dob", u"birth date"}},
    {ImportField::Gender, {u"sex", u"gender"}},
    {ImportField::YearGroup, {u"nc year", u"ncyearactual", u"national curriculum year", u"year group", u"year"}},
    {ImportField::PupilPremium, {u"pupil premium", u"pp", u"pupil premium indicator"}},
    {ImportField::FreeSchoolMeals, {u"fsm", u"fsm eligible", u"free school meals"}},
    {ImportField::SenStatus, {u"sen status", u"sen provision", u"sen"}},
    {ImportField::Eal, {u"eal", u"english as an additional language"}},
    {ImportField::LookedAfter, {u"looked after", u"in care", u"cla", u"lac"}},
    {ImportField::OnRollDate, {u"admission date", u"date of admission", u"entry date", u"on roll date"}},
    {ImportField::ClassGroup, {u"reg group", u"registration group", u"form", u"tutor group", u"class"}},
};

void setRecordField(ImportRecord &record, ImportField field, const QString &cell)
{
    switch (field) {
    case ImportField::Upn:
        record.upn = cell.trimmed().toUpper();
        break;
    case ImportField::LegalSurname:
        record.legalSurname = cell;
        break;
    case ImportField::LegalForename:
        record.legalForename = cell;
        break;
    case ImportField::PreferredSurname:
        record.preferredSurname = cell;
        break;
    case ImportField::PreferredForename:
        record.preferredForename = cell;
        break;
    case ImportField::DateOfBirth:
        record.dateOfBirth = cell;
        break;
    case ImportField::Gender:
        record.gender = cell;
        break;
    case ImportField::YearGroup:
        record.yearGroup = cell;
        break;
    case ImportField::PupilPremium:
        record.pupilPremium = cell;
        break;
    case ImportField::FreeSchoolMeals:
        record.freeSchoolMeals = cell;
        break;
    case ImportField::SenStatus:
        record.senStatus = cell;
        break;
    case ImportField::Eal:
        record.eal = cell;
        break;
    case ImportField::LookedAfter:
        record.lookedAfter = cell;
        break;
    case ImportField::OnRollDate:
        record.onRollDate = cell;
        break;
    case ImportField::ClassGroup:
        record.classGroup = cell;
        break;
    }
}

}  // namespace

QString importFieldName(ImportField field)
{
    return enumName(kFieldNames, field);
}

std::optional<ImportField> importFieldFromName(const QString &name)
{
    return enumFromName(kFieldNames, name);
}

QList<ImportField> ColumnMapping::allFields()
{
    QList<ImportField> fields;
    for (const auto &[field, name] : kFieldNames)
        fields.append(field);
    return fields;
}

QList<ImportField> ColumnMapping::requiredFields()
{
    return {ImportField::Upn, ImportField::LegalSurname, ImportField::LegalForename};
}

void ColumnMapping::setColumn(ImportField field, const QString &header)
{
    if (header.trimmed().isEmpty())
        m_columns.remove(field);
    else
        m_columns.insert(field, header.trimmed());
}

ColumnMapping ColumnMapping::suggest(const QStringList &header)
{
    ColumnMapping mapping;
    QSet<int> taken;
    for (const Guess &guess : kGuesses) {
        for (const char16_t *name : guess.names) {
            int found = -1;
            for (int i = 0; i < header.size() && found < 0; ++i)
                if (!taken.contains(i) && header.at(i).trimmed().toLower() == QStringView(name))
                    found = i;
            if (found >= 0) {
                mapping.setColumn(guess.field, header.at(found));
                taken.insert(found);
                break;
            }
        }
    }
    return mapping;
}

QJsonObject ColumnMapping::toJson() const
{
    QJsonObject columns;
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it)
        columns.insert(importFieldName(it.key()), it.value());
    return QJsonObject{{u"version"_s, 1}, {u"date_format"_s, m_dateFormat}, {u"columns"_s, columns}};
}

Result<ColumnMapping> ColumnMapping::fromJson(const QJsonObject &json)
{
    if (json.value(u"version"_s).toInt() != 1)
        return Error{ErrorCode::InvalidArgument, u"a column mapping needs \"version\": 1"_s};
    ColumnMapping mapping;
    if (json.contains(u"date_format"_s)) {
        const QString format = json.value(u"date_format"_s).toString().trimmed();
        if (format.isEmpty() || !format.contains(u"yy"_s) || !format.contains(u'M') || !format.contains(u'd'))
            return Error{ErrorCode::InvalidArgument,
                         u"date_format '%1' needs a day (d), a month (M) and a year (yy or yyyy)"_s.arg(format)};
        mapping.m_dateFormat = format;
    }
    const QJsonValue columnsValue = json.value(u"columns"_s);
    if (!columnsValue.isObject())
        return Error{ErrorCode::InvalidArgument, u"a column mapping needs \"columns\": {field: column header}"_s};
    const QJsonObject columns = columnsValue.toObject();
    QSet<QString> used;
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        const auto field = importFieldFromName(it.key());
        if (!field)
            return Error{ErrorCode::InvalidArgument, u"unknown field '%1' in the column mapping"_s.arg(it.key())};
        if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
            return Error{ErrorCode::InvalidArgument, u"field '%1' needs a column header"_s.arg(it.key())};
        const QString header = it.value().toString().trimmed();
        if (used.contains(header.toLower()))
            return Error{ErrorCode::InvalidArgument, u"column '%1' is mapped to more than one field"_s.arg(header)};
        used.insert(header.toLower());
        mapping.setColumn(*field, header);
    }
    for (ImportField field : requiredFields())
        if (!mapping.isMapped(field))
            return Error{ErrorCode::InvalidArgument,
                         u"the column mapping must name a column for '%1'"_s.arg(importFieldName(field))};
    return mapping;
}

Result<ColumnMapping> ColumnMapping::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, u"cannot read %1: %2"_s.arg(path, file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error{ErrorCode::InvalidArgument, u"%1 is not a JSON object: %2"_s.arg(path, parseError.errorString())};
    return fromJson(document.object());
}

Status ColumnMapping::checkColumns(const CsvTable &table) const
{
    for (ImportField field : requiredFields())
        if (!isMapped(field))
            return Error{ErrorCode::InvalidArgument,
                         u"the column mapping must name a column for '%1'"_s.arg(importFieldName(field))};
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it)
        if (table.column(it.value()) < 0)
            return Error{
                ErrorCode::InvalidArgument,
                u"the mapping reads '%1' from a column '%2', which the file does not have (its columns: %3)"_s.arg(
                    importFieldName(it.key()), it.value(), table.header.join(u", "_s))};
    return {};
}

Result<SourceRecords> ColumnMapping::apply(const CsvTable &table) const
{
    if (Status s = checkColumns(table); !s)
        return s.error();
    SourceRecords read;
    read.source.format = u"csv"_s;
    read.source.dateFormats = {m_dateFormat};
    if (m_dateFormat != u"yyyy-MM-dd"_s)
        read.source.dateFormats.append(u"yyyy-MM-dd"_s);
    QList<std::pair<ImportField, int>> columns;
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it)
        columns.append({it.key(), table.column(it.value())});
    const int upnColumn = table.column(column(ImportField::Upn));
    for (const CsvTable::Row &row : table.rows) {
        const int ordinal = ++read.recordCount;
        if (row.cells.size() != table.header.size()) {
            const QString upn = upnColumn < row.cells.size() ? row.cells.at(upnColumn).trimmed().toUpper() : QString();
            read.problems.append(ImportProblem{
                row.line, ordinal, upn, ProblemKind::BadRow, QString(),
                u"the row has %1 cells; the header has %2 columns (a missing or extra comma?)"_s.arg(row.cells.size())
                    .arg(table.header.size())});
            continue;
        }
        ImportRecord record;
        record.line = row.line;
        record.ordinal = ordinal;
        for (const auto &[field, index] : columns)
            setRecordField(record, field, row.cells.at(index));
        read.records.append(std::move(record));
    }
    return read;
}

Result<QList<QStringList>> ColumnMapping::preview(const CsvTable &table, int rows) const
{
    if (Status s = checkColumns(table); !s)
        return s.error();
    QList<QStringList> out;
    QStringList names;
    QList<int> indexes;
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
        names << importFieldName(it.key());
        indexes << table.column(it.value());
    }
    out.append(names);
    for (int r = 0; r < rows && r < table.rows.size(); ++r) {
        QStringList cells;
        for (int index : indexes)
            cells << table.rows.at(r).cells.value(index);
        out.append(cells);
    }
    return out;
}

}  // namespace otrack
