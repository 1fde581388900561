# One place that decides how every OTrack target is compiled, so that each folder's
# CMakeLists.txt stays a list of sources and dependencies.

set(OTRACK_WARNINGS
  -Wall -Wextra -Wpedantic -Werror
  -Wshadow -Wnon-virtual-dtor -Wcast-qual -Wformat=2 -Wimplicit-fallthrough
  -Wmissing-declarations -Wundef)

# Hardening for software that holds children's data. _FORTIFY_SOURCE needs optimisation,
# so Debug builds (which use the sanitizers instead) go without it.
set(OTRACK_HARDENING
  -fstack-protector-strong -fstack-clash-protection -fcf-protection
  $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>
  -D_GLIBCXX_ASSERTIONS)
set(OTRACK_LINK_HARDENING -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)

# Every user-visible string must be deliberate: no silent char* <-> QString conversions.
set(OTRACK_QT_DEFINES
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(OTRACK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "OTRACK_FUZZ needs clang and libFuzzer: configure with CC=clang CXX=clang++")
  endif()
  # Every library gets libFuzzer's coverage instrumentation; only the fuzz targets link its main
  # (-fsanitize=fuzzer, tests/fuzz/CMakeLists.txt).
  set(OTRACK_SANITIZER_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                             -fno-omit-frame-pointer)
elseif(OTRACK_SANITIZE)
  set(OTRACK_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
                             -fno-omit-frame-pointer)
endif()

set(CMAKE_POSITION_INDEPENDENT_CODE ON)

# ccache caches GCC compilations that use precompiled headers only with -fpch-preprocess
# (and the sloppiness that scripts/test sets).
if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  set(OTRACK_CCACHE_FLAGS -fpch-preprocess)
elseif(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache" AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  # Clang's precompiled headers embed a timestamp that ccache would see as a changed input.
  set(OTRACK_CCACHE_FLAGS "SHELL:-Xclang -fno-pch-timestamp")
endif()

function(otrack_apply_flags target)
  target_compile_options(${target} PRIVATE ${OTRACK_WARNINGS} ${OTRACK_HARDENING}
                                           ${OTRACK_SANITIZER_FLAGS} ${OTRACK_CCACHE_FLAGS})
  target_compile_definitions(${target} PRIVATE ${OTRACK_QT_DEFINES})
  target_link_options(${target} PRIVATE ${OTRACK_LINK_HARDENING} ${OTRACK_SANITIZER_FLAGS})
endfunction()

# otrack_add_library(name SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...] [PCH ...])
function(otrack_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS;PCH" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
  if(ARG_PCH)
    target_precompile_headers(${name} PRIVATE ${ARG_PCH})
  endif()
  otrack_apply_flags(${name})
  # Sanitizer flags travel with the static library so that whatever links it links the runtime.
  target_link_options(${name} INTERFACE ${OTRACK_SANITIZER_FLAGS})
endfunction()

# otrack_add_executable(name SOURCES ... LIBS ...)
function(otrack_add_executable name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  otrack_apply_flags(${name})
endfunction()
