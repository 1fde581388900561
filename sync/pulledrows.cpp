#include "pulledrows.h"

#include "jsondecode.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace otrack::pulled {

namespace {

// Reads fields and keeps the first error, so that each decoder reads like its row.
class Fields {
public:
    explicit Fields(const QJsonObject &object) : m_object(object) { }

    QString text(const QString &field) { return take(protocol::requireString(m_object, field), QString()); }
    QString optionalText(const QString &field)
    {
        return take(protocol::optionalString(m_object, field), std::optional<QString>()).value_or(QString());
    }
    qint64 integer(const QString &field) { return take(protocol::requireInteger(m_object, field), qint64(0)); }
    bool flag(const QString &field) { return take(protocol::requireBool(m_object, field), false); }
    QDate date(const QString &field)
    {
        const QString text = optionalText(field);
        if (text.isEmpty())
            return {};
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            fail(protocol::invalid(u"field '%1': expected a date (YYYY-MM-DD)"_s.arg(field)));
        return date;
    }
    double number(const QString &field)
    {
        const QJsonValue value = m_object.value(field);
        if (!value.isDouble())
            fail(protocol::invalid(u"field '%1': expected a number"_s.arg(field)));
        return value.toDouble();
    }
    QList<QJsonObject> objects(const QString &field)
    {
        const QJsonValue value = m_object.value(field);
        if (!value.isArray()) {
            fail(protocol::invalid(u"field '%1': expected an array"_s.arg(field)));
            return {};
        }
        QList<QJsonObject> list;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject())
                fail(protocol::invalid(u"field '%1[%2]': expected an object"_s.arg(field).arg(i)));
            list.append(array.at(i).toObject());
        }
        return list;
    }
    QList<QString> strings(const QString &field)
    {
        const QJsonValue value = m_object.value(field);
        if (!value.isArray()) {
            fail(protocol::invalid(u"field '%1': expected an array"_s.arg(field)));
            return {};
        }
        QList<QString> list;
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString())
                fail(protocol::invalid(u"field '%1': expected strings"_s.arg(field)));
            list.append(item.toString());
        }
        return list;
    }

    void fail(const Error &error)
    {
        if (!m_error)
            m_error = error;
    }
    // The error of a nested object, with its path.
    void failNested(const std::optional<Error> &error, const QString &path)
    {
        if (error)
            fail(protocol::prefixed(*error, path));
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    template <typename T>
    T take(Result<T> result, T fallback)
    {
        if (result)
            return std::move(result.value());
        fail(result.error());
        return fallback;
    }

    QJsonObject m_object;
    std::optional<Error> m_error;
};

template <typename T>
Result<T> finish(const Fields &fields, T value)
{
    if (fields.error())
        return *fields.error();
    return value;
}

}  // namespace

Result<Pupil> pupil(const QJsonObject &data, const QString &schoolId)
{
    Fields f(data);
    Pupil p;
    p.id = f.text(u"id"_s);
    p.schoolId = schoolId;
    p.upn = f.text(u"upn"_s);
    p.legalSurname = f.text(u"legal_surname"_s);
    p.legalForename = f.text(u"legal_forename"_s);
    p.preferredSurname = f.text(u"preferred_surname"_s);
    p.preferredForename = f.text(u"preferred_forename"_s);
    p.dateOfBirth = f.date(u"date_of_birth"_s);
    p.gender = f.text(u"gender"_s);
    p.yearGroup = static_cast<int>(f.integer(u"year_group"_s));
    p.pupilPremium = f.flag(u"pupil_premium"_s);
    p.freeSchoolMeals = f.flag(u"free_school_meals"_s);
    p.senStatus = f.text(u"sen_status"_s);
    p.eal = f.flag(u"eal"_s);
    p.lookedAfter = f.flag(u"looked_after"_s);
    p.onRollDate = f.date(u"on_roll_date"_s);
    p.leftDate = f.date(u"left_date"_s);
    return finish(f, p);
}

Result<std::pair<Group, QList<QString>>> group(const QJsonObject &data, const QString &schoolId)
{
    Fields f(data);
    Group g;
    g.id = f.text(u"id"_s);
    g.schoolId = schoolId;
    g.name = f.text(u"name"_s);
    const QString kind = f.text(u"kind"_s);
    if (auto known = groupKindFromString(kind))
        g.kind = *known;
    else
        f.fail(protocol::invalid(u"field 'kind': unknown group kind"_s));
    g.yearGroup = static_cast<int>(f.integer(u"year_group"_s));
    const QList<QString> members = f.strings(u"pupil_ids"_s);
    return finish(f, std::pair{g, members});
}

Result<Scale> scale(const QJsonObject &data, const QString &schoolId)
{
    Fields f(data);
    Scale s{f.text(u"id"_s), schoolId, f.text(u"name"_s), {}};
    QList<std::pair<qint64, ScaleValue>> values;
    const QList<QJsonObject> items = f.objects(u"values"_s);
    for (qsizetype i = 0; i < items.size(); ++i) {
        Fields v(items.at(i));
        ScaleValue value{v.text(u"code"_s), v.text(u"label"_s), v.text(u"shortcut"_s), v.number(u"points"_s),
                         v.text(u"colour"_s)};
        values.append({v.integer(u"position"_s), value});
        f.failNested(v.error(), u"values[%1]"_s.arg(i));
    }
    std::stable_sort(values.begin(), values.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[position, value] : values)
        s.values.append(value);
    return finish(f, s);
}

Result<Framework> framework(const QJsonObject &data, const QString &schoolId)
{
    Fields f(data);
    Framework fw{f.text(u"id"_s), schoolId, f.text(u"name"_s), f.text(u"subject"_s), f.text(u"scale_id"_s), {}};
    QList<std::pair<qint64, Objective>> objectives;
    const QList<QJsonObject> items = f.objects(u"objectives"_s);
    for (qsizetype i = 0; i < items.size(); ++i) {
        Fields o(items.at(i));
        objectives.append({o.integer(u"position"_s), {o.text(u"id"_s), o.text(u"code"_s), o.text(u"statement"_s)}});
        f.failNested(o.error(), u"objectives[%1]"_s.arg(i));
    }
    std::stable_sort(objectives.begin(), objectives.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[position, objective] : objectives)
        fw.objectives.append(objective);
    return finish(f, fw);
}

Result<Term> term(const QJsonObject &data, const QString &schoolId)
{
    Fields f(data);
    Term t{f.text(u"id"_s),
           schoolId,
           f.text(u"name"_s),
           f.text(u"academic_year"_s),
           static_cast<int>(f.integer(u"position"_s)),
           f.flag(u"locked"_s)};
    return finish(f, t);
}

Result<std::pair<QString, QString>> staffName(const QJsonObject &data)
{
    Fields f(data);
    std::pair<QString, QString> staff{f.text(u"id"_s), f.text(u"display_name"_s)};
    return finish(f, staff);
}

Result<QString> purgedPupil(const QJsonObject &data)
{
    Fields f(data);
    const QString id = f.text(u"pupil_id"_s);
    return finish(f, id);
}

}  // namespace otrack::pulled
