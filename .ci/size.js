#!/usr/bin/env node
// `npm run size`: the gzipped size of what the package ships for a browser, per build: the JS
// bundle dist/pkg/js/index.js (js/ bundled and minified by .ci/build-js.mjs), the Emscripten glue
// and the wasm binary of that build, plus the pthread worker script for simd-mt (the .d.ts files
// never reach a browser). Both SIMD builds (simd, simd-mt) must stay under 150 KB (150,000 bytes)
// gzipped, or the script exits 1. Run `npm run build` first.
//
//   node .ci/size.js [--json]

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(ROOT, 'dist/pkg');
const BUDGET = 150_000;

function part(rel) {
  const bytes = readFileSync(path.join(PKG, rel));
  return { file: `dist/pkg/${rel}`, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function measure(name) {
  const parts = { js: part('js/index.js'), glue: part(`dist/webtorch-${name}.mjs`), wasm: part(`dist/webtorch-${name}.wasm`) };
  if (name === 'simd-mt') parts.worker = part('dist/webtorch-simd-mt.worker.js');
  return { ...parts, gzip: Object.values(parts).reduce((sum, p) => sum + p.gzip, 0) };
}

const builds = { simd: measure('simd'), 'simd-mt': measure('simd-mt'), scalar: measure('scalar') };
const budgeted = ['simd', 'simd-mt'];

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budget: BUDGET, builds }, null, 2));
} else {
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`.padStart(10);
  for (const [name, b] of Object.entries(builds)) {
    console.log(`${name} build${' '.repeat(40 - name.length)}raw   gzipped`);
    for (const p of Object.values(b).filter((v) => typeof v === 'object')) console.log(`  ${p.file.padEnd(40)}${kb(p.bytes)}${kb(p.gzip)}`);
    console.log(`  ${'total'.padEnd(50)}${kb(b.gzip)}`);
  }
  console.log(`budget: the SIMD builds must stay under ${BUDGET / 1000} KB gzipped`);
}

for (const name of budgeted) {
  if (builds[name].gzip > BUDGET) {
    console.error(`size: the ${name} build is ${builds[name].gzip} bytes gzipped, over the budget of ${BUDGET} bytes`);
    process.exitCode = 1;
  }
}
