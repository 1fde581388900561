#pragma once

#include "clientsettings.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace otrack {

// The client's Settings: server, pinned CA, language, sync interval, offline unlock (and
// automatic updates, shown only). Each value shows where it comes from: a value set by policy
// is disabled with "Managed by your organisation", one set for the PC at install is disabled
// too (the user's own would have no effect, docs/deployment.md), and a policy value that was
// refused says so. Save writes only what the user changed, through ClientSettings, and stays
// open with the reason when a value is refused.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    // Reads this PC's settings (registry on Windows, /etc/xdg/OTrack and ~/.config elsewhere).
    explicit SettingsDialog(QWidget *parent = nullptr);
    // Reads and writes `settings`' layers (tests pass temporary folders).
    explicit SettingsDialog(ClientSettings settings, QWidget *parent = nullptr);

    const ClientSettings &settings() const { return m_settings; }

    // Saves the changed values and accepts; on a refusal shows why and stays open (the Save
    // button does the same). Returns whether everything was saved.
    bool save();
    QString errorText() const;

private:
    struct Row {
        ClientSetting setting;
        QWidget *control;
        QLabel *note;
    };

    void addRow(ClientSetting setting, const QString &label, QWidget *control, QWidget *field = nullptr);
    void showValues();
    QVariant valueOf(const Row &row) const;
    void setValueOf(const Row &row, const QVariant &value);
    QString refusal(ClientSetting setting, const Error &error) const;
    void updateCaDetails();
    void updateExpiryEnabled();
    void chooseCaFile();
    void fitContents();

    ClientSettings m_settings;
    QList<Row> m_rows;
    QFormLayout *m_form;

    QLineEdit *m_serverUrl;
    QLineEdit *m_pinnedCa;
    QPushButton *m_chooseCa;
    QLabel *m_caDetails;
    QComboBox *m_language;
    QSpinBox *m_syncInterval;
    QCheckBox *m_allowOfflineUnlock;
    QSpinBox *m_offlineUnlockExpiry;
    QLabel *m_autoUpdate;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

}  // namespace otrack
