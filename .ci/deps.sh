#!/usr/bin/env bash
# Installs what building and testing need, when it is missing: Debian's emscripten,
# libsimde-dev, chromium and clang's libFuzzer runtime (as root; otherwise prints the one
# apt command to run), and the npm devDependencies (npm ci). Safe to run repeatedly: a no-op when everything is there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
command -v emcc >/dev/null 2>&1 || missing+=(emscripten)
[ -f /usr/include/simde/wasm/simd128.h ] || missing+=(libsimde-dev)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v clang >/dev/null 2>&1 || missing+=(clang)
# libFuzzer and the sanitizer runtimes for .ci/fuzz.sh and .ci/test-c.sh
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || missing+=(libclang-rt-14-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "webtorch: installing ${missing[*]} (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
  else
    echo "webtorch: missing system packages; run:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# npm ci when node_modules is absent or older than the lockfile.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "webtorch: npm ci"
  npm ci --no-audit --no-fund
fi
