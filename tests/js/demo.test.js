// The demo page in a real browser: web-demo/serve.js in-process on a free port, Debian's
// Chromium through playwright-core, and the page's module tree / forward pass checked from
// the DOM. Writes a full-page screenshot to tests/out/demo.png.

import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import { chromium } from 'playwright-core';
import { startServer } from '../../web-demo/serve.js';
import torch from '../../js/index.js';
import { Net } from '../../web-demo/models.js';

jest.setTimeout(30_000);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = path.join(ROOT, 'tests/out');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

// net.named_modules() of the article's Net, in order ('' is the Net itself).
const MODULE_NAMES = [
  '', 'embedding', 'conv', 'conv.conv_1', 'conv.pool_1', 'conv.relu_1', 'conv.conv_2', 'conv.pool_2',
  'conv.relu_2', 'dense', 'dense.flatten', 'dense.linear',
];

let server;
let profileDir;
let context;
let page;
let htmlResponse;
const consoleErrors = [];
const pageErrors = [];
const failedRequests = [];

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1' });
  profileDir = await mkdtemp(path.join(tmpdir(), 'webtorch-demo-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce', // no highlight animation mid-screenshot
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('requestfailed', (req) => failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`));
  htmlResponse = await page.goto(server.url, { waitUntil: 'load' });
  // The page runs one forward on load; wait for it (or for an error) before any check.
  await page.waitForSelector('body[data-ready="true"], #error:not([hidden])', { timeout: 30_000 });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

test('the HTML response carries the CSP and cross-origin isolation headers', () => {
  expect(htmlResponse.status()).toBe(200);
  const headers = htmlResponse.headers();
  expect(headers['content-type']).toMatch(/^text\/html/);
  expect(headers['content-security-policy']).toBe(CSP);
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  expect(headers['x-content-type-options']).toBe('nosniff');
});

test('the page loads without errors', async () => {
  expect(await page.locator('#error').isHidden()).toBe(true);
  expect(await page.textContent('#error-text')).toBe('');
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(failedRequests).toEqual([]);
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
});

test('the status line reports torch.backend() with SIMD on', async () => {
  const status = page.locator('#backend');
  await expect(status.getAttribute('data-simd')).resolves.toBe('true');
  expect(await status.textContent()).toMatch(/SIMD on · \d+ threads? · webtorch \d+\.\d+\.\d+/);
});

test('the module tree has one node per named_modules() entry, with the article names', async () => {
  const nodes = page.locator('#tree .tree-node');
  expect(await nodes.count()).toBe(12);
  const names = await nodes.evaluateAll((els) => els.map((e) => e.dataset.name));
  expect(names).toEqual(MODULE_NAMES);

  const embedding = page.locator('#tree .tree-node[data-name="embedding"]');
  expect(await embedding.getAttribute('data-params')).toBe('30000');
  const line = await embedding.locator(':scope > .node-line').textContent();
  expect(line).toContain('Embedding(10000, 3, padding_idx=1)');
  expect(line).toContain('30,000 params');
  expect(await embedding.locator('tr.param[data-param="weight"]').textContent()).toContain('[10000, 3]');

  const linear = page.locator('#tree .tree-node[data-name="dense.linear"]');
  expect(await linear.locator(':scope > .node-line .node-repr').textContent())
    .toBe('Linear(in_features=6144, out_features=1, bias=True)');
  expect(await linear.getAttribute('data-params')).toBe('6145');

  // Totals: 30000 + (240 + 16) + (4096 + 128) + (6144 + 1).
  expect(await page.locator('#tree .tree-node[data-name=""]').getAttribute('data-total')).toBe('40625');
  expect(await page.textContent('#total-params')).toBe('40,625');
});

test('String(net) is printed in full', async () => {
  const printed = await page.textContent('#net-print');
  expect(printed.startsWith('Net(\n  (embedding): Embedding(10000, 3, padding_idx=1)\n  (conv): Sequential(\n')).toBe(true);
  expect(printed).toContain('    (relu_1): ReLU()\n');
  expect(printed).toContain('    (linear): Linear(in_features=6144, out_features=1, bias=True)\n  )\n)');
});

test('"Run forward" shows a [2, 1] output of finite numbers, a time, and no leaked memory', async () => {
  const out = page.locator('#forward-output');
  const runsBefore = Number(await out.getAttribute('data-runs'));
  expect(runsBefore).toBeGreaterThanOrEqual(1); // the automatic run on load
  const firstValues = JSON.parse(await out.getAttribute('data-values'));

  await page.click('#run-forward');
  await page.waitForFunction((n) => Number(document.querySelector('#forward-output').dataset.runs) > n,
    runsBefore, { timeout: 30_000 });

  expect(JSON.parse(await out.getAttribute('data-shape'))).toEqual([2, 1]);
  const values = JSON.parse(await out.getAttribute('data-values'));
  expect(values).toHaveLength(2);
  for (const v of values) expect(Number.isFinite(v)).toBe(true);
  expect(values).toEqual(firstValues); // same seed, same weights, same numbers
  expect(await out.locator('.out-value').count()).toBe(2);
  expect(await page.textContent('#forward-shape')).toBe('[2, 1]');

  const ms = Number(await page.getAttribute('#forward-time', 'data-ms'));
  expect(Number.isFinite(ms) && ms >= 0).toBe(true);
  expect(await page.textContent('#forward-time')).toMatch(/^\d+\.\d\d ms$/);
  expect(await page.textContent('#memory-after')).toBe(await page.textContent('#memory-before'));

  // The forward hooks filled in each module's output shape.
  expect(await page.getAttribute('#tree .tree-node[data-name="conv.pool_2"]', 'data-out-shape')).toBe('[2,128,48]');
  expect(await page.locator('#error').isHidden()).toBe(true);
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the same seed gives the same weights and numbers in Chromium as in Node', async () => {
  // Node side: exactly what the page does on load and on "Run forward".
  await torch.ready();
  torch.manual_seed(0);
  const net = new Net();
  torch.manual_seed(0);
  const x = torch.randint(0, 10000, [2, 200]);
  const y = net.forward(x);
  const nodeValues = Array.from(y.toTypedArray(), Number);
  x.dispose();
  y.dispose();
  const pageValues = JSON.parse(await page.getAttribute('#forward-output', 'data-values'));
  expect(pageValues).toEqual(nodeValues);
});

test('screenshot', async () => {
  await mkdir(OUT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(OUT_DIR, 'demo.png'), fullPage: true });
});
