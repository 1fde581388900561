#pragma once

#include "legaldocument.h"
#include "result.h"

#include <QList>
#include <QString>

#include <optional>

namespace otrack {

// The documents a build knows: at most one version of each kind. The embedded set ships in
// the binary (resources/legal, ":/legal"), so the very first launch works offline; newer
// versions that sync brings live in the store (LegalLedger::storeDocument).
class LegalDocumentSet {
public:
    LegalDocumentSet() = default;

    // The versions compiled into this build. Damaged when one of them fails to parse, which a
    // test catches before any release.
    static Result<LegalDocumentSet> embedded();
    // Every *.md file in `folder` (":/legal" for the embedded set).
    static Result<LegalDocumentSet> fromFolder(const QString &folder);

    // Adds `document`, unless one of the same kind is already there: InvalidArgument then.
    Status add(const LegalDocument &document);

    // In kind order: Data Processing Terms, Terms and Conditions, Privacy Policy, Cookie Policy.
    const QList<LegalDocument> &documents() const { return m_documents; }
    std::optional<LegalDocument> find(LegalKind kind) const;

private:
    QList<LegalDocument> m_documents;
};

}  // namespace otrack
