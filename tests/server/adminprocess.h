#pragma once

#include <QString>
#include <QStringList>

namespace otrack::test {

// One `otrack-server admin --db URL ARGS` run of the real binary, as IT staff run it.
struct AdminRun {
    int code = -1;
    QString out;
    QString err;
};

AdminRun runAdmin(const QString &url, const QStringList &arguments, const QByteArray &input = QByteArray());

// A command-line tool that reads what the server wrote (pdftotext, unzip), in a UTF-8 locale:
// REQUIREs exit 0 and returns its standard output.
QByteArray runTool(const QString &program, const QStringList &arguments);

}  // namespace otrack::test
