#!/usr/bin/env bash
# Builds the wasm module into dist/webtorch-simd.{mjs,wasm}, the pthread build into
# dist/webtorch-simd-mt.{mjs,wasm,worker.js} and the scalar fallback into
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
# The multithreaded build (SharedArrayBuffer; chosen where it can run, see js/runtime.js).
if [ ! -f build/wasm-mt/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm-mt -DCMAKE_BUILD_TYPE=Release -DWT_THREADS=ON
fi
cmake --build build/wasm-mt -j2
# The scalar fallback build for engines without SIMD128 (dist/webtorch-scalar.*).
if [ ! -f build/wasm-scalar/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm-scalar -DCMAKE_BUILD_TYPE=Release -DWT_SIMD=OFF
fi
cmake --build build/wasm-scalar -j2
ls -l dist/webtorch-simd.mjs dist/webtorch-simd.wasm dist/webtorch-simd-mt.mjs dist/webtorch-simd-mt.wasm \
  dist/webtorch-simd-mt.worker.js dist/webtorch-scalar.mjs dist/webtorch-scalar.wasm
