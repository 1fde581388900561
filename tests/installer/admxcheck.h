#pragma once

#include <QString>
#include <QStringList>

namespace otrack::test {

// Checks the Group Policy templates against the app's settings reader (ClientSettings):
//   - both files are well-formed XML with Group Policy's root elements;
//   - every policy writes under the key the reader reads, and every value name in the ADMX
//     is one the reader reads, and every one the reader reads has a policy;
//   - the ADMX's limits agree with the reader's rules: decimal minValue/maxValue are the
//     first and last values the reader accepts, enum items and enabled/disabled values are
//     accepted, and each language offered has a translation in `translationsFolder`;
//   - every $(string.X) and $(presentation.X) the ADMX uses exists in the ADML, every
//     presentation control refers to an element of its policy, and every element has one.
// Returns one sentence per problem; empty when the templates are right.
QStringList admxProblems(const QString &admxFile, const QString &admlFile, const QString &translationsFolder);

}  // namespace otrack::test
