// Robustness: NaN/Inf inputs through every layer family as PyTorch propagates them (golden
// cases from tests/golden/cases_special.py), concurrent ready(), interleaved models, forward
// re-entered from a hook, and failing hooks that leave the module usable and memory unchanged.
import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn } from '../../js/index.js';
import { replayFamily, expectClose } from './golden.js';

replayFamily('special');

beforeAll(() => torch.ready());

class Small extends nn.Module {
  constructor() {
    super();
    this.conv = new nn.Conv1d(2, 3, 3, { padding: 1 });
    this.norm = new nn.LayerNorm(5);
    this.fc = new nn.Linear(15, 4);
  }

  forward(x) {
    return this.fc.forward(torch.relu(this.norm.forward(this.conv.forward(x))).flatten(1));
  }
}

describe('start-up', () => {
  test('concurrent ready() calls all resolve to one instance', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => torch.ready()));
    const backends = results.map(() => JSON.stringify(torch.backend()));
    expect(new Set(backends).size).toBe(1);
    torch.tidy(() => expect(torch.ones(2).sum().item()).toBe(2));
  });
});

describe('two models used interleaved', () => {
  test('each gives the numbers it gives alone', () => {
    torch.manual_seed(1);
    const a = new Small();
    const b = new Small();
    const x = torch.randn(3, 2, 5);
    const y = torch.randn(3, 2, 5);
    const aloneA = a.forward(x);
    const aloneB = b.forward(y);
    const start = torch.memory_allocated();
    for (let i = 0; i < 20; i++) {
      const outA = a.forward(x);
      const outB = b.forward(y);
      expectClose(outA, aloneA, { rtol: 0, atol: 0 });
      expectClose(outB, aloneB, { rtol: 0, atol: 0 });
      outA.dispose();
      outB.dispose();
    }
    expect(torch.memory_allocated()).toBe(start);
    [x, y, aloneA, aloneB].forEach((t) => t.dispose());
  });
});

describe('hooks', () => {
  test('forward called from inside a forward hook (of the same module) works and frees its temporaries', () => {
    torch.manual_seed(2);
    const m = new Small();
    const x = torch.randn(2, 2, 5);
    const plain = m.forward(x);
    let inner = null;
    let depth = 0;
    const handle = m.register_forward_hook((mod, args, out) => {
      if (depth > 0) return undefined;
      depth++;
      try {
        // The re-entered forward runs in its own tidy scope; keep its result for the check.
        inner = torch.keep(mod.forward(args[0]).clone());
      } finally {
        depth--;
      }
      return out.mul(2);
    });
    const start = torch.memory_allocated();
    const hooked = m.forward(x);
    expectClose(inner, plain, { rtol: 0, atol: 0 });
    torch.tidy(() => expectClose(hooked, plain.mul(2), { rtol: 0, atol: 0 }));
    hooked.dispose();
    inner.dispose();
    expect(torch.memory_allocated()).toBe(start);
    handle.remove();
    [x, plain].forEach((t) => t.dispose());
  });

  test.each([['forward hook', 'register_forward_hook'], ['forward pre-hook', 'register_forward_pre_hook']])(
    'a failing %s leaves the module usable and memory unchanged', (_, register) => {
      torch.manual_seed(3);
      const m = new Small();
      const base = torch.memory_allocated();
      const x = torch.randn(2, 2, 5);
      const want = m.forward(x);
      const handle = m.conv[register](() => {
        torch.randn(100); // a temporary the failing hook leaves behind
        throw new Error('hook failed');
      });
      const start = torch.memory_allocated();
      for (let i = 0; i < 5; i++) expect(() => m.forward(x)).toThrow('hook failed');
      expect(torch.memory_allocated()).toBe(start);
      handle.remove();
      const again = m.forward(x);
      expectClose(again, want, { rtol: 0, atol: 0 });
      [x, want, again].forEach((t) => t.dispose());
      expect(torch.memory_allocated()).toBe(base);
    });
});
