#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

namespace otrack {

// The readable form of a subject access report (SubjectAccess::collect): an A4 PDF with the
// pupil's details, groups, marks with their history and authors, and audit events. Needs a
// QGuiApplication (the admin CLI makes one on the offscreen platform for this command only).
// NotWritable when the file cannot be written.
Status writeSubjectAccessPdf(const QJsonObject &report, const QString &path);

}  // namespace otrack
