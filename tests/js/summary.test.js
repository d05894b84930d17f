// torch.summary(model, input_size) against PyTorch: tests/golden/cases_summary.py records, for the
// same models, each module's type, output shape (forward hooks, eval mode, zeros), own parameter
// count and trainable count, and the totals. The table's rows are parsed back and compared.

import { readFileSync } from 'node:fs';
import torch, { nn } from '../../js/index.js';
import { Net } from '../../web-demo/models.js';

const golden = JSON.parse(readFileSync(new URL('../golden/data/summary.json', import.meta.url), 'utf8'));

const commas = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

// The same models as cases_summary.py, with the same parameters frozen.
const BUILD = {
  article_net: () => {
    const net = new Net();
    net.embedding.weight.requires_grad_(false);
    return net;
  },
  cnn: () => {
    const cnn = new nn.Sequential(new nn.Conv2d(3, 8, 3), new nn.BatchNorm2d(8), new nn.ReLU(), new nn.Flatten(),
      new nn.Linear(8 * 6 * 6, 10));
    cnn.at(1).bias.requires_grad_(false);
    return cnn;
  },
  lstm: () => new nn.LSTM(4, 6, { num_layers: 2, bidirectional: true }),
};

beforeAll(async () => {
  await torch.ready();
});

/** The table's module rows as { type, shape, params, trainable } (columns are 40 / 25 / 25 wide). */
function parseRows(table) {
  const lines = table.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Layer (type:depth-idx)')) + 2;
  const end = lines.findIndex((l, i) => i >= start && l.startsWith('='));
  return lines.slice(start, end).map((l) => ({
    type: l.slice(0, 40).trim().replace(/^[│ ├└─]*/, '').replace(/: \d+-\d+$/, ''),
    shape: l.slice(40, 65).trim(),
    params: l.slice(65, 90).trim(),
    trainable: l.slice(90).trim(),
  }));
}

describe.each(Object.keys(golden.models))('%s', (name) => {
  const g = golden.models[name];
  test('rows, output shapes, parameter counts and totals match PyTorch', () => {
    const model = BUILD[name]();
    const table = torch.summary(model, g.input_size, { dtypes: g.dtypes, depth: Infinity });
    const rows = parseRows(table);
    expect(rows).toEqual(g.rows.map((r) => ({
      type: r.type,
      shape: r.output_shape ? `[${r.output_shape.join(', ')}]` : '--',
      params: r.params ? commas(r.params) : '--',
      trainable: r.params === 0 ? '--' : r.trainable === r.params ? 'True' : r.trainable === 0 ? 'False' : 'Partial',
    })));
    expect(table).toContain(`\nTotal params: ${commas(g.total_params)}\n`);
    expect(table).toContain(`\nTrainable params: ${commas(g.trainable_params)}\n`);
    expect(table).toContain(`\nNon-trainable params: ${commas(g.total_params - g.trainable_params)}\n`);
  });
});

test('the article Net prints as a torchinfo-style tree', () => {
  const table = torch.summary(BUILD.article_net(), [2, 200], { dtypes: ['int64'] });
  const lines = table.split('\n');
  expect(lines[1]).toMatch(/^Layer \(type:depth-idx\) +Output Shape +Param # +Trainable$/);
  expect(lines[3]).toMatch(/^Net +\[2, 1\] +-- +--$/);
  expect(lines[4]).toMatch(/^├─Embedding: 1-1 +\[2, 200, 3\] +30,000 +False$/);
  expect(lines[6]).toMatch(/^│    ├─Conv1d: 2-1 +\[2, 16, 196\] +256 +True$/);
  expect(table).toMatch(/\n└─Sequential: 1-3 +\[2, 1\]/);
  expect(table).toMatch(/\n     └─Linear: 2-8 +\[2, 1\] +6,145 +True\n/);
});

test('depth hides deeper modules and counts their parameters in the shown ancestor', () => {
  const rows = parseRows(torch.summary(BUILD.article_net(), [2, 200], { dtypes: ['int64'], depth: 1 }));
  const g = golden.models.article_net.rows;
  const under = (prefix) => g.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}.`)).reduce((s, r) => s + r.params, 0);
  expect(rows.map((r) => r.type)).toEqual(['Net', 'Embedding', 'Sequential', 'Sequential']);
  expect(rows.map((r) => r.params)).toEqual(['--', commas(under('embedding')), commas(under('conv')), commas(under('dense'))]);
});

test('the model is left as it was: train mode, BatchNorm statistics, hooks; every tensor freed', () => {
  const cnn = BUILD.cnn();
  const before = torch.memory_allocated();
  const stats = cnn.at(1).running_mean.toTypedArray();
  let calls = 0;
  cnn.register_forward_hook(() => { calls += 1; });
  torch.summary(cnn, [2, 3, 8, 8]);
  expect(calls).toBe(1);
  expect([...cnn.modules()].every((m) => m.training)).toBe(true);
  expect(cnn.at(1).running_mean.toTypedArray()).toEqual(stats);
  expect(torch.memory_allocated()).toBe(before);
  const x = torch.zeros(2, 3, 8, 8);
  cnn.forward(x).dispose();
  x.dispose();
  expect(calls).toBe(2); // the user's hook stays, summary's are gone
});

test('bad arguments are rejected before any forward pass, and a failing forward leaks nothing', () => {
  const lin = new nn.Linear(4, 2);
  expect(() => torch.summary({}, [1, 4])).toThrow('torch.summary: model must be an nn.Module, got an object');
  expect(() => torch.summary(lin, 4)).toThrow('torch.summary: input_size must be a shape like [2, 3] or a list of shapes, got 4');
  expect(() => torch.summary(lin, [1, -4])).toThrow('torch.summary: input_size [1, -4] must be >= 0, got -4');
  expect(() => torch.summary(lin, [1, 4], { dtypes: ['float16'] })).toThrow("torch.summary: unknown dtype 'float16' in dtypes");
  expect(() => torch.summary(lin, [1, 4], { dtypes: ['float32', 'int64'] })).toThrow('torch.summary: dtypes must be a list of 1 dtype (one per input)');
  expect(() => torch.summary(lin, [1, 4], { depht: 2 })).toThrow("torch.summary: unknown option 'depht'");
  const before = torch.memory_allocated();
  lin.train();
  expect(() => torch.summary(lin, [1, 5])).toThrow(/Linear\(in_features=4, out_features=2, bias=True\)/);
  expect(torch.memory_allocated()).toBe(before);
  expect(lin.training).toBe(true);
});
