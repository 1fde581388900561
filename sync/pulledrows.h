#pragma once

#include "model.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace otrack {

// The data of pulled reference rows (docs/protocol.md, Pull), decoded into the model. Each
// returns an InvalidArgument naming the field at fault; `schoolId` is the caller's school,
// which the wire leaves out.
namespace pulled {

Result<Pupil> pupil(const QJsonObject &data, const QString &schoolId);
// The group and its members.
Result<std::pair<Group, QList<QString>>> group(const QJsonObject &data, const QString &schoolId);
Result<Scale> scale(const QJsonObject &data, const QString &schoolId);
Result<Framework> framework(const QJsonObject &data, const QString &schoolId);
Result<Term> term(const QJsonObject &data, const QString &schoolId);
// A staff member as pull sends them: id and display name.
Result<std::pair<QString, QString>> staffName(const QJsonObject &data);
// The pupil id of a purge.
Result<QString> purgedPupil(const QJsonObject &data);

}  // namespace pulled

}  // namespace otrack
