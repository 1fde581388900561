#include "uistyle.h"

#include <QPalette>
#include <QWidget>

namespace otrack {

namespace {

bool darkPalette(const QWidget *widget)
{
    return widget->palette().color(QPalette::Window).lightnessF() < 0.5;
}

}  // namespace

QString UiStyle::errorText(const QWidget *widget)
{
    // Dark red on light backgrounds (7:1 on white), light red on dark ones.
    return darkPalette(widget) ? QStringLiteral("color: #ff9e9e;") : QStringLiteral("color: #a4000f;");
}

QString UiStyle::notice(const QWidget *widget)
{
    const QPalette p = widget->palette();
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %2; padding: 6px; }")
        .arg(p.color(QPalette::ToolTipBase).name(), p.color(QPalette::ToolTipText).name());
}

}  // namespace otrack
