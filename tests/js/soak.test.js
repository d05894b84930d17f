// Memory soak: 100,000 forward passes cycling through every layer family (tiny shapes) with
// disposed outputs keep memory_allocated() and the wasm heap size flat; heap growth forced
// midway keeps every live tensor (parameters, buffers, held outputs) correct; a request larger
// than the wasm heap can ever hold is a clear Error and the library keeps working.
import { expect, test, beforeAll } from '@jest/globals';
import torch, { nn, F, Tensor } from '../../js/index.js';
import { heapSize } from '../../js/runtime.js';

beforeAll(() => torch.ready());

const disposeAll = (v) => {
  if (v instanceof Tensor) v.dispose();
  else if (Array.isArray(v)) v.forEach(disposeAll);
};
const valuesOf = (v) => (v instanceof Tensor ? Array.from(v.toTypedArray(), Number)
  : Array.isArray(v) ? v.map(valuesOf) : v);

// One [module, inputs] pair per family; deterministic layers only (eval mode) so outputs can
// be compared over time, plus train-mode dropout and batch norm for their random / stateful paths.
function zoo() {
  torch.manual_seed(0);
  const r = (...s) => torch.randn(...s);
  const eval_ = (m) => { m.eval(); return m; };
  const long = (data) => torch.tensor(data, { dtype: 'int64' });
  return [
    [new nn.Linear(4, 3), [r(2, 4)]],
    [new nn.Bilinear(3, 2, 2), [r(2, 3), r(2, 2)]],
    [new nn.Conv1d(2, 3, 3, { padding: 1 }), [r(1, 2, 6)]],
    [new nn.Conv2d(2, 2, 3, { groups: 2, padding: 'same' }), [r(1, 2, 4, 4)]],
    [new nn.ConvTranspose1d(2, 2, 3, { stride: 2 }), [r(1, 2, 4)]],
    [new nn.Unfold(2), [r(1, 2, 3, 3)]],
    [new nn.Fold([3, 3], 2), [r(1, 8, 4)]],
    [new nn.MaxPool1d(2, { return_indices: true }), [r(1, 2, 6)]],
    [new nn.AvgPool2d(2), [r(1, 2, 4, 4)]],
    [new nn.AdaptiveAvgPool1d(3), [r(1, 2, 7)]],
    [new nn.MaxUnpool1d(2), [torch.ones(1, 1, 2), long([[[1, 2]]])]],
    [eval_(new nn.BatchNorm1d(3)), [r(4, 3)]],
    [new nn.BatchNorm1d(3), [r(4, 3)]],
    [new nn.LayerNorm(4), [r(2, 4)]],
    [new nn.GroupNorm(2, 4), [r(2, 4, 3)]],
    [new nn.InstanceNorm1d(2), [r(2, 2, 5)]],
    [new nn.ReLU(), [r(2, 5)]],
    [new nn.GELU(), [r(2, 5)]],
    [new nn.Softmax(1), [r(2, 5)]],
    [new nn.PReLU(), [r(2, 5)]],
    [new nn.Dropout(0.5), [r(2, 5)]],
    [new nn.Dropout2d(0.5), [r(1, 3, 2, 2)]],
    [new nn.ReflectionPad1d(2), [r(1, 2, 4)]],
    [new nn.ConstantPad2d([1, 0, 2, 1], 0.5), [r(1, 2, 2)]],
    [new nn.Upsample({ scale_factor: 2, mode: 'bilinear' }), [r(1, 1, 2, 2)]],
    [new nn.PixelShuffle(2), [r(1, 4, 2, 2)]],
    [new nn.Embedding(5, 3), [long([[1, 4, 0]])]],
    [new nn.EmbeddingBag(5, 3), [long([[1, 4], [0, 2]])]],
    [new nn.MSELoss(), [r(2, 3), r(2, 3)]],
    [new nn.CrossEntropyLoss({ label_smoothing: 0.1 }), [r(3, 4), long([0, 3, 1])]],
    [new nn.BCEWithLogitsLoss(), [r(2, 3), torch.rand(2, 3)]],
    [new nn.Flatten(), [r(2, 2, 2)]],
    [new nn.RNN(3, 2), [r(2, 1, 3)]],
    [new nn.LSTM(3, 2, { num_layers: 2 }), [r(2, 1, 3)]],
    [new nn.GRUCell(3, 2), [r(1, 3)]],
    [new nn.MultiheadAttention(4, 2), [r(2, 1, 4), r(3, 1, 4), r(3, 1, 4)]],
    [eval_(new nn.TransformerEncoderLayer(4, 2, 8)), [r(2, 1, 4)]],
  ];
}

// Values of a forward's output(s), copied out; the tensors are disposed.
function snapshot(out) {
  const v = valuesOf(out);
  disposeAll(out);
  return v;
}
// Train-mode dropout and batch norm change from call to call: only their memory is checked.
const varies = (m) => m.training && /^(Dropout|BatchNorm)/.test(m.constructor.name);

test('100,000 forward passes across every family keep memory_allocated() and the heap size flat', () => {
  const pairs = zoo();
  const first = pairs.map(([m, xs]) => snapshot(m.forward(...xs))); // warm-up: packed weights, caches
  pairs.forEach(([m], k) => { if (varies(m)) first[k] = null; });
  const mem = torch.memory_allocated();
  const heap = heapSize();
  const N = 100000;
  for (let i = 0; i < N; i++) {
    const k = i % pairs.length;
    const [m, xs] = pairs[k];
    const out = m.forward(...xs);
    if (i % 997 === 0 && first[k] !== null) expect(valuesOf(out)).toEqual(first[k]);
    disposeAll(out);
    if (i % 5000 === 0) {
      expect(torch.memory_allocated()).toBe(mem);
      expect(heapSize()).toBe(heap);
    }
  }
  expect(torch.memory_allocated()).toBe(mem);
  expect(heapSize()).toBe(heap);
  pairs.forEach(([, xs]) => disposeAll(xs));
}, 120000);

test('heap growth forced midway keeps parameters, buffers and held outputs correct', () => {
  const pairs = zoo();
  for (const [m] of pairs) m.eval();
  const held = pairs.map(([m, xs]) => m.forward(...xs));
  const heldValues = held.map(valuesOf);
  const params = pairs.map(([m]) => Object.entries(m.state_dict()).map(([k, t]) => [k, valuesOf(t)]));
  const heap = heapSize();
  // More than the free heap: the wasm memory must grow, detaching every old typed-array view.
  const big = torch.empty(Math.ceil(heap / 4) + (1 << 22));
  expect(heapSize()).toBeGreaterThan(heap);
  big.fill_(1);
  held.forEach((out, k) => expect(valuesOf(out)).toEqual(heldValues[k]));
  pairs.forEach(([m], k) => {
    expect(Object.entries(m.state_dict()).map(([name, t]) => [name, valuesOf(t)])).toEqual(params[k]);
  });
  // and the layers still compute the same numbers from the moved-on heap
  pairs.forEach(([m, xs], k) => expect(snapshot(m.forward(...xs))).toEqual(heldValues[k]));
  big.dispose();
  held.forEach(disposeAll);
  pairs.forEach(([, xs]) => disposeAll(xs));
}, 60000);

test('a request larger than the wasm heap can hold is a clear Error, and the library keeps working', () => {
  const mem = torch.memory_allocated();
  // 5 GiB and 8 GiB of float32 (2^32 and 0 modulo 2^32 bytes: they must not wrap to small sizes)
  for (const n of [5 * 2 ** 28, 2 ** 31, 2 ** 30]) {
    expect(() => torch.empty(n)).toThrow(/out of memory|more than a wasm heap can hold/);
    expect(() => torch.zeros(n, 2)).toThrow(/out of memory|more than a wasm heap can hold/);
  }
  expect(() => torch.empty(2 ** 20, 2 ** 13)).toThrow(/out of memory|more than a wasm heap can hold/);
  expect(torch.memory_allocated()).toBe(mem);
  torch.tidy(() => {
    const y = new nn.Linear(3, 2).forward(torch.ones(1, 3));
    expect(y.shape).toEqual([1, 2]);
    expect(F.softmax(y, 1).sum().item()).toBeCloseTo(1, 6);
  });
});
