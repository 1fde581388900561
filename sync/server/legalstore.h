#pragma once

#include "acceptancerequest.h"
#include "acceptanceresponse.h"
#include "caller.h"
#include "publisheddocument.h"
#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class QIODevice;

namespace otrack {

// One row of a school's acceptance ledger, with who the staff member is.
struct LedgerEntry {
    qint64 acceptedAt = 0;  // the client's clock
    qint64 receivedAt = 0;  // the server's clock
    QString userId;
    QString username;
    QString displayName;
    QString role;
    QString kind;
    QString version;
    QString sha256;
    QString deviceId;
    QString appVersion;
    QString signatoryName;
    QString signatoryPosition;

    // The ledger's columns, and this row's cells in the same order (times as ISO 8601 UTC).
    static QStringList columns();
    QStringList cells() const;
};

// The vendor's legal documents and each school's acceptance ledger, over one QtSql connection
// (SQLite or PostgreSQL). Documents are published for every school; acceptances belong to a
// school and a staff member, and every query of them filters by school.
//
// Rules (also in docs/protocol.md, Legal documents):
// - A version's identity is the SHA-256 of its exact text. Publishing a kind and version again
//   with the same text changes nothing; with another text it is refused (AlreadyExists).
// - The current version of a kind is the one published last. A staff member must have
//   accepted the current version of every published kind before any pupil data moves.
// - A batch of acceptances is one transaction, all or nothing: the first refused record
//   rolls it back, and the error names its field ("acceptances[2].sha256").
// - The owner's signature of the current Data Processing Terms moves an awaiting_terms
//   school to active.
// Every write appends an audit event; publishing, which concerns no one school, is recorded
// with an empty school id.
class LegalStore {
public:
    explicit LegalStore(QSqlDatabase db);

    struct Published {
        PublishedDocument document;  // as stored
        bool created = false;  // false: that exact text was already published
    };
    // `document.sha256` and `publishedAt` are set here. InvalidArgument for a bad version,
    // title, audience, date or an empty body; AlreadyExists for a different text under a
    // version already published.
    Result<Published> publish(PublishedDocument document, const QString &actorId, qint64 nowMs);

    // The current version of each published kind, in kind order, without bodies.
    Result<QList<PublishedDocument>> currentDocuments();
    // One version with its body; NotFound when it was never published.
    Result<PublishedDocument> document(LegalKind kind, const QString &version);

    // The kinds whose current version `caller` has not accepted (empty: nothing to do).
    Result<QList<LegalKind>> kindsToAccept(const Caller &caller);

    // Records a batch for `caller` (POST /v1/legal/acceptances). Refusals, each naming the
    // record's field: InvalidArgument (device_id is not the caller's device), NotFound (no
    // such published version), Conflict (sha256 is not the published text's, or the id is
    // already used by a different record), Forbidden (a signature by anyone but an owner).
    Result<AcceptanceResponse> recordAcceptances(const Caller &caller, const QList<AcceptanceRecord> &records,
                                                 qint64 nowMs);

    // Every acceptance of the school, oldest first. Another school's rows never appear.
    Result<QList<LedgerEntry>> ledger(const QString &schoolId);
    // The ledger as CSV (core/csvwriter.h): a header row, then one row per entry.
    static Status writeLedgerCsv(const QList<LedgerEntry> &entries, QIODevice *device);

private:
    bool isPostgres() const;

    QSqlDatabase m_db;
};

}  // namespace otrack
