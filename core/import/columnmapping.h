#pragma once

#include "csvtable.h"
#include "importrecord.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace otrack {

// The pupil fields a CSV column can fill. Stable names (importFieldName) in saved mappings.
enum class ImportField {
    Upn,
    LegalSurname,
    LegalForename,
    PreferredSurname,
    PreferredForename,
    DateOfBirth,
    Gender,
    YearGroup,
    PupilPremium,
    FreeSchoolMeals,
    SenStatus,
    Eal,
    LookedAfter,
    OnRollDate,
    ClassGroup,  // the registration class ("Reg Group", "Form")
};

QString importFieldName(ImportField field);
std::optional<ImportField> importFieldFromName(const QString &name);

// Which column of a school's MIS export holds which pupil field, and how it writes dates: the
// data manager sets it once (the app's data-manager view, or a JSON file for the admin CLI)
// and the server keeps it per school. UPN, legal surname and legal forename must be mapped;
// a field left unmapped is left unchanged by an import.
//
// Saved as {"version": 1, "date_format": "dd/MM/yyyy", "columns": {"upn": "UPN", ...}}.
class ColumnMapping {
public:
    static QList<ImportField> allFields();
    static QList<ImportField> requiredFields();

    void setColumn(ImportField field, const QString &header);
    QString column(ImportField field) const { return m_columns.value(field); }
    bool isMapped(ImportField field) const { return m_columns.contains(field); }

    // A Qt date format; "dd/MM/yyyy" (what UK exports use) unless set. ISO dates
    // (yyyy-MM-dd) are read too.
    QString dateFormat() const { return m_dateFormat; }
    void setDateFormat(const QString &format) { m_dateFormat = format; }

    // A first guess from a header row, by the names MIS exports commonly use ("UPN",
    // "Legal Surname", "DOB", "NC Year", "FSM", ...). The data manager checks it in the preview.
    static ColumnMapping suggest(const QStringList &header);

    QJsonObject toJson() const;
    // InvalidArgument naming the problem: an unknown field, a required field not mapped, two
    // fields on one column, a bad date format.
    static Result<ColumnMapping> fromJson(const QJsonObject &json);
    static Result<ColumnMapping> readFile(const QString &path);

    // Every row as a record. InvalidArgument when the file lacks a column the mapping names
    // (the message lists the file's columns). A row whose cell count differs from the
    // header's is a BadRow problem for that row, not a failure.
    Result<SourceRecords> apply(const CsvTable &table) const;

    // The first `rows` data rows as the mapping reads them: a header row of field names, then
    // each row's mapped cells, for the data manager to check before importing.
    Result<QList<QStringList>> preview(const CsvTable &table, int rows) const;

private:
    Status checkColumns(const CsvTable &table) const;

    QMap<ImportField, QString> m_columns;
    QString m_dateFormat = QStringLiteral("dd/MM/yyyy");
};

}  // namespace otrack
