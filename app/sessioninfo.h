#pragma once

#include "model.h"

#include <QString>

namespace otrack {

// Who is signed in, as the window needs it: ids for the store, names for people, the role
// that decides what they may do.
struct SessionInfo {
    QString schoolId;
    QString schoolName;
    QString userId;
    QString username;
    QString displayName;
    Role role = Role::Teacher;

    bool mayMark() const { return role != Role::ReadOnly && role != Role::ReportsOnly; }
};

}  // namespace otrack
