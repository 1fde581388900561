#include "opensslinit.h"

#include <openssl/crypto.h>

#include <stdexcept>

namespace otrack {

void initOpenSsl()
{
    // The first initialisation decides whether the atexit handler is registered.
    if (OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) != 1)
        throw std::runtime_error("OpenSSL could not be initialised");
}

}  // namespace otrack
