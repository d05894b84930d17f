// Property-based tests (fast-check): random valid shapes and arguments for every layer family
// checked against algebraic identities or a slow scalar JS reference, and random INVALID
// arguments that must throw a plain Error (not a RangeError/TypeError from JS internals, not a
// wasm trap) before touching wasm, leaving memory_allocated() unchanged. Seeded: a failure
// prints the seed and the shrunk counterexample.
import { expect, test, describe, beforeAll } from '@jest/globals';
import fc from 'fast-check';
import torch, { nn, F } from '../../js/index.js';
import { expectClose } from './golden.js';

beforeAll(() => torch.ready());

const RUNS = { numRuns: 100, seed: 20240611 };
const vals = (t) => Array.from(t.toTypedArray(), Number);
const dim = (lo, hi) => fc.integer({ min: lo, max: hi });

describe('valid arguments: identities and references', () => {
  test('F.linear = x @ W^T + b, any leading batch dims', () => {
    fc.assert(fc.property(fc.array(dim(1, 3), { maxLength: 3 }), dim(1, 9), dim(1, 9), fc.boolean(),
      (lead, inF, outF, bias) => torch.tidy(() => {
        const x = torch.randn(...lead, inF);
        const w = torch.randn(outF, inF);
        const b = bias ? torch.randn(outF) : null;
        let want = x.matmul(w.transpose(0, 1));
        if (b) want = want.add(b);
        expectClose(F.linear(x, w, b), want, { rtol: 1e-5, atol: 1e-5 });
      })), RUNS);
  });

  test('conv2d = unfold + matmul (+ bias), any stride/padding/dilation/groups=1', () => {
    fc.assert(fc.property(dim(1, 2), dim(1, 3), dim(1, 4), dim(1, 3), dim(1, 3), dim(1, 3), dim(0, 2), dim(1, 2),
      dim(0, 4), dim(0, 4), (N, C, O, kh, kw, s, p, d, extraH, extraW) => torch.tidy(() => {
        const H = d * (kh - 1) + 1 + extraH;
        const W = d * (kw - 1) + 1 + extraW;
        const x = torch.randn(N, C, H, W);
        const w = torch.randn(O, C, kh, kw);
        const b = torch.randn(O);
        const y = F.conv2d(x, w, b, s, p, d);
        const cols = F.unfold(x, [kh, kw], d, p, s); // [N, C*kh*kw, L]
        const want = w.reshape([O, -1]).matmul(cols).add(b.reshape([O, 1])).reshape(y.shape);
        expectClose(y, want, { rtol: 1e-4, atol: 1e-5 });
      })), RUNS);
  });

  test('fold(unfold(x)) = x * (number of windows covering each position)', () => {
    fc.assert(fc.property(dim(1, 3), dim(1, 3), dim(1, 3), dim(0, 3), dim(0, 3), (C, k, s, eh, ew) => torch.tidy(() => {
      const H = k + eh;
      const W = k + ew;
      const x = torch.randn(1, C, H, W);
      const back = F.fold(F.unfold(x, k, { stride: s }), [H, W], k, { stride: s });
      const counts = F.fold(F.unfold(torch.ones(1, C, H, W), k, { stride: s }), [H, W], k, { stride: s });
      expectClose(back, x.mul(counts), { rtol: 1e-5, atol: 1e-6 });
    })), RUNS);
  });

  test('LayerNorm output has mean 0 and variance 1 over the normalized dims', () => {
    fc.assert(fc.property(dim(1, 4), dim(2, 16), (rows, cols) => torch.tidy(() => {
      const x = torch.randn(rows, cols).mul(3).add(5);
      const y = vals(new nn.LayerNorm(cols, { eps: 1e-12 }).forward(x));
      for (let r = 0; r < rows; r++) {
        const row = y.slice(r * cols, (r + 1) * cols);
        const mean = row.reduce((a, v) => a + v, 0) / cols;
        const variance = row.reduce((a, v) => a + (v - mean) ** 2, 0) / cols;
        expect(Math.abs(mean)).toBeLessThan(1e-5);
        expect(Math.abs(variance - 1)).toBeLessThan(1e-4);
      }
    })), RUNS);
  });

  test('softmax over any dim (negative too) is in [0, 1] and sums to 1; log_softmax = log(softmax)', () => {
    fc.assert(fc.property(fc.array(dim(1, 5), { minLength: 1, maxLength: 4 }), fc.nat(), fc.boolean(),
      (shape, pick, negative) => torch.tidy(() => {
        const n = shape.length;
        const d = negative ? (pick % n) - n : pick % n;
        const x = torch.randn(...shape).mul(10);
        const y = F.softmax(x, d);
        for (const v of vals(y)) expect(v >= 0 && v <= 1).toBe(true);
        expectClose(y.sum(d), torch.ones(...shape.filter((_, i) => i !== (d + n) % n)), { rtol: 1e-5, atol: 1e-5 });
        expectClose(F.log_softmax(x, d), y.log(), { rtol: 1e-4, atol: 1e-4 });
      })), RUNS);
  });

  test('max_pool1d equals a scalar JS reference (padding, dilation, ceil_mode) and dominates its window', () => {
    fc.assert(fc.property(dim(1, 4), dim(1, 3), dim(0, 2), dim(1, 2), dim(0, 6), fc.boolean(),
      (k, s, p0, d, extra, ceil) => torch.tidy(() => {
        const p = Math.min(p0, Math.floor(k / 2));
        const L = d * (k - 1) + 1 + extra;
        const x = torch.randn(2, 3, L);
        const y = F.max_pool1d(x, k, s, p, d, ceil);
        const xs = vals(x);
        const out = y.shape[2];
        const ys = vals(y);
        for (let plane = 0; plane < 6; plane++) {
          for (let o = 0; o < out; o++) {
            let m = -Infinity;
            for (let t = 0; t < k; t++) {
              const i = o * s - p + t * d;
              if (i >= 0 && i < L) m = Math.max(m, xs[plane * L + i]);
            }
            expect(ys[plane * out + o]).toBe(m);
          }
        }
      })), RUNS);
  });

  test('avg_pool2d with kernel = stride equals adaptive_avg_pool2d; every mean lies within its window', () => {
    fc.assert(fc.property(dim(1, 3), dim(1, 3), dim(1, 4), dim(1, 4), (kh, kw, oh, ow) => torch.tidy(() => {
      const x = torch.randn(1, 2, kh * oh, kw * ow);
      expectClose(F.avg_pool2d(x, [kh, kw]), F.adaptive_avg_pool2d(x, [oh, ow]), { rtol: 1e-5, atol: 1e-6 });
    })), RUNS);
  });

  test('constant padding then cropping by the same amounts is the identity (any mode that pads)', () => {
    fc.assert(fc.property(fc.array(dim(2, 5), { minLength: 3, maxLength: 3 }), fc.array(dim(0, 3), { minLength: 4, maxLength: 4 }),
      fc.constantFrom('constant', 'reflect', 'replicate', 'circular'), (shape, pads, mode) => torch.tidy(() => {
        // reflect needs pad < size, circular pad <= size
        const last2 = [shape[2], shape[2], shape[1], shape[1]];
        const p = pads.map((v, i) => Math.min(v, last2[i] - 1));
        const x = torch.randn(1, ...shape); // circular padding of 2 dims needs [N, C, H, W]
        const padded = F.pad(x, p, mode);
        expect(padded.shape).toEqual([1, shape[0], shape[1] + p[2] + p[3], shape[2] + p[0] + p[1]]);
        expectClose(F.pad(padded, p.map((v) => -v)), x, { rtol: 0, atol: 0 });
      })), RUNS);
  });

  test('Embedding gathers rows: out[i] = weight[idx[i]]', () => {
    fc.assert(fc.property(dim(1, 8), dim(1, 5), fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (num, d, raw) => torch.tidy(() => {
      const idx = raw.map((v) => v % num);
      const emb = new nn.Embedding(num, d);
      const out = vals(emb.forward(torch.tensor(idx, { dtype: 'int64' })));
      const w = vals(emb.weight);
      idx.forEach((r, i) => expect(out.slice(i * d, (i + 1) * d)).toEqual(w.slice(r * d, (r + 1) * d)));
    })), RUNS);
  });

  test('MSELoss(sum) = sum((a - b)^2); CrossEntropy = NLL(log_softmax)', () => {
    fc.assert(fc.property(dim(1, 5), dim(2, 6), fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), (n, c, raw) => torch.tidy(() => {
      const a = torch.randn(n, c);
      const b = torch.randn(n, c);
      expectClose(F.mse_loss(a, b, { reduction: 'sum' }), a.sub(b).mul(a.sub(b)).sum(), { rtol: 1e-5, atol: 1e-5 });
      const target = torch.tensor(raw.slice(0, n).map((v) => v % c), { dtype: 'int64' });
      expectClose(F.cross_entropy(a, target), F.nll_loss(F.log_softmax(a, 1), target), { rtol: 1e-5, atol: 1e-6 });
    })), RUNS);
  });

  test('activations: relu(x) - relu(-x) = x, sigmoid(x) + sigmoid(-x) = 1, tanh odd', () => {
    fc.assert(fc.property(fc.array(dim(1, 6), { minLength: 1, maxLength: 3 }), (shape) => torch.tidy(() => {
      const x = torch.randn(...shape).mul(4);
      const nx = x.neg();
      expectClose(F.relu(x).sub(F.relu(nx)), x, { rtol: 0, atol: 0 });
      expectClose(torch.sigmoid(x).add(torch.sigmoid(nx)), torch.ones(...shape), { rtol: 1e-6, atol: 1e-6 });
      expectClose(torch.tanh(nx), torch.tanh(x).neg(), { rtol: 0, atol: 0 });
    })), RUNS);
  });

  test('Upsample nearest by an integer factor then avg-pooling by it is the identity', () => {
    fc.assert(fc.property(dim(1, 3), dim(1, 4), dim(1, 4), (f, h, w) => torch.tidy(() => {
      const x = torch.randn(1, 2, h, w);
      const up = F.interpolate(x, { scale_factor: f, mode: 'nearest' });
      expectClose(F.avg_pool2d(up, f), x, { rtol: 1e-6, atol: 1e-6 });
    })), RUNS);
  });

  test('a GRU/LSTM/RNN over a sequence equals its cell stepped over time', () => {
    fc.assert(fc.property(fc.constantFrom('RNN', 'LSTM', 'GRU'), dim(1, 4), dim(1, 3), dim(1, 4), dim(1, 5),
      (kind, T, B, I, H) => torch.tidy(() => {
        const rnn = new nn[kind](I, H);
        const cell = new nn[`${kind}Cell`](I, H);
        cell.load_state_dict(Object.fromEntries(Object.entries(rnn.state_dict()).map(([k, v]) => [k.replace('_l0', ''), v])));
        const x = torch.randn(T, B, I);
        const [out] = rnn.forward(x);
        let h = torch.zeros(B, H);
        let c = torch.zeros(B, H);
        const steps = [];
        for (let t = 0; t < T; t++) {
          const xt = x.reshape([T, B * I]).transpose(0, 1).contiguous(); // [B*I, T]
          const col = torch.tensor(vals(xt).filter((_, i) => i % T === t)).reshape([B, I]);
          if (kind === 'LSTM') [h, c] = cell.forward(col, [h, c]);
          else h = cell.forward(col, h);
          steps.push(h);
        }
        expectClose(out, torch.stack(steps), { rtol: 1e-4, atol: 1e-5 });
      })), { ...RUNS, numRuns: 20 });
  });
});

describe('invalid arguments: a plain Error before wasm, memory unchanged', () => {
  function checkError(err) {
    expect(err).toBeInstanceOf(Error);
    expect(err.constructor).toBe(Error);
    expect(err.message).not.toMatch(/RuntimeError|unreachable|out of bounds|wt_[a-z_]+:/);
  }
  function throwsOf(fn) {
    try {
      torch.tidy(fn);
    } catch (e) {
      return e;
    }
    return null;
  }
  // [make, run]: make() builds a module (PyTorch rejects some arguments right there), run(m)
  // must then throw. Memory is compared around whichever step throws: a module that was built
  // legitimately owns its parameters.
  function expectCleanError([make, run]) {
    let m = null;
    let mem = torch.memory_allocated();
    const early = throwsOf(() => { m = make(); });
    if (early) {
      checkError(early);
    } else {
      mem = torch.memory_allocated();
      checkError(throwsOf(() => run(m)));
    }
    expect(torch.memory_allocated()).toBe(mem);
  }
  const fnCase = (run) => [() => null, run];
  const bad = fc.oneof(fc.integer({ min: -5, max: 0 }), fc.constantFrom(NaN, Infinity, -Infinity, 1.5, 2 ** 31,
    -(2 ** 31), 2 ** 53, '3', null, [], {}, [1, -1]));

  test('Conv2d: a bad kernel/stride/padding/dilation/groups is rejected at construction or forward', () => {
    fc.assert(fc.property(fc.constantFrom('kernel_size', 'stride', 'padding', 'dilation', 'groups'), bad,
      (arg, v) => {
        const opts = { kernel_size: 3, stride: 1, padding: 0, dilation: 1, groups: 1, [arg]: v };
        if (arg === 'padding' && Number.isInteger(v) && v === 0) return; // padding 0 is valid
        const { kernel_size, ...rest } = opts;
        // PyTorch rejects some values at construction, others (a huge stride) only in forward
        expectCleanError([() => new nn.Conv2d(2, 4, kernel_size, rest), (m) => m.forward(torch.randn(1, 2, 6, 6))]);
      }), RUNS);
  });

  test('F.conv1d: shapes that do not fit each other', () => {
    fc.assert(fc.property(dim(1, 4), dim(1, 4), dim(1, 4), dim(1, 9), dim(1, 3), (C, Cw, k, L, g) => {
      fc.pre(C !== Cw * g || C % g !== 0 || L + 0 < k);
      expectCleanError(fnCase(() => F.conv1d(torch.randn(1, C, L), torch.randn(2 * g, Cw, k), null, 1, 0, 1, g)));
    }), RUNS);
  });

  test('Linear / LayerNorm / Embedding / pooling / softmax / pad with mismatched or out-of-range arguments', () => {
    const cases = fc.oneof(
      fc.tuple(dim(1, 6), dim(1, 6)).filter(([a, b]) => a !== b).map(([a, b]) => [() => new nn.Linear(a, 2), (m) => m.forward(torch.randn(3, b))]),
      fc.tuple(dim(1, 6), dim(1, 6)).filter(([a, b]) => a !== b).map(([a, b]) => [() => new nn.LayerNorm(a), (m) => m.forward(torch.randn(2, b))]),
      fc.integer({ min: -20, max: 20 }).filter((i) => i < 0 || i >= 5)
        .map((i) => [() => new nn.Embedding(5, 2), (m) => m.forward(torch.tensor([i], { dtype: 'int64' }))]),
      // (max_pool1d gives an empty output there, as in PyTorch 1.13; 2-d pooling rejects it)
      fc.tuple(dim(1, 4), dim(5, 9)).map(([L, k]) => fnCase(() => F.max_pool2d(torch.randn(1, 1, L, L), k))),
      fc.tuple(dim(1, 4), dim(3, 6)).map(([k, p]) => fnCase(() => F.avg_pool1d(torch.randn(1, 1, 8), k, 1, p + k))),
      fc.integer({ min: -9, max: 9 }).filter((d) => d < -3 || d > 2).map((d) => fnCase(() => F.softmax(torch.randn(2, 3, 4), d))),
      fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 7, maxLength: 9 }).map((p) => fnCase(() => F.pad(torch.randn(2, 3), p))),
      dim(4, 9).map((p) => fnCase(() => F.pad(torch.randn(1, 2, 3), [p, 0], 'reflect'))),
      fc.constantFrom('bilinear', 'bicubic').map((m) => fnCase(() => F.interpolate(torch.randn(1, 1, 4), { scale_factor: 2, mode: m }))),
      fc.tuple(dim(1, 3), dim(4, 8)).map(([H, I]) => [() => new nn.LSTM(3, H), (m) => m.forward(torch.randn(2, 1, I))]),
      fc.tuple(dim(1, 8), dim(1, 3)).filter(([e, h]) => e % h !== 0).map(([e, h]) => [() => new nn.MultiheadAttention(e, h), () => null]),
      fc.float({ min: Math.fround(-2), max: Math.fround(3), noNaN: true }).filter((p) => p < 0 || p > 1)
        .map((p) => fnCase(() => F.dropout(torch.randn(3), p))),
    );
    fc.assert(fc.property(cases, (fn) => expectCleanError(fn)), { ...RUNS, numRuns: 150 });
  });
});
