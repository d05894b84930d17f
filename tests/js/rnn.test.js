import { readFileSync } from 'node:fs';
import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn } from '../../js/index.js';
import { replayFamily, loadFamily, expectClose } from './golden.js';

replayFamily('rnn');

describe('recurrent layers beyond the golden cases', () => {
  let data;
  beforeAll(async () => {
    await torch.ready();
    data = loadFamily('rnn');
  });

  const tensorsOf = (v) => (Array.isArray(v) ? v.map(tensorsOf) : data.tensors[v.tensor]);

  test('a PyTorch-trained 2-layer bidirectional LSTM loads from safetensors and gives PyTorch\'s outputs', () => {
    const bytes = readFileSync(new URL('../golden/data/rnn_trained_lstm.safetensors', import.meta.url));
    const c = data.cases.find((x) => x.name === 'lstm_trained_2layer_bidirectional');
    torch.tidy(() => {
      const lstm = new nn.LSTM(3, 12, { num_layers: 2, bidirectional: true, batch_first: true });
      const sd = torch.load_safetensors(bytes);
      // safetensors stores tensors sorted by name; the keys are PyTorch's all the same
      expect(Object.keys(sd).sort()).toEqual(Object.keys(lstm.state_dict()).sort());
      expect(lstm.load_state_dict(sd)).toEqual({ missing_keys: [], unexpected_keys: [] });
      lstm.eval();
      const [out, [hN, cN]] = lstm.forward(tensorsOf(c.inputs[0]));
      const [eOut, [eH, eC]] = tensorsOf(c.outputs);
      expectClose(out, eOut, { what: 'output' });
      expectClose(hN, eH, { what: 'h_n' });
      expectClose(cN, eC, { what: 'c_n' });
    });
  });

  test('parameter names, shapes and all_weights follow PyTorch', () => {
    const m = new nn.LSTM(10, 20, { num_layers: 2, bidirectional: true, proj_size: 5 });
    const shapes = Object.fromEntries([...m.named_parameters()].map(([n, p]) => [n, p.shape]));
    expect(shapes.weight_ih_l0).toEqual([80, 10]);
    expect(shapes.weight_hh_l0).toEqual([80, 5]);
    expect(shapes.weight_hr_l0_reverse).toEqual([5, 20]);
    expect(shapes.weight_ih_l1).toEqual([80, 10]);
    expect(m.all_weights.length).toBe(4);
    expect(m.all_weights[1][0]).toBe(m.weight_ih_l0_reverse);
    expect(String(new nn.LSTM(10, 20, { num_layers: 2, batch_first: true, bidirectional: true })))
      .toBe('LSTM(10, 20, num_layers=2, batch_first=True, bidirectional=True)');
  });

  test('a cell stepped over a sequence equals the layer (same weights)', () => {
    torch.manual_seed(3);
    torch.tidy(() => {
      for (const [Layer, Cell] of [[nn.LSTM, nn.LSTMCell], [nn.GRU, nn.GRUCell], [nn.RNN, nn.RNNCell]]) {
        const layer = new Layer(4, 6);
        const cell = new Cell(4, 6);
        cell.load_state_dict({ weight_ih: layer.weight_ih_l0, weight_hh: layer.weight_hh_l0,
          bias_ih: layer.bias_ih_l0, bias_hh: layer.bias_hh_l0 });
        const steps = Array.from({ length: 7 }, () => torch.randn(3, 4));
        const [out] = layer.forward(torch.stack(steps));
        const rows = out.tolist();
        let state = null;
        steps.forEach((x, t) => {
          state = cell.forward(x, state);
          const h = Array.isArray(state) ? state[0] : state;
          expectClose(h, torch.tensor(rows[t]), { what: `${Cell.name} step ${t}` });
        });
      }
    });
  });

  test('errors leave the heap unchanged and forward frees its intermediates', () => {
    const m = new nn.LSTM(4, 5, { num_layers: 2, bidirectional: true });
    const x = torch.randn(6, 2, 4);
    const badState = [torch.zeros(4, 2, 5), torch.zeros(4, 3, 5)];
    const before = torch.memory_allocated();
    expect(() => m.forward(x, badState)).toThrow(/expected c0 \(hx\[1\]\) of shape \[4, 2, 5\], got \[4, 3, 5\]/);
    for (let i = 0; i < 3; i++) {
      const [out, [h, c]] = m.forward(x);
      out.dispose();
      h.dispose();
      c.dispose();
    }
    expect(torch.memory_allocated()).toBe(before);
  });
});
