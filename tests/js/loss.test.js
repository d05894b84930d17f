import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
import { replayFamily, expectClose } from './golden.js';

replayFamily('loss');

describe('losses', () => {
  beforeAll(async () => {
    await torch.ready();
  });

  test('weight and pos_weight are buffers in state_dict only when given, like PyTorch', () => {
    expect(Object.keys(new nn.CrossEntropyLoss().state_dict())).toEqual([]);
    const w = torch.tensor([1, 2, 3]);
    const ce = new nn.CrossEntropyLoss(w);
    expect(Object.keys(ce.state_dict())).toEqual(['weight']);
    expect(ce.weight).toBe(w);
    const bce = new nn.BCEWithLogitsLoss({ pos_weight: torch.ones(3) });
    expect(Object.keys(bce.state_dict())).toEqual(['pos_weight']);
    expect(String(bce)).toBe('BCEWithLogitsLoss()');
  });

  test('legacy size_average / reduce map to reduction as in PyTorch', () => {
    expect(new nn.MSELoss({ size_average: false }).reduction).toBe('sum');
    expect(new nn.MSELoss({ reduce: false }).reduction).toBe('none');
    expect(new nn.MSELoss(true, true).reduction).toBe('mean');
    expect(new nn.NLLLoss(null, false, -100, true).reduction).toBe('sum');
  });

  test('cross_entropy equals nll_loss of log_softmax, and -log p of the class', () => {
    const x = torch.tensor([[0.5, -1.0, 2.0], [3.0, 0.0, -2.0]]);
    const t = torch.tensor([2, 1], { dtype: 'int64' });
    expectClose(F.cross_entropy(x, t), F.nll_loss(F.log_softmax(x, 1), t));
    const lp = F.log_softmax(x, 1).tolist();
    const none = F.cross_entropy(x, t, { reduction: 'none' }).tolist();
    expect(none[0]).toBeCloseTo(-lp[0][2], 6);
    expect(none[1]).toBeCloseTo(-lp[1][1], 6);
  });

  test('bad input leaves the heap unchanged', () => {
    const x = torch.randn(4, 3);
    const bad = torch.tensor([0, 1, 2, 3], { dtype: 'int64' });
    const probs = torch.rand(4, 3);
    const before = torch.memory_allocated();
    expect(() => F.cross_entropy(x, bad)).toThrow(/Target 3 is out of bounds/);
    expect(() => F.binary_cross_entropy(x, probs)).toThrow(/between 0 and 1/);
    expect(torch.memory_allocated()).toBe(before);
  });

  test('forward passes free their intermediates', () => {
    const m = new nn.CrossEntropyLoss({ label_smoothing: 0.1, weight: torch.rand(5) });
    const x = torch.randn(8, 5, 3);
    const t = torch.randint(0, 5, [8, 3]);
    m.forward(x, t).dispose();
    const before = torch.memory_allocated();
    for (let i = 0; i < 5; i++) m.forward(x, t).dispose();
    expect(torch.memory_allocated()).toBe(before);
  });

  test('a large batch goes through the C ops (SIMD tails included) and matches a JS reference', () => {
    const n = 1003;
    const x = torch.randn(n);
    const y = torch.randn(n);
    const xs = x.toTypedArray();
    const ys = y.toTypedArray();
    let ref = 0;
    for (let i = 0; i < n; i++) {
      const z = Math.abs(xs[i] - ys[i]);
      ref += z < 0.7 ? 0.5 * z * z / 0.7 : z - 0.35;
    }
    expect(F.smooth_l1_loss(x, y, { beta: 0.7, reduction: 'sum' }).item()).toBeCloseTo(ref, 2);
  });
});
