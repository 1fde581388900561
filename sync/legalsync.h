#pragma once

#include "acceptancerequest.h"
#include "acceptanceresponse.h"
#include "database.h"
#include "legaldocumentsresponse.h"
#include "legalledger.h"
#include "result.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace otrack {

// The legal half of a sync, without a socket (docs/sync.md, Legal documents and the ledger):
// the ledger's rows that are not on the server yet become acceptance records, and the
// server's current documents that the store lacks are fetched and kept. The engine runs it
// before any pupil data moves, so that the server's 403 legal_acceptance_required is resolved
// by accepting and syncing.
class LegalSync {
public:
    LegalSync(Database &db, QString schoolId);

    // Up to `limit` unsynced rows of the ledger as wire records (accepted_at in ms), oldest
    // first, leaving out `skipped` (records the server cannot take during this sync).
    Result<QList<AcceptanceRecord>> nextBatch(int limit, const QSet<QString> &skipped);
    // 200: every record sent is on the server (recorded or duplicate); keeps the school's
    // status as the server now says it. One transaction. An answer that does not match the
    // batch record for record changes nothing.
    Status recorded(const QList<AcceptanceRecord> &sent, const AcceptanceResponse &answer);
    // The batch was refused because of the record `acceptances[i]` that the error's field
    // names: its index in `sent`, or nothing when no record is named.
    static std::optional<int> refusedRecord(const QString &field, qsizetype sent);
    // Sets a refused record aside for good: it stays in the ledger but no longer counts.
    Status refused(const AcceptanceRecord &record, const QString &reason);

    // The server's current documents whose text this store does not hold yet.
    Result<QList<PublishedDocument>> missing(const LegalDocumentsResponse &list);
    // A fetched document: its text must parse, hash to the published SHA-256 and carry the
    // published kind and version; then it is kept (LegalLedger::storeDocument).
    Status store(const PublishedDocument &document);
    // Records which versions the server's gate waits for (LegalLedger::setServerRequired).
    Status serverRequires(const LegalDocumentsResponse &list);

private:
    Database &m_db;
    QString m_schoolId;
    LegalLedger m_ledger;
};

}  // namespace otrack
