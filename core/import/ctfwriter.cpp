#include "ctfwriter.h"

#include <QIODevice>
#include <QMap>
#include <QRegularExpression>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace otrack {

Status CtfWriter::write(QIODevice *device, const CtfHeader &header, const QList<CtfPupil> &pupils)
{
    static const QRegularExpression lea(u"^\\d{3}$"_s), estab(u"^\\d{4}$"_s);
    if (!lea.match(header.lea).hasMatch() || !estab.match(header.estab).hasMatch())
        return Error{ErrorCode::InvalidArgument,
                     u"a CTF names the school by its LA number (3 digits) and establishment number (4 digits)"_s};
    QXmlStreamWriter xml(device);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(u"CTfile"_s);
    xml.writeStartElement(u"Header"_s);
    xml.writeTextElement(u"DocumentName"_s, u"Common Transfer File"_s);
    xml.writeTextElement(u"CTFversion"_s, u"25.0"_s);
    xml.writeTextElement(u"DateTime"_s, header.created.toString(u"yyyy-MM-ddTHH:mm:ss"_s));
    xml.writeTextElement(u"DocumentQualifier"_s, u"partial"_s);
    xml.writeTextElement(u"SupplierID"_s, u"OTrack"_s);
    xml.writeStartElement(u"SourceSchool"_s);
    xml.writeTextElement(u"LEA"_s, header.lea);
    xml.writeTextElement(u"Estab"_s, header.estab);
    xml.writeTextElement(u"SchoolName"_s, header.schoolName);
    xml.writeTextElement(u"AcademicYear"_s, header.academicYear);
    xml.writeEndElement();
    xml.writeStartElement(u"DestSchool"_s);
    xml.writeTextElement(u"LEA"_s, header.lea);
    xml.writeTextElement(u"Estab"_s, header.estab);
    xml.writeEndElement();
    xml.writeEndElement();  // Header

    xml.writeStartElement(u"CTFpupilData"_s);
    for (const CtfPupil &pupil : pupils) {
        xml.writeStartElement(u"Pupil"_s);
        xml.writeTextElement(u"UPN"_s, pupil.upn);
        xml.writeTextElement(u"Surname"_s, pupil.surname);
        xml.writeTextElement(u"Forename"_s, pupil.forename);
        if (pupil.dateOfBirth.isValid())
            xml.writeTextElement(u"DOB"_s, pupil.dateOfBirth.toString(Qt::ISODate));
        if (!pupil.gender.isEmpty())
            xml.writeTextElement(u"Sex"_s, pupil.gender);
        if (!pupil.results.isEmpty()) {
            QMap<QString, QList<const StatutoryResult *>> byStage;
            for (const StatutoryResult &result : pupil.results)
                byStage[result.stage].append(&result);
            xml.writeStartElement(u"StageAssessments"_s);
            for (auto it = byStage.cbegin(); it != byStage.cend(); ++it) {
                xml.writeStartElement(u"KeyStage"_s);
                xml.writeTextElement(u"Stage"_s, it.key());
                for (const StatutoryResult *result : it.value()) {
                    xml.writeStartElement(u"StageAssessment"_s);
                    const std::pair<const char16_t *, const QString *> fields[] = {
                        {u"Locale", &result->locale},
                        {u"Year", &result->year},
                        {u"Subject", &result->subject},
                        {u"Method", &result->method},
                        {u"Component", &result->component},
                        {u"ResultStatus", &result->resultStatus},
                        {u"ResultQualifier", &result->resultQualifier},
                        {u"Result", &result->result},
                    };
                    for (const auto &[name, value] : fields)
                        if (!value->isEmpty())
                            xml.writeTextElement(QString::fromUtf16(name), *value);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();  // Pupil
    }
    xml.writeEndElement();  // CTFpupilData
    xml.writeEndDocument();
    if (xml.hasError())
        return Error{ErrorCode::NotWritable, u"writing the CTF: "_s + device->errorString()};
    return {};
}

}  // namespace otrack
