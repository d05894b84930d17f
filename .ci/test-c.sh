#!/usr/bin/env bash
# Native build of the library and C tests with ASan + UBSan (build/native-asan), then
# ctest. The wasm smoke test runs too when dist/ holds a build (else it is skipped). Then the
# thread pool test under ThreadSanitizer (build/native-tsan): data races are what ASan misses.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# One build at a time: concurrent runs (npm test while npm start builds) share build/.
mkdir -p build
exec 9>build/.lock
flock 9
if [ ! -f build/native-asan/CMakeCache.txt ]; then
  cmake -S . -B build/native-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWT_SANITIZE=ON
fi
cmake --build build/native-asan -j2
ctest --test-dir build/native-asan --output-on-failure
if [ ! -f build/native-tsan/CMakeCache.txt ]; then
  cmake -S . -B build/native-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS=-fsanitize=thread -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread
fi
cmake --build build/native-tsan -j2 --target test_threads
TSAN_OPTIONS=halt_on_error=1 build/native-tsan/tests/c/test_threads
