// The Settings dialog on the offscreen platform, over real settings files in a temporary folder.
#include "settingsdialog.h"
#include "settingsfolder.h"
#include "tempdir.h"
#include "testpki.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace otrack;
using namespace otrack::test;
using namespace Qt::StringLiterals;

namespace {

template <typename T>
T *child(QWidget &parent, const QString &name)
{
    auto *found = parent.findChild<T *>(name);
    INFO(name.toStdString());
    REQUIRE(found);
    return found;
}

QString noteOf(QWidget &dialog, const QString &control)
{
    auto *note = child<QLabel>(dialog, control + u"Note"_s);
    return note->isVisible() ? note->text() : QString();
}

void showAndWait(QWidget &dialog)
{
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    QApplication::processEvents();
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    QApplication::processEvents();
    REQUIRE(widget.grab().save(testOutputDir() + u'/' + name));
}

}  // namespace

TEST_CASE("settings dialog: policy beats machine defaults beats user settings, and policy values are disabled",
          "[app][gui]")
{
    SettingsFolder folder;
    folder.setPolicy(u"ServerUrl"_s, u"https://otrack.trust.example.sch.uk:8443"_s);
    folder.setMachineDefault(u"ServerUrl"_s, u"https://machine.example.sch.uk"_s);
    folder.setUser(u"ServerUrl"_s, u"https://user.example.sch.uk"_s);
    folder.setMachineDefault(u"Language"_s, u"cy"_s);
    folder.setUser(u"Language"_s, u"en_GB"_s);
    folder.setUser(u"SyncIntervalMinutes"_s, u"10"_s);
    folder.setPolicy(u"OfflineUnlockExpiryDays"_s, u"14"_s);
    folder.setPolicy(u"SyncIntervalMinutes"_s, u"-5"_s);  // refused: the user's 10 applies

    SettingsDialog dialog(ClientSettings(folder.layers()));
    showAndWait(dialog);

    auto *server = child<QLineEdit>(dialog, u"serverUrl"_s);
    CHECK(server->text() == u"https://otrack.trust.example.sch.uk:8443"_s);
    CHECK_FALSE(server->isEnabled());
    CHECK(noteOf(dialog, u"serverUrl"_s) == u"Managed by your organisation"_s);
    CHECK(server->accessibleDescription() == u"Managed by your organisation"_s);
    CHECK(server->toolTip() == folder.policyFile() + u": ServerUrl"_s);

    auto *expiry = child<QSpinBox>(dialog, u"offlineUnlockExpiry"_s);
    CHECK(expiry->value() == 14);
    CHECK_FALSE(expiry->isEnabled());
    CHECK(noteOf(dialog, u"offlineUnlockExpiry"_s) == u"Managed by your organisation"_s);

    auto *language = child<QComboBox>(dialog, u"language"_s);
    CHECK(language->currentData().toString() == u"cy"_s);
    CHECK_FALSE(language->isEnabled());
    CHECK(noteOf(dialog, u"language"_s) == u"Set for this computer when OTrack was installed"_s);

    auto *interval = child<QSpinBox>(dialog, u"syncInterval"_s);
    CHECK(interval->value() == 10);
    CHECK(interval->isEnabled());
    CHECK(noteOf(dialog, u"syncInterval"_s).contains(u"not valid, so it is not used"_s));
    CHECK(interval->toolTip().contains(u"SyncIntervalMinutes: must be a whole number"_s));

    auto *offline = child<QCheckBox>(dialog, u"allowOfflineUnlock"_s);
    CHECK(offline->isChecked());
    CHECK(offline->isEnabled());
    CHECK(noteOf(dialog, u"allowOfflineUnlock"_s).isEmpty());
    CHECK(child<QLabel>(dialog, u"autoUpdate"_s)->text().startsWith(u"Off."_s));

    saveScreenshot(dialog, u"settings-dialog-managed.png"_s);
}

TEST_CASE("settings dialog: every control has an accessible name and a keyboard user can save", "[app][gui]")
{
    SettingsFolder folder;
    folder.setPolicy(u"ServerUrl"_s, u"https://otrack.trust.example.sch.uk"_s);
    SettingsDialog dialog(ClientSettings(folder.layers()));
    showAndWait(dialog);

    for (QWidget *control : dialog.findChildren<QWidget *>()) {
        if (qobject_cast<QAbstractSpinBox *>(control->parentWidget()))
            continue;  // the spin box's own editor: the spin box carries the name
        if (qobject_cast<QLineEdit *>(control) || qobject_cast<QPushButton *>(control)
            || qobject_cast<QComboBox *>(control) || qobject_cast<QSpinBox *>(control)
            || qobject_cast<QCheckBox *>(control)) {
            INFO(control->objectName().toStdString());
            CHECK_FALSE(control->accessibleName().isEmpty());
        }
    }

    // Each label's mnemonic reaches its control, with no two alike (Save and Cancel have S and C).
    auto *ca = child<QLineEdit>(dialog, u"pinnedCa"_s);
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
    REQUIRE(QApplication::focusWidget() == ca);
    QTest::keyClick(&dialog, Qt::Key_Y, Qt::AltModifier);
    CHECK(QApplication::focusWidget() == child<QSpinBox>(dialog, u"syncInterval"_s));
    ca->setFocus();
    QTest::keyClick(&dialog, Qt::Key_Tab);  // Choose...
    QTest::keyClick(&dialog, Qt::Key_Tab);  // language
    QTest::keyClick(&dialog, Qt::Key_Tab);  // sync interval
    auto *interval = child<QSpinBox>(dialog, u"syncInterval"_s);
    REQUIRE(QApplication::focusWidget() == interval);
    QTest::keyClick(interval, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(interval, u"45"_s);
    QTest::keyClick(&dialog, Qt::Key_Tab);
    auto *offline = child<QCheckBox>(dialog, u"allowOfflineUnlock"_s);
    REQUIRE(QApplication::focusWidget() == offline);
    QTest::keyClick(offline, Qt::Key_Space);
    CHECK_FALSE(offline->isChecked());
    CHECK_FALSE(child<QSpinBox>(dialog, u"offlineUnlockExpiry"_s)->isEnabled());
    QTest::keyClick(&dialog, Qt::Key_Return);

    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.errorText().isEmpty());
    const ClientSettings saved(folder.layers());
    CHECK(saved.syncIntervalMinutes() == 45);
    CHECK(saved.resolved(ClientSetting::SyncIntervalMinutes).source == SettingSource::User);
    CHECK_FALSE(saved.allowOfflineUnlock());
    // Unchanged values are not written: the user's file holds only what the user chose.
    CHECK(saved.resolved(ClientSetting::Language).source == SettingSource::BuiltIn);
    CHECK(saved.resolved(ClientSetting::OfflineUnlockExpiryDays).source == SettingSource::BuiltIn);
    CHECK(saved.serverUrl() == u"https://otrack.trust.example.sch.uk"_s);
}

TEST_CASE("settings dialog: a refused value keeps the dialog open with the reason", "[app][gui]")
{
    SettingsFolder folder;
    SettingsDialog dialog(ClientSettings(folder.layers()));
    showAndWait(dialog);

    auto *server = child<QLineEdit>(dialog, u"serverUrl"_s);
    CHECK(server->isEnabled());
    QTest::keyClicks(server, u"http://otrack.example.sch.uk"_s);
    CHECK_FALSE(dialog.save());
    CHECK(dialog.isVisible());
    CHECK(dialog.errorText().contains(u"must start with https://"_s));
    CHECK(QApplication::focusWidget() == server);
    CHECK(ClientSettings(folder.layers()).serverUrl().isEmpty());

    auto *ca = child<QLineEdit>(dialog, u"pinnedCa"_s);
    ca->setText(folder.scratch(u"absent.pem"_s));
    CHECK(child<QLabel>(dialog, u"caDetails"_s)->text() == u"The CA certificate file cannot be read."_s);
    saveScreenshot(dialog, u"settings-dialog-refused.png"_s);

    server->setText(u"https://otrack.example.sch.uk/"_s);
    ca->clear();
    CHECK(dialog.save());
    CHECK(ClientSettings(folder.layers()).serverUrl() == u"https://otrack.example.sch.uk"_s);
}

TEST_CASE("settings dialog: a pinned CA shows whom it trusts", "[app][gui]")
{
    SettingsFolder folder;
    const TestPki pki = makeTestPki(folder.scratch(QString()));
    folder.setPolicy(u"PinnedCa"_s, pki.caCertificate);
    SettingsDialog dialog(ClientSettings(folder.layers()));
    showAndWait(dialog);
    CHECK(child<QLineEdit>(dialog, u"pinnedCa"_s)->text() == pki.caCertificate);
    CHECK_FALSE(child<QPushButton>(dialog, u"chooseCa"_s)->isEnabled());
    CHECK(child<QLabel>(dialog, u"caDetails"_s)->text() == u"Trusts: CN=OTrack Test CA ca"_s);
}
