import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn } from '../../js/index.js';
import { replayFamily, loadFamily, expectClose } from './golden.js';

replayFamily('embedding');

describe('Embedding.from_pretrained', () => {
  let data;
  beforeAll(async () => {
    await torch.ready();
    data = loadFamily('embedding');
  });

  test('looks up the given weights, frozen by default, like PyTorch', () => {
    const c = data.cases.find((x) => x.name === 'from_pretrained_forward');
    const [idx, weights] = c.args.map((a) => data.tensors[a.tensor]);
    const m = nn.Embedding.from_pretrained(weights);
    expect(String(m)).toBe('Embedding(4, 3)');
    expect(m.weight.requires_grad).toBe(false);
    expectClose(m.forward(idx), data.tensors[c.outputs.tensor]);
    expect(nn.Embedding.from_pretrained(weights, { freeze: false }).weight.requires_grad).toBe(true);
    const padded = nn.Embedding.from_pretrained(weights, { padding_idx: -1, max_norm: 2.0 });
    expect(String(padded)).toBe('Embedding(4, 3, padding_idx=3, max_norm=2.0)');
  });

  test('rejects non-2-D embeddings', () => {
    expect(() => nn.Embedding.from_pretrained(torch.zeros(3))).toThrow(/expected to be 2-dimensional/);
  });
});
