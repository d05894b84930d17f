// The scalar fallback build (dist/webtorch-scalar.*, for engines without SIMD128) must give
// PyTorch's numbers too: every golden family is replayed on it. Jest gives each test file a
// fresh module registry, so this file's runtime loads the scalar build.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, beforeAll } from '@jest/globals';
import torch from '../../js/index.js';
import { replayFamily } from './golden.js';

const DATA = new URL('../golden/data/', import.meta.url);

beforeAll(() => torch.ready({ simd: false }));

test('the scalar build is the one loaded', () => {
  expect(torch.backend().simd).toBe(false);
});

for (const file of readdirSync(DATA).filter((f) => f.endsWith('.json')).sort()) {
  const manifest = JSON.parse(readFileSync(new URL(file, DATA), 'utf8'));
  if (manifest.format === 'webtorch-golden-1' && Array.isArray(manifest.cases)) replayFamily(manifest.family);
}
