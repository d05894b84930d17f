// ready({ wasmPath }): the file at that path is the module loaded. A fresh module registry per
// test file means the runtime here starts unloaded.

import { copyFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, afterAll } from '@jest/globals';
import torch from '../../js/index.js';

const dir = mkdtempSync(join(tmpdir(), 'webtorch-ready-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a wasmPath that serves an HTML page is rejected with a clear Error naming it', async () => {
  const page = join(dir, 'index.html');
  writeFileSync(page, '<!DOCTYPE html>\n<html lang="en"><head><title>Not found</title></head></html>');
  await expect(torch.ready({ wasmPath: page })).rejects.toThrow(
    `webtorch: ${page} is not a WebAssembly binary (it starts with "<!DOCTYPE html> <html lang="en">"); ` +
    'is the server returning an HTML page instead of webtorch-simd-mt.wasm?');
  expect(() => torch.tensor([1])).toThrow('webtorch: call await torch.ready() first');
});

test('a missing wasmPath is rejected and names the path', async () => {
  const missing = join(dir, 'nope', 'webtorch-simd-mt.wasm');
  await expect(torch.ready({ wasmPath: missing })).rejects.toThrow(missing);
});

test('ready({ wasmPath }) loads the file at that path', async () => {
  const copy = join(dir, 'copy.wasm');
  // The single-thread SIMD build, asked for with { threads: false }.
  copyFileSync(fileURLToPath(new URL('../../dist/webtorch-simd.wasm', import.meta.url)), copy);
  await torch.ready({ wasmPath: copy, threads: false });
  expect(torch.backend()).toEqual({ simd: true, threads: 1, version: '0.1.0' });
  torch.set_num_threads(4); // the single-thread build stays at one thread
  expect(torch.get_num_threads()).toBe(1);
  const t = torch.arange(4);
  expect(t.sum().item()).toBe(6);
  t.dispose();
});
