// The pthread build: torch.set_num_threads / get_num_threads like PyTorch's, and results that do
// not depend on the thread count (ops split their work over outputs, never over a sum), checked
// bit for bit on the layers whose kernels run in parallel. Their agreement with PyTorch is the
// golden suites' job: those run on this build at the default thread count.
import { availableParallelism } from 'node:os';
import { expect, test, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';

const MAX = Math.min(8, availableParallelism());

beforeAll(async () => {
  await torch.ready();
  torch.manual_seed(0);
});

test('Node runs the pthread build on every hardware thread (up to 8) by default', () => {
  expect(torch.get_num_threads()).toBe(MAX);
  expect(torch.backend().threads).toBe(MAX);
});

test('set_num_threads / get_num_threads', () => {
  torch.set_num_threads(1);
  expect(torch.get_num_threads()).toBe(1);
  expect(torch.backend().threads).toBe(1);
  torch.set_num_threads(1000); // more than the build started: all of them
  expect(torch.get_num_threads()).toBe(MAX);
});

test('bad thread counts throw PyTorch\'s complaint, naming the value', () => {
  const before = torch.memory_allocated();
  expect(() => torch.set_num_threads(0)).toThrow('torch.set_num_threads: expects a positive integer, got 0');
  expect(() => torch.set_num_threads(-2)).toThrow('torch.set_num_threads: expects a positive integer, got -2');
  expect(() => torch.set_num_threads(1.5)).toThrow('torch.set_num_threads: expects an int, but got 1.5');
  expect(() => torch.set_num_threads('2')).toThrow("torch.set_num_threads: expects an int, but got '2'");
  expect(() => torch.set_num_threads()).toThrow('torch.set_num_threads: expects an int, but got undefined');
  expect(torch.get_num_threads()).toBe(MAX);
  expect(torch.memory_allocated()).toBe(before);
});

// Each case builds its module once (seeded), then runs it on 1 thread and on MAX threads.
const CASES = {
  'Linear [64,1024] -> 512 (packed weights)': () => {
    const m = new nn.Linear(1024, 512);
    const x = torch.randn(64, 1024);
    return () => m.forward(x);
  },
  'Linear on a short batch [3,300] -> 700': () => {
    const m = new nn.Linear(300, 700);
    const x = torch.randn(3, 300);
    return () => m.forward(x);
  },
  'matmul [4,70,130] @ [130,90]': () => {
    const a = torch.randn(4, 70, 130);
    const b = torch.randn(130, 90);
    return () => torch.matmul(a, b);
  },
  'Conv2d 3x3 padding 1, 32 -> 48, 40x36, batch 2': () => {
    const m = new nn.Conv2d(32, 48, 3, { padding: 1 });
    const x = torch.randn(2, 32, 40, 36);
    return () => m.forward(x);
  },
  'Conv2d stride 2, dilation 2, groups 4, no bias': () => {
    const m = new nn.Conv2d(16, 32, 3, { stride: 2, dilation: 2, groups: 4, bias: false });
    const x = torch.randn(1, 16, 45, 51);
    return () => m.forward(x);
  },
  'depthwise Conv2d 3x3, 64 channels': () => {
    const m = new nn.Conv2d(64, 64, 3, { padding: 1, groups: 64 });
    const x = torch.randn(2, 64, 33, 30);
    return () => m.forward(x);
  },
  'Conv2d 1x1': () => {
    const m = new nn.Conv2d(64, 96, 1);
    const x = torch.randn(1, 64, 30, 30);
    return () => m.forward(x);
  },
  'Conv1d and Conv3d': () => {
    const c1 = new nn.Conv1d(24, 40, 5, { padding: 'same' });
    const c3 = new nn.Conv3d(8, 12, 3, { padding: 1 });
    const x1 = torch.randn(2, 24, 300);
    const x3 = torch.randn(1, 8, 12, 14, 10);
    return () => torch.cat([c1.forward(x1).flatten(), c3.forward(x3).flatten()]);
  },
  'ConvTranspose2d stride 2': () => {
    const m = new nn.ConvTranspose2d(32, 16, 4, { stride: 2, padding: 1 });
    const x = torch.randn(1, 32, 20, 20);
    return () => m.forward(x);
  },
  'MultiheadAttention with a causal mask and the weights': () => {
    const m = new nn.MultiheadAttention(64, 8, { batch_first: true });
    m.eval();
    const x = torch.randn(2, 50, 64);
    const mask = nn.Transformer.generate_square_subsequent_mask(50);
    return () => {
      const [out, w] = m.forward(x, x, x, { attn_mask: mask, average_attn_weights: false });
      return torch.cat([out.flatten(), w.flatten()]);
    };
  },
  'TransformerEncoderLayer (d 128, 4 heads, ff 512, seq 64)': () => {
    const m = new nn.TransformerEncoderLayer(128, 4, { dim_feedforward: 512 });
    m.eval();
    const x = torch.randn(64, 2, 128);
    return () => m.forward(x);
  },
  'bidirectional 2-layer LSTM and GRU': () => {
    const lstm = new nn.LSTM(48, 96, { num_layers: 2, bidirectional: true });
    const gru = new nn.GRU(48, 64);
    const x = torch.randn(30, 8, 48);
    return () => torch.cat([lstm.forward(x)[0].flatten(), gru.forward(x)[0].flatten()]);
  },
  'F.scaled_dot_product_attention': () => {
    const q = torch.randn(2, 4, 70, 32);
    const k = torch.randn(2, 4, 90, 32);
    const v = torch.randn(2, 4, 90, 16);
    return () => F.scaled_dot_product_attention(q, k, v);
  },
};

for (const [name, make] of Object.entries(CASES)) {
  test(`the same bits on 1 and on every thread: ${name}`, () => {
    torch.tidy(() => {
      const run = make();
      torch.set_num_threads(1);
      const one = run().toTypedArray();
      torch.set_num_threads(MAX);
      for (let rep = 0; rep < 3; rep++) {
        const many = run().toTypedArray();
        expect(many.length).toBe(one.length);
        expect(Buffer.compare(Buffer.from(many.buffer, many.byteOffset, many.byteLength),
          Buffer.from(one.buffer, one.byteOffset, one.byteLength))).toBe(0);
      }
    });
  });
}

test('memory stays flat over many parallel forward passes', () => {
  torch.set_num_threads(MAX);
  const conv = new nn.Conv2d(16, 16, 3, { padding: 1 });
  const lin = new nn.Linear(256, 256);
  const x = torch.randn(1, 16, 32, 32);
  const y = torch.randn(16, 256);
  const run = () => { conv.forward(x).dispose(); lin.forward(y).dispose(); };
  for (let i = 0; i < 20; i++) run();
  const before = torch.memory_allocated();
  for (let i = 0; i < 1000; i++) run();
  expect(torch.memory_allocated()).toBe(before);
});
