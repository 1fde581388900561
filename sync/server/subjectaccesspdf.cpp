#include "subjectaccesspdf.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

QString escaped(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return u"<i>none</i>"_s;
    if (value.isBool())
        return value.toBool() ? u"yes"_s : u"no"_s;
    if (value.isDouble())
        return QString::number(value.toDouble());
    return value.toString().toHtmlEscaped();
}

QString personName(const QJsonValue &person)
{
    return person.toObject().value(u"name"_s).toString().toHtmlEscaped();
}

// "2026-11-02T10:14:03.120Z" as "2026-11-02 10:14 UTC".
QString when(const QJsonValue &iso)
{
    const QString text = iso.toString();
    return text.size() >= 16 ? text.left(10) + u' ' + text.mid(11, 5) + u" UTC"_s : text.toHtmlEscaped();
}

// `widths`: each column's share of the page in per cent, or empty for the layout's own.
QString table(const QStringList &headers, const QList<QStringList> &rows, const QList<int> &widths = {})
{
    QString html = u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>"_s;
    for (int i = 0; i < headers.size(); ++i)
        html += u"<th align=\"left\" bgcolor=\"#e8e8e8\"%1>"_s.arg(
                    i < widths.size() ? u" width=\"%1%\""_s.arg(widths.at(i)) : QString())
            + headers.at(i) + u"</th>"_s;
    html += u"</tr>"_s;
    for (const QStringList &row : rows) {
        html += u"<tr>"_s;
        for (const QString &cell : row)
            html += u"<td valign=\"top\">"_s + cell + u"</td>"_s;
        html += u"</tr>"_s;
    }
    return html + u"</table>"_s;
}

QString pupilSection(const QJsonObject &pupil)
{
    const std::pair<const char16_t *, const char16_t *> fields[] = {
        {u"upn", u"UPN"},
        {u"legal_surname", u"Legal surname"},
        {u"legal_forename", u"Legal forename"},
        {u"preferred_surname", u"Preferred surname"},
        {u"preferred_forename", u"Preferred forename"},
        {u"date_of_birth", u"Date of birth"},
        {u"gender", u"Sex"},
        {u"year_group", u"Year group"},
        {u"pupil_premium", u"Pupil premium"},
        {u"free_school_meals", u"Free school meals"},
        {u"sen_status", u"SEN status"},
        {u"eal", u"English as an additional language"},
        {u"looked_after", u"Looked after"},
        {u"on_roll_date", u"On roll from"},
        {u"left_date", u"Left on"},
        {u"id", u"OTrack id"},
    };
    const QStringList flags{u"pupil_premium"_s, u"free_school_meals"_s, u"eal"_s, u"looked_after"_s};
    QList<QStringList> rows;
    QJsonObject rest = pupil;
    for (const auto &[key, label] : fields) {
        const QString name = QString::fromUtf16(key);
        const QJsonValue value = pupil.value(name);
        rows.append(
            {QString::fromUtf16(label),
             flags.contains(name) && value.isDouble() ? (value.toInt() != 0 ? u"yes"_s : u"no"_s) : escaped(value)});
        rest.remove(name);
    }
    // Any column this list does not know yet still appears.
    for (auto it = rest.begin(); it != rest.end(); ++it)
        rows.append({it.key().toHtmlEscaped(), escaped(it.value())});
    return u"<h2>Details</h2>"_s + table({u"Field"_s, u"Value"_s}, rows);
}

QString marksSection(const QJsonArray &marks)
{
    QList<QStringList> rows;
    for (const QJsonValue &value : marks) {
        const QJsonObject mark = value.toObject();
        QStringList history;
        for (const QJsonValue &e : mark.value(u"history"_s).toArray()) {
            const QJsonObject event = e.toObject();
            history << u"%1, %2: %3 &rarr; %4 (%5)"_s.arg(
                when(event.value(u"at"_s)), personName(event.value(u"by"_s)), escaped(event.value(u"old_value"_s)),
                escaped(event.value(u"new_value"_s)), escaped(event.value(u"outcome"_s)));
        }
        QString shown = escaped(mark.value(u"value"_s));
        if (mark.value(u"value_label"_s).isString() && mark.value(u"value_label"_s) != mark.value(u"value"_s))
            shown += u" ("_s + escaped(mark.value(u"value_label"_s)) + u')';
        rows.append({escaped(mark.value(u"framework"_s)) + u"<br/><small>"_s + escaped(mark.value(u"objective_code"_s))
                         + u"</small>"_s,
                     escaped(mark.value(u"objective"_s)),
                     escaped(mark.value(u"term"_s)) + u"<br/>"_s + escaped(mark.value(u"academic_year"_s)),
                     shown
                         + (mark.value(u"note"_s).toString().isEmpty()
                                ? QString()
                                : u"<br/><small>"_s + escaped(mark.value(u"note"_s)) + u"</small>"_s),
                     mark.contains(u"author"_s)
                         ? personName(mark.value(u"author"_s)) + u"<br/>"_s + when(mark.value(u"updated_at"_s))
                         : QString(),
                     u"<small>"_s + history.join(u"<br/>"_s) + u"</small>"_s});
    }
    if (rows.isEmpty())
        return u"<h2>Marks</h2><p>None.</p>"_s;
    return u"<h2>Marks</h2>"_s
        + table({u"Framework"_s, u"Objective"_s, u"Term"_s, u"Value"_s, u"Recorded by"_s, u"History"_s}, rows,
                {15, 23, 10, 12, 16, 24});
}

QString html(const QJsonObject &report)
{
    const QJsonObject school = report.value(u"school"_s).toObject();
    const QJsonObject pupil = report.value(u"pupil"_s).toObject();
    QString out = u"<html><body style=\"font-family: 'DejaVu Sans'; font-size: 9pt\">"_s;
    out += u"<h1>Subject access report</h1>"_s;
    out += u"<p>Everything OTrack holds about <b>%1 %2</b> (UPN %3) for %4%5, made on %6 by %7. It contains "
           u"personal data: keep it secure and give it only to the person entitled to it.</p>"_s.arg(
               escaped(pupil.value(u"legal_forename"_s)), escaped(pupil.value(u"legal_surname"_s)),
               escaped(pupil.value(u"upn"_s)), escaped(school.value(u"name"_s)),
               school.value(u"urn"_s).toString().isEmpty() ? QString()
                                                           : u" (URN "_s + escaped(school.value(u"urn"_s)) + u')',
               when(report.value(u"generated_at"_s)), personName(report.value(u"generated_by"_s)));
    out += pupilSection(pupil);

    QList<QStringList> groups;
    for (const QJsonValue &g : report.value(u"groups"_s).toArray())
        groups.append({escaped(g.toObject().value(u"name"_s)), escaped(g.toObject().value(u"kind"_s)),
                       escaped(g.toObject().value(u"year_group"_s))});
    out += u"<h2>Groups</h2>"_s
        + (groups.isEmpty() ? u"<p>None.</p>"_s : table({u"Group"_s, u"Kind"_s, u"Year group"_s}, groups));
    out += marksSection(report.value(u"marks"_s).toArray());

    QList<QStringList> audit;
    for (const QJsonValue &a : report.value(u"audit_events"_s).toArray()) {
        const QJsonObject event = a.toObject();
        audit.append({when(event.value(u"at"_s)), personName(event.value(u"by"_s)), escaped(event.value(u"action"_s)),
                      escaped(event.value(u"detail"_s))});
    }
    out += u"<h2>Record of actions</h2>"_s
        + (audit.isEmpty() ? u"<p>None.</p>"_s : table({u"When"_s, u"By"_s, u"Action"_s, u"Detail"_s}, audit));
    return out + u"</body></html>"_s;
}

}  // namespace

Status writeSubjectAccessPdf(const QJsonObject &report, const QString &path)
{
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error{ErrorCode::NotWritable, u"cannot write %1: %2"_s.arg(path, probe.errorString())};
    }
    {
        // The file is complete once the writer is gone.
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        // QTextDocument::print() lays the text out with margins of its own (2 cm).
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        writer.setTitle(u"Subject access report"_s);
        writer.setCreator(u"OTrack"_s);
        QTextDocument document;
        document.setHtml(html(report));
        document.print(&writer);
    }
    if (QFileInfo(path).size() == 0)
        return Error{ErrorCode::NotWritable, u"writing %1 failed"_s.arg(path)};
    return {};
}

}  // namespace otrack
