#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTranslator>

namespace otrack {

// The interface language, switchable while OTrack runs: installs OTrack's translation (and
// Qt's own, where one ships) for a language code such as "cy" or "en_GB"; an empty code means
// the system's language. Installing a translator makes Qt send LanguageChange to every widget,
// and the windows retranslate themselves on it.
class LanguageSwitcher {
    Q_DECLARE_TR_FUNCTIONS(LanguageSwitcher)

public:
    static LanguageSwitcher &instance();

    // False when OTrack has no translation for the language (the source English shows).
    bool apply(const QString &code);
    QString current() const { return m_code; }

    // The languages OTrack ships, as code and the language's own name.
    static QList<std::pair<QString, QString>> available();

private:
    LanguageSwitcher() = default;

    QTranslator m_qt;
    QTranslator m_app;
    QString m_code;
};

}  // namespace otrack
