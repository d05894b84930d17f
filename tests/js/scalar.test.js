// The scalar fallback build (dist/webtorch-scalar.*, for engines without SIMD128) must give
// PyTorch's numbers too: every golden family is replayed on it. Jest gives each test file a
// fresh module registry, so this file's runtime loads the scalar build.
import { expect, test, beforeAll } from '@jest/globals';
import torch from '../../js/index.js';
import { replayAllFamilies } from './golden.js';

beforeAll(() => torch.ready({ simd: false }));

test('the scalar build is the one loaded', () => {
  expect(torch.backend().simd).toBe(false);
});

replayAllFamilies();
