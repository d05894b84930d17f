import { readFileSync } from 'node:fs';
import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
import { replayFamily, loadFamily, expectClose } from './golden.js';

replayFamily('transformer');

const TOL = { rtol: 1e-4, atol: 1e-5 };

describe('attention and Transformer beyond the golden cases', () => {
  let data;
  beforeAll(async () => {
    await torch.ready();
    data = loadFamily('transformer');
  });

  const T = (key) => {
    const t = data.tensors[key];
    if (!t) throw new Error(`golden data lacks ${key}`);
    return t;
  };

  /** Tensors stored by cases_transformer.py's composite(): "<name>/sd/<key>", "<name>/in/<i>", ... */
  const recorded = (name, prefix) => Object.fromEntries(Object.keys(data.tensors)
    .filter((k) => k.startsWith(`${name}/${prefix}/`)).map((k) => [k.slice(name.length + prefix.length + 2), T(k)]));

  // The same constructions as composite() in cases_transformer.py.
  const E = 8;
  const H = 2;
  const COMPOSITES = {
    encoder_norm: { seed: 70, build: () => new nn.TransformerEncoder(new nn.TransformerEncoderLayer(E, H, 12), 2, new nn.LayerNorm(E)) },
    encoder_train: { seed: 71, train: true, build: () => new nn.TransformerEncoder(new nn.TransformerEncoderLayer(E, H, 12, 0.3), 2) },
    encoder_nested_padding: {
      seed: 72, build: () => new nn.TransformerEncoder(new nn.TransformerEncoderLayer(E, H, 12, { batch_first: true }), 2),
    },
    decoder_norm: {
      seed: 73, build: () => new nn.TransformerDecoder(new nn.TransformerDecoderLayer(E, H, 12, 0.0), 2, new nn.LayerNorm(E)),
    },
  };

  for (const [name, c] of Object.entries(COMPOSITES)) {
    test(`${name}: seeded deep-copied layers, state_dict keys and forward match PyTorch`, () => {
      torch.tidy(() => {
        torch.manual_seed(c.seed);
        const m = c.build();
        const sd = recorded(name, 'sd');
        // (the recorded tensors come back in safetensors' sorted order)
        expect(Object.keys(m.state_dict()).sort()).toEqual(Object.keys(sd).sort());
        for (const [k, v] of Object.entries(m.state_dict())) expectClose(v, sd[k], { what: `${name}: initial ${k}` });
        m.train(c.train ?? false);
        const inputs = Object.values(recorded(name, 'in'));
        const out = m.forward(...inputs, recorded(name, 'fkw'));
        expectClose(out, T(`${name}/out`), { ...TOL, what: `${name}: output` });
      });
    });
  }

  test('TransformerEncoder layers are independent deep copies of the given layer', () => {
    torch.tidy(() => {
      const layer = new nn.TransformerEncoderLayer(E, H, 12, { activation: (x) => F.gelu(x) });
      const enc = new nn.TransformerEncoder(layer, 3);
      expect(enc.layers.length).toBe(3);
      const [a, b] = [enc.layers.at(0), enc.layers.at(1)];
      expect(a).not.toBe(layer);
      expect(a.self_attn).not.toBe(b.self_attn);
      expect(a.linear1.weight).not.toBe(layer.linear1.weight);
      expectClose(a.linear1.weight, layer.linear1.weight);
      expect(a.activation).toBe(layer.activation); // functions are shared, as deepcopy shares them
      a.linear1.weight.fill_(1);
      expect(b.linear1.weight.max().item()).toBeLessThan(1);
      expect(layer.linear1.weight.max().item()).toBeLessThan(1);
      // the copy is a working module: forward, train/eval, state_dict
      enc.eval();
      expect(a.training).toBe(false);
      expect(layer.training).toBe(true);
      expect(enc.forward(torch.randn(4, 2, E)).shape).toEqual([4, 2, E]);
      expect(Object.keys(enc.state_dict())).toContain('layers.2.self_attn.out_proj.weight');
    });
  });

  test('a PyTorch-trained 2-layer TransformerEncoder loads from safetensors and gives PyTorch\'s outputs', () => {
    const bytes = readFileSync(new URL('../golden/data/transformer_trained_encoder.safetensors', import.meta.url));
    torch.tidy(() => {
      const layer = new nn.TransformerEncoderLayer(16, 4, 32, { dropout: 0.1, batch_first: true });
      const model = new nn.TransformerEncoder(layer, 2, { norm: new nn.LayerNorm(16) });
      const sd = torch.load_safetensors(bytes);
      expect(Object.keys(sd).sort()).toEqual(Object.keys(model.state_dict()).sort());
      expect(model.load_state_dict(sd)).toEqual({ missing_keys: [], unexpected_keys: [] });
      model.eval();
      expectClose(model.forward(T('trained/src')), T('trained/out'), { ...TOL, what: 'trained encoder' });
      const causal = nn.Transformer.generate_square_subsequent_mask(6);
      expectClose(model.forward(T('trained/src'), { mask: causal }), T('trained/out_causal'),
        { ...TOL, what: 'trained encoder, causal mask' });
    });
  });

  test('generate_square_subsequent_mask is PyTorch\'s', () => {
    torch.tidy(() => {
      expectClose(nn.Transformer.generate_square_subsequent_mask(5), T('square_subsequent_mask_5'));
      expect(nn.Transformer.generate_square_subsequent_mask(0).shape).toEqual([0, 0]);
    });
  });

  test('a float attn_mask and a float key_padding_mask add up (PyTorch 2.x)', () => {
    // mha_float_masks_summed recorded PyTorch given the sum as one 3-D mask; here the two masks
    // go in separately (mha_attn_mask_float_2d holds the 2-D attn_mask used in that sum).
    const c = data.cases.find((x) => x.name === 'mha_float_masks_summed');
    const mask2d = data.cases.find((x) => x.name === 'mha_attn_mask_float_2d').forward_kwargs.attn_mask;
    torch.tidy(() => {
      const m = new nn.MultiheadAttention(E, H);
      m.load_state_dict(Object.fromEntries(Object.entries(c.state_dict).map(([k, v]) => [k, T(v.tensor)])));
      m.eval();
      const [out, weights] = m.forward(...c.inputs.map((x) => T(x.tensor)),
        { attn_mask: T(mask2d.tensor), key_padding_mask: T('mha_float_masks_summed/kpm') });
      expectClose(out, T(c.outputs[0].tensor), { ...TOL, what: 'attn_output' });
      expectClose(weights, T(c.outputs[1].tensor), { ...TOL, what: 'attn_weights' });
    });
  });

  test('F.scaled_dot_product_attention rejects bad input before any wasm call', () => {
    torch.tidy(() => {
      const q = torch.randn(2, 4, 6);
      const k = torch.randn(2, 5, 6);
      const v = torch.randn(2, 5, 3);
      const fails = (fn, ...parts) => {
        const before = torch.memory_allocated();
        expect(fn).toThrow(Error);
        try { fn(); } catch (err) { for (const p of parts) expect(err.message).toContain(p); }
        expect(torch.memory_allocated()).toBe(before);
      };
      const [k7, v6, k3, v3] = [torch.randn(2, 5, 7), torch.randn(2, 6, 3), torch.randn(3, 5, 6), torch.randn(3, 5, 3)];
      const [mask, mask35, maskInt, q1] = [torch.zeros(4, 5), torch.zeros(3, 5), torch.zeros([4, 5], { dtype: 'int64' }),
        torch.randn(6)];
      const sdpa = F.scaled_dot_product_attention;
      fails(() => sdpa(q, k, v, { attn_mask: mask, is_causal: true }),
        'F.scaled_dot_product_attention', 'attn_mask should not be set when is_causal=True');
      fails(() => sdpa(q, k7, v), 'key with last dimension 6', '[2, 5, 7]');
      fails(() => sdpa(q, k, v6), 'value with 5 rows', '[2, 6, 3]');
      fails(() => sdpa(q, k, v, { attn_mask: mask35 }), 'attn_mask broadcastable to [2, 4, 5]', '[3, 5]');
      fails(() => sdpa(q, k, v, { attn_mask: maskInt }), 'attn_mask', 'int64');
      fails(() => sdpa(q, k, v, { dropout_p: 1.5 }), 'dropout probability has to be between 0 and 1');
      fails(() => sdpa(q1, k, v), 'query with at least 2 dimensions');
      fails(() => sdpa(q, k3, v3), 'size of tensor a (2)');
      fails(() => sdpa(q, k, v, { dropout: 0.1 }), "unknown option 'dropout'");
    });
  });

  test('a forward loop keeps memory flat and frees every intermediate', () => {
    torch.tidy(() => {
      const t = new nn.Transformer({ d_model: E, nhead: H, num_encoder_layers: 2, num_decoder_layers: 2,
        dim_feedforward: 12, batch_first: true });
      const mha = new nn.MultiheadAttention(E, H, { dropout: 0.2, add_bias_kv: true, add_zero_attn: true });
      const src = torch.randn(2, 5, E);
      const tgt = torch.randn(2, 4, E);
      const x = torch.randn(4, 2, E);
      const kpm = torch.tensor([[false, false, false, true, true], [false, false, false, false, false]]);
      const causal = nn.Transformer.generate_square_subsequent_mask(4);
      const run = () => {
        t.forward(src, tgt, { src_key_padding_mask: kpm, tgt_mask: causal })
          .dispose();
        for (const r of mha.forward(x, x, x)) r.dispose();
      };
      for (const mode of [true, false]) {
        t.train(mode);
        run();
        const before = torch.memory_allocated();
        for (let i = 0; i < 5; i++) run();
        expect(torch.memory_allocated()).toBe(before);
      }
    });
  });

  test('activation accepts relu, gelu, a JS function or a Module; unbatched and batch_first agree', () => {
    torch.tidy(() => {
      torch.manual_seed(5);
      const byName = new nn.TransformerEncoderLayer(E, H, 12, { activation: 'gelu' }).eval();
      const byFn = new nn.TransformerEncoderLayer(E, H, 12, { activation: (x) => F.gelu(x) }).eval();
      const byModule = new nn.TransformerEncoderLayer(E, H, 12, { activation: new nn.GELU() }).eval();
      byFn.load_state_dict(byName.state_dict());
      byModule.load_state_dict(byName.state_dict());
      expect(String(byModule)).toContain('(activation): GELU(approximate=\'none\')');
      expect(String(byFn)).not.toContain('activation');
      const x = torch.randn(5, 3, E);
      const ref = byName.forward(x);
      expectClose(byFn.forward(x), ref);
      expectClose(byModule.forward(x), ref);
      // one sequence unbatched equals the same sequence inside a batch
      const one = torch.tensor(x.tolist().map((row) => row[1]));
      const batched = torch.tensor(ref.tolist().map((row) => row[1]));
      expectClose(byName.forward(one), batched, TOL);
    });
  });
});
