// Start-up: before torch.ready() resolves every call throws the contract's one message; ready()
// is idempotent, concurrent calls share one load, and bad options fail loudly. Jest gives each
// test file a fresh module registry, so the runtime here starts unloaded (the wasmBinary and
// wasmPath overrides have their own files: ready_wasmbinary.test.js, ready_wasmpath.test.js).

import { availableParallelism } from 'node:os';
import { expect, test } from '@jest/globals';
import torch, { nn } from '../../js/index.js';

const NOT_READY = 'webtorch: call await torch.ready() first';

function expectNotReady(call) {
  let error = null;
  try {
    call();
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(Error);
  expect(error.message).toBe(NOT_READY);
}

const calls = {
  'torch.tensor': () => torch.tensor([1, 2]),
  'torch.tensor(typed array)': () => torch.tensor(new Float32Array(3)),
  'torch.zeros': () => torch.zeros(2, 3),
  'torch.ones': () => torch.ones([2]),
  'torch.full': () => torch.full([2], 1.5),
  'torch.empty': () => torch.empty(4),
  'torch.rand': () => torch.rand(2),
  'torch.randn': () => torch.randn(2, 2),
  'torch.randint': () => torch.randint(0, 5, [3]),
  'torch.arange': () => torch.arange(5),
  'torch.zeros_like': () => torch.zeros_like({ shape: [2], dtype: 'float32' }),
  'torch.manual_seed': () => torch.manual_seed(0),
  'torch.backend': () => torch.backend(),
  'torch.set_num_threads': () => torch.set_num_threads(1),
  'torch.get_num_threads': () => torch.get_num_threads(),
  'new nn.Linear': () => new nn.Linear(2, 3),
  'torch.load_safetensors': () => torch.load_safetensors(new Uint8Array(16)),
  'torch.save_safetensors': () => torch.save_safetensors({}),
};

test('every call before ready() throws the contract message', () => {
  for (const call of Object.values(calls)) expectNotReady(call);
});

test('an unknown option is rejected with a clear Error and loads nothing', async () => {
  await expect(torch.ready({ wasmUrl: 'x.wasm' })).rejects.toThrow(
    "webtorch: ready(): unknown option 'wasmUrl' (expected wasmPath, wasmBinary, simd or threads)");
  await expect(torch.ready({ threads: 2 })).rejects.toThrow('webtorch: ready(): threads must be true or false, got 2');
  await expect(torch.ready(null)).rejects.toThrow('webtorch: ready(): options must be an object');
  expectNotReady(calls['torch.zeros']);
});

test('a non-wasm wasmBinary is rejected with a clear Error; ready() can then be retried', async () => {
  await expect(torch.ready({ wasmBinary: 'webtorch-simd.wasm' })).rejects.toThrow(
    'webtorch: ready(): wasmBinary must be an ArrayBuffer or Uint8Array');
  expectNotReady(calls['torch.tensor']);
});

test('concurrent ready() calls share one load; calls made while it loads still throw', async () => {
  const first = torch.ready();
  const second = torch.ready();
  expect(second).toBe(first);
  for (const call of Object.values(calls)) expectNotReady(call);
  await Promise.all([first, second]);
  await torch.ready();
  await torch.ready({});
});

test('after ready(): backend() reports the build and creation works', async () => {
  // Node has shared memory, so the pthread build runs, on every hardware thread up to 8.
  const threads = Math.min(8, availableParallelism());
  expect(torch.backend()).toEqual({ simd: true, threads, version: '0.1.0' });
  // A copy: the caller cannot change what the library reports.
  torch.backend().threads = 99;
  expect(torch.backend().threads).toBe(threads);
  const t = torch.zeros(2, 3);
  expect(t.shape).toEqual([2, 3]);
  t.dispose();
  torch.manual_seed(0);
});

test('an unknown option still fails once ready', async () => {
  await expect(torch.ready({ wasmpath: 'x.wasm' })).rejects.toThrow("unknown option 'wasmpath'");
  expect(torch.backend().simd).toBe(true);
});
