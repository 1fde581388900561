#pragma once

#include "database.h"
#include "model.h"

#include <QList>
#include <QString>

namespace otrack::test {

// A synthetic school seeded into a local store, for tests, benchmarks and fixtures. Names
// are made up (never real children): "Pupil0001 Fixture" and the like.
struct SchoolFixture {
    QString schoolId;
    QString teacherId;
    QString groupId;
    QString frameworkId;
    QString scaleId;
    QList<QString> termIds;  // the last one is locked
    QList<QString> pupilIds;
    QList<QString> objectiveIds;
    QList<QString> valueCodes;  // "WTS", "EXP", "GDS"
    QString pupilMarker;  // embedded in every pupil's names, for leak checks
};

// Seeds one school with one class of `pupils` pupils, one framework of `objectives`
// objectives on a three-value scale, and three terms (the third locked), in one transaction.
SchoolFixture seedSchool(Database &db, int pupils, int objectives, const QString &marker = QStringLiteral("Zebedee"));

}  // namespace otrack::test
