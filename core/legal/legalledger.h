#pragma once

#include "acceptance.h"
#include "database.h"
#include "legaldocument.h"
#include "legaldocumentset.h"
#include "result.h"

#include <QList>
#include <QString>

#include <optional>

namespace otrack {

// Who is accepting, on which device, with which build. The store is one staff member's, so
// schoolId and userId identify its owner (docs/legal.md says which values the app uses).
struct LedgerIdentity {
    QString schoolId;
    QString userId;
    QString deviceId;
    QString appVersion;
};

// A school signatory signing the Data Processing Terms for the school.
struct Signatory {
    QString name;
    QString position;
};

// A document the user still has to accept, with the version they accepted before, if any
// (for "what changed").
struct RequiredDocument {
    LegalDocument document;
    std::optional<LegalDocument> previous;
};

// A break in the ledger's hash chain, naming the row where it shows.
struct LedgerProblem {
    enum class Kind {
        Changed,  // the row's fields no longer match its hash
        RowsDeleted,  // rows are missing before this one
        Unlinked,  // the row does not chain to the row before it
        LastRowsDeleted,  // rows are missing after the last one
    };
    Kind kind;
    qint64 seq;  // the row's position in the ledger (for LastRowsDeleted: the last row's)
    QString id;  // the row's id; empty for LastRowsDeleted
    QString description;  // for logs and support staff: names the row, never a person
};

struct LedgerCheck {
    qint64 rows = 0;
    QList<LedgerProblem> problems;
    // Rows with seq >= this follow the last break and are trusted; earlier ones are not.
    qint64 trustedFromSeq = 1;
    bool intact() const { return problems.isEmpty(); }
};

// The local, append-only ledger of legal acceptances in the client store (docs/legal.md).
// Every row chains to the one before by hash; verify() finds a changed or deleted row. Only
// acceptances after the last break count, so a tampered ledger asks for acceptance again.
class LegalLedger {
public:
    LegalLedger(Database &db, LedgerIdentity identity);

    Result<LedgerCheck> verify();

    // Keeps a document's exact text in the store: newer versions that sync brings, and every
    // accepted version (so "what changed" can show it after an upgrade replaced the embedded
    // one). Conflict when another text is stored under the same kind and version.
    Status storeDocument(const LegalDocument &document, const QString &publishedAt);

    // The newest version of each kind, from `embedded` and the store's documents.
    Result<QList<LegalDocument>> currentDocuments(const LegalDocumentSet &embedded);
    // The current documents for staff that this user has not accepted (by SHA-256) in a
    // trusted row the server has not refused, in kind order; then any version the server's
    // gate waits for (setServerRequired) that is not accepted either.
    Result<QList<RequiredDocument>> requiredDocuments(const LegalDocumentSet &embedded);
    // The text of the last version of `kind` this user accepted other than `currentSha256`.
    Result<std::optional<LegalDocument>> previousAccepted(LegalKind kind, const QString &currentSha256,
                                                          const LegalDocumentSet &embedded);

    // Appends one row per document in one transaction and keeps each accepted text. The
    // signatory is recorded on documents whose audience includes the signatory.
    Result<QList<Acceptance>> record(const QList<LegalDocument> &documents,
                                     const std::optional<Signatory> &signatory = std::nullopt);

    // Every row, oldest first.
    Result<QList<Acceptance>> acceptances();

    // ---- The ledger's side of sync (docs/legal.md, Sync) ----

    // A row's `synced` column: not yet on the server, recorded there, or refused by it for
    // good (a signature by someone who may not sign, another text under a published hash). A
    // refused row stays in the chain but no longer counts as an acceptance.
    enum class Upload { Pending = 0, Recorded = 1, Refused = 2 };

    // Up to `limit` rows not yet on the server, oldest first, from the trusted part of the
    // chain only: rows before a break are never sent as this user's acceptances.
    Result<QList<Acceptance>> unsynced(int limit);
    // Sets the `synced` column of these rows (by id), in the caller's transaction if any.
    Status markUploaded(const QStringList &ids, Upload state);
    // Whether the store holds the text whose SHA-256 is `sha256`.
    Result<bool> hasDocument(const QString &sha256);
    // The versions (by SHA-256) that the server's gate waits for this user to accept. They
    // are required even where this build embeds a newer version of the kind, so that a 403
    // legal_acceptance_required can always be resolved by accepting. Replaces the last list.
    Status setServerRequired(const QStringList &sha256s);

private:
    Result<QList<LegalDocument>> storedDocuments();
    Result<QList<LegalDocument>> serverRequiredDocuments();
    Result<bool> isAccepted(const LegalDocument &document, qint64 trustedFromSeq);

    Database &m_db;
    LedgerIdentity m_identity;
};

}  // namespace otrack
