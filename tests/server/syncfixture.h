#pragma once

#include "caller.h"
#include "model.h"
#include "schooladmin.h"
#include "serverdatabase.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <memory>

namespace otrack::test {

// A school to sync with, made through SchoolAdmin on a fresh schema (SQLite or PostgreSQL):
// staff of every role, two classes (the teacher teaches class A only), a scale, a framework
// with two objectives, an open and a locked term, and a second school with a pupil of its own.
struct SyncFixture {
    explicit SyncFixture(const QString &url, const QString &connectionName = QStringLiteral("sync-fixture"));

    Caller caller(const Staff &staff, const QString &device = QStringLiteral("device-1")) const;
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const;
    qint64 count(const QString &table) const;

    QString url;
    std::unique_ptr<ServerDatabase> database;
    QSqlDatabase db;

    School school;
    School otherSchool;
    Staff owner, admin, teacher, otherTeacher, readOnly, reportsOnly;
    Group classA, classB;
    Pupil a1, a2, b1, otherPupil;
    Scale scale;
    Framework framework;
    QString objective1, objective2;
    Term autumn, lockedTerm;
};

QString newUuid();
// An access token for `staff` on `device`, written straight into the tokens table.
QByteArray accessToken(QSqlDatabase db, const Staff &staff, const QString &device);

}  // namespace otrack::test
