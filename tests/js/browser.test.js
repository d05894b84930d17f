// The package in a real browser, as a web app gets it: the tarball installed into a scratch
// project with no network, tests/vite-app built there by Vite (production build, only the config
// the README documents), served by web-demo/serve.js (strict CSP: script-src 'self'
// 'wasm-unsafe-eval', plus COOP/COEP) and loaded in Debian's Chromium — one launch for the file.
// The page covers the default SIMD build, { simd: false }, { wasmPath }, { wasmBinary }, a wasm
// path that serves HTML, load_safetensors(url, { onProgress }) and a module Web Worker.

import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { jest } from '@jest/globals';
import { chromium } from 'playwright-core';
import { startServer, SECURITY_HEADERS } from '../../web-demo/serve.js';
import torch, { nn } from '../../js/index.js';
import { runForward } from '../vite-app/model.js';
import { packAndInstall } from './package_util.js';

jest.setTimeout(180_000);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

let scratch;
let server;
let context;
let expected;
let weightNames;
let profileDir;
const problems = []; // console errors, page errors (CSP violations are console errors), failed requests

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'webtorch-vite-'));
  await packAndInstall(scratch);
  cpSync(path.join(ROOT, 'tests/vite-app'), scratch, { recursive: true });
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
    { cwd: scratch });

  await torch.ready();
  expected = runForward(torch, nn);
  // A weights file for load_safetensors(url): a Conv2d's state_dict, written here.
  const data = path.join(scratch, 'data');
  mkdirSync(data);
  const m = new nn.Conv2d(3, 8, 3);
  const sd = m.state_dict();
  weightNames = Object.keys(sd);
  writeFileSync(path.join(data, 'weights.safetensors'), torch.save_safetensors(sd));

  server = await startServer({ port: 0, host: '127.0.0.1', mounts: [
    ['/cdn/', path.join(scratch, 'node_modules/webtorch/dist/pkg/dist')], // the package's files, as a CDN would serve them
    ['/data/', data],
    ['/', path.join(scratch, 'dist')],
  ] });
  const profile = mkdtempSync(path.join(tmpdir(), 'webtorch-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  profileDir = profile;
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Load the app with a query string; resolves to { result, response } once main.js reported. */
// isolated: false strips COOP/COEP from every response, as a server without them would send.
async function load(query, { isolated = true } = {}) {
  const page = await context.newPage();
  if (!isolated) {
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
  }
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`${query}: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`${query}: ${err}`));
  // Chromium reports a fetch whose body was read to the end through response.body.getReader() as
  // net::ERR_ABORTED; a request that got its 200 response is not a failure.
  const ok = new Set();
  page.on('response', (res) => { if (res.status() === 200) ok.add(res.url()); });
  page.on('requestfailed', (req) => {
    if (!(req.failure()?.errorText === 'net::ERR_ABORTED' && ok.has(req.url()))) {
      problems.push(`${query}: ${req.url()} ${req.failure()?.errorText}`);
    }
  });
  const response = await page.goto(`${server.url}${query}`);
  await page.waitForSelector('body[data-done="true"]', { timeout: 60_000 });
  const result = JSON.parse(await page.textContent('#result'));
  await page.close();
  return { result, response };
}

function expectClose(got, want) {
  expect(got.shape).toEqual(want.shape);
  const diff = Math.max(...got.values.map((v, i) => Math.abs(v - want.values[i])));
  expect(diff).toBeLessThanOrEqual(1e-6);
}

test('the Vite build runs under a strict CSP: SIMD build, weights by URL with progress, a module worker', async () => {
  const { result, response } = await load('?worker=1&weights=/data/weights.safetensors');
  expect(response.headers()['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
  expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(result.error).toBeUndefined();
  expect(result.backend.simd).toBe(true);
  // served cross-origin isolated: the pthread build, on every hardware thread up to 8
  expect(result.isolated).toBe(true);
  expect(result.backend.threads).toBe(Math.min(8, result.cores));
  expect(result.forward).toEqual(expected); // the same seed gives the same numbers as in Node
  expect(result.worker).toEqual({ backend: result.backend, forward: expected });
  expect(result.weights.names.slice().sort()).toEqual(weightNames.slice().sort());
  expect(result.weights.leaked).toBe(0);
  const size = readFileSync(path.join(scratch, 'data/weights.safetensors')).length;
  const progress = result.weights.progress;
  expect(progress.length).toBeGreaterThanOrEqual(1);
  expect(progress[progress.length - 1]).toEqual([size, size]);
  for (let i = 1; i < progress.length; i++) expect(progress[i][0]).toBeGreaterThan(progress[i - 1][0]);
  expect(problems).toEqual([]);
});

test('ready({ simd: false }) runs the scalar build', async () => {
  const { result } = await load('?simd=false');
  expect(result.backend.simd).toBe(false);
  expectClose(result.forward, expected);
  expect(problems).toEqual([]);
});

test('a page that is not cross-origin isolated runs the single-thread build and says so', async () => {
  const { result } = await load('?worker=1', { isolated: false });
  expect(result.error).toBeUndefined();
  expect(result.isolated).toBe(false);
  expect(result.backend).toEqual({ simd: true, threads: 1, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  expect(result.forward).toEqual(expected);
  expect(result.worker.forward).toEqual(expected);
  expect(problems).toEqual([]);
});

test('ready({ wasmPath }) and ready({ wasmBinary }) load the binary from elsewhere', async () => {
  const byPath = (await load('?wasmPath=/cdn/webtorch-simd-mt.wasm')).result;
  expect(byPath.error).toBeUndefined();
  expect(byPath.backend.threads).toBe(Math.min(8, byPath.cores));
  expect(byPath.forward).toEqual(expected);
  const single = (await load('?threads=false&wasmPath=/cdn/webtorch-simd.wasm')).result;
  expect(single.error).toBeUndefined();
  expect(single.backend.threads).toBe(1);
  expect(single.forward).toEqual(expected);
  const byBinary = (await load('?simd=false&wasmBinary=/cdn/webtorch-scalar.wasm')).result;
  expect(byBinary.backend.simd).toBe(false);
  expectClose(byBinary.forward, expected);
  expect(problems).toEqual([]);
});

test('a wasm path that serves an HTML page fails with a clear message', async () => {
  const { result } = await load('?wasmPath=/index.html');
  expect(result.error).toMatch(/^webtorch: \/index\.html is not a WebAssembly binary \(it starts with "<!DOCTYPE html>/);
  expect(result.error).toContain('is the server returning an HTML page');
});
