import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
import { replayFamily, expectClose } from './golden.js';

replayFamily('activation');

describe('activations beyond the golden cases', () => {
  beforeAll(async () => {
    await torch.ready();
  });

  test('in-place forms return the very input tensor, modified', () => {
    torch.tidy(() => {
      const cases = [
        [(x) => F.leaky_relu_(x, 0.5), (x) => F.leaky_relu(x, 0.5)],
        [(x) => F.elu_(x), (x) => F.elu(x)],
        [(x) => F.selu_(x), (x) => F.selu(x)],
        [(x) => F.celu_(x, 2.0), (x) => F.celu(x, 2.0)],
        [(x) => F.hardtanh_(x, -0.5, 0.5), (x) => F.hardtanh(x, -0.5, 0.5)],
        [(x) => F.threshold_(x, 0.1, 9), (x) => F.threshold(x, 0.1, 9)],
        [(x) => F.relu_(x), (x) => F.relu(x)],
        [(x) => F.silu(x, true), (x) => F.silu(x)],
        [(x) => new nn.Hardswish(true).forward(x), (x) => F.hardswish(x)],
        [(x) => new nn.ReLU6(true).forward(x), (x) => F.relu6(x)],
        [(x) => new nn.Mish(true).forward(x), (x) => F.mish(x)],
      ];
      for (const [inplace, ref] of cases) {
        const x = torch.randn(3, 4).mul(3);
        const want = ref(x);
        const y = inplace(x);
        expect(y).toBe(x);
        expectClose(x, want, { rtol: 0, atol: 0 });
      }
    });
  });

  test('an in-place activation on a non-contiguous view writes through to its storage', () => {
    torch.tidy(() => {
      const base = torch.randn(3, 5);
      const want = F.leaky_relu(base, 0.25);
      const view = base.transpose(0, 1);
      expect(F.leaky_relu_(view, 0.25)).toBe(view);
      expectClose(base, want, { rtol: 0, atol: 0 });
    });
  });

  test('PReLU holds one weight Parameter per channel, filled with init', () => {
    torch.tidy(() => {
      const m = new nn.PReLU(3, 0.1);
      expect(m.weight).toBeInstanceOf(nn.Parameter);
      expect(m.weight.shape).toEqual([3]);
      expect(m.weight.requires_grad).toBe(true);
      expectClose(m.weight, torch.full([3], 0.1), { rtol: 0, atol: 0 });
      expect(Object.keys(m.state_dict())).toEqual(['weight']);
      expect([...m.parameters()].length).toBe(1);
    });
  });

  test('every activation module works inside Sequential and frees its intermediates', () => {
    const net = new nn.Sequential(new nn.Linear(4, 6), new nn.GELU(), new nn.GLU(), new nn.Softmin(-1), new nn.PReLU(),
      new nn.Hardtanh(-0.2, 0.2), new nn.Softplus(2));
    const x = torch.randn(5, 4);
    net.forward(x).dispose(); // a first call may set up caches (Linear's); measure the steady state
    const before = torch.memory_allocated();
    for (let i = 0; i < 20; i++) net.forward(x).dispose();
    expect(torch.memory_allocated()).toBe(before);
    x.dispose();
  });

  test('hyperparameters print as PyTorch prints them', () => {
    expect(String(new nn.LeakyReLU())).toBe('LeakyReLU(negative_slope=0.01)');
    expect(String(new nn.Hardtanh())).toBe('Hardtanh(min_val=-1.0, max_val=1.0)');
    expect(String(new nn.ReLU6())).toBe('ReLU6()');
    expect(String(new nn.GELU())).toBe("GELU(approximate='none')");
    expect(String(new nn.PReLU())).toBe('PReLU(num_parameters=1)');
    expect(String(new nn.Softplus())).toBe('Softplus(beta=1, threshold=20)');
    expect(String(new nn.Hardshrink())).toBe('Hardshrink(0.5)');
    expect(() => new nn.ELU({ alpah: 1 })).toThrow(/ELU: unknown option 'alpah'/);
  });
});
