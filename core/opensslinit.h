#pragma once

namespace otrack {

// Initialises OpenSSL without its exit-time cleanup. Qt's network threads can still be
// releasing their OpenSSL state while the process exits; OpenSSL's atexit handler then
// frees the same memory concurrently (a double free seen under AddressSanitizer). The
// operating system reclaims the memory at exit anyway. Call first thing in main().
void initOpenSsl();

}  // namespace otrack
