// The tensor core against PyTorch (golden cases and method chains on non-contiguous views) and
// against the contract: storage sharing, data out per dtype, lifetime, tidy/keep, the
// FinalizationRegistry backstop and views that survive wasm memory growth.

import { readFileSync } from 'node:fs';
import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { Tensor } from '../../js/index.js';
import { replayFamily, loadFamily, expectClose } from './golden.js';

replayFamily('tensor');

// Method chains recorded by cases_tensor.py, e.g. x.transpose(0, 1).reshape(12, 5).
describe('golden tensor chains (PyTorch 1.13)', () => {
  const { chains } = JSON.parse(readFileSync(new URL('../golden/data/tensor.chains.json', import.meta.url), 'utf8'));
  let tensors;
  beforeAll(async () => {
    await torch.ready();
    ({ tensors } = loadFamily('tensor'));
  });
  const decode = (v) => {
    if (Array.isArray(v)) return v.map(decode);
    if (v !== null && typeof v === 'object' && 'tensor' in v) return tensors[v.tensor].clone();
    return v;
  };
  const compare = (actual, expected, what) => {
    if (expected instanceof Tensor) return expectClose(actual, expected, { what });
    expect(Array.isArray(actual)).toBe(true);
    expect(actual.length).toBe(expected.length);
    expected.forEach((e, i) => compare(actual[i], e, `${what}[${i}]`));
    return undefined;
  };
  for (const c of chains) {
    test(`chain ${c.name}`, () => {
      torch.tidy(() => {
        const run = () => c.steps.reduce((t, [method, args]) => t[method](...decode(args)), decode(c.input));
        if (c.expect) {
          expect(run).toThrow(Error);
          let message = '';
          try { run(); } catch (err) { message = err.message; }
          for (const s of c.expect) expect(message).toContain(s);
        } else {
          compare(run(), decode(c.output), c.name);
        }
      });
    });
  }
});

describe('tensor contract', () => {
  beforeAll(async () => {
    await torch.ready();
  });

  test('views share storage with their base', () => {
    const base = torch.zeros(3, 4);
    const views = [base.transpose(0, 1), base.view(12), base.reshape(2, 6), base.permute(1, 0), base.unsqueeze(0),
      base.flatten(), base.unflatten(1, [2, 2]), base.contiguous(), base.detach()];
    views.forEach((v, i) => {
      v.fill_(i + 1);
      expect(base.toTypedArray()).toEqual(new Float32Array(12).fill(i + 1));
    });
    // A write through a transposed (non-contiguous) view lands at the transposed places.
    const t = base.transpose(0, 1);
    torch.tidy(() => t.copy_(torch.arange(12).reshape(4, 3)));
    expect(base.tolist()).toEqual([[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8, 11]]);
    // expand shares too: every broadcast row reads the one stored row.
    const row = torch.tensor([1, 2, 3]);
    const e = row.expand(2, 3);
    row.fill_(7);
    expect(e.tolist()).toEqual([[7, 7, 7], [7, 7, 7]]);
    for (const v of [base, ...views, t, row, e]) v.dispose();
  });

  test('reshape of a non-contiguous tensor copies; of a contiguous one it does not', () => {
    const start = torch.memory_allocated();
    const base = torch.tidy(() => torch.arange(6).float().reshape(2, 3));
    const afterBase = torch.memory_allocated();
    const t = base.transpose(0, 1);
    const r = t.reshape(6);
    expect(torch.memory_allocated()).toBe(afterBase + 6 * 4);
    expect(r.tolist()).toEqual([0, 3, 1, 4, 2, 5]);
    r.fill_(-1);
    expect(base.tolist()).toEqual([[0, 1, 2], [3, 4, 5]]);
    const same = base.reshape(3, 2);
    expect(torch.memory_allocated()).toBe(afterBase + 6 * 4);
    same.fill_(9);
    expect(base.tolist()).toEqual([[9, 9, 9], [9, 9, 9]]);
    for (const v of [base, t, r, same]) v.dispose();
    expect(torch.memory_allocated()).toBe(start);
  });

  test('toTypedArray() returns a copy of the right class per dtype', () => {
    const cases = [
      ['float32', Float32Array, [1.5, -2]],
      ['int64', BigInt64Array, [1, -2]],
      ['int32', Int32Array, [1, -2]],
      ['bool', Uint8Array, [true, false]],
    ];
    for (const [dtype, Cls, data] of cases) {
      const t = torch.tensor(data, { dtype });
      const a = t.toTypedArray();
      expect(a).toBeInstanceOf(Cls);
      expect(a.length).toBe(2);
      a[0] = a[1];
      expect(t.tolist()).toEqual(data);
      // A copy, not a view of the heap: its buffer is its own.
      expect(a.buffer.byteLength).toBe(a.byteLength);
      t.dispose();
    }
    torch.tidy(() => {
      const x = torch.arange(6).reshape(2, 3).transpose(0, 1);
      expect(x.toTypedArray()).toEqual(new BigInt64Array([0n, 3n, 1n, 4n, 2n, 5n]));
    });
    const big = torch.tensor(new BigInt64Array([2n ** 62n, -(2n ** 53n) - 1n]));
    expect(big.dtype).toBe('int64');
    expect(big.toTypedArray()).toEqual(new BigInt64Array([2n ** 62n, -(2n ** 53n) - 1n]));
    big.dispose();
  });

  test('tolist(), item() and toString() per dtype', () => {
    torch.tidy(() => {
      expect(torch.tensor([[1.5, 2], [3, 4]]).tolist()).toEqual([[1.5, 2], [3, 4]]);
      expect(torch.tensor([[1, 2]], { dtype: 'int64' }).tolist()).toEqual([[1, 2]]);
      expect(torch.tensor([3, -4], { dtype: 'int32' }).tolist()).toEqual([3, -4]);
      expect(torch.tensor([true, false]).tolist()).toEqual([true, false]);
      expect(torch.tensor(2.5).tolist()).toBe(2.5);
      expect(torch.zeros(0, 2).tolist()).toEqual([]);

      expect(torch.tensor([[2.5]]).item()).toBe(2.5);
      expect(torch.tensor(7, { dtype: 'int64' }).item()).toBe(7);
      expect(torch.tensor([-3], { dtype: 'int32' }).item()).toBe(-3);
      expect(torch.tensor(true).item()).toBe(true);
      expect(torch.tensor(false).item()).toBe(false);
      expect(() => torch.zeros(0).item()).toThrow('Tensor.item: a Tensor with 0 elements cannot be converted to Scalar');

      expect(String(torch.tensor([1.5, 2]))).toBe('tensor([1.5000, 2.0000])');
      expect(String(torch.tensor([1, 2], { dtype: 'int64' }))).toBe('tensor([1, 2])');
      expect(String(torch.tensor([1, 2], { dtype: 'int32' }))).toBe('tensor([1, 2], dtype=torch.int32)');
      expect(String(torch.tensor([true, false]))).toBe('tensor([ True, False])');
      expect(String(torch.tensor(3.0))).toBe('tensor(3.)');
      expect(String(torch.zeros(0))).toBe('tensor([])');
    });
  });

  test('dispose() is idempotent and a disposed tensor throws a clear Error', () => {
    const start = torch.memory_allocated();
    const t = torch.ones(2, 3);
    expect(torch.memory_allocated()).toBe(start + 24);
    t.dispose();
    t.dispose();
    expect(torch.memory_allocated()).toBe(start);
    expect(t.isDisposed).toBe(true);
    const other = torch.ones(2, 3);
    const uses = [() => t.add(1), () => other.add(t), () => t.sum(), () => t.view(6), () => t.toString(),
      () => t.item(), () => t.tolist(), () => t.toTypedArray(), () => t.fill_(0), () => torch.matmul(other, t),
      () => torch.cat([other, t]), () => t.exp(), () => t.clone(), () => t.transpose(0, 1)];
    for (const use of uses) expect(use).toThrow(/^webtorch: this tensor was disposed; it can no longer be used$/);
    expect(torch.memory_allocated()).toBe(start + 24);
    other.dispose();
    expect(torch.memory_allocated()).toBe(start);
  });

  test('memory_allocated() counts exactly the storage bytes; views keep storage alive', () => {
    const start = torch.memory_allocated();
    const sizes = [
      [() => torch.zeros(2, 3), 24],
      [() => torch.zeros(5, { dtype: 'int64' }), 40],
      [() => torch.zeros(3, { dtype: 'int32' }), 12],
      [() => torch.zeros(3, { dtype: 'bool' }), 3],
      [() => torch.zeros(0, 4), 0],
      [() => torch.tensor(1.0), 4],
    ];
    for (const [make, bytes] of sizes) {
      const t = make();
      expect(torch.memory_allocated()).toBe(start + bytes);
      t.dispose();
      expect(torch.memory_allocated()).toBe(start);
    }
    const base = torch.tidy(() => torch.arange(12).float());
    const views = torch.tidy(() => [base.view(3, 4), base.reshape(4, 3).transpose(0, 1), base.unsqueeze(1).expand(12, 5)]);
    expect(torch.memory_allocated()).toBe(start + 48);
    base.dispose();
    expect(torch.memory_allocated()).toBe(start + 48);
    expect(views[1].tolist()).toEqual([[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8, 11]]);
    views[0].dispose();
    views[1].dispose();
    expect(torch.memory_allocated()).toBe(start + 48);
    expect(torch.tidy(() => views[2].sum().item())).toBe(66 * 5);
    views[2].dispose();
    expect(torch.memory_allocated()).toBe(start);
  });

  test('torch.tidy frees intermediates and keeps results; torch.keep exempts a tensor', () => {
    const start = torch.memory_allocated();
    let kept;
    const out = torch.tidy(() => {
      const a = torch.ones(4);
      const b = a.add(1).mul(3);
      kept = torch.keep(torch.zeros(2));
      const inner = torch.tidy(() => [a.sub(1), { x: b.exp(), n: 1 }]);
      return { sum: b.sum(), list: inner };
    });
    expect(out.sum.item()).toBe(24);
    expect(out.list[0].tolist()).toEqual([0, 0, 0, 0]);
    expect(out.list[1].x.tolist()[0]).toBeCloseTo(Math.exp(6), 1);
    expect(kept.tolist()).toEqual([0, 0]);
    // Live: sum (4) + sub (16) + exp (16) + kept (8).
    expect(torch.memory_allocated()).toBe(start + 44);
    for (const t of [out.sum, out.list[0], out.list[1].x, kept]) t.dispose();
    expect(torch.memory_allocated()).toBe(start);
    // An exception inside tidy frees everything it made.
    expect(() => torch.tidy(() => { torch.ones(100); throw new Error('boom'); })).toThrow('boom');
    expect(torch.memory_allocated()).toBe(start);
  });

  test('the FinalizationRegistry frees tensors that are garbage-collected undisposed', async () => {
    const gc = globalThis.gc;
    if (typeof gc !== 'function') {
      console.warn('skipped: run Jest with node --expose-gc to test the FinalizationRegistry backstop');
      return;
    }
    const start = torch.memory_allocated();
    (() => {
      for (let i = 0; i < 10; i++) torch.ones(1024).transpose(0, 0);
      // Handles made inside tidy() are registered only when they leave it: returned or kept.
      for (let i = 0; i < 5; i++) torch.tidy(() => torch.ones(1024));
      for (let i = 0; i < 5; i++) torch.tidy(() => { torch.keep(torch.ones(1024)); });
    })();
    expect(torch.memory_allocated()).toBe(start + 20 * 4096);
    for (let i = 0; i < 50 && torch.memory_allocated() > start; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(torch.memory_allocated()).toBe(start);
  });

  test('live tensors and views (with offsets) keep their values across wasm memory growth', async () => {
    const { heapSize } = await import('../../js/runtime.js');
    const start = torch.memory_allocated();
    const f = torch.tidy(() => torch.arange(24).float().div(7).reshape(2, 3, 4));
    const fValues = f.tolist();
    const i64 = torch.tensor(new BigInt64Array([2n ** 62n + 1n, -5n, 2n ** 40n, 0n, -(2n ** 63n)]));
    const i32 = torch.tensor([7, -8, 2147483647], { dtype: 'int32' });
    const b = torch.tensor([true, false, false, true]);
    const tr = f.transpose(0, 2);
    const trValues = tr.tolist();
    // There is no public narrow() yet: a view that starts at element 5 of f's storage.
    const offsetView = f._viewAs([2, 3], [4, 1], 5);
    const offsetValues = offsetView.tolist();
    const i64Offset = i64._viewAs([2], [2], 1);
    const live = [f, i64, i32, b, tr, offsetView, i64Offset];

    const heapBefore = heapSize();
    const big = [];
    const sums = [];
    for (let k = 0; k < 6; k++) {
      big.push(torch.empty(16 * 1024 * 1024)); // 64 MB each
      // Ops on the live views around each growth read through fresh heap views.
      sums.push(torch.tidy(() => offsetView.add(tr.sum(0).transpose(0, 1))));
    }
    expect(heapSize()).toBeGreaterThan(heapBefore);

    expect(f.tolist()).toEqual(fValues);
    expect(tr.tolist()).toEqual(trValues);
    expect(offsetView.tolist()).toEqual(offsetValues);
    expect(i64.toTypedArray()).toEqual(new BigInt64Array([2n ** 62n + 1n, -5n, 2n ** 40n, 0n, -(2n ** 63n)]));
    expect(i64Offset.toTypedArray()).toEqual(new BigInt64Array([-5n, 0n]));
    expect(i32.tolist()).toEqual([7, -8, 2147483647]);
    expect(b.tolist()).toEqual([true, false, false, true]);
    const expectedSum = sums[0].tolist();
    for (const s of sums) expect(s.tolist()).toEqual(expectedSum);
    big[big.length - 1].fill_(1);
    expect(torch.tidy(() => big[big.length - 1].sum().item())).toBe(16 * 1024 * 1024);

    for (const t of [...live, ...big, ...sums]) t.dispose();
    expect(torch.memory_allocated()).toBe(start);
  });
});
