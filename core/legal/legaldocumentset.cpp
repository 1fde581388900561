#include "legaldocumentset.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace otrack {

Result<LegalDocumentSet> LegalDocumentSet::embedded()
{
    auto set = fromFolder(QStringLiteral(":/legal"));
    if (!set)
        return Error{ErrorCode::Damaged, set.error().message};
    if (set->documents().isEmpty())
        return Error{ErrorCode::Damaged, QStringLiteral("no legal documents are embedded in this build")};
    return set;
}

Result<LegalDocumentSet> LegalDocumentSet::fromFolder(const QString &folder)
{
    LegalDocumentSet set;
    const QStringList names = QDir(folder).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(QDir(folder).filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::NotFound, QStringLiteral("%1: %2").arg(name, file.errorString())};
        auto document = LegalDocument::parse(file.readAll());
        if (!document)
            return Error{document.error().code, QStringLiteral("%1: %2").arg(name, document.error().message)};
        if (auto added = set.add(document.value()); !added)
            return Error{added.error().code, QStringLiteral("%1: %2").arg(name, added.error().message)};
    }
    return set;
}

Status LegalDocumentSet::add(const LegalDocument &document)
{
    if (find(document.kind()))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("a second document of kind '%1'").arg(toString(document.kind()))};
    // Kept in kind order (Data Processing Terms first), whatever the files are called.
    const auto at = std::find_if(m_documents.begin(), m_documents.end(),
                                 [&](const LegalDocument &d) { return d.kind() > document.kind(); });
    m_documents.insert(at, document);
    return {};
}

std::optional<LegalDocument> LegalDocumentSet::find(LegalKind kind) const
{
    for (const LegalDocument &document : m_documents)
        if (document.kind() == kind)
            return document;
    return std::nullopt;
}

}  // namespace otrack
