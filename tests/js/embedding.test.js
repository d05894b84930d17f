import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
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

describe('EmbeddingBag', () => {
  let data;
  beforeAll(async () => {
    await torch.ready();
    data = loadFamily('embedding');
  });

  test('from_pretrained shares the weights, frozen by default, and bags them like F.embedding_bag', () => {
    const c = data.cases.find((x) => x.name === 'F_embedding_bag_default');
    const [idx, weights, offsets] = c.args.map((a) => data.tensors[a.tensor]);
    const m = nn.EmbeddingBag.from_pretrained(weights);
    expect(String(m)).toBe('EmbeddingBag(5, 4, mode=mean)');
    expect(m.weight.requires_grad).toBe(false);
    expectClose(m.forward(idx, offsets), data.tensors[c.outputs.tensor]);
    expect(nn.EmbeddingBag.from_pretrained(weights, { freeze: false }).weight.requires_grad).toBe(true);
    const s = nn.EmbeddingBag.from_pretrained(weights, { mode: 'sum', padding_idx: -1, include_last_offset: true });
    expect(String(s)).toBe('EmbeddingBag(5, 4, mode=sum, padding_idx=4)');
    expect(s.include_last_offset).toBe(true);
    expect(() => nn.EmbeddingBag.from_pretrained(torch.zeros(3))).toThrow(/expected to be 2-dimensional/);
  });

  test('sum of a bag equals the sum of F.embedding rows; mean divides by the bag size', () => {
    const w = torch.randn(7, 5);
    const idx = torch.tensor([6, 0, 3, 3, 2], { dtype: 'int64' });
    const rows = F.embedding(idx, w);
    const off = torch.tensor([0, 2], { dtype: 'int64' });
    const sum = F.embedding_bag(idx, w, off, { mode: 'sum' });
    const first = rows.tolist().slice(0, 2);
    const got = sum.tolist()[0];
    for (let j = 0; j < 5; j++) expect(got[j]).toBeCloseTo(first[0][j] + first[1][j], 5);
    const mean = F.embedding_bag(idx, w, off).tolist()[1];
    const rest = rows.tolist().slice(2);
    for (let j = 0; j < 5; j++) expect(mean[j]).toBeCloseTo((rest[0][j] + rest[1][j] + rest[2][j]) / 3, 5);
  });

  test('bad offsets leave the heap unchanged', () => {
    const m = new nn.EmbeddingBag(4, 3);
    const idx = torch.tensor([0, 1, 2], { dtype: 'int64' });
    const off = torch.tensor([0, 2, 1], { dtype: 'int64' });
    const before = torch.memory_allocated();
    expect(() => m.forward(idx, off)).toThrow(/non-decreasing/);
    expect(torch.memory_allocated()).toBe(before);
  });
});
