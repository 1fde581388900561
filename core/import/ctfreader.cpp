#include "ctfreader.h"

#include <QFile>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

struct FsmInstance {
    QDate start;
    QDate end;
};

struct SenEntry {
    QDate start;
    QDate end;
    QString provision;
};

// English and "believed to be English": the CBDS language codes that do not make a pupil EAL.
bool isEnglish(const QString &code)
{
    return code == u"ENG"_s || code == u"ENB"_s;
}

// "Not obtained" and "refused": the MIS does not know, so the import changes nothing.
bool isUnknownLanguage(const QString &code)
{
    return code.isEmpty() || code == u"NOT"_s || code == u"REF"_s;
}

class Parser {
public:
    Parser(QIODevice *device, const QDate &today) : m_xml(device), m_today(today) { }

    Result<SourceRecords> run();

private:
    Error fail(const QString &what) const
    {
        return Error{ErrorCode::InvalidArgument,
                     u"line %1, column %2: %3"_s.arg(m_xml.lineNumber()).arg(m_xml.columnNumber()).arg(what)};
    }
    // The stream's own error (malformed, truncated), or a refused token; nullopt when fine.
    std::optional<Error> streamError() const;
    // Advances to the next child start element of the current element, refusing what the
    // reader must never process. False at the parent's end or on an error.
    bool nextChild();
    QString text() { return m_xml.readElementText().trimmed(); }
    // Reads the current element's leaf children named in `fields` into their strings; skips
    // every other child.
    using Fields = std::initializer_list<std::pair<const char16_t *, QString *>>;
    void readLeaves(Fields fields);
    // Calls `each()` on every child element called `name` (positioned on it); skips the rest.
    template <typename Each>
    void forEachChild(QStringView name, Each each)
    {
        while (nextChild()) {
            if (m_xml.name() == name)
                each();
            else
                m_xml.skipCurrentElement();
        }
    }

    Status readHeader();
    void readPupil(ImportRecord &record, QList<FsmInstance> &fsm, QList<SenEntry> &sen, bool &sawFsm, bool &sawSen);
    void readFsm(QList<FsmInstance> &fsm);
    void readSen(QList<SenEntry> &sen);
    void readLanguages(ImportRecord &record);
    void readInCare(ImportRecord &record);
    void readStageAssessments(ImportRecord &record);
    void readKeyStage(ImportRecord &record);
    ImportRecord finishPupil(ImportRecord record, const QList<FsmInstance> &fsm, const QList<SenEntry> &sen,
                             bool sawFsm, bool sawSen) const;

    QXmlStreamReader m_xml;
    QDate m_today;
    QDate m_fileDate;
    SourceRecords m_read;
    std::optional<Error> m_refused;
};

std::optional<Error> Parser::streamError() const
{
    if (m_refused)
        return m_refused;
    if (m_xml.hasError()) {
        const QString what = m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
            ? u"the file ends early (truncated?): %1"_s.arg(m_xml.errorString())
            : u"not well-formed XML: %1"_s.arg(m_xml.errorString());
        return fail(what);
    }
    return std::nullopt;
}

bool Parser::nextChild()
{
    while (!m_xml.atEnd()) {
        switch (m_xml.readNext()) {
        case QXmlStreamReader::StartElement:
            return true;
        case QXmlStreamReader::EndElement:
            return false;
        case QXmlStreamReader::DTD:
            m_refused = fail(u"the file has a DOCTYPE declaration; a CTF never has one, and OTrack refuses it "
                             u"rather than read what it may name"_s);
            m_xml.raiseError(m_refused->message);
            return false;
        case QXmlStreamReader::EntityReference:
            m_refused = fail(u"the file refers to an entity ('&%1;'), which a CTF never does"_s.arg(m_xml.name()));
            m_xml.raiseError(m_refused->message);
            return false;
        default:
            break;  // characters, comments, processing instructions
        }
    }
    return false;
}

Status Parser::readHeader()
{
    while (nextChild()) {
        const auto name = m_xml.name();
        if (name == u"CTFversion"_s) {
            m_read.source.version = text();
        } else if (name == u"DocumentQualifier"_s) {
            m_read.source.documentQualifier = text();
        } else if (name == u"DateTime"_s) {
            m_read.source.createdAt = text();
        } else if (name == u"SourceSchool"_s) {
            readLeaves({{u"LEA", &m_read.source.sourceLea},
                        {u"Estab", &m_read.source.sourceEstab},
                        {u"SchoolName", &m_read.source.sourceSchoolName},
                        {u"AcademicYear", &m_read.source.academicYear}});
        } else {
            m_xml.skipCurrentElement();
        }
    }
    if (auto error = streamError())
        return *error;
    if (m_read.source.version.isEmpty())
        return fail(u"the header has no CTFversion"_s);
    bool ok = false;
    const int major = m_read.source.version.section(u'.', 0, 0).toInt(&ok);
    if (!ok)
        return fail(u"CTFversion '%1' is not a version number"_s.arg(m_read.source.version));
    if (major < CtfReader::kOldestVersion || major > CtfReader::kNewestVersion)
        return fail(u"CTF version %1 is not supported: OTrack reads CTF %2 to %3. Export the file again from an "
                    u"up-to-date MIS"_s.arg(m_read.source.version)
                        .arg(CtfReader::kOldestVersion)
                        .arg(CtfReader::kNewestVersion));
    const QDateTime created = QDateTime::fromString(m_read.source.createdAt, Qt::ISODate);
    m_fileDate = created.isValid() ? created.date() : m_today;
    return {};
}

void Parser::readLeaves(Fields fields)
{
    while (nextChild()) {
        QString *into = nullptr;
        for (const auto &[field, target] : fields)
            if (m_xml.name() == QStringView(field))
                into = target;
        if (into)
            *into = text();
        else
            m_xml.skipCurrentElement();
    }
}

void Parser::readFsm(QList<FsmInstance> &fsm)
{
    forEachChild(u"FSMinstance", [&] {
        QString start, end;
        readLeaves({{u"FSMstartDate", &start}, {u"FSMendDate", &end}});
        fsm.append(FsmInstance{QDate::fromString(start, Qt::ISODate), QDate::fromString(end, Qt::ISODate)});
    });
}

void Parser::readSen(QList<SenEntry> &sen)
{
    forEachChild(u"SEN", [&] {
        QString start, end, provision;
        readLeaves({{u"StartDate", &start}, {u"EndDate", &end}, {u"SENprovision", &provision}});
        sen.append(SenEntry{QDate::fromString(start, Qt::ISODate), QDate::fromString(end, Qt::ISODate), provision});
    });
}

void Parser::readLanguages(ImportRecord &record)
{
    forEachChild(u"Type", [&] {
        QString type, language;
        readLeaves({{u"LanguageType", &type}, {u"Language", &language}});
        language = language.toUpper();
        if (type == u"F"_s && !isUnknownLanguage(language))
            record.eal = isEnglish(language) ? u"0"_s : u"1"_s;
    });
}

void Parser::readInCare(ImportRecord &record)
{
    QString inCare;
    readLeaves({{u"InCareAtCurrentSchool", &inCare}});
    if (!inCare.isEmpty())
        record.lookedAfter = inCare;
}

void Parser::readKeyStage(ImportRecord &record)
{
    QString stage;
    const qsizetype first = record.results.size();
    while (nextChild()) {
        const auto name = m_xml.name();
        if (name == u"Stage"_s) {
            stage = text();
            continue;
        }
        if (name != u"StageAssessment"_s) {
            m_xml.skipCurrentElement();
            continue;
        }
        StatutoryResult result;
        readLeaves({{u"Locale", &result.locale},
                    {u"Year", &result.year},
                    {u"Subject", &result.subject},
                    {u"Method", &result.method},
                    {u"Component", &result.component},
                    {u"ResultStatus", &result.resultStatus},
                    {u"ResultQualifier", &result.resultQualifier},
                    {u"Result", &result.result}});
        record.results.append(result);
    }
    // <Stage> may follow its assessments in a file written by hand; it names them all.
    for (qsizetype i = first; i < record.results.size(); ++i)
        record.results[i].stage = stage;
}

void Parser::readStageAssessments(ImportRecord &record)
{
    forEachChild(u"KeyStage", [&] { readKeyStage(record); });
}

// A pupil's fields sit directly under <Pupil> or inside <BasicDetails>, depending on the
// version: the same reader serves both levels.
void Parser::readPupil(ImportRecord &record, QList<FsmInstance> &fsm, QList<SenEntry> &sen, bool &sawFsm, bool &sawSen)
{
    while (nextChild()) {
        const auto name = m_xml.name();
        const std::pair<const char16_t *, std::optional<QString> *> optionalFields[] = {
            {u"Surname", &record.legalSurname},
            {u"Forename", &record.legalForename},
            {u"PreferredSurname", &record.preferredSurname},
            {u"PreferredForename", &record.preferredForename},
            {u"DOB", &record.dateOfBirth},
            {u"Sex", &record.gender},
            {u"Gender", &record.gender},
            {u"NCyearActual", &record.yearGroup},
        };
        std::optional<QString> *into = nullptr;
        for (const auto &[field, target] : optionalFields)
            if (name == QStringView(field))
                into = target;
        if (into) {
            *into = text();
        } else if (name == u"UPN"_s) {
            record.upn = text().toUpper();
        } else if (name == u"FormerUPN"_s) {
            record.formerUpn = text().toUpper();
        } else if (name == u"BasicDetails"_s) {
            readPupil(record, fsm, sen, sawFsm, sawSen);
        } else if (name == u"FSMhistory"_s) {
            sawFsm = true;
            readFsm(fsm);
        } else if (name == u"SENhistory"_s) {
            sawSen = true;
            readSen(sen);
        } else if (name == u"Languages"_s) {
            readLanguages(record);
        } else if (name == u"InCare"_s) {
            readInCare(record);
        } else if (name == u"StageAssessments"_s) {
            readStageAssessments(record);
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

ImportRecord Parser::finishPupil(ImportRecord record, const QList<FsmInstance> &fsm, const QList<SenEntry> &sen,
                                 bool sawFsm, bool sawSen) const
{
    if (sawFsm) {
        bool eligible = false;
        for (const FsmInstance &instance : fsm)
            eligible = eligible
                || (instance.start.isValid() && instance.start <= m_fileDate
                    && (!instance.end.isValid() || instance.end >= m_fileDate));
        record.freeSchoolMeals = eligible ? u"1"_s : u"0"_s;
    }
    if (sawSen) {
        // The provision in force on the file's date, the latest started if several are.
        QString provision = u"N"_s;
        QDate latest;
        for (const SenEntry &entry : sen) {
            const bool current = (!entry.start.isValid() || entry.start <= m_fileDate)
                && (!entry.end.isValid() || entry.end >= m_fileDate);
            if (current && (!latest.isValid() || entry.start >= latest)) {
                provision = entry.provision;
                latest = entry.start.isValid() ? entry.start : latest;
            }
        }
        record.senStatus = provision;
    }
    return record;
}

Result<SourceRecords> Parser::run()
{
    m_read.source.format = u"ctf"_s;
    m_read.source.dateFormats = {u"yyyy-MM-dd"_s};
    if (!nextChild()) {
        if (auto error = streamError())
            return *error;
        return fail(u"the file has no XML elements"_s);
    }
    if (m_xml.name() != u"CTfile"_s)
        return fail(u"the root element is <%1>, not <CTfile>: this is not a Common Transfer File"_s.arg(m_xml.name()));
    bool sawHeader = false;
    while (nextChild()) {
        const auto name = m_xml.name();
        if (name == u"Header"_s) {
            if (Status s = readHeader(); !s)
                return s.error();
            sawHeader = true;
        } else if (name == u"CTFpupilData"_s) {
            if (!sawHeader)
                return fail(u"<CTFpupilData> comes before the <Header>"_s);
            forEachChild(u"Pupil", [&] {
                ImportRecord record;
                record.line = int(m_xml.lineNumber());
                record.ordinal = ++m_read.recordCount;
                QList<FsmInstance> fsm;
                QList<SenEntry> sen;
                bool sawFsm = false, sawSen = false;
                readPupil(record, fsm, sen, sawFsm, sawSen);
                if (!m_xml.hasError())
                    m_read.records.append(finishPupil(std::move(record), fsm, sen, sawFsm, sawSen));
            });
        } else {
            m_xml.skipCurrentElement();
        }
    }
    // Read to the end: a file cut after the last pupil is still truncated.
    while (!m_xml.atEnd() && !m_xml.hasError()) {
        const auto token = m_xml.readNext();
        if (token == QXmlStreamReader::DTD || token == QXmlStreamReader::EntityReference
            || token == QXmlStreamReader::StartElement) {
            m_xml.raiseError(u"unexpected content after </CTfile>"_s);
        }
    }
    if (auto error = streamError())
        return *error;
    if (!sawHeader)
        return fail(u"the file has no <Header>"_s);
    return std::move(m_read);
}

}  // namespace

Result<SourceRecords> CtfReader::read(QIODevice *device, const QDate &today)
{
    return Parser(device, today).run();
}

Result<SourceRecords> CtfReader::readFile(const QString &path, const QDate &today)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, u"cannot read %1: %2"_s.arg(path, file.errorString())};
    return read(&file, today);
}

}  // namespace otrack
