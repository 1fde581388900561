#pragma once

#include "acceptancerequest.h"
#include "model.h"
#include "publisheddocument.h"
#include "syncfixture.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace otrack::test {

inline constexpr LegalKind kAllKinds[] = {LegalKind::DataProcessingTerms, LegalKind::TermsAndConditions,
                                          LegalKind::PrivacyPolicy, LegalKind::CookiePolicy};

// Synthetic legal documents for tests: `kind` at `version`, with a text that names both.
PublishedDocument legalDocument(LegalKind kind, const QString &version);
// Publishes version `version` of every kind; REQUIREs success. Returns them as published.
QList<PublishedDocument> publishAll(QSqlDatabase db, const QString &version);
// The caller's acceptance of `document` from `device`, with a new id.
AcceptanceRecord acceptanceOf(const PublishedDocument &document, const QString &device);

}  // namespace otrack::test
