// The demo page in a real browser: web-demo/serve.js in-process on a free port, Debian's
// Chromium through playwright-core (one launch for the whole file), and every panel checked
// from the DOM and its canvases' pixels. Numbers are compared with PyTorch's: the golden files
// tests/golden/data/demo_digits.json and demo_sine.json are written by the training scripts in
// web-demo/train/. Screenshots of each panel go to tests/out/ (git-ignored).

import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import { chromium } from 'playwright-core';
import { startServer } from '../../web-demo/serve.js';
import torch from '../../js/index.js';
import { Net, DigitsCNN } from '../../web-demo/models.js';
import { expectClose } from './golden.js';

jest.setTimeout(60_000);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = path.join(ROOT, 'tests/out');
const DIGITS = JSON.parse(await readFile(path.join(ROOT, 'tests/golden/data/demo_digits.json'), 'utf8'));
const SINE = JSON.parse(await readFile(path.join(ROOT, 'tests/golden/data/demo_sine.json'), 'utf8'));

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

// net.named_modules() of the article's Net, in order ('' is the Net itself).
const NET_MODULES = [
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
  await torch.ready();
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
  // The page loads every model and runs each panel once; wait for it (or for an error).
  await page.waitForSelector('body[data-ready="true"], #error:not([hidden])', { timeout: 30_000 });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

// ---- helpers --------------------------------------------------------------------------------

const counter = (selector) => page.getAttribute(selector, 'data-runs').then(Number);

/** Run action(), then wait until the data-runs counter of `selector` has moved on. */
async function afterRun(selector, action) {
  const before = await counter(selector).catch(() => 0);
  await action();
  await page.waitForFunction(([sel, n]) => Number(document.querySelector(sel)?.dataset.runs ?? 0) > n,
    [selector, before], { timeout: 30_000 });
}

/** Draw polylines (canvas pixels) with the mouse: one mouse.move per vertex, in a few steps. */
async function drawStrokes(strokes) {
  const box = await page.locator('#draw').boundingBox();
  for (const stroke of strokes) {
    await page.mouse.move(box.x + stroke[0][0], box.y + stroke[0][1]);
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps: 2 });
    await page.mouse.up();
  }
}

async function clearCanvas() {
  await page.click('#clear-draw');
  await page.waitForSelector('#digit-probs[data-state="empty"]');
}

async function drawDigit(strokes) {
  await clearCanvas();
  await afterRun('#digit-probs', () => drawStrokes(strokes));
  // Forwards follow the pointer once per frame; wait for the one that saw the last point.
  await page.waitForTimeout(100);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const pageProbs = async () => JSON.parse(await page.getAttribute('#digit-probs', 'data-values'));

/** Pixel statistics of canvases: how many distinct colours and how many non-white pixels. */
function canvasStats(selector) {
  return page.$$eval(selector, (canvases) => canvases.map((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) inked += 1;
    }
    return { width: c.width, height: c.height, colours: colours.size, inked };
  }));
}

const totals = (model) => page.$eval(`#tree-panel-${model} .totals`, (dl) => ({
  total: Number(dl.dataset.total), trainable: Number(dl.dataset.trainable), frozen: Number(dl.dataset.frozen),
}));

async function screenshot(name, selector) {
  await mkdir(OUT_DIR, { recursive: true });
  await page.locator(selector).screenshot({ path: path.join(OUT_DIR, `demo-${name}.png`) });
}

// ---- serving and start-up ---------------------------------------------------------------

test('the HTML response carries the CSP and cross-origin isolation headers', () => {
  expect(htmlResponse.status()).toBe(200);
  const headers = htmlResponse.headers();
  expect(headers['content-type']).toMatch(/^text\/html/);
  expect(headers['content-security-policy']).toBe(CSP);
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  expect(headers['x-content-type-options']).toBe('nosniff');
});

test('the page loads without errors, cross-origin isolated', async () => {
  expect(await page.locator('#error').isHidden()).toBe(true);
  expect(await page.textContent('#error-text')).toBe('');
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(failedRequests).toEqual([]);
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
});

test('the status line reports torch.backend(): SIMD on and the thread count', async () => {
  const status = page.locator('#backend');
  expect(await status.getAttribute('data-simd')).toBe('true');
  const threads = await status.getAttribute('data-threads');
  // the demo server sends COOP/COEP, so the page runs the pthread build on every core (up to 8)
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(Number(threads)).toBe(Math.min(8, cores));
  expect(await status.locator('.status-text').textContent()).toMatch(new RegExp(`^SIMD on · ${threads} threads? · webtorch \\d+\\.\\d+\\.\\d+$`));
});

test('every gallery model loads and runs once on load (the digits panel on a sample "3")', async () => {
  const cards = await page.$$eval('.model-card', (els) => els.map((e) => [e.dataset.model, e.dataset.state,
    e.querySelector('.card-state').textContent]));
  expect(cards).toEqual([
    ['digits', 'ready', expect.stringMatching(/^Trained weights loaded \(55,\d{3} bytes\)\.$/)],
    ['sine', 'ready', expect.stringMatching(/^Trained weights loaded \(\d+,\d{3} bytes\)\.$/)],
    ['encoder', 'ready', 'Seeded random weights.'],
    ['net', 'ready', 'Seeded random weights.'],
  ]);
  // One recorded forward per model: the time bars and the output shapes in each tree.
  for (const model of ['digits', 'sine', 'encoder', 'net']) {
    expect(await counter(`#tree-panel-${model} .timing`)).toBeGreaterThanOrEqual(1);
  }
  expect(await page.getAttribute('#tree-panel-sine .tree-node[data-name=""]', 'data-out'))
    .toBe('([1, 60, 1], ([1, 1, 32], [1, 1, 32]))');
  expect(await page.getAttribute('#tree-panel-encoder .tree-node[data-name="encoder"]', 'data-out')).toBe('[1, 14, 32]');
  expect(await page.textContent('#digit-pred')).toBe('3');
});

// ---- the digits panel -------------------------------------------------------------------

test('an empty canvas is handled: no forward, a note instead of bars', async () => {
  await clearCanvas();
  expect(await page.locator('#digit-empty').isVisible()).toBe(true);
  expect(await page.textContent('#digit-pred')).toBe('–');
  expect(await page.getAttribute('#digit-probs', 'data-values')).toBeNull();
  expect(JSON.parse(await page.getAttribute('#digit-input', 'data-grid')).flat().every((v) => v === 0)).toBe(true);
  expect(await page.locator('#error').isHidden()).toBe(true);
});

test.each(DIGITS.cases.map((c) => [c.name, c]))('a %s drawn with the mouse gets PyTorch\'s probabilities', async (_name, c) => {
  await drawDigit(c.strokes);
  // The 8x8 image the page built from the strokes is the one PyTorch was given ...
  expect(JSON.parse(await page.getAttribute('#digit-input', 'data-grid'))).toEqual(c.grid);
  // ... and the CNN's softmax on it matches PyTorch's.
  expectClose(torch.tensor(await pageProbs()), torch.tensor(c.probs), { what: `${c.name} probabilities` });
  expect(await page.getAttribute('#digit-probs', 'data-label')).toBe(String(c.label));
  expect(await page.textContent('#digit-pred')).toBe(String(c.label));
  expect(await page.locator('#digit-empty').isHidden()).toBe(true);
  expect(await page.locator(`#digit-probs .prob.top`).getAttribute('data-digit')).toBe(String(c.label));
});

test('the probabilities update while drawing, before the pen is lifted', async () => {
  await clearCanvas();
  const box = await page.locator('#draw').boundingBox();
  const [first] = DIGITS.cases[0].strokes;
  await page.mouse.move(box.x + first[0][0], box.y + first[0][1]);
  await page.mouse.down();
  await afterRun('#digit-probs', () => page.mouse.move(box.x + first[1][0], box.y + first[1][1], { steps: 3 }));
  const midStroke = await pageProbs();
  await afterRun('#digit-probs', () => page.mouse.move(box.x + first[2][0], box.y + first[2][1], { steps: 3 }));
  await page.mouse.up();
  expect(await pageProbs()).not.toEqual(midStroke);
});

test('feature maps of both conv layers render as heatmaps (non-blank canvases)', async () => {
  await drawDigit(DIGITS.cases[0].strokes);
  for (const [layer, channels, size] of [['features.0', 16, 8], ['features.3', 32, 4]]) {
    const group = `.fmap-grid[data-layer="${layer}"]`;
    expect(await page.getAttribute(group, 'data-state')).toBe('drawn');
    const stats = await canvasStats(`${group} canvas`);
    expect(stats).toHaveLength(channels);
    for (const s of stats) expect([s.width, s.height]).toEqual([size, size]);
    // Every map has some colour, and the layer's maps are not all alike.
    expect(stats.every((s) => s.inked > 0)).toBe(true);
    expect(stats.filter((s) => s.colours > 1).length).toBeGreaterThan(channels / 2);
  }
  expect(await page.textContent('.fmap-group[data-layer="features.3"] .fmap-shape')).toBe('[1, 32, 4, 4]');
  // The drawing itself and the 8x8 input are on their canvases too.
  const [drawn] = await canvasStats('#draw');
  expect(drawn.inked).toBeGreaterThan(1000);
  const [input] = await canvasStats('#digit-input');
  expect(input.colours).toBeGreaterThan(2);
});

test('drawing frees what each forward kept: memory_allocated() stays flat', async () => {
  await drawDigit(DIGITS.cases[1].strokes);
  const before = Number(await page.getAttribute('#memory', 'data-bytes'));
  await drawDigit(DIGITS.cases[0].strokes);
  await drawDigit(DIGITS.cases[1].strokes);
  expect(Number(await page.getAttribute('#memory', 'data-bytes'))).toBe(before);
});

// ---- the sine panel ---------------------------------------------------------------------

test('the LSTM\'s forecasts of waves #0..#2 equal PyTorch\'s, plotted against the true curve', async () => {
  await page.reload({ waitUntil: 'load' }); // back to wave #0
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  for (const [i, c] of SINE.cases.entries()) {
    if (i > 0) await afterRun('#sine-plot', () => page.click('#next-wave'));
    expect(await page.getAttribute('#sine-plot', 'data-wave')).toBe(String(c.wave));
    const forecast = JSON.parse(await page.getAttribute('#sine-plot', 'data-forecast'));
    expect(forecast).toHaveLength(SINE.horizon);
    // 100 LSTM steps: the tolerance for long recurrences.
    expectClose(torch.tensor(forecast), torch.tensor(c.forecast), { rtol: 1e-4, atol: 1e-4, what: `wave #${c.wave}` });
  }
  const [plot] = await canvasStats('#sine-plot');
  expect(plot.inked).toBeGreaterThan(5000);
  expect(Number(await page.textContent('#sine-rmse'))).toBeLessThan(0.3);
});

// ---- the encoder panel ------------------------------------------------------------------

test('the TransformerEncoder shows the attention of every head of both layers', async () => {
  await afterRun('#attention', () => page.fill('#encoder-text', 'abc, xyz!'));
  expect(await page.getAttribute('#attention', 'data-out-shape')).toBe('[1,9,32]');
  expect(await page.locator('#encoder-tokens .token').count()).toBe(9);
  const stats = await canvasStats('#attention canvas.attn');
  expect(stats).toHaveLength(8); // 2 layers x 4 heads
  for (const s of stats) {
    expect([s.width, s.height]).toEqual([9, 9]);
    expect(s.colours).toBeGreaterThan(1);
  }
  expect(await page.textContent('.attn-layer[data-layer="1"] .fmap-shape')).toBe('[1, 4, 9, 9]');
  expect(await page.getAttribute('#tree-panel-encoder .tree-node[data-name="encoder.layers.1.self_attn"]', 'data-out'))
    .toBe('([1, 9, 32], None)');

  await page.fill('#encoder-text', '');
  expect(await page.getAttribute('#attention', 'data-state')).toBe('empty');
  expect(await page.locator('#attention canvas').count()).toBe(0);
  await page.fill('#encoder-text', 'hello webtorch');
  expect(await page.getAttribute('#attention', 'data-state')).toBe('drawn');
  expect(await page.locator('#error').isHidden()).toBe(true);
});

// ---- the article's Net ------------------------------------------------------------------

test('the Net\'s module tree has one node per named_modules() entry, with the article names', async () => {
  const nodes = page.locator('#tree-panel-net .tree-node');
  expect(await nodes.evaluateAll((els) => els.map((e) => e.dataset.name))).toEqual(NET_MODULES);

  const embedding = page.locator('#tree-panel-net .tree-node[data-name="embedding"]');
  expect(await embedding.getAttribute('data-params')).toBe('30000');
  const line = await embedding.locator(':scope > .node-line').textContent();
  expect(line).toContain('Embedding(10000, 3, padding_idx=1)');
  expect(line).toContain('30,000 params');
  expect(await embedding.locator('tr.param[data-param="weight"]').textContent()).toContain('[10000, 3]');

  const linear = page.locator('#tree-panel-net .tree-node[data-name="dense.linear"]');
  expect(await linear.locator(':scope > .node-line .node-repr').textContent())
    .toBe('Linear(in_features=6144, out_features=1, bias=True)');
  expect(await linear.getAttribute('data-params')).toBe('6145');

  // Totals: 30000 + (240 + 16) + (4096 + 128) + (6144 + 1).
  expect(await page.getAttribute('#tree-panel-net .tree-node[data-name=""]', 'data-total')).toBe('40625');
  expect(await totals('net')).toEqual({ total: 40625, trainable: 40625, frozen: 0 });
});

test('String(model) is printed in full for every model', async () => {
  const printed = await page.textContent('#tree-panel-net .model-print');
  expect(printed.startsWith('Net(\n  (embedding): Embedding(10000, 3, padding_idx=1)\n  (conv): Sequential(\n')).toBe(true);
  expect(printed).toContain('    (relu_1): ReLU()\n');
  expect(printed).toContain('    (linear): Linear(in_features=6144, out_features=1, bias=True)\n  )\n)');
  const digits = new DigitsCNN();
  expect(await page.textContent('#tree-panel-digits .model-print')).toBe(String(digits));
  expect(await page.textContent('#tree-panel-encoder .model-print')).toContain('(self_attn): MultiheadAttention(');
});

test('"Run forward" shows a [2, 1] output of finite numbers, a time, and no leaked memory', async () => {
  const out = page.locator('#forward-output');
  const firstValues = JSON.parse(await out.getAttribute('data-values'));
  await afterRun('#forward-output', () => page.click('#run-forward'));

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
  // From the second run on, nothing is left behind (the first one also packed weights).
  expect(await page.getAttribute('#memory-after', 'data-bytes')).toBe(await page.getAttribute('#memory-before', 'data-bytes'));
  expect(await page.$eval('#memory-after', (dd) => dd.classList.contains('leak'))).toBe(false);

  // The forward hooks filled in each module's output shape.
  expect(await page.getAttribute('#tree-panel-net .tree-node[data-name="conv.pool_2"]', 'data-out')).toBe('[2, 128, 48]');
});

test('the same seed gives the same weights and numbers in Chromium as in Node', async () => {
  torch.manual_seed(0);
  const net = new Net();
  net.eval();
  torch.manual_seed(0);
  const x = torch.randint(0, 10000, [2, 200]);
  const y = net.forward(x);
  const nodeValues = Array.from(y.toTypedArray(), Number);
  x.dispose();
  y.dispose();
  expect(JSON.parse(await page.getAttribute('#forward-output', 'data-values'))).toEqual(nodeValues);
});

// ---- explorer: timing and freezing ----------------------------------------------------------

test('the time of each module of the last forward is shown as a bar', async () => {
  await page.click('#tab-net');
  const rows = await page.$$eval('#tree-panel-net .timing .time-row', (els) => els.map((e) => [e.dataset.name, Number(e.dataset.ms)]));
  expect(rows.map(([n]) => n)).toEqual(NET_MODULES);
  for (const [, ms] of rows) expect(ms).toBeGreaterThanOrEqual(0);
  // A container's time includes its children's.
  const ms = Object.fromEntries(rows);
  expect(ms['']).toBeGreaterThanOrEqual(ms.conv);
  expect(ms.conv).toBeGreaterThanOrEqual(ms['conv.conv_2']);
  const widths = await page.$$eval('#tree-panel-net .timing .tbar', (els) => els.map((e) => parseFloat(e.style.width)));
  expect(widths[0]).toBe(100);
});

test('unticking "trainable" calls requires_grad_(false) and the totals follow', async () => {
  await page.click('#tab-digits');
  expect(await totals('digits')).toEqual({ total: 13706, trainable: 13706, frozen: 0 });
  const features = '#tree-panel-digits .tree-node[data-name="features"]';
  await page.uncheck(`${features} > .node-line input[type="checkbox"]`);
  // features: conv 16x1x3x3 + 16 and conv 32x16x3x3 + 32 = 4800 parameters.
  expect(await totals('digits')).toEqual({ total: 13706, trainable: 8906, frozen: 4800 });
  expect(await page.textContent('#tree-panel-digits [data-stat="frozen"]')).toBe('4,800');
  const conv = '#tree-panel-digits .tree-node[data-name="features.3"]';
  expect(await page.isChecked(`${conv} > .node-line input`)).toBe(false);
  expect(await page.textContent(`${conv} tr.param[data-param="weight"] .rg`)).toBe('false');
  const root = '#tree-panel-digits .tree-node[data-name=""] > .node-line input';
  expect(await page.$eval(root, (box) => [box.checked, box.indeterminate])).toEqual([false, true]);
  await mkdir(OUT_DIR, { recursive: true });
  await screenshot('explorer-frozen', '#explorer');

  // Re-enable one conv: only its 4640 come back.
  await page.check(`${conv} > .node-line input`);
  expect(await totals('digits')).toEqual({ total: 13706, trainable: 13546, frozen: 160 });
  // The root box sets everything again.
  await page.check(root);
  expect(await totals('digits')).toEqual({ total: 13706, trainable: 13706, frozen: 0 });
  expect(await page.$eval(root, (box) => box.indeterminate)).toBe(false);
});

// ---- bad weights --------------------------------------------------------------------------

describe('a bad weights file shows a readable message and the page keeps working', () => {
  const input = '.model-card[data-model="digits"] input[type="file"]';
  const card = '.model-card[data-model="digits"]';
  const load = (name, buffer) => page.setInputFiles(input, { name, mimeType: 'application/octet-stream', buffer });
  const waitState = (text) => page.waitForFunction(([sel, t]) => document.querySelector(sel).textContent.includes(t),
    [`${card} .card-state`, text]);

  let memory;
  beforeAll(async () => {
    memory = await page.getAttribute('#memory', 'data-bytes');
  });

  test('a corrupt file: the reader\'s error', async () => {
    const bytes = Buffer.alloc(16);
    bytes.writeBigUInt64LE(1000n, 0); // header length past the end of the file
    await load('corrupt.safetensors', bytes);
    await waitState('was not loaded');
    expect(await page.getAttribute(card, 'data-state')).toBe('error');
    expect(await page.textContent(`${card} .card-error`)).toMatch(/header/i);
  });

  test('the sine model\'s file: which keys are missing and unexpected', async () => {
    await load('sine_lstm.safetensors', await readFile(path.join(ROOT, 'web-demo/models/sine_lstm.safetensors')));
    await waitState("'sine_lstm.safetensors' was not loaded");
    const message = await page.textContent(`${card} .card-error`);
    expect(message).toContain('Error(s) in loading state_dict for DigitsCNN');
    expect(message).toContain('Missing key(s) in state_dict: "features.0.weight"');
    expect(message).toContain('Unexpected key(s) in state_dict: "head.bias"');
  });

  test('a file with other shapes: which key, which shapes', async () => {
    const sd = new DigitsCNN().state_dict();
    sd['features.0.weight'] = torch.zeros(8, 1, 3, 3);
    await load('narrow.safetensors', Buffer.from(torch.save_safetensors(sd)));
    await waitState("'narrow.safetensors' was not loaded");
    expect(await page.textContent(`${card} .card-error`)).toContain('size mismatch for features.0.weight: copying a ' +
      'param with shape [8, 1, 3, 3] from checkpoint, the shape in current model is [16, 1, 3, 3].');
    sd['features.0.weight'].dispose();
  });

  test('after the failures the model still has its weights, classifies, and frees what it loaded', async () => {
    const c = DIGITS.cases[0];
    await drawDigit(c.strokes);
    expectClose(torch.tensor(await pageProbs()), torch.tensor(c.probs), { what: 'probabilities after failed loads' });
    expect(await page.getAttribute('#memory', 'data-bytes')).toBe(memory);
    expect(await page.locator('#error').isHidden()).toBe(true);
    await screenshot('bad-weights', card);
  });

  test('a good file loads, and "Reset" restores the initial weights', async () => {
    const good = await readFile(path.join(ROOT, 'web-demo/models/digits_cnn.safetensors'));
    await afterRun('#digit-probs', () => load('digits_cnn.safetensors', good));
    await waitState("Loaded 'digits_cnn.safetensors'");
    expect(await page.getAttribute(card, 'data-state')).toBe('ready');
    expect(await page.locator(`${card} .card-error`).isHidden()).toBe(true);
    await afterRun('#digit-probs', () => page.click(`${card} [data-action="reset"]`));
    await waitState('Loaded the initial weights');
    expectClose(torch.tensor(await pageProbs()), torch.tensor(DIGITS.cases[0].probs), { what: 'probabilities after reset' });
  });
});

// ---- screenshots and the final check ----------------------------------------------------

test('screenshots of each panel', async () => {
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  await drawDigit(DIGITS.cases[0].strokes);
  await screenshot('gallery', '#gallery');
  await screenshot('digits', '#panel-digits');
  await screenshot('sine', '#panel-sine');
  await screenshot('encoder', '#panel-encoder');
  await screenshot('net', '#panel-net');
  for (const model of ['digits', 'sine', 'encoder', 'net']) {
    await page.click(`#tab-${model}`);
    await screenshot(`explorer-${model}`, '#explorer');
  }
  await page.click('#tab-digits');
  await page.screenshot({ path: path.join(OUT_DIR, 'demo.png'), fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT_DIR, 'demo-top.png') }); // the README's web-demo/screenshot.png
});

test('no console errors, page errors or failed requests over the whole session', () => {
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(failedRequests).toEqual([]);
});
