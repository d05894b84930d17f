// ready({ wasmBinary }): the bytes given are the module loaded (bundlers, CDNs). A fresh module
// registry per test file means the runtime here starts unloaded.

import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { expect, test } from '@jest/globals';
import torch from '../../js/index.js';

// Node runs the pthread build (shared memory is there), so that is the binary to give.
const WASM = new URL('../../dist/webtorch-simd-mt.wasm', import.meta.url);

test('an HTML page passed as the wasm bytes is rejected with a clear Error', async () => {
  const html = new TextEncoder().encode('<!DOCTYPE html><html><body>404 Not Found</body></html>');
  await expect(torch.ready({ wasmBinary: html })).rejects.toThrow(
    'webtorch: the wasmBinary option is not a WebAssembly binary (it starts with "<!DOCTYPE html><html><body>404');
  await expect(torch.ready({ wasmBinary: new Uint8Array(0) })).rejects.toThrow('is not a WebAssembly binary');
  expect(() => torch.zeros(1)).toThrow('webtorch: call await torch.ready() first');
});

test('the binary of another build is rejected with a message naming the one needed', async () => {
  const single = readFileSync(new URL('../../dist/webtorch-simd.wasm', import.meta.url));
  await expect(torch.ready({ wasmBinary: single })).rejects.toThrow(
    /^webtorch: could not instantiate webtorch-simd-mt\.wasm \(.+\); wasmPath and wasmBinary must give the build ready\(\) selects here: webtorch-simd-mt\.wasm \(threads true, simd true\)$/);
  expect(() => torch.zeros(1)).toThrow('webtorch: call await torch.ready() first');
});

test('ready({ wasmBinary }) loads the given bytes (an ArrayBuffer)', async () => {
  const bytes = readFileSync(WASM);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  await torch.ready({ wasmBinary: buffer });
  expect(torch.backend()).toEqual({ simd: true, threads: Math.min(8, availableParallelism()), version: '0.1.0' });
  const y = torch.tidy(() => torch.ones(2, 3).matmul(torch.ones(3)).tolist());
  expect(y).toEqual([3, 3]);
});

test('ready({ wasmBinary }) as a Uint8Array after load is a no-op', async () => {
  await torch.ready({ wasmBinary: new Uint8Array(readFileSync(WASM)) });
  expect(torch.backend().simd).toBe(true);
});
