#include "legalstore.h"

#include "csvwriter.h"
#include "schooladmin.h"
#include "serverdatabase.h"
#include "statementcache.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// A refusal of record `index` of a batch, naming its field.
Error refused(ErrorCode code, qsizetype index, const QString &field, const QString &why)
{
    return Error{code, u"field 'acceptances[%1].%2' %3"_s.arg(index).arg(field, why)};
}

QVariant textOrNull(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant();
}

PublishedDocument documentWithoutBody(const QSqlQuery &query)
{
    PublishedDocument document;
    document.kind = legalKindFromString(query.value(0).toString()).value_or(LegalKind::PrivacyPolicy);
    document.version = query.value(1).toString();
    document.title = query.value(2).toString();
    document.sha256 = query.value(3).toString();
    document.effectiveDate = QDate::fromString(query.value(4).toString(), Qt::ISODate);
    document.audience = query.value(5).toString();
    document.summary = query.value(6).toString();
    document.publishedAt = query.value(7).toLongLong();
    return document;
}

const QString kDocumentColumns = u"kind, version, title, sha256, effective_date, audience, summary, published_at"_s;

}  // namespace

QStringList LedgerEntry::columns()
{
    return {u"accepted_at"_s, u"received_at"_s,    u"user_id"_s,           u"username"_s, u"display_name"_s,
            u"role"_s,        u"kind"_s,           u"version"_s,           u"sha256"_s,   u"device_id"_s,
            u"app_version"_s, u"signatory_name"_s, u"signatory_position"_s};
}

QStringList LedgerEntry::cells() const
{
    return {isoUtc(acceptedAt),
            isoUtc(receivedAt),
            userId,
            username,
            displayName,
            role,
            kind,
            version,
            sha256,
            deviceId,
            appVersion,
            signatoryName,
            signatoryPosition};
}

LegalStore::LegalStore(QSqlDatabase db) : m_db(std::move(db))
{
}

bool LegalStore::isPostgres() const
{
    return m_db.driverName() == u"QPSQL"_s;
}

Result<LegalStore::Published> LegalStore::publish(PublishedDocument document, const QString &actorId, qint64 nowMs)
{
    if (!PublishedDocument::isValidVersion(document.version))
        return Error{ErrorCode::InvalidArgument, u"a version must be a dotted number such as 1.2"_s};
    if (document.title.trimmed().isEmpty() || document.title.size() > PublishedDocument::kMaxTitleLength)
        return Error{ErrorCode::InvalidArgument, u"a title must be 1 to 200 characters"_s};
    if (document.audience.trimmed().isEmpty() || document.audience.size() > PublishedDocument::kMaxAudienceLength)
        return Error{ErrorCode::InvalidArgument, u"an audience must be 1 to 200 characters"_s};
    if (document.summary.size() > PublishedDocument::kMaxSummaryLength)
        return Error{ErrorCode::InvalidArgument, u"a summary must be at most 2000 characters"_s};
    if (!document.effectiveDate.isValid())
        return Error{ErrorCode::InvalidArgument, u"the effective date is not a valid date"_s};
    if (document.body.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, u"the document's text is empty"_s};
    if (document.body.toUtf8().size() > PublishedDocument::kMaxBodyBytes)
        return Error{ErrorCode::InvalidArgument, u"the document's text is larger than 1 MiB"_s};
    document.sha256 = PublishedDocument::sha256Of(document.body);

    WriteTransaction transaction(m_db);
    if (Status begun = transaction.begin(u"publishing a legal document"_s); !begun)
        return begun.error();
    QSqlQuery query(m_db);
    if (Status s
        = execSql(query, u"SELECT "_s + kDocumentColumns + u" FROM legal_documents WHERE kind = ? AND version = ?"_s,
                  {toString(document.kind), document.version}, u"finding the document"_s);
        !s)
        return s.error();
    if (query.next()) {
        PublishedDocument existing = documentWithoutBody(query);
        if (existing.sha256 != document.sha256)
            return Error{ErrorCode::AlreadyExists,
                         u"%1 version %2 is already published with a different text; publish a new version"_s.arg(
                             toString(document.kind), document.version)};
        existing.body = document.body;
        return Published{existing, false};
    }
    // Clients take the highest version number of a kind as its current text, the server the
    // last published: a new version must be both, so the two never disagree.
    if (Status s = execSql(query, u"SELECT version, published_at FROM legal_documents WHERE kind = ?"_s,
                           {toString(document.kind)}, u"reading the latest version"_s);
        !s)
        return s.error();
    const QVersionNumber number = LegalDocument::versionNumberOf(document.version);
    qint64 latest = 0;
    while (query.next()) {
        const QString version = query.value(0).toString();
        if (LegalDocument::versionNumberOf(version) >= number)
            return Error{ErrorCode::InvalidArgument,
                         u"%1 version %2 is not newer than version %3, already published"_s.arg(
                             toString(document.kind), document.version, version)};
        latest = qMax(latest, query.value(1).toLongLong());
    }
    // Strictly after the kind's previous version, so "current" never depends on a clock tie.
    document.publishedAt = qMax(nowMs, latest + 1);
    if (Status s = execSql(query,
                           u"INSERT INTO legal_documents (kind, version, title, body, sha256, effective_date, "
                           u"audience, summary, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                           {toString(document.kind), document.version, document.title, document.body, document.sha256,
                            document.effectiveDate.toString(Qt::ISODate), document.audience, document.summary,
                            document.publishedAt},
                           u"publishing the document"_s);
        !s)
        return s.error();
    if (Status s
        = SchoolAdmin::audit(m_db, QString(), actorId, u"publish_document"_s, u"legal_document"_s,
                             toString(document.kind) + u'/' + document.version, u"sha256="_s + document.sha256);
        !s)
        return s.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return Published{document, true};
}

Result<QList<PublishedDocument>> LegalStore::currentDocuments()
{
    QSqlQuery query(m_db);
    // A handful of rows: every version, newest first within each kind.
    if (Status s = execSql(query,
                           u"SELECT "_s + kDocumentColumns
                               + u" FROM legal_documents ORDER BY kind, published_at DESC, version DESC"_s,
                           {}, u"listing legal documents"_s);
        !s)
        return s.error();
    QList<PublishedDocument> latest;
    while (query.next()) {
        PublishedDocument document = documentWithoutBody(query);
        if (latest.isEmpty() || latest.back().kind != document.kind)
            latest.append(std::move(document));
    }
    std::sort(latest.begin(), latest.end(),
              [](const PublishedDocument &a, const PublishedDocument &b) { return a.kind < b.kind; });
    return latest;
}

Result<PublishedDocument> LegalStore::document(LegalKind kind, const QString &version)
{
    QSqlQuery query(m_db);
    if (Status s = execSql(
            query, u"SELECT "_s + kDocumentColumns + u", body FROM legal_documents WHERE kind = ? AND version = ?"_s,
            {toString(kind), version}, u"reading a legal document"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such version of that document"_s};
    PublishedDocument document = documentWithoutBody(query);
    document.body = query.value(8).toString();
    return document;
}

Result<QList<LegalKind>> LegalStore::kindsToAccept(const Caller &caller)
{
    // Asked before every push and pull: the statement is prepared once per connection.
    auto statement
        = StatementCache::get(m_db,
                              u"SELECT d.kind, EXISTS (SELECT 1 FROM acceptances a WHERE a.school_id = ? AND "
                              u"a.user_id = ? AND a.kind = d.kind AND a.version = d.version AND a.sha256 = d.sha256) "
                              u"FROM legal_documents d ORDER BY d.kind, d.published_at DESC, d.version DESC"_s);
    if (!statement)
        return statement.error();
    QSqlQuery &query = **statement;
    if (Status s = execSql(query, {caller.schoolId, caller.userId}, u"checking the caller's acceptances"_s); !s)
        return s.error();
    const auto finished = qScopeGuard([&] { query.finish(); });
    QList<LegalKind> missing;
    QString previousKind;
    while (query.next()) {
        const QString kind = query.value(0).toString();
        if (kind == previousKind)
            continue;  // an older version of a kind already decided
        previousKind = kind;
        if (!query.value(1).toBool())
            missing.append(legalKindFromString(kind).value_or(LegalKind::PrivacyPolicy));
    }
    std::sort(missing.begin(), missing.end());
    return missing;
}

Result<AcceptanceResponse> LegalStore::recordAcceptances(const Caller &caller, const QList<AcceptanceRecord> &records,
                                                         qint64 nowMs)
{
    WriteTransaction transaction(m_db);
    if (Status begun = transaction.begin(u"recording acceptances"_s); !begun)
        return begun.error();
    // The school's row first, as every writer of school data takes it (syncservice.h): one
    // lock order, and the status cannot change under a signature.
    QSqlQuery query(m_db);
    if (Status s = execSql(query,
                           isPostgres() ? u"SELECT status FROM schools WHERE id = ? FOR UPDATE"_s
                                        : u"SELECT status FROM schools WHERE id = ?"_s,
                           {caller.schoolId}, u"locking the school"_s);
        !s)
        return s.error();
    if (!query.next())
        return Error{ErrorCode::NotFound, u"no such school"_s};
    AcceptanceResponse response;
    response.schoolStatus = schoolStatusFromString(query.value(0).toString()).value_or(SchoolStatus::Suspended);
    // The Data Processing Terms version that a signature must be of to activate the school.
    auto current = currentDocuments();
    if (!current)
        return current.error();
    QString currentTerms;
    for (const PublishedDocument &document : current.value())
        if (document.kind == LegalKind::DataProcessingTerms)
            currentTerms = document.version;

    for (qsizetype i = 0; i < records.size(); ++i) {
        const AcceptanceRecord &record = records.at(i);
        const QString kind = toString(record.kind);
        if (record.deviceId != caller.deviceId)
            return refused(ErrorCode::InvalidArgument, i, u"device_id"_s, u"is not the device of this session"_s);

        if (Status s = execSql(query,
                               u"SELECT school_id, user_id, kind, version, sha256, signatory_name, signatory_position "
                               u"FROM acceptances WHERE id = ?"_s,
                               {record.id}, u"finding the acceptance"_s);
            !s)
            return s.error();
        if (query.next()) {
            const bool same = query.value(0).toString() == caller.schoolId && query.value(1).toString() == caller.userId
                && query.value(2).toString() == kind && query.value(3).toString() == record.version
                && query.value(4).toString() == record.sha256
                && query.value(5).toString() == record.signatoryName.value_or(QString())
                && query.value(6).toString() == record.signatoryPosition.value_or(QString());
            if (!same)
                return refused(ErrorCode::Conflict, i, u"id"_s, u"is already used by a different acceptance"_s);
            response.results.append(AcceptanceResult{record.id, AcceptanceOutcome::Duplicate});
            continue;
        }

        if (Status s = execSql(query, u"SELECT sha256 FROM legal_documents WHERE kind = ? AND version = ?"_s,
                               {kind, record.version}, u"finding the document"_s);
            !s)
            return s.error();
        if (!query.next())
            return refused(ErrorCode::NotFound, i, u"version"_s, u"is not a published version of %1"_s.arg(kind));
        if (query.value(0).toString() != record.sha256)
            return refused(ErrorCode::Conflict, i, u"sha256"_s,
                           u"does not match the published text of %1 version %2"_s.arg(kind, record.version));
        if (record.isSignature() && caller.role != Role::Owner)
            return refused(ErrorCode::Forbidden, i, u"signatory_name"_s,
                           u"refused: only the school's owner may sign the Data Processing Terms"_s);

        if (Status s = execSql(query,
                               u"INSERT INTO acceptances (id, school_id, user_id, kind, version, sha256, accepted_at, "
                               u"device_id, app_version, signatory_name, signatory_position, received_at) "
                               u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                               {record.id, caller.schoolId, caller.userId, kind, record.version, record.sha256,
                                record.acceptedAt, record.deviceId, record.appVersion, textOrNull(record.signatoryName),
                                textOrNull(record.signatoryPosition), nowMs},
                               u"recording the acceptance"_s);
            !s)
            return s.error();
        if (Status s = SchoolAdmin::audit(m_db, caller.schoolId, caller.userId,
                                          record.isSignature() ? u"sign_document"_s : u"accept_document"_s,
                                          u"acceptance"_s, record.id, kind + u'/' + record.version);
            !s)
            return s.error();
        response.results.append(AcceptanceResult{record.id, AcceptanceOutcome::Recorded});

        if (record.isSignature() && record.version == currentTerms
            && response.schoolStatus == SchoolStatus::AwaitingTerms) {
            if (Status s = execSql(query, u"UPDATE schools SET status = ? WHERE id = ?"_s,
                                   {toString(SchoolStatus::Active), caller.schoolId}, u"activating the school"_s);
                !s)
                return s.error();
            if (Status s = SchoolAdmin::audit(m_db, caller.schoolId, caller.userId, u"set_school_status"_s, u"school"_s,
                                              caller.schoolId, u"status=active;acceptance="_s + record.id);
                !s)
                return s.error();
            response.schoolStatus = SchoolStatus::Active;
        }
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return response;
}

Result<QList<LedgerEntry>> LegalStore::ledger(const QString &schoolId)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (Status s = execSql(query,
                           u"SELECT a.accepted_at, a.received_at, a.user_id, s.username, s.display_name, s.role, "
                           u"a.kind, a.version, a.sha256, a.device_id, a.app_version, a.signatory_name, "
                           u"a.signatory_position FROM acceptances a "
                           u"LEFT JOIN staff s ON s.id = a.user_id AND s.school_id = a.school_id "
                           u"WHERE a.school_id = ? ORDER BY a.accepted_at, a.received_at, a.id"_s,
                           {schoolId}, u"reading the acceptance ledger"_s);
        !s)
        return s.error();
    QList<LedgerEntry> entries;
    while (query.next()) {
        LedgerEntry entry;
        entry.acceptedAt = query.value(0).toLongLong();
        entry.receivedAt = query.value(1).toLongLong();
        entry.userId = query.value(2).toString();
        entry.username = query.value(3).toString();
        entry.displayName = query.value(4).toString();
        entry.role = query.value(5).toString();
        entry.kind = query.value(6).toString();
        entry.version = query.value(7).toString();
        entry.sha256 = query.value(8).toString();
        entry.deviceId = query.value(9).toString();
        entry.appVersion = query.value(10).toString();
        entry.signatoryName = query.value(11).toString();
        entry.signatoryPosition = query.value(12).toString();
        entries.append(std::move(entry));
    }
    return entries;
}

Status LegalStore::writeLedgerCsv(const QList<LedgerEntry> &entries, QIODevice *device)
{
    CsvWriter writer(device);
    if (Status s = writer.writeRow(LedgerEntry::columns()); !s)
        return s;
    for (const LedgerEntry &entry : entries)
        if (Status s = writer.writeRow(entry.cells()); !s)
            return s;
    return {};
}

}  // namespace otrack
