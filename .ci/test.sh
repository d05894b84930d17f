#!/usr/bin/env bash
# `npm test`: set up what is missing, build (wasm modules, dist/pkg), run the C tests (native, under
# ASan + UBSan, via ctest), a short libFuzzer run of every C op, and the Jest suites (golden
# cases from PyTorch, the contract tests and the real-Chromium demo test).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash .ci/deps.sh
bash .ci/build.sh
bash .ci/test-c.sh
bash .ci/fuzz.sh   # a few seconds per libFuzzer target; FUZZ_SECONDS=20 for longer
node --experimental-vm-modules --expose-gc node_modules/jest/bin/jest.js --ci "$@"
