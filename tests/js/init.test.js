// nn.init (js/nn/init.js): seeded draws equal to PyTorch 1.13's, calculate_gain,
// _calculate_fan_in_and_fan_out and error messages (tests/golden/cases_init.py), then the
// distributions over large draws.
import { readFileSync } from 'node:fs';
import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn } from '../../js/index.js';
import { expectClose } from './golden.js';

const golden = JSON.parse(readFileSync(new URL('../golden/data/init.json', import.meta.url), 'utf8'));
let expected;

beforeAll(async () => {
  await torch.ready();
  expected = torch.load_safetensors(readFileSync(new URL('../golden/data/init.safetensors', import.meta.url)));
});

const withKwargs = (args, kwargs) => (Object.keys(kwargs).length ? [...args, kwargs] : args);

function call(c) {
  const args = withKwargs(c.args, c.kwargs);
  return c.shape === null ? nn.init[c.fn](...args) : nn.init[c.fn](torch.empty(c.shape), ...args);
}

describe('golden nn.init (PyTorch 1.13)', () => {
  for (const c of golden.draws) {
    test(`${c.fn} ${c.name}`, () => {
      torch.manual_seed(c.seed);
      const t = torch.empty(c.shape);
      expect(nn.init[c.fn](t, ...withKwargs(c.args, c.kwargs))).toBe(t);
      expectClose(t, expected[c.name], { ...c.tol, what: c.name });
    });
  }

  test('calculate_gain for every nonlinearity', () => {
    for (const { nonlinearity, param, gain } of golden.gains) {
      expect([nonlinearity, param, nn.init.calculate_gain(nonlinearity, param)]).toEqual([nonlinearity, param, gain]);
    }
    expect(nn.init.calculate_gain('leaky_relu')).toBe(nn.init.calculate_gain('leaky_relu', 0.01));
  });

  test('_calculate_fan_in_and_fan_out for 2-D to 5-D shapes', () => {
    for (const { shape, fan_in, fan_out } of golden.fans) {
      expect([shape, nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))]).toEqual([shape, [fan_in, fan_out]]);
    }
  });

  for (const c of golden.errors) {
    test(`error ${c.name}: PyTorch's message, memory unchanged`, () => {
      const t = c.shape === null ? null : torch.empty(c.shape);
      const before = torch.memory_allocated();
      const args = withKwargs(c.args, c.kwargs);
      expect(() => (t === null ? nn.init[c.fn](...args) : nn.init[c.fn](t, ...args))).toThrow(c.message);
      expect(torch.memory_allocated()).toBe(before);
    });
  }
});

// Mean and (population) standard deviation of a tensor's values, in double.
function moments(t) {
  const v = t.toTypedArray();
  let s = 0;
  for (const x of v) s += x;
  const mean = s / v.length;
  let q = 0;
  for (const x of v) q += (x - mean) ** 2;
  return { mean, std: Math.sqrt(q / v.length), v };
}

function minMax(v) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/** Sample mean and std of n draws within 5 standard errors of the distribution's. */
function expectMoments(t, mean, std) {
  const n = t.numel();
  const m = moments(t);
  expect(Math.abs(m.mean - mean)).toBeLessThan(5 * std / Math.sqrt(n));
  // The standard error of the sample std is about std / sqrt(2n) (exact for a normal).
  expect(Math.abs(m.std - std)).toBeLessThan(5 * std / Math.sqrt(n / 2) + 1e-7);
  return m;
}

const N = 1e6;

describe('distributions over 1e6 draws', () => {
  test('uniform_(a, b): inside [a, b), mean (a+b)/2, std (b-a)/sqrt(12)', () => {
    torch.manual_seed(0);
    const t = nn.init.uniform_(torch.empty(N), -2, 3);
    const { v } = expectMoments(t, 0.5, 5 / Math.sqrt(12));
    const [lo, hi] = minMax(v);
    expect(lo).toBeGreaterThanOrEqual(-2);
    expect(hi).toBeLessThan(3);
    expect(lo).toBeLessThan(-1.99);
    expect(hi).toBeGreaterThan(2.99);
    t.dispose();
  });

  test('kaiming_uniform_: bound gain * sqrt(3 / fan)', () => {
    torch.manual_seed(1);
    const t = nn.init.kaiming_uniform_(torch.empty(1000, 1000), { mode: 'fan_out', nonlinearity: 'relu' });
    const bound = Math.sqrt(2) * Math.sqrt(3 / 1000);
    const { v } = expectMoments(t, 0, bound / Math.sqrt(3));
    const [lo, hi] = minMax(v);
    expect(lo).toBeGreaterThanOrEqual(-bound * (1 + 1e-6));
    expect(hi).toBeLessThanOrEqual(bound * (1 + 1e-6));
    t.dispose();
  });

  test('xavier_uniform_: std gain * sqrt(2 / (fan_in + fan_out))', () => {
    torch.manual_seed(2);
    const t = nn.init.xavier_uniform_(torch.empty(500, 2000), 2);
    const std = 2 * Math.sqrt(2 / 2500);
    const { v } = expectMoments(t, 0, std);
    const [lo, hi] = minMax(v);
    expect(Math.max(-lo, hi)).toBeLessThanOrEqual(Math.sqrt(3) * std * (1 + 1e-6));
    t.dispose();
  });

  test('normal_(mean, std)', () => {
    torch.manual_seed(3);
    const t = nn.init.normal_(torch.empty(N), -1, 0.5);
    expectMoments(t, -1, 0.5);
    t.dispose();
  });

  test('xavier_normal_ and kaiming_normal_ standard deviations', () => {
    torch.manual_seed(4);
    const x = nn.init.xavier_normal_(torch.empty(1000, 1000), 0.5);
    expectMoments(x, 0, 0.5 * Math.sqrt(2 / 2000));
    x.dispose();
    const k = nn.init.kaiming_normal_(torch.empty(250, 100, 2, 2), { mode: 'fan_in', nonlinearity: 'tanh' });
    expectMoments(k, 0, (5 / 3) / Math.sqrt(400));
    k.dispose();
  });

  // 2e5 draws: erfinv in JS is the slow part.
  test('trunc_normal_: values inside [a, b], truncated-normal mean and std (2e5 draws)', () => {
    torch.manual_seed(5);
    const [mean, std, a, b] = [0.5, 1, -1, 1.5];
    const t = nn.init.trunc_normal_(torch.empty(200000), mean, std, a, b);
    const [lo, hi] = minMax(t.toTypedArray());
    expect(lo).toBeGreaterThanOrEqual(a);
    expect(hi).toBeLessThanOrEqual(b);
    // Moments of N(mean, std) truncated to [a, b].
    const pdf = (z) => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    const alpha = (a - mean) / std;
    const beta = (b - mean) / std;
    const Z = Phi(beta) - Phi(alpha);
    const tmean = mean + std * (pdf(alpha) - pdf(beta)) / Z;
    const tvar = std ** 2 * (1 + (alpha * pdf(alpha) - beta * pdf(beta)) / Z - ((pdf(alpha) - pdf(beta)) / Z) ** 2);
    expectMoments(t, tmean, Math.sqrt(tvar));
    t.dispose();
  });

  for (const [rows, cols, gain] of [[64, 256, 1], [300, 40, 2], [100, 100, 0.5]]) {
    test(`orthogonal_ [${rows}, ${cols}] gain ${gain}: Q^T Q (or Q Q^T) = gain^2 I`, () => {
      torch.manual_seed(6);
      const q = nn.init.orthogonal_(torch.empty(rows, cols), gain);
      const g = rows >= cols ? q.transpose(0, 1).matmul(q) : q.matmul(q.transpose(0, 1));
      const k = Math.min(rows, cols);
      const eye = torch.zeros(k, k);
      nn.init.eye_(eye);
      expectClose(g, eye.mul(gain * gain), { atol: 1e-5, rtol: 0, what: 'Q^T Q' });
      q.dispose();
    });
  }
});

// Standard normal CDF by erf's Taylor series (accurate for the |z| < 3 used here).
function Phi(z) {
  let term = z / Math.SQRT2;
  let sum = term;
  const x2 = z * z / 2;
  for (let n = 1; n < 60; n++) {
    term *= -x2 / n;
    sum += term / (2 * n + 1);
  }
  return 0.5 + sum / Math.sqrt(Math.PI);
}

describe('argument handling', () => {
  test('init functions return their tensor and take PyTorch positional or keyword arguments', () => {
    torch.manual_seed(7);
    const a = nn.init.kaiming_uniform_(torch.empty(3, 4), Math.sqrt(5), 'fan_out', 'leaky_relu');
    torch.manual_seed(7);
    const b = nn.init.kaiming_uniform_(torch.empty(3, 4), { a: Math.sqrt(5), mode: 'fan_out' });
    expect(a.tolist()).toEqual(b.tolist());
    expect(() => nn.init.uniform_(torch.empty(2), { low: 0 })).toThrow("unknown option 'low'");
  });

  test('empty tensors are left alone by kaiming_* and orthogonal_', () => {
    for (const fn of ['kaiming_uniform_', 'kaiming_normal_', 'orthogonal_']) {
      const t = torch.empty(0, 3);
      expect(nn.init[fn](t)).toBe(t);
    }
  });

  test('non-float tensors and non-tensors are rejected', () => {
    expect(() => nn.init.uniform_(torch.zeros(2, { dtype: 'int64' }))).toThrow('float32');
    expect(() => nn.init.normal_([1, 2])).toThrow('expected a Tensor');
    expect(() => nn.init.constant_(torch.zeros(2), 'x')).toThrow('val must be a number');
  });
});
