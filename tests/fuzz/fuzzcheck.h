#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// The entry point of every harness: libFuzzer's main calls it, or replaymain.cpp's.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace otrack::fuzz {

// A broken invariant. Aborting is what libFuzzer treats as a crash: it saves the input and
// prints the stack; under the replay driver the corpus test fails.
[[noreturn]] inline void fail(const char *what, const QString &detail = QString())
{
    std::fprintf(stderr, "fuzz invariant broken: %s%s%s\n", what, detail.isEmpty() ? "" : ": ",
                 detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

inline void require(bool condition, const char *what, const QString &detail = QString())
{
    if (!condition)
        fail(what, detail);
}

}  // namespace otrack::fuzz
