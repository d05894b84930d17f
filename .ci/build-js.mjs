// Builds dist/pkg/, the tree the npm package ships: js/ bundled into one minified ES module,
// dist/pkg/js/index.js (esbuild; class and function names kept, because module reprs print
// them), with the three wasm builds (simd, simd-mt with its pthread worker, scalar) beside it in
// dist/pkg/dist/, so that the bundle finds
// ../dist/webtorch-*.{mjs,wasm} exactly as js/runtime.js does in the repository. The glue files
// and Node's fs stay separate modules, loaded on demand. Run by .ci/build.sh after the wasm build.
import { mkdir, rm, copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/pkg');

await rm(OUT, { recursive: true, force: true });
await build({
  entryPoints: [path.join(ROOT, 'js/index.js')],
  outfile: path.join(OUT, 'js/index.js'),
  bundle: true, minify: true, keepNames: true, format: 'esm', target: 'es2022', legalComments: 'none',
  external: ['../dist/*', 'node:*'],
  logLevel: 'warning',
});
await mkdir(path.join(OUT, 'dist'), { recursive: true });
// The Emscripten glue is minified once more: emcc keeps its top-level names, esbuild shortens them
// (the pthread glue shrinks by a fifth gzipped).
for (const b of ['simd', 'simd-mt', 'scalar']) {
  const glue = await readFile(path.join(ROOT, 'dist', `webtorch-${b}.mjs`), 'utf8');
  const { code } = await transform(glue, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
  await writeFile(path.join(OUT, 'dist', `webtorch-${b}.mjs`), code);
  await copyFile(path.join(ROOT, 'dist', `webtorch-${b}.wasm`), path.join(OUT, 'dist', `webtorch-${b}.wasm`));
}
// The pthread worker is CommonJS under Node; the package.json beside it says so.
await copyFile(path.join(ROOT, 'dist', 'package.json'), path.join(OUT, 'dist', 'package.json'));

// Emscripten 3.1.6's worker gives Node an importScripts made of an indirect eval. The ES-module
// glue never calls it (workers load the glue with import()), but the name must stay a function:
// the glue tells a worker by `typeof importScripts`. The shipped copy's throws instead, so that
// no eval ships (pages with a strict CSP, and tests/js/package.test.js, look for one).
const WORKER = 'webtorch-simd-mt.worker.js';
const EVAL_SHIM = 'importScripts:function(f){(0,eval)(fs.readFileSync(f,"utf8"))}';
const worker = await readFile(path.join(ROOT, 'dist', WORKER), 'utf8');
if (worker.split(EVAL_SHIM).length !== 2) throw new Error(`build-js: ${WORKER} no longer has the expected importScripts shim`);
await writeFile(path.join(OUT, 'dist', WORKER),
  worker.replace(EVAL_SHIM, 'importScripts:function(){throw new Error("webtorch: importScripts is not used")}'));
console.log('webtorch: dist/pkg: js/ bundled and minified, with the simd, simd-mt and scalar builds');
