#pragma once

#include "pullresponse.h"
#include "pushrequest.h"
#include "syncfixture.h"

#include <QStringList>

namespace otrack::test {

// A pupil of class 4A (taught by the fixture's teacher) made to be erased, with made-up names
// that appear nowhere else, so that a search for them finds only this pupil's traces.
struct ErasablePupil {
    Pupil pupil;
    QStringList personalFields;  // surname, forename and UPN
};
ErasablePupil addErasablePupil(SyncFixture &f, int serial = 0);

PushOp markOp(const QString &pupilId, const QString &objectiveId, const QString &termId,
              const QString &value = QStringLiteral("EXP"), qint64 baseVersion = 0, const QString &note = QString());

// What the pupil gathers in a term of use: two marks by the teacher (one with a note naming
// them), a conflicting write by the admin (its stored answer repeats the note), a mark for
// another pupil of the class (a2) in the same batch, and an audit event whose detail names
// them. So: 2 marks, 3 mark events and 3 push results of theirs.
void writeHistory(SyncFixture &f, const Pupil &pupil);

// `count` (even) marks for the pupil, pushed by the admin in full batches over a framework of
// count / 2 objectives and two terms.
void writeManyMarks(SyncFixture &f, const QString &pupilId, int count);

// The staff member's pull from `cursor`, everything in one page.
PullResponse pull(SyncFixture &f, const Staff &staff, qint64 cursor);

}  // namespace otrack::test
