#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace otrack {

// Tab-separated text as spreadsheets put it on the clipboard: rows end in a newline (CRLF or
// LF; the last one may be missing), cells are separated by tabs, and a cell that holds a tab,
// a newline or a quote is quoted with inner quotes doubled (what Excel and LibreOffice write).
class TsvTable {
public:
    // Rows of cells. Rows may have different lengths; a trailing newline adds no empty row.
    static QList<QStringList> parse(const QString &text);
    // The other way, quoting where needed; every row ends in CRLF, as Excel writes it.
    static QString format(const QList<QStringList> &rows);
};

}  // namespace otrack
