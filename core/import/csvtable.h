#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace otrack {

// A CSV file as read (RFC 4180, as MIS exports write it): UTF-8 (a byte order mark is
// dropped), fields separated by commas, quoted fields may hold commas, doubled quotes and line
// breaks, rows end in CRLF or LF. The first row is the header. Blank rows are skipped.
struct CsvTable {
    struct Row {
        int line = 0;  // where the row starts in the file
        QStringList cells;
    };
    QStringList header;
    QList<Row> rows;

    // The column with this header (case-insensitive, spaces trimmed), or -1.
    int column(const QString &name) const;

    // InvalidArgument (with the line) for text that is not UTF-8, a quote left open at the end
    // (a truncated file), a stray quote inside an unquoted field, or no header row.
    static Result<CsvTable> parse(const QByteArray &bytes);
    static Result<CsvTable> readFile(const QString &path);
};

}  // namespace otrack
