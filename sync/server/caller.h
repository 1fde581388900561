#pragma once

#include "model.h"

#include <QString>

namespace otrack {

// Who is making a request, as proven by their access token. Every handler scopes its work
// by `schoolId`: another school's ids simply do not exist for this caller (404).
struct Caller {
    QString schoolId;
    QString userId;
    QString deviceId;
    Role role = Role::Teacher;
    qint64 epoch = 1;
};

}  // namespace otrack
