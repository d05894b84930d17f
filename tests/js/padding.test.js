import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
import { replayFamily, expectClose } from './golden.js';

replayFamily('padding');

describe('padding beyond the golden cases', () => {
  beforeAll(async () => {
    await torch.ready();
  });

  test('padding then cropping by the same amounts gives the input back, in every mode', () => {
    torch.tidy(() => {
      const x = torch.randn(2, 3, 17, 33);
      for (const mode of ['constant', 'reflect', 'replicate', 'circular']) {
        const y = F.pad(x, [5, 7, 2, 3], mode);
        expect(y.shape).toEqual([2, 3, 22, 45]);
        expectClose(F.pad(y, [-5, -7, -2, -3]), x, { rtol: 0, atol: 0 });
      }
    });
  });

  test('circular pads larger than what cropping leaves are rejected (PyTorch 1.13 returns uninitialised memory)', () => {
    torch.tidy(() => {
      const x = torch.randn(1, 2, 5);
      const before = torch.memory_allocated();
      expect(() => F.pad(x, [3, -3], 'circular')).toThrow(/wrapping around more than once/);
      expect(torch.memory_allocated()).toBe(before);
    });
  });

  test('module repr, including the 2.x-only ZeroPad1d/3d', () => {
    expect(String(new nn.ZeroPad1d(2))).toBe('ZeroPad1d((2, 2))');
    expect(String(new nn.ZeroPad3d([1, 0, 2, 0, 0, 1]))).toBe('ZeroPad3d((1, 0, 2, 0, 0, 1))');
    expect(String(new nn.ConstantPad2d(1, 3.5))).toBe('ConstantPad2d(padding=(1, 1, 1, 1), value=3.5)');
    expect(() => new nn.ZeroPad2d(1, { value: 3 })).toThrow(/ZeroPad2d: unknown option 'value'/);
  });
});
