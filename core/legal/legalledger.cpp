#include "legalledger.h"

#include "logging.h"

#include <QDateTime>
#include <QUuid>

#include <algorithm>

namespace otrack {

namespace {

struct StoredRow {
    qint64 seq = 0;
    bool kindKnown = true;  // false: the kind column holds no known kind (an edited row)
    Acceptance acceptance;
};

constexpr std::string_view kSelectRows
    = "SELECT seq, id, school_id, user_id, kind, version, sha256, accepted_at, device_id, app_version, "
      "signatory_name, signatory_position, prev_hash, row_hash FROM acceptances ORDER BY seq";
constexpr std::string_view kSelectUnsynced
    = "SELECT seq, id, school_id, user_id, kind, version, sha256, accepted_at, device_id, app_version, "
      "signatory_name, signatory_position, prev_hash, row_hash FROM acceptances WHERE synced = 0 AND seq >= ?1 "
      "ORDER BY seq LIMIT ?2";

// sync_state's entry for the server's required versions: SHA-256s separated by commas.
const QString kServerRequired = QStringLiteral("legal_server_required");

Result<QList<StoredRow>> readRows(Query &query)
{
    return query.collect([](const Query &q) {
        StoredRow row;
        row.seq = q.int64(0);
        Acceptance &a = row.acceptance;
        a.id = q.text(1);
        a.schoolId = q.text(2);
        a.userId = q.text(3);
        const auto kind = legalKindFromString(q.text(4));
        row.kindKnown = kind.has_value();
        a.kind = kind.value_or(LegalKind::DataProcessingTerms);
        a.version = q.text(5);
        a.sha256 = q.text(6);
        a.acceptedAt = q.text(7);
        a.deviceId = q.text(8);
        a.appVersion = q.text(9);
        a.signatoryName = q.optionalText(10);
        a.signatoryPosition = q.optionalText(11);
        a.prevHash = q.text(12);
        a.rowHash = q.text(13);
        return row;
    });
}

Result<QList<StoredRow>> readRows(Database &db)
{
    auto query = db.prepare(kSelectRows);
    if (!query)
        return query.error();
    return readRows(query.value());
}

LedgerProblem problem(LedgerProblem::Kind kind, const StoredRow &row, const QString &description)
{
    return LedgerProblem{kind, row.seq, row.acceptance.id, description};
}

}  // namespace

LegalLedger::LegalLedger(Database &db, LedgerIdentity identity) : m_db(db), m_identity(std::move(identity))
{
}

Result<LedgerCheck> LegalLedger::verify()
{
    auto rows = readRows(m_db);
    if (!rows)
        return rows.error();
    LedgerCheck check;
    check.rows = rows->size();
    QString previousHash = Acceptance::kGenesisHash;
    qint64 previousSeq = 0;
    for (const StoredRow &row : rows.value()) {
        const QString name = QStringLiteral("row %1 (%2)").arg(row.seq).arg(row.acceptance.id);
        // AUTOINCREMENT never reuses or skips a seq, so a gap means deleted rows.
        if (row.seq != previousSeq + 1) {
            check.problems.append(
                problem(LedgerProblem::Kind::RowsDeleted, row,
                        QStringLiteral("%1 rows are missing before %2").arg(row.seq - previousSeq - 1).arg(name)));
            check.trustedFromSeq = row.seq;
        } else if (row.acceptance.prevHash != previousHash) {
            check.problems.append(problem(LedgerProblem::Kind::Unlinked, row,
                                          QStringLiteral("%1 does not chain to the row before it").arg(name)));
            check.trustedFromSeq = row.seq;
        }
        if (!row.kindKnown || row.acceptance.computeRowHash() != row.acceptance.rowHash) {
            check.problems.append(problem(LedgerProblem::Kind::Changed, row,
                                          QStringLiteral("%1 was changed after it was written").arg(name)));
            check.trustedFromSeq = row.seq + 1;
        }
        previousHash = row.acceptance.rowHash;
        previousSeq = row.seq;
    }

    // The chain cannot show rows cut from its end; SQLite's record of the highest seq can.
    auto highest = m_db.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'acceptances'");
    if (!highest)
        return highest.error();
    const qint64 highestSeq = highest->toLongLong();
    if (highestSeq > previousSeq) {
        check.problems.append(LedgerProblem{
            LedgerProblem::Kind::LastRowsDeleted, previousSeq, QString(),
            QStringLiteral("%1 rows are missing after row %2").arg(highestSeq - previousSeq).arg(previousSeq)});
        check.trustedFromSeq = highestSeq + 1;
    }
    for (const LedgerProblem &p : std::as_const(check.problems))
        qCWarning(lcStore) << "legal ledger:" << p.description;
    return check;
}

Status LegalLedger::storeDocument(const LegalDocument &document, const QString &publishedAt)
{
    auto existing = m_db.prepare("SELECT sha256 FROM legal_documents WHERE kind = ?1 AND version = ?2");
    if (!existing)
        return existing.error();
    auto found = existing->bind(1, toString(document.kind())).bind(2, document.version()).next();
    if (!found)
        return found.error();
    if (found.value()) {
        if (existing->text(0) == document.sha256())
            return {};
        return Error{ErrorCode::Conflict,
                     QStringLiteral("another text of %1 version %2 is already stored")
                         .arg(toString(document.kind()), document.version())};
    }
    auto insert = m_db.prepare("INSERT INTO legal_documents (kind, version, title, body, sha256, effective_date, "
                               "audience, summary, published_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert)
        return insert.error();
    // The body column holds the exact text, header included, so its SHA-256 can be checked.
    return insert->bind(1, toString(document.kind()))
        .bind(2, document.version())
        .bind(3, document.title())
        .bind(4, QString::fromUtf8(document.text()))
        .bind(5, document.sha256())
        .bind(6, document.effectiveDate().toString(Qt::ISODate))
        .bind(7, document.audience().join(u", "))
        .bind(8, document.summary())
        .bind(9, publishedAt)
        .run();
}

Result<QList<LegalDocument>> LegalLedger::storedDocuments()
{
    auto query = m_db.prepare("SELECT kind, version, body, sha256 FROM legal_documents ORDER BY kind, version");
    if (!query)
        return query.error();
    QList<LegalDocument> documents;
    auto done = query->forEach([&](const Query &q) {
        auto document = LegalDocument::parse(q.text(2).toUtf8());
        // A stored text that no longer matches its hash or header is never shown or accepted.
        if (!document || document->sha256() != q.text(3) || toString(document->kind()) != q.text(0)
            || document->version() != q.text(1)) {
            qCWarning(lcStore) << "legal ledger: ignoring a damaged stored document" << q.text(0) << q.text(1);
            return;
        }
        documents.append(document.value());
    });
    if (!done)
        return done.error();
    return documents;
}

Result<QList<LegalDocument>> LegalLedger::currentDocuments(const LegalDocumentSet &embedded)
{
    auto stored = storedDocuments();
    if (!stored)
        return stored.error();
    QList<LegalDocument> current;
    for (LegalKind kind : {LegalKind::DataProcessingTerms, LegalKind::TermsAndConditions, LegalKind::PrivacyPolicy,
                           LegalKind::CookiePolicy}) {
        std::optional<LegalDocument> newest = embedded.find(kind);
        for (const LegalDocument &document : std::as_const(stored.value()))
            if (document.kind() == kind && (!newest || document.isNewerThan(*newest)))
                newest = document;
        if (newest)
            current.append(*newest);
    }
    return current;
}

Result<QList<RequiredDocument>> LegalLedger::requiredDocuments(const LegalDocumentSet &embedded)
{
    auto check = verify();
    if (!check)
        return check.error();
    auto current = currentDocuments(embedded);
    if (!current)
        return current.error();
    // The server's gate may wait for a version older than the newest one known here (a build
    // that embeds a version not yet published): that one is required too.
    auto serverRequired = serverRequiredDocuments();
    if (!serverRequired)
        return serverRequired.error();
    QList<RequiredDocument> required;
    for (const LegalDocument &document : current.value() + serverRequired.value()) {
        const bool listed = std::any_of(required.cbegin(), required.cend(), [&](const RequiredDocument &r) {
            return r.document.sha256() == document.sha256();
        });
        if (listed || !document.isFor(LegalDocument::kAudienceStaff))
            continue;
        auto accepted = isAccepted(document, check->trustedFromSeq);
        if (!accepted)
            return accepted.error();
        if (accepted.value())
            continue;
        auto previous = previousAccepted(document.kind(), document.sha256(), embedded);
        if (!previous)
            return previous.error();
        required.append({document, previous.value()});
    }
    return required;
}

Result<QList<LegalDocument>> LegalLedger::serverRequiredDocuments()
{
    auto query = m_db.prepare("SELECT value FROM sync_state WHERE name = ?1");
    if (!query)
        return query.error();
    auto row = query->bind(1, kServerRequired).next();
    if (!row)
        return row.error();
    const QStringList shas = row.value() ? query->text(0).split(QLatin1Char(','), Qt::SkipEmptyParts) : QStringList();
    QList<LegalDocument> documents;
    if (shas.isEmpty())
        return documents;
    auto stored = storedDocuments();
    if (!stored)
        return stored.error();
    for (const LegalDocument &document : std::as_const(stored.value()))
        if (shas.contains(document.sha256()))
            documents.append(document);
    return documents;
}

Result<bool> LegalLedger::isAccepted(const LegalDocument &document, qint64 trustedFromSeq)
{
    auto query = m_db.prepare("SELECT count(*) FROM acceptances WHERE user_id = ?1 AND kind = ?2 AND sha256 = ?3 "
                              "AND seq >= ?4 AND synced <> 2");
    if (!query)
        return query.error();
    auto row = query->bind(1, m_identity.userId)
                   .bind(2, toString(document.kind()))
                   .bind(3, document.sha256())
                   .bind(4, trustedFromSeq)
                   .next();
    if (!row)
        return row.error();
    return query->int64(0) > 0;
}

Result<std::optional<LegalDocument>> LegalLedger::previousAccepted(LegalKind kind, const QString &currentSha256,
                                                                   const LegalDocumentSet &embedded)
{
    auto query = m_db.prepare("SELECT sha256 FROM acceptances WHERE user_id = ?1 AND kind = ?2 AND sha256 <> ?3 "
                              "ORDER BY seq DESC LIMIT 1");
    if (!query)
        return query.error();
    auto row = query->bind(1, m_identity.userId).bind(2, toString(kind)).bind(3, currentSha256).next();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<LegalDocument>();
    const QString sha = query->text(0);
    auto stored = storedDocuments();
    if (!stored)
        return stored.error();
    for (const LegalDocument &document : std::as_const(stored.value()))
        if (document.sha256() == sha)
            return std::optional<LegalDocument>(document);
    for (const LegalDocument &document : embedded.documents())
        if (document.sha256() == sha)
            return std::optional<LegalDocument>(document);
    return std::optional<LegalDocument>();
}

Result<QList<Acceptance>> LegalLedger::record(const QList<LegalDocument> &documents,
                                              const std::optional<Signatory> &signatory)
{
    if (signatory && (signatory->name.trimmed().isEmpty() || signatory->position.trimmed().isEmpty()))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a signatory needs a name and a position")};
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    auto last = m_db.scalar("SELECT row_hash FROM acceptances ORDER BY seq DESC LIMIT 1");
    if (!last)
        return last.error();
    QString previousHash = last->isEmpty() ? Acceptance::kGenesisHash : last.value();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);

    QList<Acceptance> recorded;
    for (const LegalDocument &document : documents) {
        // Prepared per row: a statement is bound afresh only after the previous Query resets it.
        auto insert
            = m_db.prepare("INSERT INTO acceptances (id, school_id, user_id, kind, version, sha256, "
                           "accepted_at, device_id, app_version, signatory_name, signatory_position, "
                           "prev_hash, row_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
        if (!insert)
            return insert.error();
        Acceptance a;
        a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        a.schoolId = m_identity.schoolId;
        a.userId = m_identity.userId;
        a.kind = document.kind();
        a.version = document.version();
        a.sha256 = document.sha256();
        a.acceptedAt = now;
        a.deviceId = m_identity.deviceId;
        a.appVersion = m_identity.appVersion;
        if (signatory && document.isFor(LegalDocument::kAudienceSignatory)) {
            a.signatoryName = signatory->name.trimmed();
            a.signatoryPosition = signatory->position.trimmed();
        }
        a.prevHash = previousHash;
        a.rowHash = a.computeRowHash();
        auto inserted = insert->bind(1, a.id)
                            .bind(2, a.schoolId)
                            .bind(3, a.userId)
                            .bind(4, toString(a.kind))
                            .bind(5, a.version)
                            .bind(6, a.sha256)
                            .bind(7, a.acceptedAt)
                            .bind(8, a.deviceId)
                            .bind(9, a.appVersion)
                            .bind(10, a.signatoryName)
                            .bind(11, a.signatoryPosition)
                            .bind(12, a.prevHash)
                            .bind(13, a.rowHash)
                            .run();
        if (!inserted)
            return inserted.error();
        if (auto kept = storeDocument(document, now); !kept && kept.error().code != ErrorCode::Conflict)
            return kept.error();
        previousHash = a.rowHash;
        recorded.append(a);
    }
    if (auto committed = tx.value()->commit(); !committed)
        return committed.error();
    return recorded;
}

namespace {

QList<Acceptance> acceptancesOf(const QList<StoredRow> &rows)
{
    QList<Acceptance> result;
    for (const StoredRow &row : rows)
        result.append(row.acceptance);
    return result;
}

}  // namespace

Result<QList<Acceptance>> LegalLedger::acceptances()
{
    auto rows = readRows(m_db);
    if (!rows)
        return rows.error();
    return acceptancesOf(rows.value());
}

Result<QList<Acceptance>> LegalLedger::unsynced(int limit)
{
    auto check = verify();
    if (!check)
        return check.error();
    auto query = m_db.prepare(kSelectUnsynced);
    if (!query)
        return query.error();
    query->bind(1, check->trustedFromSeq).bind(2, limit);
    auto rows = readRows(query.value());
    if (!rows)
        return rows.error();
    return acceptancesOf(rows.value());
}

Status LegalLedger::markUploaded(const QStringList &ids, Upload state)
{
    for (const QString &id : ids) {
        auto update = m_db.prepare("UPDATE acceptances SET synced = ?1 WHERE id = ?2");
        if (!update)
            return update.error();
        if (auto done = update->bind(1, static_cast<int>(state)).bind(2, id).run(); !done)
            return done.error();
    }
    return {};
}

Result<bool> LegalLedger::hasDocument(const QString &sha256)
{
    auto query = m_db.prepare("SELECT count(*) FROM legal_documents WHERE sha256 = ?1");
    if (!query)
        return query.error();
    auto row = query->bind(1, sha256).next();
    if (!row)
        return row.error();
    return query->int64(0) > 0;
}

Status LegalLedger::setServerRequired(const QStringList &sha256s)
{
    auto query = m_db.prepare("INSERT OR REPLACE INTO sync_state (name, value) VALUES (?1, ?2)");
    if (!query)
        return query.error();
    return query->bind(1, kServerRequired).bind(2, sha256s.join(QLatin1Char(','))).run();
}

}  // namespace otrack
