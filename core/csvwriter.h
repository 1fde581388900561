#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

class QIODevice;

namespace otrack {

// Writes CSV as RFC 4180 describes it: UTF-8, CRLF after every row, a field quoted (with
// inner quotes doubled) when it holds a comma, a quote, CR or LF.
//
// Exports are opened in spreadsheets, where a cell such as `=HYPERLINK(...)` is run as a
// formula (CSV injection): a field starting with = + - @, a tab or a CR gets a leading
// apostrophe, so it shows as the text it is. Columns of plain numbers must not start with a
// minus sign for that reason; dates and times are written as ISO 8601 text.
class CsvWriter {
public:
    // `device` must be open for writing and outlive the writer.
    explicit CsvWriter(QIODevice *device);

    // NotWritable (with the device's reason) when the device refuses the bytes.
    Status writeRow(const QStringList &fields);

    // One field as it goes into a row: neutralised, then quoted when needed.
    static QString field(const QString &text);

private:
    QIODevice *m_device;
};

}  // namespace otrack
