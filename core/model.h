#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The data model shared by the client and the server (docs/architecture.md, Data model).
// Identifiers are UUID strings made where the row is born. Every row belongs to a school.
namespace otrack {

enum class SchoolStatus { AwaitingTerms, Active, Suspended };
enum class Role { Owner, Admin, Teacher, ReadOnly, ReportsOnly };
enum class GroupKind { Class, Set, Intervention };

QString toString(SchoolStatus status);
std::optional<SchoolStatus> schoolStatusFromString(const QString &text);
QString toString(Role role);
std::optional<Role> roleFromString(const QString &text);
QString toString(GroupKind kind);
std::optional<GroupKind> groupKindFromString(const QString &text);

struct School {
    QString id;
    QString name;
    QString urn;  // DfE unique reference number
    SchoolStatus status = SchoolStatus::AwaitingTerms;
};

struct Staff {
    QString id;
    QString schoolId;
    QString username;
    QString displayName;
    Role role = Role::Teacher;
};

struct Pupil {
    QString id;
    QString schoolId;
    QString upn;
    QString legalSurname;
    QString legalForename;
    QString preferredSurname;
    QString preferredForename;
    QDate dateOfBirth;
    QString gender;  // as recorded by the MIS: "M", "F" or other codes
    int yearGroup = 0;  // national curriculum year, 0 = reception
    bool pupilPremium = false;
    bool freeSchoolMeals = false;
    QString senStatus;  // "N" none, "K" SEN support, "E" EHC plan
    bool eal = false;
    bool lookedAfter = false;
    QDate onRollDate;
    QDate leftDate;
};

// The pupil groups analysis compares and the grid filters by. SEN means SEN support (K) or an
// EHC plan (E); gender is as the MIS records it (M, F, or another code, in neither group).
bool hasSen(const Pupil &pupil);
bool isBoy(const Pupil &pupil);
bool isGirl(const Pupil &pupil);

struct Group {
    QString id;
    QString schoolId;
    QString name;
    GroupKind kind = GroupKind::Class;
    int yearGroup = 0;
};

struct ScaleValue {
    QString code;  // stored in marks, e.g. "EXP"
    QString label;  // shown, e.g. "Expected"
    QString shortcut;  // the key a teacher types, e.g. "E" or "2"
    double points = 0;
    QString colour;  // #rrggbb
};

struct Scale {
    QString id;
    QString schoolId;
    QString name;
    QList<ScaleValue> values;  // ordered, lowest first
};

struct Objective {
    QString id;
    QString code;
    QString statement;
};

struct Framework {
    QString id;
    QString schoolId;
    QString name;
    QString subject;
    QString scaleId;
    QList<Objective> objectives;  // in teaching order
};

struct Term {
    QString id;
    QString schoolId;
    QString name;  // "Autumn 1"
    QString academicYear;  // "2026/27"
    int position = 0;
    bool locked = false;
};

struct MarkKey {
    QString pupilId;
    QString objectiveId;
    QString termId;
    bool operator==(const MarkKey &) const = default;
};

struct Mark {
    MarkKey key;
    std::optional<QString> value;  // a scale value code; empty when cleared
    QString note;
    QString authorId;
    QDateTime updatedAt;
    qint64 serverVersion = 0;  // 0: never seen by the server
};

}  // namespace otrack
