#pragma once

#include "pupileraser.h"
#include "result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace otrack {

// How long a school keeps a pupil's records after they leave (docs/data.md, Retention). The
// school, as controller, sets it; the defaults follow the IRMS Information Management Toolkit
// for Schools:
// - Transfer: primary schools; the record goes to the next school with the pupil, so OTrack's
//   copy goes once the pupil has left (after `years`, 0 unless set);
// - DobPlusYears: secondary schools; date of birth + `years` (25);
// - YearsAfterLeaving: `years` after the leaving date.
enum class RetentionRule { Transfer, DobPlusYears, YearsAfterLeaving };

QString toString(RetentionRule rule);
std::optional<RetentionRule> retentionRuleFromString(const QString &text);

struct RetentionSetting {
    RetentionRule rule = RetentionRule::Transfer;
    int years = 0;
    QString setBy;
    qint64 setAt = 0;

    // The IRMS default for a phase: "primary" or "secondary".
    static std::optional<RetentionSetting> forPhase(const QString &phase);
};

// A pupil whose records are due for deletion. Only pupils who have left are ever due, and never
// within PupilRetention::kGraceDays of their leaving date, whatever the rule: a leaving date set
// by mistake (a full-roll import of the wrong export) can be put right by importing again before
// anything is erased.
struct RetentionCandidate {
    QString pupilId;
    QString upn;
    QDate leftDate;
    QDate dueDate;  // when the rule says their records go
};

// One school's run: what was (or, dry run, would be) erased.
struct RetentionReport {
    QString schoolId;
    std::optional<RetentionSetting> setting;  // none: the school has set no rule, nothing goes
    bool dryRun = true;
    QList<RetentionCandidate> due;
    QList<ErasureSummary> erased;  // real run only, one per candidate, in the same order

    QJsonObject toJson() const;
};

// The school's retention rule and its application, on SQLite and PostgreSQL alike. Deletion is
// the pupil erasure of pupileraser.h, one pupil per transaction (each purge record reaches
// every client), by the actor "retention". A dry run changes nothing; it lists exactly the
// pupils the real run on the same day erases.
class PupilRetention {
public:
    static constexpr int kGraceDays = 30;

    explicit PupilRetention(QSqlDatabase db) : m_db(std::move(db)) { }

    // InvalidArgument for years outside 0..100 (and 0 with DobPlusYears). Audited.
    Status setRule(const QString &schoolId, const RetentionSetting &setting, const QString &actorId, qint64 nowMs);
    Status clearRule(const QString &schoolId, const QString &actorId, qint64 nowMs);
    Result<std::optional<RetentionSetting>> rule(const QString &schoolId);

    // The pupils due on `today`, oldest due first.
    Result<RetentionReport> review(const QString &schoolId, const QDate &today);
    // review(), then erase each pupil due (unless dryRun). The school's run is audited
    // ("retention", with the rule and count).
    Result<RetentionReport> apply(const QString &schoolId, const QDate &today, bool dryRun, qint64 nowMs);
    // The active schools that have set a rule.
    Result<QStringList> schoolsWithRules();
    // apply() for every one of them: what `otrack-server serve` runs.
    Result<QList<RetentionReport>> applyAll(const QDate &today, qint64 nowMs);

private:
    QSqlDatabase m_db;
};

}  // namespace otrack
