import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn } from '../../js/index.js';
import { replayFamily, loadFamily, expectClose } from './golden.js';

replayFamily('conv');

describe('the article on convolutions', () => {
  let data;
  beforeAll(async () => {
    await torch.ready();
    data = loadFamily('conv');
  });
  const find = (name) => data.cases.find((c) => c.name === name);
  const sd = (c) => Object.fromEntries(Object.entries(c.state_dict).map(([k, v]) => [k, data.tensors[v.tensor]]));

  test('depthwise-separable convolution = depthwise Conv2d then 1x1 Conv2d, as in PyTorch', () => {
    torch.tidy(() => {
      const dw = find('conv2d_separable_depthwise');
      const pw = find('conv2d_separable_pointwise');
      const net = new nn.Sequential(new nn.Conv2d(4, 4, 3, { padding: 1, groups: 4 }), new nn.Conv2d(4, 8, 1));
      net.at(0).load_state_dict(sd(dw));
      net.at(1).load_state_dict(sd(pw));
      const out = net.forward(data.tensors[dw.inputs[0].tensor]);
      expectClose(out, data.tensors[pw.outputs.tensor], { what: 'separable output' });
      // fewer weights than the dense 3x3 conv it replaces: 4*9 + 4 + 4*8 + 8 vs 8*4*9 + 8
      const count = (m) => [...m.parameters()].reduce((n, p) => n + p.numel(), 0);
      expect(count(net)).toBeLessThan(count(new nn.Conv2d(4, 8, 3)));
    });
  });

  test('ConvTranspose2d with the same kernel maps Conv2d output sizes back to the input size', () => {
    const claims = data.cases.filter((c) => c.name.startsWith('convt_claim_'));
    expect(claims.length).toBeGreaterThanOrEqual(5);
    for (const c of claims) {
      torch.tidy(() => {
        const [inC, outC, k] = c.args; // ConvTranspose2d(3, 2, k): the inverse of Conv2d(2, 3, k)
        const { stride, padding, dilation } = c.kwargs;
        const size = c.forward_kwargs.output_size;
        const conv = new nn.Conv2d(outC, inC, k, { stride, padding, dilation });
        const y = conv.forward(torch.randn(1, outC, ...size));
        expect(y.shape).toEqual(data.tensors[c.inputs[0].tensor].shape);
        const convt = new nn.ConvTranspose2d(inC, outC, k, { stride, padding, dilation });
        expect(convt.forward(y, { output_size: size }).shape).toEqual([1, outC, ...size]);
        // without output_size the lost remainder is given back through output_padding
        const s = conv.stride;
        const op = size.map((n, i) => (n + 2 * conv.padding[i] - conv.dilation[i] * (conv.kernel_size[i] - 1) - 1) % s[i]);
        const convt2 = new nn.ConvTranspose2d(inC, outC, k, { stride, padding, dilation, output_padding: op });
        expect(convt2.forward(y).shape).toEqual([1, outC, ...size]);
      });
    }
  });
});

describe('ConvTranspose', () => {
  beforeAll(async () => {
    await torch.ready();
  });

  test('accepts every argument positionally in PyTorch order', () => {
    const m = new nn.ConvTranspose2d(4, 6, 3, 2, 1, 1, 2, false, 1, 'zeros');
    expect(String(m)).toBe('ConvTranspose2d(4, 6, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), ' +
      'output_padding=(1, 1), groups=2, bias=False)');
    expect(m.weight.shape).toEqual([4, 3, 3, 3]);
  });

  test('rejects bad output_size values before touching wasm', () => {
    const m = new nn.ConvTranspose1d(2, 2, 3);
    const before = torch.memory_allocated();
    const x = torch.zeros(1, 2, 4);
    expect(() => m.forward(x, { output_size: 'big' })).toThrow(/output_size must be a list of ints/);
    expect(() => m.forward(x, { output_size: [6.5] })).toThrow(/output_size must be an integer/);
    x.dispose();
    expect(torch.memory_allocated()).toBe(before);
  });
});
