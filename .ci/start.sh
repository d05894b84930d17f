#!/usr/bin/env bash
# `npm start`: set up what is missing, build if needed, run the Node example (a forward pass
# of the article's Net), then serve web-demo/ on 127.0.0.1 and print its URL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash .ci/deps.sh
bash .ci/build.sh >/dev/null
node web-demo/node-example.mjs
exec node web-demo/serve.js "$@"
