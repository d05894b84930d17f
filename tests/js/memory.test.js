// Memory accounting over long runs: the article's Net, 10,000 forward passes with disposed
// outputs, must keep memory_allocated() flat (intermediates are freed by the library).
import { expect, test, beforeAll } from '@jest/globals';
import torch from '../../js/index.js';
import { Net } from '../../web-demo/models.js';

beforeAll(() => torch.ready());

test('10,000 forward passes of the Net keep memory_allocated() flat', () => {
  torch.manual_seed(0);
  const net = new Net();
  const x = torch.randint(0, 10000, [2, 200]);
  net.forward(x).dispose();
  const start = torch.memory_allocated();
  const first = net.forward(x);
  const expected = first.toTypedArray();
  first.dispose();
  for (let i = 0; i < 10000; i++) {
    const y = net.forward(x);
    if (i % 2500 === 0) expect(y.toTypedArray()).toEqual(expected);
    y.dispose();
    if (i % 1000 === 0) expect(torch.memory_allocated()).toBe(start);
  }
  expect(torch.memory_allocated()).toBe(start);
  x.dispose();
}, 120000);

test('a failing forward frees what it allocated', () => {
  const net = new Net();
  const bad = torch.randint(10000, 20000, [2, 200]);
  const start = torch.memory_allocated();
  for (let i = 0; i < 100; i++) expect(() => net.forward(bad)).toThrow(/out of range/);
  expect(torch.memory_allocated()).toBe(start);
  bad.dispose();
});
