// The demo page: load the runtime, build the article's Net, draw its module tree, run forwards.
//
// No inline scripts or styles anywhere (the server's CSP forbids them): everything is built
// with DOM calls, and styling is classes from style.css.

import torch from '/js/index.js';
import { Net } from './models.js';

const $ = (sel) => document.querySelector(sel);

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

function fmtValue(v) {
  if (!Number.isFinite(v)) return String(v);
  const s = v.toPrecision(6);
  return v >= 0 ? `\u2007${s}` : s; // figure space keeps the digits of +/- values aligned
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

// ---- module tree --------------------------------------------------------------------------

/** One row per module of named_modules(), with its own and its subtree's parameters. */
function describeModules(net) {
  return [...net.named_modules()].map(([name, module]) => {
    const own = [...module.named_parameters('', false)].map(([pname, p]) => ({
      name: pname, shape: p.shape, numel: p.numel(), requires_grad: p.requires_grad,
    }));
    let total = 0;
    for (const p of module.parameters()) total += p.numel();
    const children = [...module.named_children()].length;
    return {
      name,
      short: name === '' ? 'net' : name.slice(name.lastIndexOf('.') + 1),
      repr: `${module._get_name()}(${module.extra_repr()})`,
      own,
      ownCount: own.reduce((s, p) => s + p.numel, 0),
      total,
      children,
      module,
    };
  });
}

function paramTable(own) {
  return el('table', { class: 'params' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: 'parameter' }),
      el('th', { scope: 'col', text: 'shape' }),
      el('th', { scope: 'col', class: 'num', text: 'numel' }),
      el('th', { scope: 'col', text: 'requires_grad' }))),
    el('tbody', {}, own.map((p) => el('tr', { class: 'param', dataset: { param: p.name } },
      el('td', {}, el('code', { text: p.name })),
      el('td', {}, el('code', { text: fmtShape(p.shape) })),
      el('td', { class: 'num', text: fmtInt(p.numel) }),
      el('td', { text: p.requires_grad ? 'true' : 'false' })))));
}

function nodeLine(info) {
  const counts = info.children > 0
    ? `${fmtInt(info.total)} params` + (info.ownCount ? ` (${fmtInt(info.ownCount)} own)` : '')
    : `${fmtInt(info.ownCount)} params`;
  return [
    el('span', { class: 'node-name' + (info.name === '' ? ' root' : ''), text: info.short }),
    el('code', { class: 'node-repr', text: info.repr, title: info.repr }),
    el('span', { class: 'node-count' + (info.total === 0 ? ' zero' : ''), text: counts }),
    el('span', { class: 'node-out', title: 'output shape of the last forward (forward hook)' }),
  ];
}

function buildTree(infos) {
  const byName = new Map();
  const tree = $('#tree');
  tree.replaceChildren();
  for (const info of infos) {
    const data = {
      name: info.name,
      cls: info.module._get_name(),
      params: String(info.ownCount),
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
    byName.set(info.name, { node, body });
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
  tree.setAttribute('aria-busy', 'false');
  return byName;
}

function showTotals(infos, net) {
  let total = 0;
  let trainable = 0;
  let bytes = 0;
  for (const p of net.parameters()) {
    total += p.numel();
    if (p.requires_grad) trainable += p.numel();
    bytes += p.numel() * 4;
  }
  const totals = $('#totals');
  totals.dataset.total = String(total);
  totals.replaceChildren(
    el('div', {}, el('dt', { text: 'Modules' }), el('dd', { id: 'total-modules', text: fmtInt(infos.length) })),
    el('div', {}, el('dt', { text: 'Parameters' }), el('dd', { id: 'total-params', text: fmtInt(total) })),
    el('div', {}, el('dt', { text: 'Trainable' }), el('dd', { id: 'total-trainable', text: fmtInt(trainable) })),
    el('div', {}, el('dt', { text: 'Weights (fp32)' }), el('dd', { id: 'total-bytes', text: `${(bytes / 1024).toFixed(1)} KiB` })),
  );
}

// ---- forward pass -------------------------------------------------------------------------

let runs = 0;

function runForward(net, nodes, hookShapes) {
  const before = torch.memory_allocated();
  hookShapes.clear();
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
    y = net.forward(x);
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
  for (const id of ['#forward-time', '#forward-runs', '#forward-output']) {
    const node = $(id);
    node.classList.remove('flash');
    void node.offsetWidth; // restart the animation
    node.classList.add('flash');
  }

  const out = $('#forward-output');
  out.dataset.shape = JSON.stringify(shape);
  out.dataset.values = JSON.stringify(values);
  out.dataset.runs = String(runs);
  const maxAbs = Math.max(...values.map(Math.abs), 1e-12);
  const cols = shape[shape.length - 1] ?? 1;
  out.replaceChildren(...values.map((v, i) => {
    const index = shape.length === 2 ? `[${Math.floor(i / cols)}, ${i % cols}]` : `[${i}]`;
    const bar = el('span', { class: `bar ${v < 0 ? 'neg' : 'pos'}` });
    // Width in 5% steps via classes: the CSP forbids inline style attributes.
    bar.classList.add(`w${Math.round((Math.abs(v) / maxAbs) * 20) * 5}`);
    return el('li', { class: 'out-value', dataset: { value: String(v) } },
      el('span', { class: 'out-index', text: `y${index}` }),
      el('span', { class: 'out-number', text: fmtValue(v) }),
      el('span', { class: 'bar-track' }, bar));
  }));
  $('#forward-print').textContent = printed;

  for (const [name, { node }] of nodes) {
    const outShape = hookShapes.get(name);
    const slot = node.querySelector(':scope > .node-line > .node-out');
    slot.textContent = outShape ? `→ ${fmtShape(outShape)}` : '';
    if (outShape) node.dataset.outShape = JSON.stringify(outShape);
  }
}

// ---- start-up -----------------------------------------------------------------------------

async function main() {
  const button = $('#run-forward');
  await torch.ready();
  showBackend();

  torch.manual_seed(0); // the same weights on every load (and in Node)
  const net = new Net();

  const infos = describeModules(net);
  const nodes = buildTree(infos);
  showTotals(infos, net);
  $('#net-print').textContent = String(net);

  // A forward hook on every module records its output shape for the tree.
  const hookShapes = new Map();
  for (const { name, module } of infos) {
    module.register_forward_hook((_mod, _args, out) => {
      if (out && Array.isArray(out.shape)) hookShapes.set(name, out.shape.slice());
    });
  }

  const run = () => {
    button.disabled = true;
    try {
      runForward(net, nodes, hookShapes);
    } catch (err) {
      showError(err);
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', run);
  $('#expand-all').addEventListener('click', () => {
    for (const d of document.querySelectorAll('#tree details')) d.open = true;
  });
  $('#collapse-all').addEventListener('click', () => {
    for (const d of document.querySelectorAll('#tree details')) d.open = d.dataset.name === '';
  });
  run();
  document.body.dataset.ready = 'true';

  // The model's source, straight from the file the page imported.
  try {
    const res = await fetch(new URL('./models.js', import.meta.url));
    if (!res.ok) throw new Error(`could not fetch models.js: HTTP ${res.status}`);
    $('#net-source').textContent = (await res.text()).trim();
  } catch (err) {
    showError(err);
  }
}

main().catch((err) => {
  const status = $('#backend');
  status.dataset.state = 'failed';
  status.querySelector('.status-text').textContent = 'webtorch failed to start';
  showError(err);
});
