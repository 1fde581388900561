#pragma once

#include "keywrap.h"
#include "model.h"
#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace otrack {

// A demo primary school for the README's demo and for benchmarks (otrack-server admin demo):
// Reception to Year 6 in two classes each, staff of every role (one teacher per class),
// KS1 and KS2 maths, reading and writing frameworks, a working towards / expected / greater
// depth scale, the six terms of 2026/27 and plausible marks for the first three (a pupil's
// level mostly persists from term to term). Names are synthetic, from short lists of common
// names; UPNs are valid (core/upn). Everything but the passwords and ids is deterministic for
// a seed. Passwords are random and returned once: the caller prints them, never logs them.
struct DemoOptions {
    QString name = QStringLiteral("Demo Primary School");
    quint64 seed = 1;
    int classesPerYear = 2;
    int pupilsPerClass = 30;
    // 0: every pupil in Years 1-6 on every objective of their key stage in the first three
    // terms (about 32,000 marks). Otherwise exactly this many: frameworks get more
    // objectives when needed (e.g. 1,000,000 for benchmarks).
    qint64 marks = 0;
    ScryptParams passwordParams = ScryptParams::recommended();
};

struct DemoAccount {
    Staff staff;
    QString password;
    QString groupName;  // teachers: their class
};

struct DemoSummary {
    School school;
    QList<DemoAccount> accounts;
    int pupils = 0;
    int groups = 0;
    int objectives = 0;
    int terms = 0;
    qint64 marks = 0;
};

class DemoSchool {
public:
    static Result<DemoSummary> create(QSqlDatabase db, const DemoOptions &options);
};

}  // namespace otrack
