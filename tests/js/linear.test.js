import { expect, test, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
import { replayFamily, expectClose } from './golden.js';

replayFamily('linear');

beforeAll(() => torch.ready());

// Linear reuses its weights packed for the GEMM kernel (js/nn/packed.js); every kind of in-place
// write and a replaced parameter must make it repack. The reference, F.linear without a layer,
// packs nothing.
test('the packed-weight cache of Linear follows every in-place write and a replaced parameter', () => {
  torch.tidy(() => {
    torch.manual_seed(0);
    const m = new nn.Linear(5, 3);
    const x = torch.randn(4, 5);
    const same = () => expectClose(m.forward(x), F.linear(x, m.weight, m.bias), { rtol: 0, atol: 0 });
    const before = m.forward(x).toTypedArray();
    same();
    m.weight.fill_(0.5);
    same();
    expect(m.forward(x).toTypedArray()).not.toEqual(before);
    nn.init.uniform_(m.weight, -1, 1);
    same();
    m.bias.copy_(torch.ones(3));
    same();
    F.relu(m.weight, { inplace: true }); // a C op writing into the parameter's storage
    same();
    m.load_state_dict({ weight: torch.randn(3, 5), bias: torch.zeros(3) });
    same();
    m.weight = new nn.Parameter(torch.randn(3, 5));
    same();
  });
});
