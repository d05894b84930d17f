#!/usr/bin/env bash
# Native build of the library and C tests with ASan + UBSan (build/native-asan), then
# ctest. The wasm smoke test runs too when dist/ holds a build (else it is skipped).
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
