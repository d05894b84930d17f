// The demo page: a gallery of four models, their forward passes drawn from forward hooks, and a
// module tree explorer with per-module freezing.
//
// No inline scripts or styles anywhere (the server's CSP forbids them): everything is built with
// DOM calls, styling is classes from style.css, and bar lengths are set through the CSSOM
// (element.style), which the CSP allows.

import torch, { nn } from '/js/index.js';
import { Net, DigitsCNN, SineLSTM, CharEncoder, CHAR_VOCAB, MAX_LEN } from './models.js';
import { digits8x8 } from './digits-input.js';

const $ = (sel, root = document) => root.querySelector(sel);

// ---- small formatting helpers -------------------------------------------------------------

const intFmt = new Intl.NumberFormat('en-US');

function fmtInt(n) {
  return intFmt.format(n);
}

function fmtShape(shape) {
  return `[${shape.join(', ')}]`;
}

function fmtBytes(bytes) {
  return `${fmtInt(bytes)} B`;
}

function fmtMs(ms) {
  return ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(0)} µs`;
}

function fmtValue(v) {
  if (!Number.isFinite(v)) return String(v);
  const s = v.toPrecision(6);
  return v >= 0 ? `\u2007${s}` : s; // figure space keeps the digits of +/- values aligned
}

/** What a forward returned, as PyTorch users think of it: a shape, or a tuple of them. */
function fmtOut(out) {
  if (out instanceof torch.Tensor) return fmtShape(out.shape);
  if (Array.isArray(out)) return `(${out.map(fmtOut).join(', ')})`;
  return out === null || out === undefined ? 'None' : typeof out;
}

/** el('span', { class: 'x', dataset: { name } }, child, 'text', ...) */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A bar's length as a fraction of its track (CSSOM, allowed by the CSP). */
function setBar(bar, fraction) {
  bar.style.width = `${(Math.min(1, Math.max(0, fraction)) * 100).toFixed(2)}%`;
}

function flash(node) {
  node.classList.remove('flash');
  void node.offsetWidth; // restart the animation
  node.classList.add('flash');
}

// ---- colours --------------------------------------------------------------------------------

// Diverging map for signed activations: blue (negative) - white - orange-red (positive).
function diverging(t) {
  const a = Math.min(1, Math.abs(t));
  const [r, g, b] = t < 0 ? [47, 125, 225] : [238, 76, 44];
  return [255 + (r - 255) * a, 255 + (g - 255) * a, 255 + (b - 255) * a];
}

// Sequential map for values in [0, 1]: white to ink.
function sequential(t) {
  const a = Math.min(1, Math.max(0, t));
  return [255 + (31 - 255) * a, 255 + (35 - 255) * a, 255 + (48 - 255) * a];
}

/** Paint values (row-major, h x w) into a canvas of exactly w x h pixels; CSS scales it up. */
function paintHeat(canvas, values, w, h, colour) {
  if (canvas.width !== w || canvas.height !== h) { // resizing reallocates: only when needed
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(w, h);
  for (let i = 0; i < w * h; i++) {
    const [r, g, b] = colour(values[i]);
    img.data.set([r, g, b, 255], i * 4);
  }
  ctx.putImageData(img, 0, 0);
}

// ---- errors -------------------------------------------------------------------------------

function showError(err) {
  console.error(err);
  const box = $('#error');
  const text = $('#error-text');
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  text.textContent = text.textContent ? `${text.textContent}\n${message}` : message;
  box.hidden = false;
}

window.addEventListener('error', (event) => showError(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => showError(event.reason));

/** Run a UI action; an unexpected failure lands in the error box instead of vanishing. */
function guarded(fn) {
  return (...args) => {
    try {
      return fn(...args);
    } catch (err) {
      showError(err);
      return undefined;
    }
  };
}

function showMemory() {
  const bytes = torch.memory_allocated();
  const node = $('#memory');
  node.dataset.bytes = String(bytes);
  node.textContent = `torch.memory_allocated(): ${fmtBytes(bytes)}`;
}

// ---- status line --------------------------------------------------------------------------

function showBackend() {
  const { simd, threads, version } = torch.backend();
  const status = $('#backend');
  status.dataset.state = 'ready';
  status.dataset.simd = String(simd);
  status.dataset.threads = String(threads);
  status.dataset.version = version;
  const parts = [
    `SIMD ${simd ? 'on' : 'off'}`,
    `${threads} thread${threads === 1 ? '' : 's'}`,
    `webtorch ${version}`,
  ];
  status.querySelector('.status-text').textContent = parts.join(' · ');
  status.title = `torch.backend() = ${JSON.stringify({ simd, threads, version })}; ` +
    `crossOriginIsolated = ${globalThis.crossOriginIsolated === true}`;
}

// ---- forward instrumentation ------------------------------------------------------------

/**
 * A forward pre-hook and a forward hook on every module of `model`: between begin() and end(),
 * they record each module's time (summed when a module runs more than once) and what it returned.
 */
function instrument(model) {
  const rec = { on: false, start: new Map(), times: new Map(), outs: new Map(), total: 0 };
  for (const [name, module] of model.named_modules()) {
    module.register_forward_pre_hook(() => {
      if (rec.on) rec.start.set(name, performance.now());
    });
    module.register_forward_hook((_m, _args, out) => {
      if (!rec.on) return;
      rec.times.set(name, (rec.times.get(name) ?? 0) + performance.now() - rec.start.get(name));
      rec.outs.set(name, fmtOut(out));
    });
  }
  return {
    rec,
    /** Run fn() with recording on; the previous forward's records are replaced. */
    record(fn) {
      rec.times.clear();
      rec.outs.clear();
      rec.on = true;
      try {
        return fn();
      } finally {
        rec.on = false;
      }
    },
  };
}

// ---- the gallery ------------------------------------------------------------------------------

const ENTRIES = [
  {
    key: 'digits', title: 'Digits CNN', panel: '#panel-digits', weights: 'models/digits_cnn.safetensors',
    make: () => new DigitsCNN(), input: 'float32 [1, 1, 8, 8]',
  },
  {
    key: 'sine', title: 'Sine LSTM', panel: '#panel-sine', weights: 'models/sine_lstm.safetensors',
    make: () => new SineLSTM(), input: 'float32 [1, 60, 1]',
  },
  {
    key: 'encoder', title: 'TransformerEncoder', panel: '#panel-encoder', seed: 0,
    make: () => new CharEncoder(), input: 'int64 [1, L]',
  },
  {
    key: 'net', title: "The article's Net", panel: '#panel-net', seed: 0,
    make: () => new Net(), input: 'int64 [2, 200]',
  },
];

/** Load safetensors bytes into entry.model; all or nothing, and the loaded tensors are freed. */
function loadWeights(entry, bytes) {
  let sd = null;
  try {
    sd = torch.load_safetensors(bytes);
    entry.model.load_state_dict(sd);
  } finally {
    if (sd) for (const t of Object.values(sd)) t.dispose();
  }
}

function paramCount(module) {
  let n = 0;
  for (const p of module.parameters()) n += p.numel();
  return n;
}

function buildCard(entry) {
  const card = $(`.model-card[data-model="${entry.key}"]`);
  const file = el('input', { type: 'file', accept: '.safetensors', class: 'visually-hidden', dataset: { model: entry.key } });
  const source = entry.weights
    ? el('span', {}, 'weights ', el('a', { href: entry.weights, text: entry.weights.slice('models/'.length) }))
    : el('span', { text: `torch.manual_seed(${entry.seed})` });
  card.append(
    el('dl', { class: 'card-stats' },
      el('div', {}, el('dt', { text: 'params' }), el('dd', { class: 'stat-params', text: fmtInt(paramCount(entry.model)) })),
      el('div', {}, el('dt', { text: 'input' }), el('dd', { text: entry.input }))),
    el('p', { class: 'card-source' }, source),
    el('p', { class: 'card-state', role: 'status' }),
    el('pre', { class: 'card-error', role: 'alert', hidden: true }),
    el('div', { class: 'card-actions' },
      el('a', { class: 'button primary small', href: entry.panel, text: 'Run it' }),
      el('button', { type: 'button', class: 'ghost', dataset: { action: 'explore' }, text: 'Module tree' }),
      el('label', { class: 'button ghost' }, 'Load weights…', file),
      el('button', { type: 'button', class: 'ghost', dataset: { action: 'reset' }, text: 'Reset' })));
  entry.card = card;
  return { file, explore: $('[data-action="explore"]', card), reset: $('[data-action="reset"]', card) };
}

function setCardState(entry, state, text, error = '') {
  const card = entry.card;
  card.dataset.state = state;
  $('.card-state', card).textContent = text;
  const box = $('.card-error', card);
  box.textContent = error;
  box.hidden = error === '';
}

/** Load weights from the user (or a reset) and rerun the model's panel; failures stay on the card. */
function replaceWeights(entry, bytes, what) {
  try {
    loadWeights(entry, bytes);
  } catch (err) {
    // The load is all-or-nothing, so the model keeps its previous weights and keeps working.
    setCardState(entry, 'error', `${what} was not loaded; the previous weights are still in use.`,
      err instanceof Error ? err.message : String(err));
    return;
  }
  setCardState(entry, 'ready', `Loaded ${what}.`);
  entry.rerun();
}

async function fetchBytes(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not fetch ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

// ---- digits panel -----------------------------------------------------------------------------

const CANVAS_UNITS = 280; // stroke coordinates are in these units whatever the canvas's CSS size

// A hand-drawn "3" the page opens with, so the panel shows a forward before anyone draws.
const SAMPLE_STROKES = [[[92, 72], [128, 52], [172, 56], [194, 84], [186, 114], [152, 134], [128, 138], [156, 142],
  [190, 162], [200, 196], [182, 224], [140, 236], [98, 222]]];

function setupDigits(entry) {
  const model = entry.model;
  const canvas = $('#draw');
  const ctx = canvas.getContext('2d');
  const strokes = structuredClone(SAMPLE_STROKES);
  let drawing = null;
  let pending = false;

  // Feature maps: a forward hook on every Conv2d keeps its output until it is drawn.
  const captured = new Map();
  const convs = [...model.named_modules()].filter(([, m]) => m instanceof nn.Conv2d);
  for (const [name, conv] of convs) {
    conv.register_forward_hook((_m, _args, out) => {
      captured.set(name, torch.keep(out));
    });
  }
  const fmapRoot = $('#feature-maps');
  const fmapGroups = new Map(convs.map(([name, conv]) => {
    const grid = el('div', { class: 'fmap-grid', dataset: { layer: name } });
    const shape = el('span', { class: 'fmap-shape' });
    fmapRoot.append(el('div', { class: 'fmap-group', dataset: { layer: name } },
      el('h3', {}, `${name} · `, el('code', { text: String(conv) }), ' → ', shape), grid));
    return [name, { grid, shape }];
  }));

  const sizeCanvas = () => {
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(CANVAS_UNITS * dpr);
    canvas.height = Math.round(CANVAS_UNITS * dpr);
    ctx.setTransform(canvas.width / CANVAS_UNITS, 0, 0, canvas.height / CANVAS_UNITS, 0, 0);
  };

  const paint = () => {
    ctx.clearRect(0, 0, CANVAS_UNITS, CANVAS_UNITS);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 18;
    ctx.strokeStyle = '#1f2330';
    ctx.fillStyle = '#1f2330';
    for (const s of strokes) {
      if (s.length === 1) {
        ctx.beginPath();
        ctx.arc(s[0][0], s[0][1], ctx.lineWidth / 2, 0, 2 * Math.PI);
        ctx.fill();
        continue;
      }
      ctx.beginPath();
      ctx.moveTo(s[0][0], s[0][1]);
      for (const [x, y] of s.slice(1)) ctx.lineTo(x, y);
      ctx.stroke();
    }
  };

  const point = (event) => {
    const rect = canvas.getBoundingClientRect();
    return [(event.clientX - rect.left) * (CANVAS_UNITS / rect.width),
      (event.clientY - rect.top) * (CANVAS_UNITS / rect.height)];
  };

  const probs = $('#digit-probs');
  const bars = [];
  for (let d = 0; d < 10; d++) {
    const bar = el('span', { class: 'pbar' });
    const value = el('span', { class: 'pvalue' });
    probs.append(el('li', { class: 'prob', dataset: { digit: String(d) } },
      el('span', { class: 'pdigit', text: String(d) }), el('span', { class: 'ptrack' }, bar), value));
    bars.push({ bar, value });
  }

  const drawMaps = () => {
    for (const [name, t] of captured) {
      const [, channels, h, w] = t.shape;
      const data = t.toTypedArray();
      let maxAbs = 1e-12;
      for (const v of data) maxAbs = Math.max(maxAbs, Math.abs(v));
      const { grid, shape } = fmapGroups.get(name);
      shape.textContent = fmtShape(t.shape);
      while (grid.children.length < channels) {
        grid.append(el('canvas', { class: 'heat fmap', title: `${name} channel ${grid.children.length}` }));
      }
      for (let c = 0; c < channels; c++) {
        paintHeat(grid.children[c], data.subarray(c * h * w, (c + 1) * h * w).map((v) => v / maxAbs), w, h, diverging);
      }
      grid.dataset.state = 'drawn';
    }
  };

  const run = () => {
    pending = false;
    const grid = digits8x8(strokes);
    const input = $('#digit-input');
    input.dataset.grid = JSON.stringify(grid);
    paintHeat(input, grid.flat().map((v) => v / 16), 8, 8, sequential);
    const empty = grid.every((row) => row.every((v) => v === 0));
    probs.dataset.state = empty ? 'empty' : 'ready';
    $('#digit-empty').hidden = !empty;
    if (empty) {
      // Nothing to classify: an all-zero image would still get confident-looking (meaningless) bars.
      $('#digit-pred').textContent = '–';
      $('#digit-conf').textContent = '';
      delete probs.dataset.values;
      delete probs.dataset.label;
      for (const { bar, value } of bars) {
        setBar(bar, 0);
        value.textContent = '';
      }
      for (const { grid: g } of fmapGroups.values()) g.dataset.state = 'empty';
      return;
    }
    let values;
    try {
      values = entry.timing.record(() => torch.tidy(() => {
        const x = torch.tensor(grid.flat()).reshape([1, 1, 8, 8]).div(16);
        return Array.from(torch.softmax(model.forward(x), 1).toTypedArray());
      }));
      drawMaps();
    } finally {
      for (const t of captured.values()) t.dispose();
      captured.clear();
    }
    const label = values.indexOf(Math.max(...values));
    probs.dataset.values = JSON.stringify(values);
    probs.dataset.label = String(label);
    $('#digit-pred').textContent = String(label);
    $('#digit-conf').textContent = `${(values[label] * 100).toFixed(1)}%`;
    values.forEach((p, d) => {
      setBar(bars[d].bar, p);
      bars[d].value.textContent = `${(p * 100).toFixed(1)}%`;
      probs.children[d].classList.toggle('top', d === label);
    });
    probs.dataset.runs = String(Number(probs.dataset.runs ?? 0) + 1);
    entry.afterForward();
  };

  // Forwards follow the strokes at most once per frame.
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(guarded(run));
  };

  canvas.addEventListener('pointerdown', guarded((event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing = [point(event)];
    strokes.push(drawing);
    paint();
    schedule();
  }));
  canvas.addEventListener('pointermove', guarded((event) => {
    if (!drawing) return;
    const p = point(event);
    const last = drawing[drawing.length - 1];
    if (p[0] === last[0] && p[1] === last[1]) return;
    drawing.push(p);
    paint();
    schedule();
  }));
  const end = () => {
    drawing = null;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  $('#clear-draw').addEventListener('click', guarded(() => {
    strokes.length = 0;
    paint();
    run();
  }));

  sizeCanvas();
  paint();
  entry.rerun = run;
  run();
}

// ---- sine panel -------------------------------------------------------------------------------

const HISTORY = 60;
const HORIZON = 40;
const NOISE = 0.15;

/** Wave #k, as web-demo/train/train_sine_lstm.py's page_wave(k): float64 math on PyTorch's draws. */
function makeWave(k) {
  torch.manual_seed(k);
  const draws = torch.rand(3 + HISTORY + HORIZON);
  const u = Array.from(draws.toTypedArray());
  draws.dispose();
  const period = 12 + 18 * u[0];
  const phase = 2 * Math.PI * u[1];
  const amplitude = 0.6 + 0.4 * u[2];
  const clean = [];
  const noisy = [];
  for (let t = 0; t < HISTORY + HORIZON; t++) {
    clean.push(amplitude * Math.sin(2 * Math.PI * t / period + phase));
    noisy.push(clean[t] + NOISE * (2 * u[3 + t] - 1));
  }
  return { clean, noisy };
}

/** The LSTM reads the history, then its own predictions; returns HORIZON numbers. */
function forecast(entry, history) {
  return torch.tidy(() => {
    let [y, state] = entry.timing.record(() => entry.model.forward(torch.tensor(history).reshape([1, HISTORY, 1])));
    const preds = [y.toTypedArray()[HISTORY - 1]];
    while (preds.length < HORIZON) {
      [y, state] = entry.model.forward(torch.tensor([[[preds[preds.length - 1]]]]), state);
      preds.push(y.item());
    }
    return preds;
  });
}

function plotSine(canvas, wave, preds) {
  const dpr = window.devicePixelRatio || 1;
  const cssW = canvas.clientWidth || 960;
  const cssH = canvas.clientHeight || 280;
  canvas.width = Math.round(cssW * dpr);
  canvas.height = Math.round(cssH * dpr);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssW, cssH);
  const n = HISTORY + HORIZON;
  const pad = { l: 36, r: 12, t: 12, b: 24 };
  const X = (t) => pad.l + (t / (n - 1)) * (cssW - pad.l - pad.r);
  const Y = (v) => pad.t + ((1.3 - v) / 2.6) * (cssH - pad.t - pad.b);

  ctx.fillStyle = '#fdeee9';
  ctx.fillRect(X(HISTORY), pad.t, X(n - 1) - X(HISTORY), cssH - pad.t - pad.b);
  ctx.strokeStyle = '#e3e6ec';
  ctx.lineWidth = 1;
  ctx.font = '11px ui-monospace, monospace';
  ctx.fillStyle = '#5f6677';
  for (const v of [-1, 0, 1]) {
    ctx.beginPath();
    ctx.moveTo(pad.l, Y(v));
    ctx.lineTo(cssW - pad.r, Y(v));
    ctx.stroke();
    ctx.fillText(v.toFixed(0).padStart(2), 8, Y(v) + 4);
  }
  for (const t of [0, 20, 40, 60, 80, 99]) ctx.fillText(String(t), X(t) - 6, cssH - 6);

  const line = (values, t0, colour, width, dash = []) => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.beginPath();
    values.forEach((v, i) => (i ? ctx.lineTo(X(t0 + i), Y(v)) : ctx.moveTo(X(t0 + i), Y(v))));
    ctx.stroke();
    ctx.setLineDash([]);
  };
  line(wave.clean, 0, '#9aa1b1', 2, [5, 4]);
  ctx.fillStyle = '#2f7de1';
  for (let t = 0; t < HISTORY; t++) {
    ctx.beginPath();
    ctx.arc(X(t), Y(wave.noisy[t]), 2.6, 0, 2 * Math.PI);
    ctx.fill();
  }
  line([wave.noisy[HISTORY - 1], ...preds], HISTORY - 1, '#ee4c2c', 2.5);
}

function setupSine(entry) {
  let k = 0;
  const run = () => {
    const wave = makeWave(k);
    const preds = forecast(entry, wave.noisy.slice(0, HISTORY));
    const canvas = $('#sine-plot');
    plotSine(canvas, wave, preds);
    let se = 0;
    preds.forEach((p, i) => {
      se += (p - wave.clean[HISTORY + i]) ** 2;
    });
    const rmse = Math.sqrt(se / HORIZON);
    canvas.dataset.wave = String(k);
    canvas.dataset.forecast = JSON.stringify(preds);
    canvas.dataset.runs = String(Number(canvas.dataset.runs ?? 0) + 1);
    $('#sine-wave').textContent = `wave #${k}`;
    $('#sine-rmse').textContent = rmse.toFixed(4);
    entry.afterForward();
  };
  $('#next-wave').addEventListener('click', guarded(() => {
    k += 1;
    run();
  }));
  entry.rerun = run;
  run();
}

// ---- encoder panel ----------------------------------------------------------------------------

function tokenIds(text) {
  return [...text.toLowerCase()].slice(0, MAX_LEN).map((c) => CHAR_VOCAB.indexOf(c) + 1);
}

function setupEncoder(entry) {
  const model = entry.model;
  const layers = [...model.encoder.layers];
  const inputs = new Map();
  layers.forEach((layer, i) => {
    layer.register_forward_pre_hook((_m, args) => {
      inputs.set(i, torch.keep(args[0]));
    });
  });
  const field = $('#encoder-text');
  const root = $('#attention');

  const run = () => {
    const text = field.value;
    const ids = tokenIds(text);
    const chars = [...text.toLowerCase()].slice(0, MAX_LEN);
    $('#encoder-tokens').replaceChildren(...chars.map((c, i) => el('span', {
      class: `token${ids[i] === 0 ? ' unknown' : ''}`, title: `id ${ids[i]}`, text: c === ' ' ? '␣' : c,
    })));
    root.replaceChildren();
    if (ids.length === 0) {
      root.append(el('p', { class: 'empty-note', text: 'Type some text to run the encoder.' }));
      root.dataset.state = 'empty';
      return;
    }
    let maps;
    try {
      maps = torch.tidy(() => {
        const x = torch.tensor([ids], { dtype: torch.int64 });
        const out = entry.timing.record(() => model.forward(x));
        root.dataset.outShape = JSON.stringify(out.shape);
        // The attention weights each layer computed, recomputed from the input its pre-hook kept.
        return layers.map((layer, i) => {
          const h = inputs.get(i);
          const [, w] = layer.self_attn.forward(h, h, h, { need_weights: true, average_attn_weights: false });
          return { shape: w.shape, data: w.toTypedArray() };
        });
      });
    } finally {
      for (const t of inputs.values()) t.dispose();
      inputs.clear();
    }
    const L = ids.length;
    maps.forEach(({ shape, data }, i) => {
      const heads = shape[1];
      const row = el('div', { class: 'attn-layer', dataset: { layer: String(i) } },
        el('h3', {}, `encoder.layers.${i}.self_attn `, el('span', { class: 'fmap-shape', text: fmtShape(shape) })));
      const grid = el('div', { class: 'attn-grid' });
      for (let hd = 0; hd < heads; hd++) {
        const canvas = el('canvas', { class: 'heat attn', title: `layer ${i}, head ${hd}` });
        const head = data.subarray(hd * L * L, (hd + 1) * L * L);
        const max = Math.max(...head, 1e-12);
        paintHeat(canvas, head.map((v) => v / max), L, L, sequential);
        grid.append(el('figure', {}, canvas, el('figcaption', { text: `head ${hd}` })));
      }
      row.append(grid);
      root.append(row);
    });
    root.dataset.state = 'drawn';
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
    entry.afterForward();
  };
  field.addEventListener('input', guarded(run));
  entry.rerun = run;
  run();
}

// ---- the article's Net panel --------------------------------------------------------------

function setupNet(entry) {
  const net = entry.model;
  const button = $('#run-forward');
  let runs = 0;
  const run = () => {
    button.disabled = true;
    try {
      const before = torch.memory_allocated();
      torch.manual_seed(0);
      const x = torch.randint(0, 10000, [2, 200]);
      const inShape = x.shape.slice();
      let y = null;
      let ms;
      let values;
      let shape;
      let printed;
      try {
        const t0 = performance.now();
        y = entry.timing.record(() => net.forward(x));
        ms = performance.now() - t0;
        shape = y.shape;
        values = Array.from(y.toTypedArray(), Number);
        printed = String(y);
      } finally {
        x.dispose();
        if (y) y.dispose();
      }
      const after = torch.memory_allocated();
      runs += 1;

      $('#forward-input').textContent = `int64 ${fmtShape(inShape)}`;
      $('#forward-shape').textContent = fmtShape(shape);
      const time = $('#forward-time');
      time.textContent = `${ms.toFixed(2)} ms`;
      time.dataset.ms = String(ms);
      $('#forward-runs').textContent = fmtInt(runs);
      $('#memory-before').textContent = fmtBytes(before);
      $('#memory-after').textContent = fmtBytes(after);
      $('#memory-after').classList.toggle('leak', after !== before);
      $('#memory-before').dataset.bytes = String(before);
      $('#memory-after').dataset.bytes = String(after);

      const out = $('#forward-output');
      out.dataset.shape = JSON.stringify(shape);
      out.dataset.values = JSON.stringify(values);
      out.dataset.runs = String(runs);
      const maxAbs = Math.max(...values.map(Math.abs), 1e-12);
      const cols = shape[shape.length - 1] ?? 1;
      out.replaceChildren(...values.map((v, i) => {
        const index = shape.length === 2 ? `[${Math.floor(i / cols)}, ${i % cols}]` : `[${i}]`;
        const bar = el('span', { class: `bar ${v < 0 ? 'neg' : 'pos'}` });
        setBar(bar, (Math.abs(v) / maxAbs) / 2); // half the track: bars grow from the centre
        return el('li', { class: 'out-value', dataset: { value: String(v) } },
          el('span', { class: 'out-index', text: `y${index}` }),
          el('span', { class: 'out-number', text: fmtValue(v) }),
          el('span', { class: 'bar-track' }, bar));
      }));
      $('#forward-print').textContent = printed;
      for (const id of ['#forward-time', '#forward-runs', '#forward-output']) flash($(id));
      entry.afterForward();
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', guarded(run));
  entry.rerun = run;
  run();
}

// ---- module tree explorer -----------------------------------------------------------------

/** One row per module of named_modules(). */
function describeModules(model) {
  return [...model.named_modules()].map(([name, module]) => ({
    name,
    module,
    short: name === '' ? 'model' : name.slice(name.lastIndexOf('.') + 1),
    repr: `${module._get_name()}(${module.extra_repr()})`,
    own: [...module.named_parameters('', false)],
    total: paramCount(module),
    children: [...module.named_children()].length,
  }));
}

function paramTable(own) {
  return el('table', { class: 'params' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: 'parameter' }),
      el('th', { scope: 'col', text: 'shape' }),
      el('th', { scope: 'col', class: 'num', text: 'numel' }),
      el('th', { scope: 'col', text: 'requires_grad' }))),
    el('tbody', {}, own.map(([name, p]) => el('tr', { class: 'param', dataset: { param: name } },
      el('td', {}, el('code', { text: name })),
      el('td', {}, el('code', { text: fmtShape(p.shape) })),
      el('td', { class: 'num', text: fmtInt(p.numel()) }),
      el('td', { class: 'rg' })))));
}

function nodeLine(info) {
  const ownCount = info.own.reduce((s, [, p]) => s + p.numel(), 0);
  const counts = info.children > 0
    ? `${fmtInt(info.total)} params` + (ownCount ? ` (${fmtInt(ownCount)} own)` : '')
    : `${fmtInt(ownCount)} params`;
  const toggle = info.total > 0
    ? el('label', { class: 'trainable', title: `${info.name || 'model'}.requires_grad_(checked)` },
      el('input', { type: 'checkbox', checked: true, dataset: { name: info.name } }), 'trainable')
    : el('span', { class: 'trainable none' });
  return [
    el('span', { class: 'node-name' + (info.name === '' ? ' root' : ''), text: info.short }),
    el('code', { class: 'node-repr', text: info.repr, title: info.repr }),
    el('span', { class: 'node-count' + (info.total === 0 ? ' zero' : ''), text: counts }),
    el('span', { class: 'node-out', title: 'output of the last forward (forward hook)' }),
    toggle,
  ];
}

function buildTree(tree, infos) {
  const byName = new Map();
  for (const info of infos) {
    const data = {
      name: info.name,
      cls: info.module._get_name(),
      params: String(info.own.reduce((s, [, p]) => s + p.numel(), 0)),
      total: String(info.total),
      depth: String(info.name === '' ? 0 : info.name.split('.').length),
    };
    const expandable = info.children > 0 || info.own.length > 0;
    let node;
    let body = null;
    if (expandable) {
      body = el('div', { class: 'node-body' }, info.own.length ? paramTable(info.own) : null);
      node = el('details', { class: 'tree-node', dataset: data, open: true },
        el('summary', { class: 'node-line' }, nodeLine(info)), body);
    } else {
      node = el('div', { class: 'tree-node leaf', dataset: data }, el('div', { class: 'node-line' }, nodeLine(info)));
    }
    byName.set(info.name, { node, body, info });
    if (info.name === '') {
      tree.append(node);
    } else {
      const parentName = info.name.includes('.') ? info.name.slice(0, info.name.lastIndexOf('.')) : '';
      const parent = byName.get(parentName);
      if (!parent?.body) throw new Error(`module tree: no parent node for '${info.name}'`);
      let list = parent.body.querySelector(':scope > .children');
      if (!list) {
        list = el('div', { class: 'children' });
        parent.body.append(list);
      }
      list.append(node);
    }
  }
  return byName;
}

function stat(key, label) {
  return el('div', {}, el('dt', { text: label }), el('dd', { dataset: { stat: key } }));
}

function buildExplorer(entry, tabs, panels, select) {
  const infos = describeModules(entry.model);
  const tab = el('button', {
    type: 'button', role: 'tab', class: 'tab', id: `tab-${entry.key}`, 'aria-selected': 'false',
    'aria-controls': `tree-panel-${entry.key}`, dataset: { model: entry.key }, text: entry.title,
  });
  const tree = el('div', { class: 'tree' });
  const timing = el('ol', { class: 'timing' });
  const panel = el('div', {
    class: 'tree-panel', role: 'tabpanel', id: `tree-panel-${entry.key}`, 'aria-labelledby': tab.id,
    dataset: { model: entry.key }, hidden: true,
  },
  el('dl', { class: 'totals' }, stat('modules', 'Modules'), stat('params', 'Parameters'),
    stat('trainable', 'Trainable'), stat('frozen', 'Frozen')),
  el('div', { class: 'explorer-grid' },
    tree,
    el('div', { class: 'timing-col' },
      el('h3', {}, 'Time per module, last forward'),
      el('p', { class: 'hint', text: 'Forward pre-hook to forward hook, per module; a container includes its children.' }),
      timing)),
  el('details', { class: 'print' }, el('summary', {}, el('code', { text: 'String(model)' }), ' — byte-identical to ',
    el('code', { text: 'print(model)' })), el('pre', { class: 'code model-print', text: String(entry.model) })));
  tabs.append(tab);
  panels.append(panel);
  tab.addEventListener('click', () => select(entry.key));

  const nodes = buildTree(tree, infos);
  $('[data-stat="modules"]', panel).textContent = fmtInt(infos.length);

  const refreshGrad = () => {
    let total = 0;
    let trainable = 0;
    for (const p of entry.model.parameters()) {
      total += p.numel();
      if (p.requires_grad) trainable += p.numel();
    }
    const totals = $('.totals', panel);
    totals.dataset.total = String(total);
    totals.dataset.trainable = String(trainable);
    totals.dataset.frozen = String(total - trainable);
    $('[data-stat="params"]', panel).textContent = fmtInt(total);
    $('[data-stat="trainable"]', panel).textContent = fmtInt(trainable);
    $('[data-stat="frozen"]', panel).textContent = fmtInt(total - trainable);
    for (const { node, info } of nodes.values()) {
      const box = $(':scope > .node-line input[type="checkbox"]', node);
      if (!box) continue;
      let on = 0;
      let all = 0;
      for (const p of info.module.parameters()) {
        all += 1;
        if (p.requires_grad) on += 1;
      }
      box.checked = on === all;
      box.indeterminate = on > 0 && on < all;
      node.dataset.trainable = on === all ? 'true' : on === 0 ? 'false' : 'mixed';
      for (const [pname, p] of info.own) {
        $(`tr.param[data-param="${pname}"] .rg`, node).textContent = p.requires_grad ? 'true' : 'false';
      }
    }
  };
  tree.addEventListener('change', guarded((event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    nodes.get(box.dataset.name).info.module.requires_grad_(box.checked);
    refreshGrad();
  }));
  refreshGrad();

  // After each recorded forward: output shapes in the tree, time bars beside it.
  entry.afterForward = () => {
    const { times, outs } = entry.timing.rec;
    for (const [name, { node }] of nodes) {
      const out = outs.get(name);
      $(':scope > .node-line > .node-out', node).textContent = out ? `→ ${out}` : '';
      if (out) node.dataset.out = out;
    }
    const rootMs = times.get('') ?? 0;
    timing.replaceChildren(...infos.filter((i) => times.has(i.name)).map((info) => {
      const ms = times.get(info.name);
      const bar = el('span', { class: `tbar${info.children ? ' container' : ''}` });
      setBar(bar, rootMs > 0 ? ms / rootMs : 0);
      return el('li', { class: 'time-row', dataset: { name: info.name, ms: String(ms), depth: String(info.name ? info.name.split('.').length : 0) } },
        el('span', { class: 'tname', text: info.name || 'model', title: info.repr }),
        el('span', { class: 'ttrack' }, bar),
        el('span', { class: 'tms', text: fmtMs(ms) }));
    }));
    timing.dataset.runs = String(Number(timing.dataset.runs ?? 0) + 1);
    showMemory();
  };
}

// ---- start-up -----------------------------------------------------------------------------

async function main() {
  await torch.ready();
  showBackend();

  const tabs = $('#explorer-tabs');
  const panels = $('#explorer-panels');
  const select = (key) => {
    for (const t of tabs.children) t.setAttribute('aria-selected', String(t.dataset.model === key));
    for (const p of panels.children) p.hidden = p.dataset.model !== key;
    panels.dataset.selected = key;
  };

  const weightBytes = await Promise.all(ENTRIES.map((e) => (e.weights ? fetchBytes(e.weights).catch((err) => err) : null)));
  ENTRIES.forEach((entry, i) => {
    if (entry.seed !== undefined) torch.manual_seed(entry.seed); // the same weights on every load (and in Node)
    entry.model = entry.make();
    entry.model.eval();
    entry.timing = instrument(entry.model);
    const controls = buildCard(entry);
    buildExplorer(entry, tabs, panels, select);
    const bytes = weightBytes[i];
    if (bytes instanceof Error) {
      setCardState(entry, 'error', 'Its trained weights could not be fetched: it runs on random weights.', bytes.message);
    } else {
      if (bytes) loadWeights(entry, bytes);
      setCardState(entry, 'ready', bytes ? `Trained weights loaded (${fmtInt(bytes.length)} bytes).` : 'Seeded random weights.');
    }
    // "Reset" restores the weights the page started with.
    const initial = torch.save_safetensors(entry.model.state_dict());
    controls.reset.addEventListener('click', guarded(() => replaceWeights(entry, initial, 'the initial weights')));
    controls.explore.addEventListener('click', () => {
      select(entry.key);
      $('#explorer').scrollIntoView({ behavior: 'smooth', block: 'start' });
    });
    controls.file.addEventListener('change', async () => {
      const file = controls.file.files[0];
      controls.file.value = '';
      if (!file) return;
      try {
        replaceWeights(entry, new Uint8Array(await file.arrayBuffer()), `'${file.name}'`);
      } catch (err) {
        showError(err);
      }
    });
  });
  select(ENTRIES[0].key);

  setupDigits(ENTRIES[0]);
  setupSine(ENTRIES[1]);
  setupEncoder(ENTRIES[2]);
  setupNet(ENTRIES[3]);
  $('#expand-all').addEventListener('click', () => {
    for (const d of panels.querySelectorAll('details.tree-node')) d.open = true;
  });
  $('#collapse-all').addEventListener('click', () => {
    for (const d of panels.querySelectorAll('details.tree-node')) d.open = d.dataset.name === '';
  });
  showMemory();
  document.body.dataset.ready = 'true';

  // The models' source, straight from the file the page imported.
  const res = await fetch(new URL('./models.js', import.meta.url));
  if (!res.ok) throw new Error(`could not fetch models.js: HTTP ${res.status}`);
  $('#models-source').textContent = (await res.text()).trim();
}

main().catch((err) => {
  const status = $('#backend');
  if (status.dataset.state !== 'ready') {
    status.dataset.state = 'failed';
    status.querySelector('.status-text').textContent = 'webtorch failed to start';
  }
  showError(err);
});
