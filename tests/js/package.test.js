// The npm package as users get it: `npm pack`, the tarball installed into a scratch project with
// no network, and a forward pass run there in a child Node process — as an ES module, and from
// CommonJS through import() (the documented answer for require() callers). Also `npm run size`.
// Exports the tarball helper for the browser test, which bundles the same tarball with Vite.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { jest } from '@jest/globals';
import { packAndInstall } from './package_util.js';
import { runForward } from '../vite-app/model.js';

jest.setTimeout(180_000);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

let scratch;
let files;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'webtorch-pkg-'));
  ({ files } = await packAndInstall(scratch));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the tarball holds the JS bundle, its type declarations, the three builds and the license — nothing else', () => {
  expect(files).toContain('package.json');
  expect(files).toContain('LICENSE');
  expect(files).toContain('dist/pkg/js/index.js');
  expect(files).toContain('js/index.d.ts');
  for (const f of ['webtorch-simd.mjs', 'webtorch-simd.wasm', 'webtorch-scalar.mjs', 'webtorch-scalar.wasm',
    'webtorch-simd-mt.mjs', 'webtorch-simd-mt.wasm', 'webtorch-simd-mt.worker.js', 'package.json']) {
    expect(files).toContain(`dist/pkg/dist/${f}`);
  }
  const stray = files.filter((f) => !/^(package\.json|README\.md|LICENSE|js\/.+\.d\.ts|dist\/pkg\/js\/index\.js|dist\/pkg\/dist\/(webtorch-(simd|simd-mt|scalar)\.(mjs|wasm)|webtorch-simd-mt\.worker\.js|package\.json))$/.test(f));
  expect(stray).toEqual([]);
});

test('no eval or new Function in any shipped file (the Emscripten glue included)', async () => {
  const { readFileSync } = await import('node:fs');
  const offenders = files.filter((f) => /\.(m?js)$/.test(f)).filter((f) => {
    const text = readFileSync(path.join(scratch, 'node_modules/webtorch', f), 'utf8');
    // eval( not preceded by '.' (module.eval()) and not a method definition (`eval() {`, which in
    // minified code follows a `}` on the same line): `eval()` followed by `{` can only be one.
    const code = text.replace(/eval\(\)\s*\{/g, '');
    return /(?<![.\w$])eval\s*\(|\bnew\s+Function\s*\(|(?<![.\w$])Function\s*\(\s*['"`]/.test(code);
  });
  expect(offenders).toEqual([]);
});

// The child runs the same seeded forward pass as the browser test (tests/vite-app/model.js),
// imported by file URL since the scratch project holds only the installed package.
const MODEL = new URL('../vite-app/model.js', import.meta.url).href;
const FORWARD = `
  const { runForward } = await import(${JSON.stringify(MODEL)});
  await torch.ready();
  console.log(JSON.stringify({ backend: torch.backend(), ...runForward(torch, nn) }));
`;

async function expectedForward() {
  // The same program in this process, from the repo's sources.
  const { default: torch, nn } = await import('../../js/index.js');
  await torch.ready();
  return runForward(torch, nn);
}

test('a forward pass in Node from the installed tarball (ES module import)', async () => {
  writeFileSync(path.join(scratch, 'esm.mjs'), `import torch, { nn } from 'webtorch';\n${FORWARD}`);
  const { stdout } = await run(process.execPath, ['esm.mjs'], { cwd: scratch });
  const got = JSON.parse(stdout);
  // Node runs the pthread build from the installed package too, and the process still ends.
  expect(got.backend).toEqual({ simd: true, threads: Math.min(8, availableParallelism()),
    version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  expect({ shape: got.shape, values: got.values }).toEqual(await expectedForward());
});

test('CommonJS callers load it with import()', async () => {
  writeFileSync(path.join(scratch, 'cjs.cjs'),
    `(async () => {\n  const { default: torch, nn } = await import('webtorch');\n${FORWARD}\n})();`);
  const { stdout } = await run(process.execPath, ['cjs.cjs'], { cwd: scratch });
  expect(JSON.parse(stdout).shape).toEqual([2, 2]);
});

test('npm run size reports what ships for each build and keeps the SIMD builds under 150 KB gzipped', async () => {
  const { stdout } = await run(process.execPath, [path.join(ROOT, '.ci/size.js'), '--json'], { cwd: ROOT });
  const report = JSON.parse(stdout);
  expect(report.budget).toBe(150_000);
  expect(Object.keys(report.builds)).toEqual(['simd', 'simd-mt', 'scalar']);
  const { simd, scalar, 'simd-mt': mt } = report.builds;
  expect(simd.gzip).toBeLessThanOrEqual(150_000);
  expect(mt.gzip).toBeLessThanOrEqual(150_000);
  expect(simd.gzip).toBe(simd.js.gzip + simd.glue.gzip + simd.wasm.gzip);
  expect(mt.gzip).toBe(mt.js.gzip + mt.glue.gzip + mt.wasm.gzip + mt.worker.gzip);
  expect(scalar.wasm.bytes).toBeLessThan(simd.wasm.bytes);
  // The human-readable form prints the same totals.
  const text = (await run(process.execPath, [path.join(ROOT, '.ci/size.js')], { cwd: ROOT })).stdout;
  expect(text).toContain(`${(simd.gzip / 1000).toFixed(1)} KB`);
});
