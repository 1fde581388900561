#include "languageswitcher.h"

#include "logging.h"

#include <QLibraryInfo>
#include <QLocale>

namespace otrack {

LanguageSwitcher &LanguageSwitcher::instance()
{
    static LanguageSwitcher switcher;
    return switcher;
}

QList<std::pair<QString, QString>> LanguageSwitcher::available()
{
    // Each in its own language, so that anyone can find theirs.
    return {{QStringLiteral("en_GB"), QStringLiteral("English (UK)")},
            {QStringLiteral("cy"), QStringLiteral("Cymraeg")}};
}

bool LanguageSwitcher::apply(const QString &code)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    QCoreApplication::removeTranslator(&m_qt);
    QCoreApplication::removeTranslator(&m_app);
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    const bool found = m_app.load(locale, QStringLiteral("otrack"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (found)
        QCoreApplication::installTranslator(&m_app);
    else
        qCInfo(lcUi) << "no OTrack translation for" << locale.name();
    m_code = code;
    return found;
}

}  // namespace otrack
