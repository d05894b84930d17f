// The single-thread SIMD build (dist/webtorch-simd.*) is what pages that are not cross-origin
// isolated run, so it must give PyTorch's numbers too: every golden family is replayed on it
// (the other suites run the pthread build, Node's default). Jest gives each test file a fresh
// module registry, so this file's runtime loads the build ready({ threads: false }) asks for.
import { expect, test, beforeAll } from '@jest/globals';
import torch from '../../js/index.js';
import { replayAllFamilies } from './golden.js';

beforeAll(() => torch.ready({ threads: false }));

test('the single-thread SIMD build is the one loaded', () => {
  expect(torch.backend()).toEqual({ simd: true, threads: 1, version: '0.1.0' });
  torch.set_num_threads(4);
  expect(torch.get_num_threads()).toBe(1);
});

replayAllFamilies();
