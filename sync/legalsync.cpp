#include "legalsync.h"

#include "logging.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace otrack {

LegalSync::LegalSync(Database &db, QString schoolId)
    // Sync reads and marks rows whoever wrote them: the store is one staff member's.
    : m_db(db), m_schoolId(std::move(schoolId)), m_ledger(db, LedgerIdentity{})
{
}

Result<QList<AcceptanceRecord>> LegalSync::nextBatch(int limit, const QSet<QString> &skipped)
{
    auto rows = m_ledger.unsynced(limit + static_cast<int>(skipped.size()));
    if (!rows)
        return rows.error();
    QList<AcceptanceRecord> batch;
    for (const Acceptance &a : std::as_const(rows.value())) {
        if (skipped.contains(a.id) || batch.size() == limit)
            continue;
        AcceptanceRecord record;
        record.id = a.id;
        record.kind = a.kind;
        record.version = a.version;
        record.sha256 = a.sha256;
        // The ledger keeps ISO text (it is hashed as written); the wire takes milliseconds.
        record.acceptedAt = QDateTime::fromString(a.acceptedAt, Qt::ISODateWithMs).toMSecsSinceEpoch();
        record.deviceId = a.deviceId;
        record.appVersion = a.appVersion;
        record.signatoryName = a.signatoryName;
        record.signatoryPosition = a.signatoryPosition;
        batch.append(record);
    }
    return batch;
}

Status LegalSync::recorded(const QList<AcceptanceRecord> &sent, const AcceptanceResponse &answer)
{
    if (answer.results.size() != sent.size())
        return Error{ErrorCode::InvalidArgument, u"the acceptance answer does not match the batch"_s};
    QStringList ids;
    for (qsizetype i = 0; i < sent.size(); ++i) {
        if (answer.results.at(i).id != sent.at(i).id)
            return Error{ErrorCode::InvalidArgument, u"the acceptance answer does not match the batch"_s};
        ids.append(sent.at(i).id);
    }
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    if (auto marked = m_ledger.markUploaded(ids, LegalLedger::Upload::Recorded); !marked)
        return marked.error();
    auto status = m_db.prepare("UPDATE schools SET status = ?1 WHERE id = ?2");
    if (!status)
        return status.error();
    if (auto updated = status->bind(1, toString(answer.schoolStatus)).bind(2, m_schoolId).run(); !updated)
        return updated.error();
    return tx.value()->commit();
}

std::optional<int> LegalSync::refusedRecord(const QString &field, qsizetype sent)
{
    static const QRegularExpression pattern(u"^acceptances\\[(\\d+)\\]"_s);
    const auto match = pattern.match(field);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const int index = match.captured(1).toInt(&ok);
    if (!ok || index < 0 || index >= sent)
        return std::nullopt;
    return index;
}

Status LegalSync::refused(const AcceptanceRecord &record, const QString &reason)
{
    qCWarning(lcSync) << "the server refused legal acceptance" << record.id << "for good:" << reason;
    return m_ledger.markUploaded({record.id}, LegalLedger::Upload::Refused);
}

Result<QList<PublishedDocument>> LegalSync::missing(const LegalDocumentsResponse &list)
{
    QList<PublishedDocument> missing;
    for (const PublishedDocument &document : list.documents) {
        auto held = m_ledger.hasDocument(document.sha256);
        if (!held)
            return held.error();
        if (!held.value())
            missing.append(document);
    }
    return missing;
}

Status LegalSync::store(const PublishedDocument &published)
{
    auto document = LegalDocument::parse(published.body.toUtf8());
    if (!document)
        return Error{ErrorCode::InvalidArgument,
                     u"the server's %1 %2 does not parse: %3"_s.arg(toString(published.kind), published.version,
                                                                    document.error().message)};
    if (document->sha256() != published.sha256 || document->kind() != published.kind
        || document->version() != published.version)
        return Error{
            ErrorCode::InvalidArgument,
            u"the server's %1 %2 is not the text it published"_s.arg(toString(published.kind), published.version)};
    const QString publishedAt
        = QDateTime::fromMSecsSinceEpoch(published.publishedAt, Qt::UTC).toString(Qt::ISODateWithMs);
    if (auto kept = m_ledger.storeDocument(document.value(), publishedAt); !kept)
        return kept.error();
    qCInfo(lcSync) << "stored legal document" << toString(published.kind) << published.version;
    return {};
}

Status LegalSync::serverRequires(const LegalDocumentsResponse &list)
{
    QStringList shas;
    for (const PublishedDocument &document : list.documents)
        if (list.toAccept.contains(document.kind))
            shas.append(document.sha256);
    return m_ledger.setServerRequired(shas);
}

}  // namespace otrack
