#include "clientsettings.h"

#include "enumnames.h"
#include "pinnedca.h"
#include "serverurl.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

Q_LOGGING_CATEGORY(lcSettings, "otrack.settings", QtInfoMsg)

constexpr EnumNames<ClientSetting, ClientSettings::kAll.size()> kValueNames{{
    {ClientSetting::ServerUrl, u"ServerUrl"},
    {ClientSetting::PinnedCa, u"PinnedCa"},
    {ClientSetting::Language, u"Language"},
    {ClientSetting::SyncIntervalMinutes, u"SyncIntervalMinutes"},
    {ClientSetting::AllowOfflineUnlock, u"AllowOfflineUnlock"},
    {ClientSetting::OfflineUnlockExpiryDays, u"OfflineUnlockExpiryDays"},
    {ClientSetting::AutoUpdate, u"AutoUpdate"},
}};

constexpr EnumNames<SettingSource, 5> kSourceNames{{
    {SettingSource::BuiltIn, u"built-in default"},
    {SettingSource::User, u"user setting"},
    {SettingSource::MachineDefault, u"machine default"},
    {SettingSource::UserPolicy, u"user policy"},
    {SettingSource::MachinePolicy, u"machine policy"},
}};

constexpr int kMaxSyncIntervalMinutes = 24 * 60;
constexpr int kMaxOfflineUnlockDays = 365;

Error invalid(const QString &why)
{
    return Error{ErrorCode::InvalidArgument, why};
}

bool isText(ClientSetting setting)
{
    return setting == ClientSetting::ServerUrl || setting == ClientSetting::PinnedCa
        || setting == ClientSetting::Language;
}

// A registry REG_MULTI_SZ (a PEM pasted as lines) and an INI value with commas both arrive as
// a list; put back what was written.
QString textOf(const QVariant &raw, QSettings::Format format)
{
    if (raw.typeId() == QMetaType::QStringList)
        return raw.toStringList().join(format == QSettings::IniFormat ? u","_s : u"\n"_s);
    return raw.toString();
}

bool isUnset(const QVariant &raw)
{
    if (!raw.isValid() || raw.isNull())
        return true;
    if (raw.typeId() == QMetaType::QString)
        return raw.toString().trimmed().isEmpty();
    if (raw.typeId() == QMetaType::QStringList)
        return raw.toStringList().join(QString()).trimmed().isEmpty();
    return false;
}

Result<int> wholeNumber(const QVariant &raw, int minimum, int maximum, const QString &unit)
{
    bool ok = false;
    qlonglong number = 0;
    switch (raw.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        number = raw.toLongLong(&ok);
        break;
    case QMetaType::QString:
        number = raw.toString().trimmed().toLongLong(&ok, 10);
        break;
    default:
        break;
    }
    if (!ok || number < minimum || number > maximum)
        return invalid(
            u"must be a whole number of %1 from %2 to %3, not \"%4\""_s.arg(unit).arg(minimum).arg(maximum).arg(
                raw.toString()));
    return int(number);
}

Result<bool> yesOrNo(const QVariant &raw)
{
    if (raw.typeId() == QMetaType::Bool)
        return raw.toBool();
    const QString text = raw.toString().trimmed().toLower();
    if (text == u"1"_s || text == u"true"_s || text == u"yes"_s || text == u"on"_s)
        return true;
    if (text == u"0"_s || text == u"false"_s || text == u"no"_s || text == u"off"_s)
        return false;
    return invalid(u"must be 1 (on) or 0 (off), not \"%1\""_s.arg(raw.toString()));
}

Result<QString> languageCode(const QString &text)
{
    QString code = text.trimmed();
    code.replace(u'-', u'_');
    static const QRegularExpression shape(u"^[a-z]{2,3}(_[A-Z]{2})?$"_s);
    if (!shape.match(code).hasMatch() || QLocale(code).language() == QLocale::C)
        return invalid(u"is not a language code such as en_GB or cy: \"%1\""_s.arg(text));
    return code;
}

}  // namespace

QList<ClientSettings::Layer> ClientSettings::fileLayers(const QString &systemFolder, const QString &userFile)
{
    const QDir system(systemFolder);
    return {
        {SettingSource::MachinePolicy, system.filePath(QString::fromUtf16(kPolicyFile)), QSettings::IniFormat},
        {SettingSource::MachineDefault, system.filePath(QString::fromUtf16(kMachineDefaultsFile)),
         QSettings::IniFormat},
        {SettingSource::User, userFile, QSettings::IniFormat},
    };
}

QList<ClientSettings::Layer> ClientSettings::platformLayers()
{
#ifdef Q_OS_WIN
    const QString policy = QString::fromUtf16(kPolicyKey);
    const QString machine = QString::fromUtf16(kMachineKey);
    return {
        {SettingSource::MachinePolicy, u"HKEY_LOCAL_MACHINE\\"_s + policy, QSettings::NativeFormat},
        {SettingSource::UserPolicy, u"HKEY_CURRENT_USER\\"_s + policy, QSettings::NativeFormat},
        {SettingSource::MachineDefault, u"HKEY_LOCAL_MACHINE\\"_s + machine, QSettings::NativeFormat},
        {SettingSource::User, u"HKEY_CURRENT_USER\\"_s + machine, QSettings::NativeFormat},
    };
#else
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return fileLayers(QString::fromUtf16(kSystemFolder), QDir(config).filePath(u"OTrack/settings.conf"_s));
#endif
}

ClientSettings::ClientSettings(QList<Layer> layers) : m_layers(std::move(layers))
{
    // Most authoritative first, whatever order the caller gave.
    std::stable_sort(m_layers.begin(), m_layers.end(),
                     [](const Layer &a, const Layer &b) { return int(a.source) > int(b.source); });
    Q_ASSERT(std::count_if(m_layers.cbegin(), m_layers.cend(),
                           [](const Layer &layer) { return layer.source == SettingSource::User; })
             == 1);
    reload();
}

void ClientSettings::reload()
{
    std::vector<std::unique_ptr<QSettings>> owned;
    QList<QSettings *> stores;
    for (const Layer &layer : std::as_const(m_layers)) {
        if (layer.format == QSettings::IniFormat) {
            const QFileInfo file(layer.location);
            if (file.exists() && !file.isReadable())
                qCWarning(lcSettings).noquote() << u"cannot read %1; its settings are ignored"_s.arg(layer.location);
        }
        owned.push_back(std::make_unique<QSettings>(layer.location, layer.format));
        // QSettings reads lazily; a line it cannot parse (a "#" comment: INI comments start
        // with ";") sets FormatError but leaves the other lines' values readable, so they apply.
        owned.back()->allKeys();
        if (owned.back()->status() == QSettings::FormatError)
            qCWarning(lcSettings).noquote()
                << u"%1 has lines that are not settings; the others apply"_s.arg(layer.location);
        stores.append(owned.back().get());
    }
    for (std::size_t i = 0; i < kAll.size(); ++i)
        m_resolved[i] = resolve(kAll[i], stores);
}

ResolvedSetting ClientSettings::resolve(ClientSetting setting, const QList<QSettings *> &stores) const
{
    ResolvedSetting result;
    result.setting = setting;
    const QString name = valueName(setting);
    for (qsizetype i = 0; i < m_layers.size(); ++i) {
        const Layer &layer = m_layers.at(i);
        QVariant raw = stores.at(i)->value(name);
        if (isUnset(raw))
            continue;
        if (isText(setting) || raw.typeId() == QMetaType::QStringList)
            raw = textOf(raw, layer.format);
        const QString origin
            = layer.format == QSettings::NativeFormat ? layer.location + u'\\' + name : layer.location + u": "_s + name;
        Result<QVariant> checked = check(setting, raw);
        if (!checked) {
            const QString why
                = u"%1: %2; ignored (%3)"_s.arg(origin, checked.error().message, sourceName(layer.source));
            qCWarning(lcSettings).noquote() << why;
            result.ignored.append(why);
            continue;
        }
        result.value = std::move(checked).value();
        result.source = layer.source;
        result.origin = origin;
        return result;
    }
    result.value = builtInValue(setting);
    return result;
}

const ResolvedSetting &ClientSettings::resolved(ClientSetting setting) const
{
    return m_resolved.at(std::size_t(setting));
}

QStringList ClientSettings::describe() const
{
    constexpr qsizetype kShown = 60;
    QStringList lines;
    for (const ResolvedSetting &setting : m_resolved) {
        QString value = setting.value.typeId() == QMetaType::Bool ? (setting.value.toBool() ? u"1"_s : u"0"_s)
                                                                  : setting.value.toString();
        if (value.size() > kShown)
            value = value.left(kShown - 3) + u"..."_s;
        const QString from = setting.origin.isEmpty() ? sourceName(setting.source)
                                                      : sourceName(setting.source) + u": "_s + setting.origin;
        lines.append(u"%1 = %2 (%3)"_s.arg(valueName(setting.setting), value, from));
        for (const QString &why : setting.ignored)
            lines.append(u"  refused: "_s + why);
    }
    return lines;
}

QString ClientSettings::serverUrl() const
{
    return resolved(ClientSetting::ServerUrl).value.toString();
}

QString ClientSettings::pinnedCa() const
{
    return resolved(ClientSetting::PinnedCa).value.toString();
}

QString ClientSettings::language() const
{
    return resolved(ClientSetting::Language).value.toString();
}

int ClientSettings::syncIntervalMinutes() const
{
    return resolved(ClientSetting::SyncIntervalMinutes).value.toInt();
}

bool ClientSettings::allowOfflineUnlock() const
{
    return resolved(ClientSetting::AllowOfflineUnlock).value.toBool();
}

int ClientSettings::offlineUnlockExpiryDays() const
{
    return resolved(ClientSetting::OfflineUnlockExpiryDays).value.toInt();
}

bool ClientSettings::autoUpdate() const
{
    return resolved(ClientSetting::AutoUpdate).value.toBool();
}

const ClientSettings::Layer &ClientSettings::userLayer() const
{
    return *std::find_if(m_layers.cbegin(), m_layers.cend(),
                         [](const Layer &layer) { return layer.source == SettingSource::User; });
}

Status ClientSettings::setUserValue(ClientSetting setting, const QVariant &value)
{
    const ResolvedSetting &current = resolved(setting);
    const QString name = valueName(setting);
    if (!current.userCanChange())
        return Error{ErrorCode::Locked,
                     u"%1 is set by %2 (%3); a user value would have no effect"_s.arg(name, sourceName(current.source),
                                                                                      current.origin)};
    const Layer &layer = userLayer();
    QVariant normalised;
    if (!isUnset(value)) {
        Result<QVariant> checked = check(setting, value);
        if (!checked)
            return Error{checked.error().code, name + u' ' + checked.error().message};
        normalised = std::move(checked).value();
    }
    if (layer.format == QSettings::IniFormat && !QDir().mkpath(QFileInfo(layer.location).absolutePath()))
        return Error{ErrorCode::NotWritable, u"cannot create the folder of %1"_s.arg(layer.location)};
    {
        QSettings store(layer.location, layer.format);
        if (normalised.isValid())
            store.setValue(name, normalised);
        else
            store.remove(name);
        store.sync();
        if (store.status() == QSettings::AccessError)
            return Error{ErrorCode::NotWritable, u"cannot save %1 in %2"_s.arg(name, layer.location)};
    }
    reload();
    return {};
}

QString ClientSettings::valueName(ClientSetting setting)
{
    return enumName(kValueNames, setting);
}

QStringList ClientSettings::policyValueNames()
{
    QStringList names;
    for (ClientSetting setting : kAll)
        names.append(valueName(setting));
    return names;
}

QVariant ClientSettings::builtInValue(ClientSetting setting)
{
    switch (setting) {
    case ClientSetting::ServerUrl:
    case ClientSetting::PinnedCa:
    case ClientSetting::Language:
        return QString();
    case ClientSetting::SyncIntervalMinutes:
        return 5;  // SyncScheduler's own default
    case ClientSetting::AllowOfflineUnlock:
        return true;  // teachers mark in classrooms without a network (DESIGN.md)
    case ClientSetting::OfflineUnlockExpiryDays:
        return 30;
    case ClientSetting::AutoUpdate:
        return false;
    }
    return {};
}

Result<QVariant> ClientSettings::check(ClientSetting setting, const QVariant &raw)
{
    const auto asVariant = [](auto result) -> Result<QVariant> {
        if (!result)
            return result.error();
        return QVariant::fromValue(std::move(result).value());
    };
    switch (setting) {
    case ClientSetting::ServerUrl:
        return asVariant(checkServerUrl(raw.toString()));
    case ClientSetting::PinnedCa: {
        const Result<PinnedCa> ca = PinnedCa::parse(raw.toString());
        if (!ca)
            return ca.error();
        return QVariant(raw.toString().trimmed());
    }
    case ClientSetting::Language:
        return asVariant(languageCode(raw.toString()));
    case ClientSetting::SyncIntervalMinutes:
        return asVariant(wholeNumber(raw, 1, kMaxSyncIntervalMinutes, u"minutes"_s));
    case ClientSetting::OfflineUnlockExpiryDays:
        return asVariant(wholeNumber(raw, 1, kMaxOfflineUnlockDays, u"days"_s));
    case ClientSetting::AllowOfflineUnlock:
    case ClientSetting::AutoUpdate:
        return asVariant(yesOrNo(raw));
    }
    return invalid(u"unknown setting"_s);
}

QString ClientSettings::sourceName(SettingSource source)
{
    return enumName(kSourceNames, source);
}

}  // namespace otrack
