import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
import { replayFamily, loadFamily, expectClose } from './golden.js';

replayFamily('norm');

describe('normalization beyond the golden format', () => {
  let data;
  beforeAll(async () => {
    await torch.ready();
    data = loadFamily('norm');
  });

  test('F.batch_norm updates the running statistics it is given, like PyTorch', () => {
    // The golden function case records only the output; here the running tensors are checked
    // against momentum * batch_stat + (1 - momentum) * running computed with webtorch's own
    // tensor ops (unbiased variance for running_var).
    const c = data.cases.find((x) => x.name === 'F_batch_norm_train');
    const [x, rm, rv, w, b] = c.args.slice(0, 5).map((a) => data.tensors[a.tensor].clone());
    const m0 = rm.clone();
    const v0 = rv.clone();
    const out = F.batch_norm(x, rm, rv, w, b, true, 0.2, 1e-4);
    expectClose(out, data.tensors[c.outputs.tensor]);
    const n = 4 * 5;
    const mean = x.mean([0, 2]);
    const centered = x.sub(mean.reshape([1, 3, 1]));
    const unbiased = centered.mul(centered).sum([0, 2]).div(n - 1);
    expectClose(rm, mean.mul(0.2).add(m0.mul(0.8)));
    expectClose(rv, unbiased.mul(0.2).add(v0.mul(0.8)));
  });

  test('a rejected batch leaves num_batches_tracked and the running stats unchanged', () => {
    const m = new nn.BatchNorm1d(3);
    const [one, wide] = [torch.randn(1, 3), torch.randn(2, 4)];
    const before = torch.memory_allocated();
    expect(() => m.forward(one)).toThrow(/more than 1 value per channel/);
    expect(() => m.forward(wide)).toThrow(/running_mean should contain 4 elements not 3/);
    expect(torch.memory_allocated()).toBe(before);
    expect(m.num_batches_tracked.item()).toBe(0);
    expect(m.running_mean.tolist()).toEqual([0, 0, 0]);
    expect(m.num_batches_tracked.dtype).toBe('int64');
  });

  test('reset_running_stats and reset_parameters restore the initial state', () => {
    const m = new nn.BatchNorm2d(2);
    m.weight.fill_(3);
    m.forward(torch.randn(2, 2, 3, 3)).dispose();
    expect(m.num_batches_tracked.item()).toBe(1);
    m.reset_running_stats();
    expect(m.num_batches_tracked.item()).toBe(0);
    expect(m.running_var.tolist()).toEqual([1, 1]);
    expect(m.weight.tolist()).toEqual([3, 3]);
    m.reset_parameters();
    expect(m.weight.tolist()).toEqual([1, 1]);
    expect(m.bias.tolist()).toEqual([0, 0]);
  });

  test('forward frees its intermediates: memory stays flat over train and eval steps', () => {
    const mods = [new nn.BatchNorm1d(3), new nn.InstanceNorm1d(3, { track_running_stats: true, affine: true }),
      new nn.LayerNorm([3, 4]), new nn.GroupNorm(3, 3), new nn.LocalResponseNorm(2), new nn.SwitchableNorm1d(3)];
    const x = torch.randn(2, 3, 4);
    for (const m of mods) {
      for (const mode of [true, false]) {
        m.train(mode);
        m.forward(x).dispose();
        const before = torch.memory_allocated();
        for (let i = 0; i < 3; i++) m.forward(x).dispose();
        expect(torch.memory_allocated()).toBe(before);
      }
    }
  });

  test('SwitchableNorm rejects bad input before touching its state', () => {
    const m = new nn.SwitchableNorm2d(3);
    expect(String(m)).toBe('SwitchableNorm2d(3, eps=1e-05, momentum=0.1)');
    expect(Object.keys(m.state_dict())).toEqual(['weight', 'bias', 'mean_weight', 'var_weight', 'running_mean',
      'running_var']);
    const [rank3, wide] = [torch.randn(2, 3, 4), torch.randn(2, 4, 2, 2)];
    const before = torch.memory_allocated();
    expect(() => m.forward(rank3)).toThrow(/SwitchableNorm2d\(3, .*expected 4D input \(got 3D input\)/);
    expect(() => m.forward(wide)).toThrow(/expected input with 3 channels, got input of size \[2, 4, 2, 2\]/);
    expect(() => new nn.SwitchableNorm1d(3, { eps: -1 })).toThrow(/SwitchableNorm1d: eps must be a finite number >= 0/);
    expect(torch.memory_allocated()).toBe(before);
    expect(m.running_mean.tolist()).toEqual([0, 0, 0]);
  });

  test('large inputs: the two-pass statistics stay accurate where E[x^2] - E[x]^2 would cancel', () => {
    // mean 1000, std 0.1: a one-pass f32 variance (E[x^2] ~ 1e6, ulp 0.06) loses every digit of 0.01.
    const x = torch.randn(4, 2, 3000).mul(0.1).add(1000);
    const y = F.batch_norm(x, null, null, null, null, true);
    const mean = y.mean([0, 2]).tolist();
    const centered = y.mul(y).mean([0, 2]).tolist();
    for (const v of mean) expect(Math.abs(v)).toBeLessThan(1e-2);
    for (const v of centered) expect(Math.abs(v - 1)).toBeLessThan(1e-2);
  });
});
