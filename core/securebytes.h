#pragma once

#include <QByteArray>

#include <cstddef>
#include <vector>

namespace otrack {

// Key material that is wiped (OPENSSL_cleanse) when it goes out of scope. Move-only, so
// that a key never lingers in a forgotten copy.
class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    SecureBytes(const unsigned char *data, std::size_t size);
    ~SecureBytes();

    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    static SecureBytes random(std::size_t size);
    static SecureBytes fromQByteArray(const QByteArray &bytes);

    unsigned char *data() { return m_bytes.data(); }
    const unsigned char *data() const { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.empty(); }

    // Lower-case hex, in wiped storage: for SQLCipher's raw-key pragma.
    SecureBytes toHex() const;
    // A plain copy, for values that are not secret once made (salts, nonces).
    QByteArray toQByteArray() const;
    bool operator==(const SecureBytes &other) const;

private:
    void wipe();
    std::vector<unsigned char> m_bytes;
};

}  // namespace otrack
