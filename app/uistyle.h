#pragma once

#include <QString>

class QWidget;

namespace otrack {

// The few colours OTrack adds to the system's, chosen against the palette in use, so that a
// dark or high-contrast palette stays readable: text for problems, and the notice band (a
// locked term) in the palette's own tooltip colours.
class UiStyle {
public:
    // A style sheet for a label that reports a problem.
    static QString errorText(const QWidget *widget);
    // A style sheet for a notice band.
    static QString notice(const QWidget *widget);
};

}  // namespace otrack
