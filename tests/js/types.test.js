// The TypeScript declarations (js/**/*.d.ts): tests/ts/usage.ts uses every public entry point and
// tests/ts/errors.ts holds misuses that must stay type errors; `tsc -p tests/ts` checks both
// through the package's own "exports" -> "types". The second test keeps the declarations and the
// sample (and docs/) in step with what js/ exports at runtime, so a layer added later without
// types or docs fails here.

import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { jest } from '@jest/globals';
import torch, * as named from '../../js/index.js';

jest.setTimeout(120_000);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel) => readFileSync(path.join(ROOT, rel), 'utf8');

test('tsc --noEmit accepts tests/ts/usage.ts and rejects every misuse in tests/ts/errors.ts', async () => {
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const run = promisify(execFile)(process.execPath, [tsc, '-p', 'tests/ts'], { cwd: ROOT });
  await expect(run.then(({ stdout }) => stdout, (err) => err.stdout + err.stderr)).resolves.toBe('');
});

test('every runtime export is declared in js/**/*.d.ts, used by tests/ts/usage.ts and named in docs/', () => {
  const decls = {
    torch: read('js/index.d.ts'), nn: read('js/nn/index.d.ts'), F: read('js/nn/functional.d.ts'),
    init: read('js/nn/init.d.ts'),
  };
  const usage = read('tests/ts/usage.ts');
  const docs = readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => read(`docs/${f}`)).join('\n');
  const declared = (text, name) => new RegExp(`export (?:declare )?(?:function|const|class) ${name}\\b|export \\{[^}]*\\b${name}\\b`).test(text);
  const missing = [];
  const unused = [];
  const undocumented = [];
  const check = (kind, names, text, use) => {
    for (const name of names) {
      if (!declared(text, name)) missing.push(`${kind}.${name}`);
      if (!use(name)) unused.push(`${kind}.${name}`);
      if (!new RegExp(`(?<![\\w])${name.replace(/\d+d$/, '')}`).test(docs)) undocumented.push(`${kind}.${name}`);
    }
  };
  const uses = (prefixes) => (name) => prefixes.some((p) => usage.includes(`${p}${name}`));
  check('torch', Object.keys(torch).filter((k) => !['nn', 'F'].includes(k)), decls.torch, uses(['torch.', 'named.']));
  check('named', Object.keys(named).filter((k) => !['default', 'nn', 'F'].includes(k)), decls.torch, uses(['torch.', 'named.']));
  check('nn', Object.keys(torch.nn).filter((k) => !['functional', 'init'].includes(k)), decls.nn, uses(['nn.']));
  // No filter: F re-exports PyTorch's functions only, so an internal helper leaking into it
  // (`_conv`, `checkConvRank`, `label`, ...) is an undeclared name here.
  check('F', Object.keys(torch.F), decls.F, uses(['F.']));
  check('nn.init', Object.keys(torch.nn.init), decls.init, uses(['nn.init.']));
  expect({ missing, unused, undocumented }).toEqual({ missing: [], unused: [], undocumented: [] });
});
