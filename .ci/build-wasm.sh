#!/usr/bin/env bash
# Builds the wasm module into dist/webtorch-simd.{mjs,wasm} and the scalar fallback into
# dist/webtorch-scalar.{mjs,wasm}. Idempotent: configures only
# when build/wasm has no cache yet; an up-to-date tree is a no-op rebuild.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# One build at a time: concurrent runs (npm test while npm start builds) share build/.
mkdir -p build
exec 9>build/.lock
flock 9
if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build/wasm -j2
# The scalar fallback build for engines without SIMD128 (dist/webtorch-scalar.*).
if [ ! -f build/wasm-scalar/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm-scalar -DCMAKE_BUILD_TYPE=Release -DWT_SIMD=OFF
fi
cmake --build build/wasm-scalar -j2
ls -l dist/webtorch-simd.mjs dist/webtorch-simd.wasm dist/webtorch-scalar.mjs dist/webtorch-scalar.wasm
