import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { F } from '../../js/index.js';
import { replayFamily, loadFamily, expectClose } from './golden.js';

replayFamily('fold');

describe('the article on Unfold and Fold', () => {
  let data;
  beforeAll(async () => {
    await torch.ready();
    data = loadFamily('fold');
  });

  test('Unfold + matmul with the kernel + Fold equals PyTorch\'s Conv2d', () => {
    const claims = data.cases.filter((c) => c.name.startsWith('fold_claim_'));
    expect(claims.length).toBe(2);
    for (const c of claims) {
      torch.tidy(() => {
        const x = data.tensors[c.inputs[0].tensor];
        const w = data.tensors[c.state_dict.weight.tensor];
        const expected = data.tensors[c.outputs.tensor];
        const { stride = 1, padding = 0, dilation = 1 } = c.kwargs;
        const k = w.shape.slice(2);
        const cols = F.unfold(x, k, { dilation, padding, stride }); // [N, C*kh*kw, L]
        let out = cols.transpose(1, 2).matmul(w.view(w.shape[0], -1).transpose(0, 1)).transpose(1, 2);
        if (c.state_dict.bias) out = out.add(data.tensors[c.state_dict.bias.tensor].view(-1, 1));
        const [oh, ow] = expected.shape.slice(2);
        // Fold with a 1x1 kernel places each column at its output pixel; view does the same
        expectClose(F.fold(out, [oh, ow], [1, 1]), expected, { what: `${c.name} (fold)` });
        expectClose(out.view(expected.shape), expected, { what: `${c.name} (view)` });
      });
    }
  });

  test('Fold is the adjoint of Unfold: fold(unfold(ones)) counts the windows covering each pixel', () => {
    torch.tidy(() => {
      const counts = F.fold(F.unfold(torch.ones(1, 1, 4, 4), 3, { padding: 1 }), [4, 4], 3, { padding: 1 });
      // corners are covered by 4 windows, edges by 6, the interior by 9
      expect(counts.view(16).tolist()).toEqual([4, 6, 6, 4, 6, 9, 9, 6, 6, 9, 9, 6, 4, 6, 6, 4]);
    });
  });
});
