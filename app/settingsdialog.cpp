#include "settingsdialog.h"

#include "logging.h"
#include "pinnedca.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

// The languages the build ships (":/i18n/otrack_<code>.qm", app/CMakeLists.txt); en_GB is the
// source language and always there.
QStringList shippedLanguages()
{
    QStringList codes{u"en_GB"_s};
    const QStringList files = QDir(u":/i18n"_s).entryList({u"otrack_*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(7, file.size() - 7 - 3);
        if (!codes.contains(code))
            codes.append(code);
    }
    return codes;
}

QString languageName(const QString &code)
{
    const QLocale locale(code);
    const QString name = locale.nativeLanguageName();
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

}  // namespace

SettingsDialog::SettingsDialog(QWidget *parent) : SettingsDialog(ClientSettings(), parent)
{
}

SettingsDialog::SettingsDialog(ClientSettings settings, QWidget *parent)
    : QDialog(parent), m_settings(std::move(settings))
{
    setWindowTitle(tr("OTrack settings"));
    setObjectName(u"settingsDialog"_s);

    auto *intro = new QLabel(tr("Settings marked \"Managed by your organisation\" are set by your IT team "
                                "and cannot be changed here."),
                             this);
    intro->setWordWrap(true);
    intro->setAccessibleName(tr("About these settings"));

    m_serverUrl = new QLineEdit(this);
    m_serverUrl->setObjectName(u"serverUrl"_s);
    m_serverUrl->setAccessibleName(tr("Server address"));
    m_serverUrl->setPlaceholderText(tr("https://otrack.example.sch.uk"));
    m_serverUrl->setMaxLength(2000);

    m_pinnedCa = new QLineEdit(this);
    m_pinnedCa->setObjectName(u"pinnedCa"_s);
    m_pinnedCa->setAccessibleName(tr("CA certificate to trust"));
    m_pinnedCa->setAccessibleDescription(
        tr("The full path of your school's or trust's CA certificate (PEM), or the certificate in base64"));
    m_pinnedCa->setPlaceholderText(tr("None: only the system's certificate authorities"));
    m_chooseCa = new QPushButton(tr("C&hoose..."), this);
    m_chooseCa->setObjectName(u"chooseCa"_s);
    m_chooseCa->setAccessibleName(tr("Choose a CA certificate file"));
    m_caDetails = new QLabel(this);
    m_caDetails->setObjectName(u"caDetails"_s);
    m_caDetails->setAccessibleName(tr("CA certificate details"));
    m_caDetails->setWordWrap(true);
    m_caDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *caField = new QWidget(this);
    auto *caLayout = new QVBoxLayout(caField);
    caLayout->setContentsMargins(0, 0, 0, 0);
    auto *caLine = new QHBoxLayout;
    caLine->addWidget(m_pinnedCa, 1);
    caLine->addWidget(m_chooseCa);
    caLayout->addLayout(caLine);
    caLayout->addWidget(m_caDetails);

    m_language = new QComboBox(this);
    m_language->setObjectName(u"language"_s);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("The system's language"), QString());
    for (const QString &code : shippedLanguages())
        m_language->addItem(languageName(code), code);

    m_syncInterval = new QSpinBox(this);
    m_syncInterval->setObjectName(u"syncInterval"_s);
    m_syncInterval->setAccessibleName(tr("Minutes between syncs"));
    m_syncInterval->setRange(1, 24 * 60);
    m_syncInterval->setSuffix(tr(" min"));

    m_allowOfflineUnlock = new QCheckBox(tr("Allowed when the server cannot be reached"), this);
    m_allowOfflineUnlock->setObjectName(u"allowOfflineUnlock"_s);
    m_allowOfflineUnlock->setAccessibleName(tr("Allow offline sign-in"));

    m_offlineUnlockExpiry = new QSpinBox(this);
    m_offlineUnlockExpiry->setObjectName(u"offlineUnlockExpiry"_s);
    m_offlineUnlockExpiry->setAccessibleName(tr("Days offline sign-in works after the last online sign-in"));
    m_offlineUnlockExpiry->setRange(1, 365);
    m_offlineUnlockExpiry->setSuffix(tr(" days"));

    m_autoUpdate = new QLabel(this);
    m_autoUpdate->setObjectName(u"autoUpdate"_s);
    m_autoUpdate->setAccessibleName(tr("Automatic updates"));
    m_autoUpdate->setWordWrap(true);

    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setAccessibleName(tr("Settings problem"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #a4000f;"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *restartNote
        = new QLabel(tr("A new server, certificate or language applies the next time OTrack starts."), this);
    restartNote->setWordWrap(true);
    restartNote->setAccessibleName(tr("When changes apply"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(u"save"_s);
    m_buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save settings"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancel"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    m_form = new QFormLayout;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addWidget(restartNote);
    layout->addWidget(m_buttons);

    addRow(ClientSetting::ServerUrl, tr("Ser&ver address:"), m_serverUrl);
    addRow(ClientSetting::PinnedCa, tr("C&A certificate:"), m_pinnedCa, caField);
    addRow(ClientSetting::Language, tr("&Language:"), m_language);
    addRow(ClientSetting::SyncIntervalMinutes, tr("S&ync every:"), m_syncInterval);
    addRow(ClientSetting::AllowOfflineUnlock, tr("&Offline sign-in:"), m_allowOfflineUnlock);
    addRow(ClientSetting::OfflineUnlockExpiryDays, tr("Offline sign-in &works for:"), m_offlineUnlockExpiry);
    auto *updatesLabel = new QLabel(tr("Updates:"), this);
    m_form->addRow(updatesLabel, m_autoUpdate);

    setTabOrder(m_serverUrl, m_pinnedCa);
    setTabOrder(m_pinnedCa, m_chooseCa);
    setTabOrder(m_chooseCa, m_language);
    setTabOrder(m_language, m_syncInterval);
    setTabOrder(m_syncInterval, m_allowOfflineUnlock);
    setTabOrder(m_allowOfflineUnlock, m_offlineUnlockExpiry);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pinnedCa, &QLineEdit::textChanged, this, &SettingsDialog::updateCaDetails);
    connect(m_chooseCa, &QPushButton::clicked, this, &SettingsDialog::chooseCaFile);
    connect(m_allowOfflineUnlock, &QCheckBox::toggled, this, &SettingsDialog::updateExpiryEnabled);

    setMinimumWidth(620);
    resize(minimumWidth(), 0);
    showValues();
}

void SettingsDialog::fitContents()
{
    // Wrapped notes need their height at the dialog's real width, not at its size hint's, and
    // the dialog grows when a note or an error appears.
    const int needed = heightForWidth(width());
    resize(width(), isVisible() ? qMax(height(), needed) : needed);
}

void SettingsDialog::addRow(ClientSetting setting, const QString &label, QWidget *control, QWidget *field)
{
    auto *cell = new QWidget(this);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(field ? field : control);
    auto *note = new QLabel(cell);
    note->setObjectName(control->objectName() + u"Note"_s);
    note->setWordWrap(true);
    note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont noteFont = note->font();
    noteFont.setItalic(true);
    note->setFont(noteFont);
    cellLayout->addWidget(note);

    auto *buddy = new QLabel(label, this);
    buddy->setBuddy(control);
    m_form->addRow(buddy, cell);
    m_rows.append(Row{setting, control, note});
}

void SettingsDialog::showValues()
{
    for (const Row &row : std::as_const(m_rows)) {
        const ResolvedSetting &current = m_settings.resolved(row.setting);
        setValueOf(row, current.value);
        row.control->setEnabled(current.userCanChange());
        QString note;
        QString details;
        if (current.managed()) {
            note = tr("Managed by your organisation");
            details = current.origin;
        } else if (current.source == SettingSource::MachineDefault) {
            note = tr("Set for this computer when OTrack was installed");
            details = current.origin;
        } else if (!current.ignored.isEmpty()) {
            note = tr("Your organisation's value is not valid, so it is not used. Please tell your IT team.");
            details = current.ignored.join(u'\n');
        }
        row.note->setText(note);
        row.note->setAccessibleName(note.isEmpty() ? tr("Note") : note);
        row.note->setToolTip(details);
        row.note->setVisible(!note.isEmpty());
        row.control->setAccessibleDescription(note);
        row.control->setToolTip(details);
        if (row.control == m_pinnedCa)
            m_chooseCa->setEnabled(current.userCanChange());
    }
    m_autoUpdate->setText(m_settings.autoUpdate()
                              ? tr("On (set by your organisation). This version of OTrack does not update itself: "
                                   "your IT team installs new versions.")
                              : tr("Off. OTrack does not update itself: your IT team installs new versions."));
    updateCaDetails();
    updateExpiryEnabled();
    fitContents();
}

QVariant SettingsDialog::valueOf(const Row &row) const
{
    if (auto *edit = qobject_cast<QLineEdit *>(row.control))
        return edit->text().trimmed();
    if (auto *combo = qobject_cast<QComboBox *>(row.control))
        return combo->currentData().toString();
    if (auto *spin = qobject_cast<QSpinBox *>(row.control))
        return spin->value();
    if (auto *check = qobject_cast<QCheckBox *>(row.control))
        return check->isChecked();
    return {};
}

void SettingsDialog::setValueOf(const Row &row, const QVariant &value)
{
    if (auto *edit = qobject_cast<QLineEdit *>(row.control)) {
        edit->setText(value.toString());
    } else if (auto *combo = qobject_cast<QComboBox *>(row.control)) {
        int index = combo->findData(value.toString());
        if (index < 0) {
            // A language IT chose that this build has no translation for: show it as it is.
            combo->addItem(languageName(value.toString()), value.toString());
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    } else if (auto *spin = qobject_cast<QSpinBox *>(row.control)) {
        spin->setValue(value.toInt());
    } else if (auto *check = qobject_cast<QCheckBox *>(row.control)) {
        check->setChecked(value.toBool());
    }
}

bool SettingsDialog::save()
{
    for (const Row &row : std::as_const(m_rows)) {
        const ResolvedSetting &current = m_settings.resolved(row.setting);
        const QVariant value = valueOf(row);
        if (!current.userCanChange() || value == current.value)
            continue;
        // Back at the built-in value: drop the user's own, so a later default applies.
        const Status saved = m_settings.setUserValue(
            row.setting, value == ClientSettings::builtInValue(row.setting) ? QVariant() : value);
        if (!saved) {
            qCWarning(lcUi).noquote() << "settings not saved:" << saved.error().message;
            m_error->setText(refusal(row.setting, saved.error()));
            m_error->setAccessibleDescription(m_error->text());
            m_error->show();
            fitContents();
            row.control->setFocus();
            return false;
        }
    }
    m_error->hide();
    showValues();
    accept();
    return true;
}

QString SettingsDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString SettingsDialog::refusal(ClientSetting setting, const Error &error) const
{
    if (error.code == ErrorCode::NotWritable)
        return tr("Your settings could not be saved on this computer. Please tell your IT team.");
    if (error.code == ErrorCode::Locked)
        return tr("This setting is decided by your organisation.");
    switch (setting) {
    case ClientSetting::ServerUrl:
        return tr("The server address must start with https:// and name the server, for example "
                  "https://otrack.example.sch.uk.");
    case ClientSetting::PinnedCa:
        return error.code == ErrorCode::NotFound
            ? tr("The CA certificate file cannot be read.")
            : tr("This is not a CA certificate OTrack can use. Give the full path of a PEM file, or the "
                 "certificate in base64.");
    default:
        return tr("This value is not allowed.");
    }
}

void SettingsDialog::updateCaDetails()
{
    const QString value = m_pinnedCa->text().trimmed();
    if (value.isEmpty()) {
        m_caDetails->hide();
        return;
    }
    const Result<PinnedCa> ca = PinnedCa::parse(value);
    m_caDetails->setText(ca ? tr("Trusts: %1").arg(ca->subjects().join(u"; "_s))
                            : refusal(ClientSetting::PinnedCa, ca.error()));
    m_caDetails->setAccessibleDescription(m_caDetails->text());
    m_caDetails->show();
    fitContents();
}

void SettingsDialog::updateExpiryEnabled()
{
    const bool canChange = m_settings.resolved(ClientSetting::OfflineUnlockExpiryDays).userCanChange();
    m_offlineUnlockExpiry->setEnabled(canChange && m_allowOfflineUnlock->isChecked());
}

void SettingsDialog::chooseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the CA certificate"), QString(),
                                                      tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_pinnedCa->setText(QDir::toNativeSeparators(file));
}

}  // namespace otrack
