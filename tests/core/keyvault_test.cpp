#include "keyvault.h"

#include "tempdir.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using namespace otrack;
using otrack::test::TempDir;

TEST_CASE("a key vault unlocks with its password and not with another")
{
    TempDir dir;
    KeyVault vault(dir.file(QStringLiteral("otrack.keys")));
    REQUIRE_FALSE(vault.exists());
    auto key = vault.create(QStringLiteral("first password"), ScryptParams::fastForTests());
    REQUIRE(key.ok());
    CHECK(key.value().size() == 32);

    auto unlocked = vault.unlockWithPassword(QStringLiteral("first password"));
    REQUIRE(unlocked.ok());
    CHECK(unlocked.value() == key.value());

    auto wrong = vault.unlockWithPassword(QStringLiteral("First password"));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == ErrorCode::WrongPassword);

    // The file never holds the key or the password in clear.
    const QByteArray file = otrack::test::readFile(vault.path());
    CHECK_FALSE(file.contains(key.value().toQByteArray()));
    CHECK_FALSE(file.contains(key.value().toHex().toQByteArray()));
    CHECK_FALSE(file.contains("first password"));
}

TEST_CASE("changing the password re-wraps the same key")
{
    TempDir dir;
    KeyVault vault(dir.file(QStringLiteral("otrack.keys")));
    auto key = vault.create(QStringLiteral("old"), ScryptParams::fastForTests());
    REQUIRE(key.ok());

    CHECK(
        vault.changePassword(QStringLiteral("wrong"), QStringLiteral("new"), ScryptParams::fastForTests()).error().code
        == ErrorCode::WrongPassword);
    REQUIRE(vault.changePassword(QStringLiteral("old"), QStringLiteral("new"), ScryptParams::fastForTests()).ok());

    CHECK(vault.unlockWithPassword(QStringLiteral("old")).error().code == ErrorCode::WrongPassword);
    auto unlocked = vault.unlockWithPassword(QStringLiteral("new"));
    REQUIRE(unlocked.ok());
    CHECK(unlocked.value() == key.value());
}

TEST_CASE("a device key unlocks the vault and can reset a forgotten password")
{
    TempDir dir;
    KeyVault vault(dir.file(QStringLiteral("otrack.keys")));
    auto key = vault.create(QStringLiteral("pw"), ScryptParams::fastForTests());
    REQUIRE(key.ok());
    const SecureBytes deviceKey = SecureBytes::random(32);

    CHECK_FALSE(vault.hasDeviceWrap());
    CHECK(vault.unlockWithDeviceKey(deviceKey).error().code == ErrorCode::WrongDeviceKey);
    CHECK(vault.setDeviceKey(QStringLiteral("nope"), deviceKey).error().code == ErrorCode::WrongPassword);
    CHECK(vault.setDeviceKey(QStringLiteral("pw"), SecureBytes::random(16)).error().code == ErrorCode::InvalidArgument);
    REQUIRE(vault.setDeviceKey(QStringLiteral("pw"), deviceKey).ok());
    CHECK(vault.hasDeviceWrap());

    auto viaDevice = vault.unlockWithDeviceKey(deviceKey);
    REQUIRE(viaDevice.ok());
    CHECK(viaDevice.value() == key.value());
    CHECK(vault.unlockWithDeviceKey(SecureBytes::random(32)).error().code == ErrorCode::WrongDeviceKey);

    // The password was changed on the server: the device key proves the user, and the
    // device wrap survives the re-wrap.
    REQUIRE(vault.resetPasswordWithDeviceKey(deviceKey, QStringLiteral("server-side new"), ScryptParams::fastForTests())
                .ok());
    CHECK(vault.unlockWithPassword(QStringLiteral("pw")).error().code == ErrorCode::WrongPassword);
    CHECK(vault.unlockWithPassword(QStringLiteral("server-side new")).value() == key.value());
    CHECK(vault.unlockWithDeviceKey(deviceKey).value() == key.value());

    REQUIRE(vault.removeDeviceKey().ok());
    CHECK(vault.unlockWithDeviceKey(deviceKey).error().code == ErrorCode::WrongDeviceKey);
    CHECK(vault.unlockWithPassword(QStringLiteral("server-side new")).ok());
}

TEST_CASE("a damaged or foreign key file is reported, never trusted")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("otrack.keys"));
    KeyVault vault(path);
    CHECK(vault.unlockWithPassword(QStringLiteral("pw")).error().code == ErrorCode::NotFound);
    REQUIRE(vault.create(QStringLiteral("pw"), ScryptParams::fastForTests()).ok());
    const QByteArray good = otrack::test::readFile(path);

    otrack::test::writeFile(path, good.left(good.size() / 2));
    CHECK(vault.unlockWithPassword(QStringLiteral("pw")).error().code == ErrorCode::Damaged);

    QJsonObject json = QJsonDocument::fromJson(good).object();
    json[QStringLiteral("format")] = 99;
    otrack::test::writeFile(path, QJsonDocument(json).toJson());
    CHECK(vault.unlockWithPassword(QStringLiteral("pw")).error().code == ErrorCode::NewerVersion);

    // Lowering the scrypt cost changes the bound context: the wrap no longer opens.
    json = QJsonDocument::fromJson(good).object();
    QJsonObject password = json[QStringLiteral("password")].toObject();
    password[QStringLiteral("n")] = 512;
    json[QStringLiteral("password")] = password;
    otrack::test::writeFile(path, QJsonDocument(json).toJson());
    CHECK(vault.unlockWithPassword(QStringLiteral("pw")).error().code == ErrorCode::WrongPassword);

    otrack::test::writeFile(path, good);
    CHECK(vault.unlockWithPassword(QStringLiteral("pw")).ok());
}
