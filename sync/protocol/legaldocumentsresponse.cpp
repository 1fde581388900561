#include "legaldocumentsresponse.h"

#include "jsondecode.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace otrack {

using protocol::invalid;

QJsonObject LegalDocumentsResponse::toJson() const
{
    QJsonArray documentArray;
    for (const PublishedDocument &document : documents)
        documentArray.append(document.toJson(PublishedDocument::Body::Omit));
    QJsonArray kinds;
    for (LegalKind kind : toAccept)
        kinds.append(toString(kind));
    return QJsonObject{{u"documents"_s, documentArray}, {u"to_accept"_s, kinds}};
}

QByteArray LegalDocumentsResponse::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<LegalDocumentsResponse> LegalDocumentsResponse::fromJson(const QJsonObject &json)
{
    LegalDocumentsResponse response;
    const QJsonValue documents = json.value(u"documents"_s);
    if (!documents.isArray())
        return invalid(documents.isUndefined() ? u"field 'documents' is missing"_s
                                               : u"field 'documents': expected an array"_s);
    const QJsonArray documentArray = documents.toArray();
    for (qsizetype i = 0; i < documentArray.size(); ++i) {
        const QString path = u"documents[%1]"_s.arg(i);
        if (!documentArray.at(i).isObject())
            return invalid(u"field '%1': expected an object"_s.arg(path));
        auto document = PublishedDocument::fromJson(documentArray.at(i).toObject(), path);
        if (!document)
            return document.error();
        response.documents.append(std::move(document.value()));
    }
    const QJsonValue toAccept = json.value(u"to_accept"_s);
    if (!toAccept.isArray())
        return invalid(toAccept.isUndefined() ? u"field 'to_accept' is missing"_s
                                              : u"field 'to_accept': expected an array"_s);
    const QJsonArray kinds = toAccept.toArray();
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const auto kind = legalKindFromString(kinds.at(i).toString());
        if (!kind)
            return invalid(u"field 'to_accept[%1]' is not a known kind of document"_s.arg(i));
        response.toAccept.append(*kind);
    }
    return response;
}

Result<LegalDocumentsResponse> LegalDocumentsResponse::decode(const QByteArray &bytes)
{
    auto json = protocol::parseJsonObject(bytes);
    if (!json)
        return json.error();
    return fromJson(*json);
}

}  // namespace otrack
