import { expect, test, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
import { replayFamily, expectClose } from './golden.js';

replayFamily('pooling');

beforeAll(async () => {
  await torch.ready();
});

test('AvgPool2d(k) equals AdaptiveAvgPool2d when the size divides, and AdaptiveMaxPool2d equals MaxPool2d', () => {
  torch.tidy(() => {
    const x = torch.randn(2, 3, 8, 12);
    expectClose(new nn.AvgPool2d([2, 3]).forward(x), new nn.AdaptiveAvgPool2d([4, 4]).forward(x));
    const [a, ai] = new nn.AdaptiveMaxPool2d([4, 4], { return_indices: true }).forward(x);
    const [m, mi] = F.max_pool2d(x, [2, 3], { return_indices: true });
    expectClose(a, m);
    expect(Array.from(ai.toTypedArray())).toEqual(Array.from(mi.toTypedArray()));
  });
});

test('MaxUnpool2d puts every max back where MaxPool2d found it', () => {
  torch.tidy(() => {
    const x = torch.randn(1, 2, 6, 6);
    const [y, idx] = F.max_pool2d(x, 2, { return_indices: true });
    const back = new nn.MaxUnpool2d(2).forward(y, idx);
    expectClose(F.max_pool2d(back, 2), y);
  });
});

test('FractionalMaxPool2d: the same seed gives the same samples, the forward holds no memory', () => {
  const m = new nn.FractionalMaxPool2d(2, { output_ratio: 0.5 });
  const x = torch.randn(2, 3, 10, 10);
  torch.manual_seed(5);
  const a = m.forward(x);
  torch.manual_seed(5);
  const b = m.forward(x);
  expectClose(a, b, { rtol: 0, atol: 0 });
  a.dispose();
  b.dispose();
  const before = torch.memory_allocated();
  for (const mod of [m, new nn.LPPool2d(2, 3), new nn.AvgPool2d(3, { padding: 1 }), new nn.AdaptiveMaxPool2d(3)]) {
    mod.forward(x).dispose();
  }
  expect(torch.memory_allocated()).toBe(before);
  x.dispose();
});
