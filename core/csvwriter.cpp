#include "csvwriter.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

bool startsLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

}  // namespace

CsvWriter::CsvWriter(QIODevice *device) : m_device(device)
{
}

QString CsvWriter::field(const QString &text)
{
    QString cell = startsLikeFormula(text) ? u'\'' + text : text;
    if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\r') || cell.contains(u'\n')) {
        cell.replace(u"\""_s, u"\"\""_s);
        cell = u'"' + cell + u'"';
    }
    return cell;
}

Status CsvWriter::writeRow(const QStringList &fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += u',';
        line += field(fields.at(i));
    }
    line += u"\r\n"_s;
    const QByteArray bytes = line.toUtf8();
    if (m_device->write(bytes) != bytes.size())
        return Error{ErrorCode::NotWritable, u"cannot write CSV: "_s + m_device->errorString()};
    return {};
}

}  // namespace otrack
