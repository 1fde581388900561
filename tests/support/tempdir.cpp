#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

namespace otrack::test {

TempDir::TempDir() : m_dir(QDir::tempPath() + QStringLiteral("/otrack-test-XXXXXX"))
{
    REQUIRE(m_dir.isValid());
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("OTRACK_KEEP_TEMP"));
}

QString testOutputDir()
{
    QString dir = qEnvironmentVariable("OTRACK_TEST_OUTPUT");
    if (dir.isEmpty())
        dir = QStringLiteral(OTRACK_TEST_OUTPUT_DEFAULT);
    QDir().mkpath(dir);
    return dir;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

}  // namespace otrack::test
