// Replays the golden cases that tests/golden/gen.py recorded from real PyTorch (see golden.py
// for the case format). One Jest `describe` per family; one `test` per case.

import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn, F, Tensor } from '../../js/index.js';

const DATA = new URL('../golden/data/', import.meta.url);

/**
 * Compare a webtorch tensor with an expected one: same shape and dtype, and |a - b| <=
 * atol + rtol * |b| elementwise (NaN matches NaN). Throws with the largest difference.
 */
export function expectClose(actual, expected, { rtol = 1e-5, atol = 1e-6, what = 'tensor' } = {}) {
  if (!(actual instanceof Tensor)) throw new Error(`${what}: expected a Tensor, got ${actual}`);
  if (actual.dtype !== expected.dtype) throw new Error(`${what}: dtype ${actual.dtype}, expected ${expected.dtype}`);
  if (String(actual.shape) !== String(expected.shape) || actual.dim() !== expected.dim()) {
    throw new Error(`${what}: shape [${actual.shape}], expected [${expected.shape}]`);
  }
  const a = actual.toTypedArray();
  const b = expected.toTypedArray();
  let worst = 0;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    const x = Number(a[i]);
    const y = Number(b[i]);
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (x === y) continue;
    const err = Math.abs(x - y) - (atol + rtol * Math.abs(y));
    if (!(err <= worst)) {
      worst = Number.isNaN(err) ? Infinity : err;
      at = i;
    }
  }
  if (at >= 0) {
    throw new Error(`${what}: largest difference at flat index ${at}: got ${a[at]}, expected ${b[at]} ` +
      `(|diff| = ${Math.abs(Number(a[at]) - Number(b[at]))}, rtol ${rtol}, atol ${atol})`);
  }
}

/** Load a family's manifest and tensors. */
export function loadFamily(family) {
  const manifest = JSON.parse(readFileSync(new URL(`${family}.json`, DATA), 'utf8'));
  const tensors = torch.load_safetensors(readFileSync(new URL(`${family}.safetensors`, DATA)));
  for (const t of Object.values(tensors)) torch.keep(t);
  return { cases: manifest.cases, tensors };
}

function decode(v, tensors) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => decode(x, tensors));
  if ('tensor' in v) {
    const t = tensors[v.tensor];
    if (!t) throw new Error(`golden data lacks tensor ${v.tensor}`);
    return t.clone();
  }
  if ('float' in v) return v.float;
  const out = {};
  for (const [k, x] of Object.entries(v)) out[k] = decode(x, tensors);
  return out;
}

function compareNested(actual, expected, tol, what) {
  if (expected instanceof Tensor) {
    expectClose(actual, expected, { ...tol, what });
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      throw new Error(`${what}: expected an array of ${expected.length}, got ${actual}`);
    }
    expected.forEach((e, i) => compareNested(actual[i], e, tol, `${what}[${i}]`));
  } else {
    expect(actual).toEqual(expected);
  }
}

function resolveFn(name) {
  const [space, attr] = name.split('.');
  if (space === 'F') return F[attr];
  if (space === 'torch') return torch[attr];
  if (space === 'Tensor') return (self, ...args) => Tensor.prototype[attr].apply(self, args);
  throw new Error(`unknown function ${name}`);
}

function withOptions(args, kwargs) {
  return Object.keys(kwargs).length ? [...args, kwargs] : args;
}

function buildModule(c, tensors) {
  const Cls = nn[c.module];
  if (!Cls) throw new Error(`nn.${c.module} is missing`);
  return new Cls(...withOptions(decode(c.args, tensors), decode(c.kwargs, tensors)));
}

function dispose(v) {
  if (v instanceof Tensor) v.dispose();
  else if (Array.isArray(v)) v.forEach(dispose);
}

function runModuleCase(c, tensors) {
  const tol = c.tol ?? {};
  if (c.seed !== null) torch.manual_seed(c.seed);
  const m = buildModule(c, tensors);
  if (c.seed !== null) {
    // Same seed, same initial weights as PyTorch.
    const fresh = m.state_dict();
    for (const [k, ref] of Object.entries(c.state_dict)) {
      expectClose(fresh[k], tensors[ref.tensor], { ...tol, what: `${c.name}: initial ${k}` });
    }
  }
  expect(String(m)).toBe(c.repr);
  expect(Object.keys(m.state_dict())).toEqual(c.state_dict_keys);
  m.load_state_dict(decode(c.state_dict, tensors));
  m.train(c.train);
  const inputs = decode(c.inputs, tensors);
  const fkw = decode(c.forward_kwargs, tensors);
  let out;
  for (let i = 0; i < c.steps; i++) {
    dispose(out);
    out = m.forward(...withOptions(inputs, fkw));
  }
  compareNested(out, decode(c.outputs, tensors), tol, `${c.name}: output`);
  if (c.state_dict_after) {
    const sd = m.state_dict();
    for (const [k, ref] of Object.entries(c.state_dict_after)) {
      expectClose(sd[k], tensors[ref.tensor], { ...tol, what: `${c.name}: state_dict after forward: ${k}` });
    }
  }
}

function runFunctionCase(c, tensors) {
  const args = withOptions(decode(c.args, tensors), decode(c.kwargs, tensors));
  if (c.seed !== null) torch.manual_seed(c.seed);
  const out = resolveFn(c.fn)(...args);
  compareNested(out, decode(c.outputs, tensors), c.tol ?? {}, `${c.name}: output`);
}

function runErrorCase(c, tensors) {
  const args = decode(c.args, tensors);
  const kwargs = decode(c.kwargs, tensors);
  const inputs = c.inputs === null ? null : decode(c.inputs, tensors);
  const fkw = decode(c.forward_kwargs, tensors);
  // A module may reject at construction what PyTorch only rejects in forward: both count.
  let before = torch.memory_allocated();
  let error = null;
  try {
    if (c.fn !== null) resolveFn(c.fn)(...withOptions(args, kwargs));
    else {
      const m = buildModule(c, tensors);
      if (inputs === null) throw new Error(`${c.name}: construction succeeded`);
      before = torch.memory_allocated();
      m.forward(...withOptions(inputs, fkw));
    }
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(Error);
  for (const s of c.expect) expect(error.message).toContain(s);
  expect(torch.memory_allocated()).toBe(before);
}

/** Register one Jest test per golden case of `family`. */
export function replayFamily(family) {
  describe(`golden ${family} (PyTorch 1.13)`, () => {
    let data;
    beforeAll(async () => {
      await torch.ready();
      data = loadFamily(family);
    });
    const { cases } = JSON.parse(readFileSync(new URL(`${family}.json`, DATA), 'utf8'));
    for (const c of cases) {
      test(`${c.kind} ${c.name}`, () => {
        torch.tidy(() => {
          if (c.kind === 'module') runModuleCase(c, data.tensors);
          else if (c.kind === 'function') runFunctionCase(c, data.tensors);
          else runErrorCase(c, data.tensors);
        });
      });
    }
  });
}

/** Register every golden family (the replays of the other builds: scalar, single-thread). */
export function replayAllFamilies() {
  for (const file of readdirSync(DATA).filter((f) => f.endsWith('.json')).sort()) {
    const manifest = JSON.parse(readFileSync(new URL(file, DATA), 'utf8'));
    if (manifest.format === 'webtorch-golden-1' && Array.isArray(manifest.cases)) replayFamily(manifest.family);
  }
}
