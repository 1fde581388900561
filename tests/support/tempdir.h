#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace otrack::test {

// A temporary folder that is removed at the end of the test, unless OTRACK_KEEP_TEMP is set.
class TempDir {
public:
    TempDir();
    QString path() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// Where tests save artefacts for people to look at (screenshots, PDFs): $OTRACK_TEST_OUTPUT,
// else `test-output` in the build folder. Created on demand.
QString testOutputDir();

QByteArray readFile(const QString &path);
void writeFile(const QString &path, const QByteArray &bytes);

}  // namespace otrack::test
