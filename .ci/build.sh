#!/usr/bin/env bash
# `npm run build`: the wasm modules (dist/webtorch-{simd,scalar}.*) and the shipped package
# tree dist/pkg/ (js/ bundled and minified beside them). Fast when nothing changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash .ci/build-wasm.sh
node .ci/build-js.mjs
