import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
import { replayFamily, expectClose } from './golden.js';

replayFamily('dropout');

describe('dropout behaviour beyond the golden cases', () => {
  beforeAll(async () => {
    await torch.ready();
  });

  test('drops a share close to p over 1e6 elements, keeping exactly x / (1 - p) elsewhere', () => {
    torch.tidy(() => {
      torch.manual_seed(123);
      const p = 0.3;
      const y = F.dropout(torch.ones(1000000), p).toTypedArray();
      const kept = Math.fround(1 / Math.fround(1 - p));
      let dropped = 0;
      let other = 0;
      for (const v of y) {
        if (v === 0) dropped += 1;
        else if (v !== kept) other += 1;
      }
      expect(other).toBe(0);
      // 1e6 Bernoulli(0.3) draws: standard deviation of the share is 0.00046.
      expect(Math.abs(dropped / y.length - p)).toBeLessThan(0.003);
    });
  });

  test('Dropout2d/3d and Dropout1d zero whole channels', () => {
    torch.tidy(() => {
      torch.manual_seed(5);
      for (const [m, shape] of [[new nn.Dropout1d(0.5), [8, 16, 10]], [new nn.Dropout2d(0.5), [8, 16, 3, 4]],
        [new nn.Dropout3d(0.5), [4, 16, 2, 3, 2]]]) {
        const y = m.forward(torch.ones(shape)).toTypedArray();
        const plane = shape.slice(2).reduce((a, b) => a * b, 1);
        let zeroPlanes = 0;
        for (let c = 0; c < shape[0] * shape[1]; c++) {
          const vals = new Set(y.subarray(c * plane, (c + 1) * plane));
          expect(vals.size).toBe(1);
          expect([0, 2]).toContain([...vals][0]);
          if (vals.has(0)) zeroPlanes += 1;
        }
        expect(zeroPlanes).toBeGreaterThan(0);
        expect(zeroPlanes).toBeLessThan(shape[0] * shape[1]);
      }
    });
  });

  test('inplace writes into the input and returns it; eval returns the input unchanged', () => {
    torch.tidy(() => {
      torch.manual_seed(1);
      const x = torch.ones(50);
      const y = new nn.Dropout(0.5, true).forward(x);
      expect(y).toBe(x);
      expect(x.toTypedArray().some((v) => v === 0)).toBe(true);
      const m = new nn.Dropout(0.5);
      m.eval();
      const z = torch.randn(4, 4);
      expect(m.forward(z)).toBe(z);
      for (const [Cls, shape] of [[nn.Dropout1d, [2, 3, 4]], [nn.Dropout2d, [2, 3, 2, 2]], [nn.Dropout3d, [2, 3, 2, 2, 2]],
        [nn.AlphaDropout, [5]], [nn.FeatureAlphaDropout, [2, 3, 2]]]) {
        const e = new Cls(0.9);
        e.eval();
        expectClose(e.forward(torch.ones(shape)), torch.ones(shape), { rtol: 0, atol: 0 });
      }
      expect(F.dropout(z, 0.5, false)).toBe(z);
    });
  });

  test('a non-contiguous inplace input is written through', () => {
    torch.tidy(() => {
      torch.manual_seed(2);
      const base = torch.ones(4, 6);
      const view = base.transpose(0, 1);
      expect(F.dropout(view, 0.5, true, true)).toBe(view);
      const v = base.toTypedArray();
      expect(v.every((x) => x === 0 || x === 2)).toBe(true);
      expect(v.some((x) => x === 0)).toBe(true);
    });
  });

  test('seeded runs repeat; consecutive calls draw new masks', () => {
    torch.tidy(() => {
      const x = torch.ones(200);
      torch.manual_seed(7);
      const a = F.dropout(x).toTypedArray();
      const b = F.dropout(x).toTypedArray();
      torch.manual_seed(7);
      const c = F.dropout(x).toTypedArray();
      expect(c).toEqual(a);
      expect(b).not.toEqual(a);
    });
  });

  test('AlphaDropout keeps a standard normal input near mean 0 and std 1', () => {
    torch.tidy(() => {
      torch.manual_seed(3);
      const y = F.alpha_dropout(torch.randn(200000), 0.4, true).toTypedArray();
      let s = 0;
      let s2 = 0;
      for (const v of y) {
        s += v;
        s2 += v * v;
      }
      const mean = s / y.length;
      expect(Math.abs(mean)).toBeLessThan(0.02);
      expect(Math.abs(Math.sqrt(s2 / y.length - mean * mean) - 1)).toBeLessThan(0.02);
    });
  });

  test('forward passes in a loop hold memory flat', () => {
    const m = new nn.Dropout2d(0.3);
    const x = torch.randn(2, 4, 5, 5);
    const before = torch.memory_allocated();
    for (let i = 0; i < 50; i++) m.forward(x).dispose();
    expect(torch.memory_allocated()).toBe(before);
    x.dispose();
  });

  test('torch.dropout requires p and train', () => {
    expect(() => torch.dropout(torch.ones(3), 0.5)).toThrow(/torch.dropout: missing required argument 'train'/);
  });
});
