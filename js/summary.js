// torch.summary(model, input_size): a torchinfo-style table of a model, one row per module in
// named_modules() order, with the output shape each module produced in one forward pass (read by
// forward hooks) and its parameter count, then the totals split into trainable and frozen.
//
//   console.log(torch.summary(net, [2, 200], { dtypes: ['int64'] }));
//
// The forward pass runs in eval mode on zero-filled inputs (zeros are valid indices for
// Embedding as well as valid data), so BatchNorm's running statistics are left untouched; the
// model's train/eval mode and hooks are restored and every tensor of the pass is freed.

import { ensureReady } from './runtime.js';
import { Tensor, DTYPES, zeros, tidy } from './tensor.js';
import { Module } from './nn/module.js';
import { bindArgs, checkInt, describe } from './args.js';

const WHO = 'torch.summary';
const NAME_WIDTH = 40;
const COL_WIDTH = 25;

/** 1234567 -> '1,234,567' */
function withCommas(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** input_size as a list of shapes: one shape [2, 3], or one shape per forward argument [[2, 3], [2, 5]]. */
function inputShapes(input_size) {
  if (!Array.isArray(input_size) || input_size.length === 0) {
    throw new Error(`${WHO}: input_size must be a shape like [2, 3] or a list of shapes, got ${describe(input_size)}`);
  }
  const shapes = input_size.every(Array.isArray) ? input_size : [input_size];
  for (const shape of shapes) {
    for (const s of shape) checkInt(WHO, `input_size ${describe(shape)}`, s, { min: 0 });
  }
  return shapes;
}

function inputDtypes(dtypes, n) {
  if (dtypes === null) return Array(n).fill('float32');
  if (!Array.isArray(dtypes) || dtypes.length !== n) {
    throw new Error(`${WHO}: dtypes must be a list of ${n} dtype${n === 1 ? '' : 's'} (one per input), got ${describe(dtypes)}`);
  }
  for (const d of dtypes) {
    if (!(typeof d === 'string' && Object.prototype.hasOwnProperty.call(DTYPES, d))) {
      throw new Error(`${WHO}: unknown dtype ${describe(d)} in dtypes (expected one of: ${Object.keys(DTYPES).join(', ')})`);
    }
  }
  return dtypes;
}

/** The shape of the first tensor in a forward result (a Tensor, or arrays of them as PyTorch nests tuples). */
function firstShape(value) {
  if (value instanceof Tensor) return value.shape;
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = firstShape(v);
      if (s) return s;
    }
  }
  return null;
}

function countParams(params) {
  let total = 0;
  let trainable = 0;
  for (const p of params) {
    total += p.numel();
    if (p.requires_grad) trainable += p.numel();
  }
  return { total, trainable };
}

function trainableLabel({ total, trainable }) {
  if (total === 0) return '--';
  if (trainable === total) return 'True';
  return trainable === 0 ? 'False' : 'Partial';
}

/**
 * The rows of the table: pre-order over named_modules(), with the tree prefix torchinfo draws
 * ('├─' for a child with later siblings, '└─' for the last, '│    ' under an open branch).
 */
function collectRows(model, depth) {
  const rows = [];
  const counters = [];
  const walk = (name, module, level, prefix, last) => {
    counters[level] = (counters[level] ?? 0) + 1;
    const children = [...module.named_children()];
    const shown = level <= depth;
    // A row whose children are hidden by `depth` counts their parameters too.
    const params = countParams(module.parameters(level === depth));
    if (shown) {
      const tree = level === 0 ? '' : prefix + (last ? '└─' : '├─');
      const id = level === 0 ? '' : `: ${level}-${counters[level]}`;
      rows.push({ module, label: `${tree}${module._get_name()}${id}`, params, shape: null });
    }
    const childPrefix = level === 0 ? '' : prefix + (last ? '     ' : '│    ');
    children.forEach(([childName, child], i) => {
      walk(name ? `${name}.${childName}` : childName, child, level + 1, childPrefix, i === children.length - 1);
    });
  };
  walk('', model, 0, '', true);
  return rows;
}

function line(cells) {
  const [first, ...rest] = cells;
  return first.padEnd(NAME_WIDTH) + rest.map((c) => c.padEnd(COL_WIDTH)).join('').trimEnd();
}

/**
 * torch.summary(model, input_size, { dtypes = null, depth = 3 }) -> string.
 * input_size: the shape of forward's one input ([2, 200]) or a list of shapes, one per argument.
 * dtypes: one dtype per input (default float32). depth: the deepest level of modules shown.
 */
export function summary(model, input_size, options = {}) {
  ensureReady();
  if (!(model instanceof Module)) throw new Error(`${WHO}: model must be an nn.Module, got ${describe(model)}`);
  const shapes = inputShapes(input_size);
  const o = bindArgs(WHO, [options], [['dtypes', null], ['depth', 3]]);
  const dtypes = inputDtypes(o.dtypes, shapes.length);
  if (o.depth !== Infinity) checkInt(WHO, 'depth', o.depth, { min: 0 });

  const rows = collectRows(model, o.depth);
  const byModule = new Map(rows.map((r) => [r.module, r]));
  const handles = [];
  const modes = new Map();
  for (const m of model.modules()) modes.set(m, m.training);
  try {
    for (const m of model.modules()) {
      handles.push(m.register_forward_hook((mod, args, output) => {
        const row = byModule.get(mod);
        if (row && row.shape === null) row.shape = firstShape(output);
      }));
    }
    model.eval();
    tidy(() => {
      const inputs = shapes.map((shape, i) => zeros(shape, { dtype: dtypes[i] }));
      model.forward(...inputs);
    });
  } finally {
    for (const h of handles) h.remove();
    for (const [m, training] of modes) m.training = training;
  }

  const totals = countParams(model.parameters());
  const inputBytes = shapes.reduce((s, shape, i) => s + shape.reduce((a, b) => a * b, 1) * DTYPES[dtypes[i]].size, 0);
  const paramBytes = [...model.parameters()].reduce((s, p) => s + p.numel() * DTYPES[p.dtype].size, 0);
  const rule = '='.repeat(NAME_WIDTH + 3 * COL_WIDTH);
  const out = [
    rule,
    line(['Layer (type:depth-idx)', 'Output Shape', 'Param #', 'Trainable']),
    rule,
    ...rows.map((r) => line([
      r.label,
      r.shape ? `[${r.shape.join(', ')}]` : '--',
      r.params.total ? withCommas(r.params.total) : '--',
      trainableLabel(r.params),
    ])),
    rule,
    `Total params: ${withCommas(totals.total)}`,
    `Trainable params: ${withCommas(totals.trainable)}`,
    `Non-trainable params: ${withCommas(totals.total - totals.trainable)}`,
    rule,
    `Input size (MB): ${(inputBytes / 1e6).toFixed(2)}`,
    `Params size (MB): ${(paramBytes / 1e6).toFixed(2)}`,
    rule,
  ];
  return out.join('\n');
}
