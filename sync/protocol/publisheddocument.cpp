#include "publisheddocument.h"

#include "jsondecode.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace otrack {

using protocol::invalid;
using protocol::prefixed;

QString PublishedDocument::sha256Of(const QString &text)
{
    return sha256Hex(text.toUtf8());
}

bool PublishedDocument::isValidVersion(const QString &version)
{
    return version.size() <= kMaxVersionLength && !LegalDocument::versionNumberOf(version).isNull();
}

bool PublishedDocument::isSha256Hex(const QString &text)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{64}$"_s);
    return pattern.match(text).hasMatch();
}

QJsonObject PublishedDocument::toJson(Body withBody) const
{
    QJsonObject json{{u"kind"_s, toString(kind)}, {u"version"_s, version},
                     {u"title"_s, title},         {u"effective_date"_s, effectiveDate.toString(Qt::ISODate)},
                     {u"audience"_s, audience},   {u"summary"_s, summary},
                     {u"sha256"_s, sha256},       {u"published_at"_s, publishedAt}};
    if (withBody == Body::Include)
        json.insert(u"body"_s, body);
    return json;
}

QByteArray PublishedDocument::encode() const
{
    // A published text is never empty: an empty body is one that was left out (a list entry).
    return QJsonDocument(toJson(body.isEmpty() ? Body::Omit : Body::Include)).toJson(QJsonDocument::Compact);
}

Result<PublishedDocument> PublishedDocument::fromJson(const QJsonObject &json, const QString &path)
{
    PublishedDocument document;
    auto kindText = protocol::requireString(json, u"kind"_s);
    if (!kindText)
        return prefixed(kindText.error(), path);
    const auto kind = legalKindFromString(*kindText);
    if (!kind)
        return prefixed(invalid(u"field 'kind' is not a known kind of document"_s), path);
    document.kind = *kind;

    auto version = protocol::requireString(json, u"version"_s);
    if (!version)
        return prefixed(version.error(), path);
    if (!isValidVersion(*version))
        return prefixed(invalid(u"field 'version' must be a dotted number such as 1.2"_s), path);
    document.version = *version;

    auto title = protocol::requireText(json, u"title"_s, kMaxTitleLength);
    if (!title)
        return prefixed(title.error(), path);
    document.title = *title;

    auto date = protocol::requireString(json, u"effective_date"_s);
    if (!date)
        return prefixed(date.error(), path);
    document.effectiveDate = QDate::fromString(*date, Qt::ISODate);
    if (!document.effectiveDate.isValid())
        return prefixed(invalid(u"field 'effective_date' is not a date (YYYY-MM-DD)"_s), path);

    auto audience = protocol::requireText(json, u"audience"_s, kMaxAudienceLength);
    if (!audience)
        return prefixed(audience.error(), path);
    document.audience = *audience;

    auto summary = protocol::optionalString(json, u"summary"_s);
    if (!summary)
        return prefixed(summary.error(), path);
    document.summary = summary->value_or(QString());
    if (document.summary.size() > kMaxSummaryLength)
        return prefixed(invalid(u"field 'summary' is too long"_s), path);

    auto sha = protocol::requireString(json, u"sha256"_s);
    if (!sha)
        return prefixed(sha.error(), path);
    if (!isSha256Hex(*sha))
        return prefixed(invalid(u"field 'sha256' is not a lower-case hex SHA-256"_s), path);
    document.sha256 = *sha;

    auto published = protocol::requireInteger(json, u"published_at"_s);
    if (!published)
        return prefixed(published.error(), path);
    document.publishedAt = *published;

    auto body = protocol::optionalString(json, u"body"_s);
    if (!body)
        return prefixed(body.error(), path);
    if (*body) {
        if (sha256Of(**body) != document.sha256)
            return prefixed(invalid(u"field 'body' does not match its sha256"_s), path);
        document.body = **body;
    }
    return document;
}

Result<PublishedDocument> PublishedDocument::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(*json);
}

}  // namespace otrack
