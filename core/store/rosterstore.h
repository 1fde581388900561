#pragma once

#include "database.h"
#include "model.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace otrack {

// The school's reference data in the local store: school, staff, pupils, groups, scales,
// frameworks and terms, as the server sends them. Saving is insert-or-update by id (never
// REPLACE, which would cascade-delete a pupil's marks). Callers own the transaction.
class RosterStore {
public:
    RosterStore(Database &db, QString schoolId);

    Status saveSchool(const School &school);
    Status saveStaff(const Staff &staff);
    Status savePupil(const Pupil &pupil);
    // Saves the group and makes its membership exactly `pupilIds`.
    Status saveGroup(const Group &group, const QList<QString> &pupilIds);
    Status saveScale(const Scale &scale);
    Status saveFramework(const Framework &framework);
    Status saveTerm(const Term &term);

    Result<Pupil> pupil(const QString &id);
    // The group's pupils on roll, by preferred surname then forename.
    Result<QList<Pupil>> pupilsInGroup(const QString &groupId);
    Result<Framework> framework(const QString &id);
    Result<Scale> scale(const QString &id);
    Result<QList<Term>> terms();

    // For pickers and reports: this school, its groups (classes first, then sets, then
    // interventions, each by name), its frameworks without their objectives (by subject, then
    // name), the groups a pupil belongs to, and the display name of every staff member known
    // here (whole accounts and the names pull sends for mark authors), by id.
    Result<School> school();
    Result<QList<Group>> groups();
    Result<QList<Framework>> frameworks();
    Result<QList<Group>> groupsOfPupil(const QString &pupilId);
    Result<QHash<QString, QString>> staffNames();
    Result<Objective> objective(const QString &id);

private:
    Database &m_db;
    QString m_schoolId;
};

}  // namespace otrack
