import { expect, test, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
import { replayFamily, expectClose } from './golden.js';

replayFamily('resample');

beforeAll(async () => {
  await torch.ready();
});

test('PixelUnshuffle inverts PixelShuffle', () => {
  torch.tidy(() => {
    const x = torch.randn(2, 18, 3, 4);
    expectClose(F.pixel_unshuffle(new nn.PixelShuffle(3).forward(x), 3), x, { rtol: 0, atol: 0 });
  });
});

test('interpolate to the input size is the identity in every mode', () => {
  torch.tidy(() => {
    const x = torch.randn(1, 2, 5, 6);
    for (const mode of ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area']) {
      expectClose(F.interpolate(x, { size: [5, 6], mode }), x, { what: mode });
    }
  });
});

test('a forward frees its intermediates', () => {
  const x = torch.randn(1, 2, 4, 4);
  const before = torch.memory_allocated();
  for (const m of [new nn.Upsample({ scale_factor: 2, mode: 'bicubic' }), new nn.UpsamplingBilinear2d(7),
    new nn.PixelShuffle(1)]) {
    m.forward(x).dispose();
  }
  expect(torch.memory_allocated()).toBe(before);
  x.dispose();
});
