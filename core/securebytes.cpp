#include "securebytes.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace otrack {

SecureBytes::SecureBytes(std::size_t size) : m_bytes(size, 0)
{
}

SecureBytes::SecureBytes(const unsigned char *data, std::size_t size) : m_bytes(data, data + size)
{
}

SecureBytes::~SecureBytes()
{
    wipe();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecureBytes SecureBytes::random(std::size_t size)
{
    SecureBytes bytes(size);
    // Without the system's entropy source there is no safe key to make: a hard failure.
    if (RAND_bytes(bytes.data(), static_cast<int>(size)) != 1)
        throw std::runtime_error("RAND_bytes failed: no secure random source");
    return bytes;
}

SecureBytes SecureBytes::fromQByteArray(const QByteArray &bytes)
{
    return SecureBytes(reinterpret_cast<const unsigned char *>(bytes.constData()),
                       static_cast<std::size_t>(bytes.size()));
}

SecureBytes SecureBytes::toHex() const
{
    static const char digits[] = "0123456789abcdef";
    SecureBytes hex(m_bytes.size() * 2);
    for (std::size_t i = 0; i < m_bytes.size(); ++i) {
        hex.m_bytes[2 * i] = static_cast<unsigned char>(digits[m_bytes[i] >> 4]);
        hex.m_bytes[2 * i + 1] = static_cast<unsigned char>(digits[m_bytes[i] & 0x0f]);
    }
    return hex;
}

QByteArray SecureBytes::toQByteArray() const
{
    return QByteArray(reinterpret_cast<const char *>(m_bytes.data()), static_cast<qsizetype>(m_bytes.size()));
}

bool SecureBytes::operator==(const SecureBytes &other) const
{
    return m_bytes.size() == other.m_bytes.size()
        && CRYPTO_memcmp(m_bytes.data(), other.m_bytes.data(), m_bytes.size()) == 0;
}

void SecureBytes::wipe()
{
    if (!m_bytes.empty())
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
}

}  // namespace otrack
