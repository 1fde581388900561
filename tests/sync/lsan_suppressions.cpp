// LeakSanitizer hook for the sync tests only (compiled in, so no environment is needed).
//
// Under ctest -j2, roughly one run in six reports ~10 KB "leaked" by OpenSSL at process exit:
// a direct leak of 3 objects from CRYPTO_zalloc plus an ERR_vset_error entry, i.e. a per-thread
// OpenSSL error state. The stacks stop inside libcrypto (built without frame pointers); with
// fast_unwind_on_malloc=0 it never reproduces, so it looks like Qt's network thread finishing
// while the process exits, not like our code. TODO(lead/sync): find the cause and remove this.
// Our own OpenSSL use (sync/server/tlsidentity.cpp) is not linked into this binary.
#include <sanitizer/lsan_interface.h>

extern "C" const char *__lsan_default_suppressions();

extern "C" const char *__lsan_default_suppressions()
{
    return "leak:CRYPTO_zalloc\n"
           "leak:ERR_vset_error\n";
}
