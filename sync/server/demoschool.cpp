#include "demoschool.h"

#include "schooladmin.h"
#include "securebytes.h"
#include "serverdatabase.h"
#include "upn.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// splitmix64: the same numbers for a seed on every platform and compiler (unlike the
// distributions of <random>).
class Random {
public:
    explicit Random(quint64 seed) : m_state(seed) { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<quint64>(n)); }
    template <std::size_t N>
    const char *pick(const std::array<const char *, N> &items)
    {
        return items[static_cast<std::size_t>(below(static_cast<int>(N)))];
    }

private:
    quint64 m_state;
};

const std::array<const char *, 48> kFirstNames{
    "Oliver",   "Amelia", "George", "Isla",  "Noah",  "Ava",      "Arthur",  "Mia",   "Leo",    "Ivy",
    "Oscar",    "Lily",   "Harry",  "Freya", "Jack",  "Florence", "Charlie", "Grace", "Jacob",  "Evie",
    "Thomas",   "Sophia", "Henry",  "Ella",  "Alfie", "Poppy",    "Theo",    "Rosie", "Archie", "Willow",
    "Muhammad", "Aisha",  "Joshua", "Zara",  "Ethan", "Maya",     "Samuel",  "Ruby",  "Finley", "Hannah",
    "Reuben",   "Erin",   "Dylan",  "Megan", "Rhys",  "Seren",    "Kai",     "Nia"};
const std::array<const char *, 40> kSurnames{
    "Smith",  "Jones",    "Taylor", "Brown",   "Williams", "Wilson",  "Johnson", "Davies", "Patel", "Robinson",
    "Wright", "Thompson", "Evans",  "Walker",  "White",    "Roberts", "Green",   "Hall",   "Wood",  "Jackson",
    "Clarke", "Khan",     "Hughes", "Edwards", "Turner",   "Hill",    "Moore",   "Cooper", "Ward",  "Morris",
    "King",   "Harris",   "Baker",  "Lewis",   "Martin",   "Begum",   "Shaw",    "Lloyd",  "Price", "Owen"};
const std::array<const char *, 2> kClassNames{"Oak", "Willow"};

struct FrameworkText {
    const char *name;
    const char *subject;
    int keyStage;
    std::array<const char *, 10> statements;
};

// Objective statements written for OTrack's demo, in plain English.
const std::array<FrameworkText, 6> kFrameworks{{
    {"KS1 Maths",
     "maths",
     1,
     {"Counts forwards and backwards to 100 from any number", "Reads and writes numbers to 100 in numerals",
      "Knows number bonds to 10 and uses them to find bonds to 20", "Adds and subtracts a two-digit number and ones",
      "Recalls the 2, 5 and 10 multiplication facts", "Finds a half and a quarter of a shape or a small set",
      "Measures length in centimetres and metres with a ruler", "Tells the time to the quarter hour",
      "Recognises and names common 2-D and 3-D shapes", "Reads simple pictograms and tally charts"}},
    {"KS1 Reading",
     "reading",
     1,
     {"Blends sounds to read unfamiliar words", "Reads common exception words by sight",
      "Reads aloud books matched to their phonics with some fluency", "Retells a familiar story in order",
      "Explains what has happened so far in a story", "Makes a sensible prediction from what they have read",
      "Answers simple questions about a non-fiction text",
      "Notices when a sentence does not make sense and corrects it", "Talks about favourite words and phrases",
      "Recites a few poems by heart"}},
    {"KS1 Writing",
     "writing",
     1,
     {"Forms lower-case letters of the right size and direction", "Leaves spaces between words",
      "Writes sentences with a capital letter and a full stop", "Spells many common exception words correctly",
      "Joins ideas with and, but, or and because", "Uses question and exclamation marks correctly",
      "Writes a short narrative about their own experience", "Writes simple instructions in order",
      "Re-reads their writing to check it makes sense", "Uses the present and past tense mostly correctly"}},
    {"KS2 Maths",
     "maths",
     2,
     {"Reads, writes and orders numbers to 10 million", "Uses formal written methods for all four operations",
      "Recalls multiplication facts to 12 x 12", "Adds and subtracts fractions with different denominators",
      "Converts between fractions, decimals and percentages", "Solves problems involving ratio and proportion",
      "Uses simple formulae and expresses missing numbers algebraically",
      "Calculates the area and perimeter of rectilinear shapes", "Measures and draws angles in degrees",
      "Interprets and constructs line graphs and pie charts"}},
    {"KS2 Reading",
     "reading",
     2,
     {"Reads age-appropriate books fluently and with confidence", "Summarises the main ideas of a paragraph",
      "Infers characters' feelings and motives from their actions", "Justifies an opinion with evidence from the text",
      "Explains how language and structure affect meaning", "Retrieves and records information from non-fiction",
      "Distinguishes between statements of fact and opinion", "Asks questions to improve their understanding",
      "Compares themes across books they have read", "Works out the meaning of new words from context"}},
    {"KS2 Writing",
     "writing",
     2,
     {"Plans writing by considering the audience and purpose", "Describes settings, characters and atmosphere",
      "Uses paragraphs to organise ideas", "Uses relative clauses and a range of conjunctions",
      "Punctuates direct speech correctly", "Uses commas to make meaning clear",
      "Chooses vocabulary and grammar to suit formal or informal writing",
      "Spells most words from the Year 5-6 list correctly", "Writes legibly and fluently in joined handwriting",
      "Proof-reads for spelling and punctuation errors"}},
}};

const std::array<const char *, 6> kTermNames{"Autumn 1", "Autumn 2", "Spring 1", "Spring 2", "Summer 1", "Summer 2"};
const std::array<const char *, 3> kValueCodes{"WTS", "EXP", "GDS"};

QString yearName(int year)
{
    return year == 0 ? u"Reception"_s : u"Year %1"_s.arg(year);
}

QString randomPassword()
{
    // No look-alike characters (0/O, 1/l/I): read off a screen and typed in.
    static const char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const SecureBytes bytes = SecureBytes::random(16);
    QString password;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        password += QLatin1Char(kAlphabet[bytes.data()[i] % (sizeof(kAlphabet) - 1)]);
        if (i % 4 == 3 && i + 1 < bytes.size())
            password += u'-';
    }
    return password;
}

struct DemoPupil {
    QString id;
    int year = 0;
    int classIndex = 0;  // into the classes list
    std::array<int, 3> level{};  // per subject: 0 WTS, 1 EXP, 2 GDS
};

// Inserts marks in multi-row INSERTs, one transaction per block, seq from one allocation.
class MarkWriter {
public:
    MarkWriter(QSqlDatabase db, QString schoolId) : m_db(std::move(db)), m_schoolId(std::move(schoolId)) { }

    struct Row {
        QString pupilId, termId, objectiveId, value, authorId;
    };

    Status add(Row row)
    {
        m_rows.append(std::move(row));
        return m_rows.size() >= kTransactionRows ? flush() : Status{};
    }

    Status flush()
    {
        if (m_rows.isEmpty())
            return {};
        WriteTransaction transaction(m_db);
        if (Status s = transaction.begin(u"the demo marks"_s); !s)
            return s;
        if (Status s = write(); !s)
            return s;
        if (Status s = transaction.commit(); !s)
            return s;
        m_written += m_rows.size();
        m_rows.clear();
        return {};
    }

    qint64 written() const { return m_written; }

private:
    static constexpr int kTransactionRows = 50000;
    static constexpr int kStatementRows = 200;

    Status write()
    {
        auto first = SchoolAdmin::allocateSequence(m_db, m_schoolId, m_rows.size());
        if (!first)
            return first.error();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QSqlQuery full(m_db);
        QString fullSql;
        for (qsizetype start = 0; start < m_rows.size(); start += kStatementRows) {
            const qsizetype count = qMin<qsizetype>(kStatementRows, m_rows.size() - start);
            QString sql = u"INSERT INTO marks (school_id, pupil_id, term_id, objective_id, value, note, author_id, "
                          u"client_time, server_time, version, seq) VALUES "_s;
            for (qsizetype i = 0; i < count; ++i)
                sql += i == 0 ? u"(?, ?, ?, ?, ?, '', ?, ?, ?, 1, ?)"_s : u", (?, ?, ?, ?, ?, '', ?, ?, ?, 1, ?)"_s;
            QSqlQuery partial(m_db);
            QSqlQuery *query = &partial;
            if (count == kStatementRows) {
                if (fullSql.isEmpty()) {
                    fullSql = sql;
                    if (!full.prepare(fullSql))
                        return sqlError(full.lastError(), u"preparing marks"_s);
                }
                query = &full;
            } else if (!partial.prepare(sql)) {
                return sqlError(partial.lastError(), u"preparing marks"_s);
            }
            for (qsizetype i = 0; i < count; ++i) {
                const Row &row = m_rows[start + i];
                query->addBindValue(m_schoolId);
                query->addBindValue(row.pupilId);
                query->addBindValue(row.termId);
                query->addBindValue(row.objectiveId);
                query->addBindValue(row.value);
                query->addBindValue(row.authorId);
                query->addBindValue(now);
                query->addBindValue(now);
                query->addBindValue(first.value() + start + i);
            }
            if (!query->exec())
                return sqlError(query->lastError(), u"inserting marks"_s);
        }
        return {};
    }

    QSqlDatabase m_db;
    QString m_schoolId;
    QList<Row> m_rows;
    qint64 m_written = 0;
};

}  // namespace

Result<DemoSummary> DemoSchool::create(QSqlDatabase db, const DemoOptions &options)
{
    if (options.classesPerYear < 1 || options.classesPerYear > 2 || options.pupilsPerClass < 1
        || options.pupilsPerClass > 60 || options.marks < 0)
        return Error{ErrorCode::InvalidArgument, u"demo options out of range"_s};
    Random random(options.seed);
    SchoolAdmin admin(db, u"admin-cli-demo"_s);
    DemoSummary summary;

    auto school = admin.createSchool(options.name,
                                     u"100%1"_s.arg(static_cast<int>(options.seed % 1000), 3, 10, QLatin1Char('0')));
    if (!school)
        return school.error();
    if (Status s = admin.setSchoolStatus(school->id, SchoolStatus::Active); !s)
        return s.error();
    summary.school = school.value();
    summary.school.status = SchoolStatus::Active;
    const QString schoolId = school->id;

    // Staff. Passwords are hashed outside any transaction (scrypt is slow).
    auto addAccount
        = [&](const QString &username, const QString &displayName, Role role, const QString &groupName) -> Status {
        const QString password = randomPassword();
        auto staff = admin.addStaff(schoolId, username, displayName, role, password, options.passwordParams);
        if (!staff)
            return staff.error();
        summary.accounts.append(DemoAccount{staff.value(), password, groupName});
        return {};
    };
    const std::array<const char *, 4> titles{"Mrs", "Mr", "Ms", "Miss"};
    if (Status s = addAccount(u"head"_s,
                              u"%1 %2"_s.arg(QLatin1String(random.pick(titles)), QLatin1String(random.pick(kSurnames))),
                              Role::Owner, QString());
        !s)
        return s.error();
    if (Status s = addAccount(u"office"_s,
                              u"%1 %2"_s.arg(QLatin1String(random.pick(titles)), QLatin1String(random.pick(kSurnames))),
                              Role::Admin, QString());
        !s)
        return s.error();

    // Everything else in one transaction per part: SchoolAdmin joins the caller's.
    WriteTransaction rollTransaction(db);
    if (Status s = rollTransaction.begin(u"the demo roll"_s); !s)
        return s.error();
    admin.setCallerOwnsTransaction(true);

    // The scale, frameworks and terms.
    Scale scale{QString(),
                schoolId,
                u"Working towards / Expected / Greater depth"_s,
                {{u"WTS"_s, u"Working towards"_s, u"W"_s, 1, u"#e76f51"_s},
                 {u"EXP"_s, u"Expected"_s, u"E"_s, 2, u"#2a9d8f"_s},
                 {u"GDS"_s, u"Greater depth"_s, u"G"_s, 3, u"#264653"_s}}};
    auto addedScale = admin.addScale(scale);
    if (!addedScale)
        return addedScale.error();

    constexpr int kMarkedTerms = 3;
    const int markedClassesPerYear = options.classesPerYear;
    const qint64 markedPupils = qint64(6) * markedClassesPerYear * options.pupilsPerClass;  // Years 1-6
    const int subjects = 3;
    int objectivesPerFramework = 10;
    if (options.marks > 0) {
        const qint64 perObjective = markedPupils * subjects * kMarkedTerms;
        objectivesPerFramework = static_cast<int>(qMax<qint64>(10, (options.marks + perObjective - 1) / perObjective));
    }

    QList<Framework> frameworks;
    for (const FrameworkText &text : kFrameworks) {
        Framework framework{QString(),      schoolId, QLatin1String(text.name), QLatin1String(text.subject),
                            addedScale->id, {}};
        const QString prefix = u"%1%2"_s.arg(QString(QLatin1String(text.subject).left(1)).toUpper()).arg(text.keyStage);
        for (int i = 0; i < objectivesPerFramework; ++i) {
            const QString statement = i < int(text.statements.size())
                ? QLatin1String(text.statements[std::size_t(i)])
                : u"Benchmark objective %1 for %2"_s.arg(i + 1).arg(QLatin1String(text.name));
            framework.objectives.append(Objective{QString(), u"%1.%2"_s.arg(prefix).arg(i + 1), statement});
        }
        auto added = admin.addFramework(framework);
        if (!added)
            return added.error();
        frameworks.append(added.value());
        summary.objectives += int(added->objectives.size());
    }

    QList<Term> terms;
    for (int i = 0; i < int(kTermNames.size()); ++i) {
        auto term = admin.addTerm(
            Term{QString(), schoolId, QLatin1String(kTermNames[std::size_t(i)]), u"2026/27"_s, i + 1, false});
        if (!term)
            return term.error();
        terms.append(term.value());
    }
    summary.terms = int(terms.size());

    // Classes, their pupils and their teachers.
    QList<Group> classes;
    QList<QString> classTeachers;
    QList<DemoPupil> pupils;
    QList<DemoAccount> teacherAccounts;
    const QString laCode = u"%1"_s.arg(800 + static_cast<int>(options.seed % 100), 3, 10, QLatin1Char('0'));
    const QString establishment = u"2%1"_s.arg(static_cast<int>(options.seed % 1000), 3, 10, QLatin1Char('0'));
    for (int year = 0; year <= 6; ++year) {
        for (int c = 0; c < options.classesPerYear; ++c) {
            const QString className = yearName(year) + u' ' + QLatin1String(kClassNames[std::size_t(c)]);
            auto group = admin.addGroup(Group{QString(), schoolId, className, GroupKind::Class, year});
            if (!group)
                return group.error();
            classes.append(group.value());
            QStringList members;
            for (int p = 0; p < options.pupilsPerClass; ++p) {
                Pupil pupil;
                pupil.schoolId = schoolId;
                pupil.legalForename = QLatin1String(random.pick(kFirstNames));
                pupil.legalSurname = QLatin1String(random.pick(kSurnames));
                pupil.gender = random.below(2) == 0 ? u"F"_s : u"M"_s;
                pupil.yearGroup = year;
                // Born between 1 September and 31 August for their year group in 2026/27.
                pupil.dateOfBirth = QDate(2021 - year, 9, 1).addDays(random.below(365));
                pupil.onRollDate = QDate(2026 - year, 9, 1);
                pupil.pupilPremium = random.below(100) < 24;
                pupil.freeSchoolMeals = pupil.pupilPremium && random.below(100) < 80;
                const int sen = random.below(100);
                pupil.senStatus = sen < 3 ? u"E"_s : sen < 15 ? u"K"_s : u"N"_s;
                pupil.eal = random.below(100) < 20;
                pupil.lookedAfter = random.below(1000) < 5;
                // UPN: LA, establishment, two digits of the year allocated, a serial.
                const int serial = c * 100 + p;
                pupil.upn = upn::withCheckLetter(laCode + establishment
                                                 + u"%1"_s.arg((2026 - year) % 100, 2, 10, QLatin1Char('0'))
                                                 + u"%1"_s.arg(serial, 3, 10, QLatin1Char('0')));
                auto added = admin.addPupil(pupil);
                if (!added)
                    return added.error();
                members.append(added->id);
                DemoPupil demo{added->id, year, int(classes.size()) - 1, {}};
                for (int &level : demo.level) {
                    const int roll = random.below(100);
                    level = roll < 18 ? 0 : roll < 88 ? 1 : 2;
                }
                pupils.append(demo);
            }
            if (Status s = admin.setGroupMembers(schoolId, group->id, members); !s)
                return s.error();
        }
    }
    summary.pupils = int(pupils.size());
    summary.groups = int(classes.size());
    if (Status s = rollTransaction.commit(); !s)
        return s.error();
    admin.setCallerOwnsTransaction(false);

    // One teacher per class (hashing outside transactions), then their assignments.
    for (const Group &group : classes) {
        const QString username = u"teacher.%1"_s.arg(
            group.name.toLower().replace(u"reception"_s, u"r"_s).replace(u"year "_s, u"y"_s).replace(u' ', u'-'));
        const QString display
            = u"%1 %2"_s.arg(QLatin1String(random.pick(titles)), QLatin1String(random.pick(kSurnames)));
        if (Status s = addAccount(username, display, Role::Teacher, group.name); !s)
            return s.error();
        classTeachers.append(summary.accounts.last().staff.id);
        if (Status s = admin.assignStaffToGroup(schoolId, classTeachers.last(), group.id); !s)
            return s.error();
    }
    if (Status s = addAccount(u"governor"_s,
                              u"%1 %2"_s.arg(QLatin1String(random.pick(titles)), QLatin1String(random.pick(kSurnames))),
                              Role::ReadOnly, QString());
        !s)
        return s.error();
    if (Status s = addAccount(u"reports"_s,
                              u"%1 %2"_s.arg(QLatin1String(random.pick(titles)), QLatin1String(random.pick(kSurnames))),
                              Role::ReportsOnly, QString());
        !s)
        return s.error();

    // Marks: Years 1-6, their key stage's frameworks, the first three terms; a pupil's level
    // per subject holds, with an occasional step up or down.
    MarkWriter writer(db, schoolId);
    const qint64 limit = options.marks > 0 ? options.marks : std::numeric_limits<qint64>::max();
    qint64 made = 0;
    for (int t = 0; t < kMarkedTerms && made < limit; ++t) {
        for (DemoPupil &pupil : pupils) {
            if (pupil.year == 0 || made >= limit)
                continue;
            const int keyStage = pupil.year <= 2 ? 1 : 2;
            for (int f = 0; f < int(frameworks.size()) && made < limit; ++f) {
                if (kFrameworks[std::size_t(f)].keyStage != keyStage)
                    continue;
                int &level = pupil.level[std::size_t(f % 3)];
                if (t > 0) {
                    const int drift = random.below(100);
                    if (drift < 6 && level < 2)
                        ++level;
                    else if (drift < 9 && level > 0)
                        --level;
                }
                for (const Objective &objective : frameworks[f].objectives) {
                    if (made >= limit)
                        break;
                    // Most objectives at the pupil's level; a few a step either side.
                    int value = level;
                    const int wobble = random.below(100);
                    if (wobble < 8 && value < 2)
                        ++value;
                    else if (wobble < 16 && value > 0)
                        --value;
                    if (Status s
                        = writer.add({pupil.id, terms[t].id, objective.id,
                                      QLatin1String(kValueCodes[std::size_t(value)]), classTeachers[pupil.classIndex]});
                        !s)
                        return s.error();
                    ++made;
                }
            }
        }
    }
    if (Status s = writer.flush(); !s)
        return s.error();
    summary.marks = writer.written();
    if (options.marks > 0 && summary.marks < options.marks)
        return Error{ErrorCode::InvalidArgument, u"could only make %1 marks"_s.arg(summary.marks)};
    if (Status s = SchoolAdmin::audit(db, schoolId, u"admin-cli-demo"_s, u"seed_demo_marks"_s, u"school"_s, schoolId,
                                      u"marks=%1"_s.arg(summary.marks));
        !s)
        return s.error();
    // Fresh statistics for the planner: until autovacuum gets round to the new rows, PostgreSQL
    // believes the tables nearly empty and pages a pull by sorting the school's every mark
    // (100 times slower than reading the seq index in order). SQLite plans without them.
    if (db.driverName() == u"QPSQL"_s) {
        QSqlQuery analyze(db);
        if (!analyze.exec(u"ANALYZE"_s))
            return sqlError(analyze.lastError(), u"analysing the demo school"_s);
    }
    return summary;
}

}  // namespace otrack
