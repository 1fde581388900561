#include "csvtable.h"

#include <QFile>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace otrack {

int CsvTable::column(const QString &name) const
{
    const QString wanted = name.trimmed();
    for (int i = 0; i < header.size(); ++i)
        if (header.at(i).trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

Result<CsvTable> CsvTable::parse(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return Error{ErrorCode::InvalidArgument,
                     u"the file is not UTF-8 text: export it from the MIS as \"CSV UTF-8\""_s};

    CsvTable table;
    QList<Row> rows;
    Row row;
    QString field;
    bool quoted = false;  // inside a quoted field
    bool wasQuoted = false;  // the current field was quoted (so it may only be followed by , or EOL)
    int line = 1;
    row.line = 1;
    const auto endField = [&] {
        row.cells.append(field);
        field.clear();
        wasQuoted = false;
    };
    const auto endRow = [&] {
        endField();
        const bool blank = row.cells.size() == 1 && row.cells.front().trimmed().isEmpty();
        if (!blank)
            rows.append(row);
        row = Row{};
        row.line = line;
    };
    const qsizetype size = text.size();
    qsizetype i = (size > 0 && text.at(0) == QChar(0xFEFF)) ? 1 : 0;
    for (; i < size; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < size && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u',') {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < size && text.at(i + 1) == u'\n')
                ++i;
            ++line;
            endRow();
        } else if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return Error{ErrorCode::InvalidArgument,
                             u"line %1: a quote inside a field that does not start with one"_s.arg(line)};
            quoted = true;
        } else if (wasQuoted) {
            return Error{ErrorCode::InvalidArgument, u"line %1: text after a quoted field's closing quote"_s.arg(line)};
        } else {
            field.append(c);
        }
    }
    if (quoted)
        return Error{
            ErrorCode::InvalidArgument,
            u"line %1: a quoted field is not closed at the end of the file (is the file truncated?)"_s.arg(row.line)};
    if (!field.isEmpty() || !row.cells.isEmpty() || wasQuoted)
        endRow();
    if (rows.isEmpty())
        return Error{ErrorCode::InvalidArgument, u"the file is empty: a header row was expected"_s};
    table.header = rows.takeFirst().cells;
    for (QString &name : table.header)
        name = name.trimmed();
    table.rows = std::move(rows);
    return table;
}

Result<CsvTable> CsvTable::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, u"cannot read %1: %2"_s.arg(path, file.errorString())};
    return parse(file.readAll());
}

}  // namespace otrack
