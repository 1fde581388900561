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

}  // namespace otrack::test
