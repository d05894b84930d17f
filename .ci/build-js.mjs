// Builds dist/pkg/, the tree the npm package ships: js/ bundled into one minified ES module,
// dist/pkg/js/index.js (esbuild; class and function names kept, because module reprs print
// them), with the two wasm builds beside it in dist/pkg/dist/, so that the bundle finds
// ../dist/webtorch-*.{mjs,wasm} exactly as js/runtime.js does in the repository. The glue files
// and Node's fs stay separate modules, loaded on demand. Run by .ci/build.sh after the wasm build.
import { mkdir, rm, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
for (const build of ['simd', 'scalar']) {
  for (const ext of ['mjs', 'wasm']) {
    const name = `webtorch-${build}.${ext}`;
    await copyFile(path.join(ROOT, 'dist', name), path.join(OUT, 'dist', name));
  }
}
console.log('webtorch: dist/pkg: js/ bundled and minified, with the simd and scalar builds');
