#include "keyvault.h"

#include "logging.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace otrack {

namespace {

constexpr int kFormat = 1;
constexpr qint64 kMaxFileSize = 64 * 1024;

const QString kFormatField = QStringLiteral("format");
const QString kPasswordField = QStringLiteral("password");
const QString kDeviceField = QStringLiteral("device");
const QString kWrapField = QStringLiteral("wrap");
const QString kDeviceIdField = QStringLiteral("id");

QByteArray passwordContext(const ScryptParams &params)
{
    return QByteArrayLiteral("otrack.store-key.v1/password/") + QByteArray::number(params.n) + '/'
        + QByteArray::number(params.r) + '/' + QByteArray::number(params.p) + '/' + params.salt.toBase64();
}

QByteArray deviceContext()
{
    return QByteArrayLiteral("otrack.store-key.v1/device");
}

Result<QJsonObject> readFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error{ErrorCode::NotFound, QStringLiteral("no key file at %1").arg(path)};
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotWritable, QStringLiteral("cannot read the key file: %1").arg(file.errorString())};
    if (file.size() > kMaxFileSize)
        return Error{ErrorCode::Damaged, QStringLiteral("the key file is too large")};
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{ErrorCode::Damaged, QStringLiteral("the key file is not valid JSON")};
    const auto json = doc.object();
    const int format = json.value(kFormatField).toInt(-1);
    if (format > kFormat)
        return Error{ErrorCode::NewerVersion, QStringLiteral("the key file was written by a newer OTrack")};
    if (format != kFormat)
        return Error{ErrorCode::Damaged, QStringLiteral("the key file has no known format")};
    return json;
}

Status writeFile(const QString &path, const QJsonObject &json)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::NotWritable, QStringLiteral("cannot write the key file: %1").arg(file.errorString())};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        const bool full = file.error() == QFileDevice::ResourceError;
        return Error{full ? ErrorCode::DiskFull : ErrorCode::NotWritable,
                     QStringLiteral("cannot write the key file: %1").arg(file.errorString())};
    }
    return {};
}

Result<ScryptParams> scryptFromJson(const QJsonObject &json)
{
    if (json.value(QStringLiteral("kdf")).toString() != QStringLiteral("scrypt"))
        return Error{ErrorCode::Damaged, QStringLiteral("unknown key derivation in the key file")};
    ScryptParams params;
    params.n = static_cast<std::uint64_t>(json.value(QStringLiteral("n")).toDouble());
    params.r = static_cast<std::uint32_t>(json.value(QStringLiteral("r")).toInt());
    params.p = static_cast<std::uint32_t>(json.value(QStringLiteral("p")).toInt());
    params.salt = QByteArray::fromBase64(json.value(QStringLiteral("salt")).toString().toLatin1());
    if (!params.isValid())
        return Error{ErrorCode::Damaged, QStringLiteral("scrypt parameters in the key file are out of range")};
    return params;
}

QJsonObject scryptToJson(const ScryptParams &params, const WrappedKey &wrap)
{
    return {{QStringLiteral("kdf"), QStringLiteral("scrypt")},
            {QStringLiteral("n"), static_cast<double>(params.n)},
            {QStringLiteral("r"), static_cast<int>(params.r)},
            {QStringLiteral("p"), static_cast<int>(params.p)},
            {QStringLiteral("salt"), QString::fromLatin1(params.salt.toBase64())},
            {kWrapField, wrap.toJson()}};
}

}  // namespace

KeyVault::KeyVault(QString path) : m_path(std::move(path))
{
}

bool KeyVault::exists() const
{
    return QFile::exists(m_path);
}

Result<SecureBytes> KeyVault::create(const QString &password, const ScryptParams &params) const
{
    SecureBytes storeKey = SecureBytes::random(32);
    if (auto written = writePasswordWrap(storeKey, password, params, false); !written)
        return written.error();
    qCInfo(lcStore) << "created a new store key file";
    return storeKey;
}

Result<SecureBytes> KeyVault::unlockWithPassword(const QString &password) const
{
    auto json = readFile(m_path);
    if (!json)
        return json.error();
    const auto entry = json->value(kPasswordField).toObject();
    auto params = scryptFromJson(entry);
    if (!params)
        return params.error();
    auto wrap = WrappedKey::fromJson(entry.value(kWrapField).toObject());
    if (!wrap)
        return wrap.error();
    auto kek = deriveKeyFromPassword(password, params.value());
    if (!kek)
        return kek.error();
    return unwrapKey(wrap.value(), kek.value(), passwordContext(params.value()), ErrorCode::WrongPassword);
}

Result<SecureBytes> KeyVault::unlockWithDeviceKey(const SecureBytes &deviceKey) const
{
    auto json = readFile(m_path);
    if (!json)
        return json.error();
    if (!json->contains(kDeviceField))
        return Error{ErrorCode::WrongDeviceKey, QStringLiteral("this store has no device key")};
    auto wrap = WrappedKey::fromJson(json->value(kDeviceField).toObject().value(kWrapField).toObject());
    if (!wrap)
        return wrap.error();
    return unwrapKey(wrap.value(), deviceKey, deviceContext(), ErrorCode::WrongDeviceKey);
}

bool KeyVault::hasDeviceWrap() const
{
    auto json = readFile(m_path);
    return json && json->contains(kDeviceField);
}

Status KeyVault::changePassword(const QString &current, const QString &next, const ScryptParams &params) const
{
    auto storeKey = unlockWithPassword(current);
    if (!storeKey)
        return storeKey.error();
    return writePasswordWrap(storeKey.value(), next, params, true);
}

Status KeyVault::resetPasswordWithDeviceKey(const SecureBytes &deviceKey, const QString &next,
                                            const ScryptParams &params) const
{
    auto storeKey = unlockWithDeviceKey(deviceKey);
    if (!storeKey)
        return storeKey.error();
    return writePasswordWrap(storeKey.value(), next, params, true);
}

Status KeyVault::setDeviceKey(const QString &password, const SecureBytes &deviceKey) const
{
    if (deviceKey.size() != 32)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a device key has 256 bits")};
    auto storeKey = unlockWithPassword(password);
    if (!storeKey)
        return storeKey.error();
    return setDeviceKey(storeKey.value(), deviceKey, deviceId());
}

Status KeyVault::setDeviceKey(const SecureBytes &storeKey, const SecureBytes &deviceKey, const QString &deviceId) const
{
    if (deviceKey.size() != 32)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a device key has 256 bits")};
    auto json = readFile(m_path);
    if (!json)
        return json.error();
    const auto wrap = wrapKey(storeKey, deviceKey, deviceContext());
    QJsonObject device{{kWrapField, wrap.toJson()}};
    if (!deviceId.isEmpty())
        device.insert(kDeviceIdField, deviceId);
    json->insert(kDeviceField, device);
    return writeFile(m_path, json.value());
}

QString KeyVault::deviceId() const
{
    auto json = readFile(m_path);
    return json ? json->value(kDeviceField).toObject().value(kDeviceIdField).toString() : QString();
}

Status KeyVault::recordDeviceId(const QString &deviceId) const
{
    auto json = readFile(m_path);
    if (!json)
        return json.error();
    QJsonObject device = json->value(kDeviceField).toObject();
    if (device.isEmpty() || device.contains(kDeviceIdField) || deviceId.isEmpty())
        return {};
    device.insert(kDeviceIdField, deviceId);
    json->insert(kDeviceField, device);
    return writeFile(m_path, json.value());
}

Status KeyVault::removeDeviceKey() const
{
    auto json = readFile(m_path);
    if (!json)
        return json.error();
    json->remove(kDeviceField);
    return writeFile(m_path, json.value());
}

Status KeyVault::writePasswordWrap(const SecureBytes &storeKey, const QString &password, const ScryptParams &params,
                                   bool keepDeviceWrap) const
{
    if (!params.isValid())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("scrypt parameters are out of range")};
    auto kek = deriveKeyFromPassword(password, params);
    if (!kek)
        return kek.error();
    QJsonObject json{{kFormatField, kFormat}};
    if (keepDeviceWrap) {
        auto old = readFile(m_path);
        if (!old)
            return old.error();
        if (old->contains(kDeviceField))
            json.insert(kDeviceField, old->value(kDeviceField));
    }
    const auto wrap = wrapKey(storeKey, kek.value(), passwordContext(params));
    json.insert(kPasswordField, scryptToJson(params, wrap));
    return writeFile(m_path, json);
}

}  // namespace otrack
