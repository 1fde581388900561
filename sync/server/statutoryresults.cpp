#include "statutoryresults.h"

#include <QHash>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace otrack::statutory {

namespace {

const QString kStatus = u"status "_s;
const QString kQualifier = u"qualifier "_s;

}  // namespace

QString frameworkName()
{
    return u"Statutory results"_s;
}

QString termName()
{
    return u"Statutory assessment"_s;
}

QString objectiveCode(const StatutoryResult &result)
{
    return QStringList{result.stage, result.subject, result.method, result.component}.join(u'/');
}

QString objectiveStatement(const StatutoryResult &result)
{
    static const QHash<QString, QString> subjects{
        {u"MAT"_s, u"mathematics"_s},
        {u"REA"_s, u"reading"_s},
        {u"WRI"_s, u"writing"_s},
        {u"GPS"_s, u"grammar, punctuation and spelling"_s},
        {u"SCI"_s, u"science"_s},
        {u"ENG"_s, u"English"_s},
        {u"PSC"_s, u"phonics screening check"_s},
        {u"MTC"_s, u"multiplication tables check"_s},
    };
    static const QHash<QString, QString> methods{{u"TT"_s, u"test"_s}, {u"TA"_s, u"teacher assessment"_s}};
    QString statement = result.stage + u' ' + subjects.value(result.subject, result.subject);
    if (!result.method.isEmpty())
        statement += u' ' + methods.value(result.method, result.method);
    if (!result.component.isEmpty())
        statement += u" ("_s + result.component.toLower() + u')';
    return statement;
}

QString academicYearOf(const QString &year)
{
    const int y = year.toInt();
    return u"%1/%2"_s.arg(y - 1).arg(y % 100, 2, 10, QLatin1Char('0'));
}

QString note(const StatutoryResult &result)
{
    QStringList parts;
    if (!result.resultStatus.isEmpty())
        parts << kStatus + result.resultStatus;
    if (!result.resultQualifier.isEmpty())
        parts << kQualifier + result.resultQualifier;
    return parts.join(u", "_s);
}

StatutoryResult fromMark(const QString &objectiveCode, const QString &academicYear, const QString &value,
                         const QString &noteText)
{
    StatutoryResult result;
    const QStringList parts = objectiveCode.split(u'/');
    result.stage = parts.value(0);
    result.subject = parts.value(1);
    result.method = parts.value(2);
    result.component = parts.value(3);
    result.locale = u"ENG"_s;
    result.year = QString::number(academicYear.section(u'/', 0, 0).toInt() + 1);
    result.result = value;
    for (const QString &part : noteText.split(u", "_s, Qt::SkipEmptyParts)) {
        if (part.startsWith(kStatus))
            result.resultStatus = part.mid(kStatus.size());
        else if (part.startsWith(kQualifier))
            result.resultQualifier = part.mid(kQualifier.size());
    }
    return result;
}

}  // namespace otrack::statutory
