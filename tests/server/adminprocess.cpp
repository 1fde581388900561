#include "adminprocess.h"

#include "serverprocess.h"

#include <catch2/catch.hpp>

#include <QProcess>

using namespace Qt::StringLiterals;

namespace otrack::test {

AdminRun runAdmin(const QString &url, const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(ServerProcess::binary(), QStringList{u"admin"_s, u"--db"_s, url} + arguments);
    REQUIRE(process.waitForStarted(30000));
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(180000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QByteArray runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);  // file names and text as UTF-8
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(60000));
    INFO(process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == 0);
    return process.readAllStandardOutput();
}

}  // namespace otrack::test
