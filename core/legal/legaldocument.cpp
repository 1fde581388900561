#include "legaldocument.h"

#include "enumnames.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

namespace otrack {

namespace {

constexpr EnumNames<LegalKind, 4> kKinds{{
    {LegalKind::DataProcessingTerms, u"data_processing_terms"},
    {LegalKind::TermsAndConditions, u"terms_and_conditions"},
    {LegalKind::PrivacyPolicy, u"privacy_policy"},
    {LegalKind::CookiePolicy, u"cookie_policy"},
}};

const QString kFence = QStringLiteral("---");
const QStringList kFields = {QStringLiteral("kind"),     QStringLiteral("version"), QStringLiteral("effective-date"),
                             QStringLiteral("audience"), QStringLiteral("title"),   QStringLiteral("summary")};

Error malformed(int line, const QString &what)
{
    return Error{ErrorCode::InvalidArgument, QStringLiteral("legal document header, line %1: %2").arg(line).arg(what)};
}

Error malformed(const QString &what)
{
    return Error{ErrorCode::InvalidArgument, QStringLiteral("legal document header: %1").arg(what)};
}

}  // namespace

QString toString(LegalKind kind)
{
    return enumName(kKinds, kind);
}

std::optional<LegalKind> legalKindFromString(const QString &text)
{
    return enumFromName(kKinds, text);
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Result<LegalDocument> LegalDocument::parse(const QByteArray &text)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder(text);
    if (decoder.hasError() || decoded.contains(QChar(u'\0')))
        return malformed(QStringLiteral("the text is not valid UTF-8"));

    // Lines may end in CRLF (a file published from Windows); the hash is over the bytes as given.
    QStringList lines = decoded.split(u'\n');
    for (QString &line : lines)
        if (line.endsWith(u'\r'))
            line.chop(1);
    if (lines.constFirst() != kFence)
        return malformed(1, QStringLiteral("the file must start with a line holding only '---'"));

    QHash<QString, QString> fields;
    qsizetype end = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const int lineNumber = static_cast<int>(i + 1);
        if (line.isEmpty() && i == lines.size() - 1)
            break;  // the text ends with a newline: there is no line after it
        if (line == kFence) {
            end = i;
            break;
        }
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return malformed(lineNumber, QStringLiteral("expected 'field: value'"));
        const QString name = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (!kFields.contains(name))
            return malformed(lineNumber, QStringLiteral("unknown field '%1'").arg(name));
        if (fields.contains(name))
            return malformed(lineNumber, QStringLiteral("field '%1' appears twice").arg(name));
        if (value.isEmpty())
            return malformed(lineNumber, QStringLiteral("field '%1' is empty").arg(name));
        fields.insert(name, value);
    }
    if (end < 0)
        return malformed(QStringLiteral("no closing '---' line"));
    for (const QString &name : kFields)
        if (!fields.contains(name))
            return malformed(QStringLiteral("field '%1' is missing").arg(name));

    LegalDocument doc;
    const auto kind = legalKindFromString(fields.value(QStringLiteral("kind")));
    if (!kind)
        return malformed(QStringLiteral("unknown kind '%1'").arg(fields.value(QStringLiteral("kind"))));
    doc.m_kind = *kind;

    doc.m_version = fields.value(QStringLiteral("version"));
    doc.m_versionNumber = versionNumberOf(doc.m_version);
    if (doc.m_versionNumber.isNull())
        return malformed(QStringLiteral("version '%1' is not a dotted number such as 1.2").arg(doc.m_version));

    const QString date = fields.value(QStringLiteral("effective-date"));
    doc.m_effectiveDate = QDate::fromString(date, Qt::ISODate);
    if (!doc.m_effectiveDate.isValid() || date.size() != 10)
        return malformed(QStringLiteral("effective-date '%1' is not a date such as 2026-09-01").arg(date));

    QSet<QString> seen;
    for (const QString &part : fields.value(QStringLiteral("audience")).split(u',')) {
        const QString audience = part.trimmed();
        if (audience != kAudienceStaff && audience != kAudienceSignatory)
            return malformed(QStringLiteral("audience '%1' is not 'staff' or 'signatory'").arg(audience));
        if (seen.contains(audience))
            return malformed(QStringLiteral("audience '%1' appears twice").arg(audience));
        seen.insert(audience);
        doc.m_audience.append(audience);
    }

    doc.m_title = fields.value(QStringLiteral("title"));
    doc.m_summary = fields.value(QStringLiteral("summary"));
    doc.m_body = lines.mid(end + 1).join(u'\n').trimmed();
    if (doc.m_body.isEmpty())
        return malformed(QStringLiteral("the document has no text after its header"));
    doc.m_text = text;
    doc.m_sha256 = sha256Hex(text);
    return doc;
}

QVersionNumber LegalDocument::versionNumberOf(const QString &version)
{
    qsizetype suffix = 0;
    const QVersionNumber number = QVersionNumber::fromString(version, &suffix);
    return suffix == version.size() ? number : QVersionNumber();
}

bool LegalDocument::isNewerThan(const LegalDocument &other) const
{
    return m_versionNumber > other.m_versionNumber;
}

}  // namespace otrack
