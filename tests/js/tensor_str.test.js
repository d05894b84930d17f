// Replays tests/golden/data/tensor_str.json (str(tensor) and repr(float) from PyTorch 1.13,
// written by tests/golden/cases_tensor_str.py) through js/tensor_str.js.
import { readFileSync } from 'node:fs';
import { formatTensor, pyFloatRepr } from '../../js/tensor_str.js';

const golden = JSON.parse(
  readFileSync(new URL('../golden/data/tensor_str.json', import.meta.url), 'utf8'),
);

function decodeFloat(v) {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return v;
}

// value[i] = i * mul + add in the tensor's dtype
function fillValues(fill, n, dtype) {
  if (fill.kind !== 'arange') throw new Error(`unknown fill ${JSON.stringify(fill)}`);
  if (dtype === 'int64') {
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = BigInt(i) * BigInt(fill.mul) + BigInt(fill.add);
    return out;
  }
  if (dtype === 'int32') {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i * fill.mul + fill.add;
    return out;
  }
  if (dtype === 'float32') {
    // float32 multiply then float32 add, as torch does
    const mul = Math.fround(fill.mul);
    const add = Math.fround(fill.add);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.fround(Math.fround(i * mul) + add);
    return out;
  }
  throw new Error(`fill for dtype ${dtype}`);
}

function buildTensor(c) {
  const n = c.shape.reduce((a, b) => a * b, 1);
  let values;
  if (c.fill) {
    values = fillValues(c.fill, n, c.dtype);
  } else if (c.dtype === 'float32') {
    values = Float32Array.from(c.values, decodeFloat);
  } else if (c.dtype === 'int64') {
    values = BigInt64Array.from(c.values, (v) => BigInt(v));
  } else if (c.dtype === 'int32') {
    values = Int32Array.from(c.values);
  } else if (c.dtype === 'bool') {
    values = Uint8Array.from(c.values, (v) => (v ? 1 : 0));
  }
  return { shape: c.shape, dtype: c.dtype, values, requires_grad: c.requires_grad };
}

// Exact comparison; on mismatch show both strings in full and the first differing line.
function expectSameString(name, got, expected) {
  if (got === expected) return;
  const g = got.split('\n');
  const e = expected.split('\n');
  let line = 0;
  while (line < Math.min(g.length, e.length) && g[line] === e[line]) line++;
  throw new Error(
    `${name}: output differs from PyTorch at line ${line + 1}\n` +
      `  expected: ${JSON.stringify(e[line])}\n  got:      ${JSON.stringify(g[line])}\n` +
      `--- expected (PyTorch) ---\n${expected}\n--- got (webtorch) ---\n${got}`,
  );
}

describe('formatTensor matches str(tensor) from PyTorch 1.13', () => {
  test.each(golden.tensors.map((c) => [c.name, c]))('%s', (name, c) => {
    const got = formatTensor(buildTensor(c), { parameter: c.parameter });
    expectSameString(name, got, c.expected);
  });
});

describe("pyFloatRepr matches Python's repr(float)", () => {
  test.each(golden.floats.map((c) => [c.name, c]))('%s', (name, c) => {
    const x = decodeFloat(c.value);
    const got = pyFloatRepr(c.dtype === 'float32' ? Math.fround(x) : x);
    expectSameString(name, got, c.expected);
  });
});

describe('formatTensor arguments', () => {
  test('custom prefix sets the indent', () => {
    const t = { shape: [2, 2], dtype: 'float32', values: new Float32Array([1, 2, 3, 4]), requires_grad: false };
    expect(formatTensor(t, { prefix: 'x(' })).toBe('x([[1., 2.],\n   [3., 4.]])');
  });

  test('rejects an unknown dtype and a values length that does not match the shape', () => {
    const bad = { shape: [2], dtype: 'float16', values: new Float32Array(2), requires_grad: false };
    expect(() => formatTensor(bad)).toThrow(/dtype/);
    const short = { shape: [3], dtype: 'float32', values: new Float32Array(2), requires_grad: false };
    expect(() => formatTensor(short)).toThrow(/expected 3 values/);
  });
});
