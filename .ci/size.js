#!/usr/bin/env node
// `npm run size`: the gzipped size of each build — the wasm binary, its Emscripten glue and the
// package's JS (js/**/*.js; the .d.ts files never reach a browser) — measured two ways:
//
//   bundled   what a web app serves after its bundler's production build: js/ bundled and
//             minified into one file (esbuild, the minifier Vite uses), gzipped, plus the glue
//             and the wasm gzipped. The budget applies here: the SIMD build must stay under
//             150 KB (150,000 bytes) gzipped, or the script exits 1.
//   files     the files exactly as the tarball ships them, each gzipped on its own (what a
//             server with per-file gzip sends when the package is imported unbundled).
//
//   node .ci/size.js [--json]

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET = 150_000;

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

function jsFiles(dir) {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return jsFiles(rel);
    return e.name.endsWith('.js') ? [rel] : [];
  });
}

// js/ as one minified ES module; the two builds' glue files and Node's fs stay external, as a
// bundler splits them into their own chunks.
const bundled = await build({
  entryPoints: [path.join(ROOT, 'js/index.js')], bundle: true, minify: true, format: 'esm', write: false,
  platform: 'neutral', external: ['../dist/*', 'node:*'], logLevel: 'silent',
});
const jsBundle = bundled.outputFiles[0].contents;
const files = jsFiles('js').sort().map((f) => readFileSync(path.join(ROOT, f)));

function measure(name) {
  const wasm = readFileSync(path.join(ROOT, `dist/webtorch-${name}.wasm`));
  const glue = readFileSync(path.join(ROOT, `dist/webtorch-${name}.mjs`));
  const parts = {
    wasm: { bytes: wasm.length, gzip: gzip(wasm) },
    glue: { bytes: glue.length, gzip: gzip(glue) },
    js_bundled: { bytes: jsBundle.length, gzip: gzip(jsBundle) },
    js_files: { bytes: files.reduce((s, b) => s + b.length, 0), gzip: files.reduce((s, b) => s + gzip(b), 0) },
  };
  const base = parts.wasm.gzip + parts.glue.gzip;
  return { ...parts, bundled_gzip: base + parts.js_bundled.gzip, files_gzip: base + parts.js_files.gzip };
}

const builds = { simd: measure('simd'), scalar: measure('scalar') };

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budget: BUDGET, builds }, null, 2));
} else {
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`.padStart(10);
  const row = (label, p) => console.log(`  ${label.padEnd(34)}${kb(p.bytes)}${kb(p.gzip)}`);
  for (const [name, b] of Object.entries(builds)) {
    console.log(`${name} build${' '.repeat(34 - name.length)}raw   gzipped`);
    row(`dist/webtorch-${name}.wasm`, b.wasm);
    row(`dist/webtorch-${name}.mjs (glue)`, b.glue);
    row('js/ bundled + minified', b.js_bundled);
    row(`js/ as shipped (${files.length} files)`, b.js_files);
    console.log(`  ${'total, bundled (budgeted)'.padEnd(44)}${kb(b.bundled_gzip)}`);
    console.log(`  ${'total, files as shipped'.padEnd(44)}${kb(b.files_gzip)}`);
  }
  console.log(`budget: the SIMD build, bundled, must stay under ${BUDGET / 1000} KB gzipped`);
}

if (builds.simd.bundled_gzip > BUDGET) {
  console.error(`size: the SIMD build is ${builds.simd.bundled_gzip} bytes gzipped, over the budget of ${BUDGET} bytes`);
  process.exit(1);
}
