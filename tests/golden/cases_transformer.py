"""Golden cases: MultiheadAttention, F.multi_head_attention_forward,
F.scaled_dot_product_attention, TransformerEncoderLayer, TransformerDecoderLayer,
TransformerEncoder, TransformerDecoder, Transformer (LAYERS.md row "attention").

Small shapes throughout (embed 8, 2 heads). Seeded cases also compare the fresh
initialisation; train-mode cases with dropout compare seeded dropout draws exactly.

Three kinds of records beyond the Golden cases:
  * F.scaled_dot_product_attention is PyTorch 2.x API (1.13 has none): its reference is the
    2.x definition written out below, softmax(q @ k^T * scale + mask) @ v with dropout
    drawn by F.dropout on the weights, installed as F.scaled_dot_product_attention while the
    cases are recorded.
  * TransformerEncoder/TransformerDecoder take a layer object, which a case cannot encode:
    `composite()` stores their seeded state, inputs and outputs as tensors under
    "<name>/..." and tests/js/transformer.test.js builds the same modules.
  * The "Done when" model: a 2-layer TransformerEncoder trained here (Adam, 300 steps) on a
    synthetic task; its state_dict is written as data/transformer_trained_encoder.safetensors
    and its outputs on fresh inputs recorded as "trained/...".
"""
import math
import os

import torch
from torch import nn
import torch.nn.functional as F

from golden import Golden
from cases_safetensors import write_safetensors

E, H = 8, 2
ATTN_TOL = {'rtol': 1e-4, 'atol': 1e-5}


def sdpa_reference(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None):
    """PyTorch 2.x's scaled_dot_product_attention, from its documented definition."""
    if attn_mask is not None and is_causal:
        raise RuntimeError('Explicit attn_mask should not be set when is_causal=True')
    L, S = query.size(-2), key.size(-2)
    scale = 1 / math.sqrt(query.size(-1)) if scale is None else scale
    bias = torch.zeros(L, S)
    if is_causal:
        bias = bias.masked_fill(torch.ones(L, S, dtype=torch.bool).tril().logical_not(), float('-inf'))
    if attn_mask is not None:
        bias = bias.masked_fill(attn_mask.logical_not(), float('-inf')) if attn_mask.dtype == torch.bool \
            else bias + attn_mask
    weights = torch.softmax(query @ key.transpose(-2, -1) * scale + bias, dim=-1)
    if dropout_p > 0:
        weights = F.dropout(weights, dropout_p)
    return weights @ value


def composite(g, name, build, inputs, forward_kwargs=None, train=False, seed=0):
    """Record a module the Golden format cannot build (see the module docstring)."""
    torch.manual_seed(seed)
    m = build()
    for k, v in m.state_dict().items():
        g.tensor(v.clone(), f'{name}/sd/{k}')
    for i, x in enumerate(inputs):
        g.tensor(x, f'{name}/in/{i}')
    for k, v in (forward_kwargs or {}).items():
        g.tensor(v, f'{name}/fkw/{k}')
    m.train(train)
    with torch.no_grad():
        out = m(*inputs, **(forward_kwargs or {}))
    g.tensor(out, f'{name}/out')
    return m


def train_encoder():
    """A 2-layer TransformerEncoder trained to output, at each position, the running mean of the
    sequence so far (causal mask) plus the whole-sequence mean: both attention patterns matter."""
    torch.manual_seed(1234)
    layer = nn.TransformerEncoderLayer(16, 4, 32, dropout=0.1, batch_first=True)
    model = nn.TransformerEncoder(layer, 2, norm=nn.LayerNorm(16))
    head = nn.Linear(16, 16)
    opt = torch.optim.Adam(list(model.parameters()) + list(head.parameters()), lr=3e-3)
    causal = nn.Transformer.generate_square_subsequent_mask(6)
    steps = torch.arange(1, 7).view(1, 6, 1)
    losses = []
    for _ in range(300):
        x = torch.randn(32, 6, 16)
        target = x.cumsum(1) / steps + x.mean(1, keepdim=True)
        loss = F.mse_loss(head(model(x, mask=causal)), target)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.5 * losses[0], f'training did not converge: {losses[0]} -> {losses[-1]}'
    return model.eval()


def generate(out_dir):
    g = Golden('transformer')
    torch.manual_seed(0)
    r = torch.randn
    x = r(4, 2, E)          # (L, N, E)
    mem = r(5, 2, E)        # (S, N, E)
    xb = r(2, 4, E)         # (N, L, E)
    memb = r(2, 5, E)
    bool_mask = torch.rand(4, 5) < 0.3
    bool_mask[:, 0] = False  # every row keeps a column: no all-masked (NaN) rows
    float_mask = r(4, 5)
    kpm = torch.tensor([[False, False, True, False, True], [False, True, True, False, False]])
    kpm_float = torch.where(kpm, torch.tensor(-3.0), torch.tensor(0.0))

    # ---- MultiheadAttention ---------------------------------------------------------------
    mha = lambda name, kwargs=None, inputs=(x, x, x), fkw=None, train=False, seed=None, tol=ATTN_TOL, args=(E, H): \
        g.module(name, 'MultiheadAttention', args, kwargs or {}, inputs=inputs, forward_kwargs=fkw, train=train,
                 seed=seed, tol=tol)
    mha('mha_self', seed=1)
    mha('mha_cross', inputs=(x, mem, mem), seed=2)
    mha('mha_distinct_key_value', inputs=(x, mem, r(5, 2, E)), seed=3)
    mha('mha_batch_first_self_eval', {'batch_first': True}, inputs=(xb, xb, xb), seed=4)
    mha('mha_batch_first_cross_train', {'batch_first': True}, inputs=(xb, memb, memb), train=True, seed=5)
    mha('mha_unbatched', inputs=(r(4, E), r(5, E), r(5, E)), seed=6)
    mha('mha_kdim_vdim', {'kdim': 5, 'vdim': 3}, inputs=(x, r(5, 2, 5), r(5, 2, 3)), seed=7)
    mha('mha_kdim_vdim_batch_first', {'kdim': 6, 'vdim': 6, 'batch_first': True},
        inputs=(xb, r(2, 5, 6), r(2, 5, 6)), seed=8)
    mha('mha_no_bias', {'bias': False}, inputs=(x, mem, mem), seed=9)
    mha('mha_add_bias_kv', {'add_bias_kv': True}, inputs=(x, mem, mem), seed=10)
    mha('mha_add_zero_attn', {'add_zero_attn': True}, inputs=(x, mem, mem), seed=11)
    mha('mha_bias_kv_zero_attn_masks', {'add_bias_kv': True, 'add_zero_attn': True}, inputs=(x, mem, mem),
        fkw={'attn_mask': float_mask, 'key_padding_mask': kpm}, seed=12)
    mha('mha_attn_mask_bool_2d', inputs=(x, mem, mem), fkw={'attn_mask': bool_mask}, seed=13)
    mha('mha_attn_mask_float_2d', inputs=(x, mem, mem), fkw={'attn_mask': float_mask}, seed=14)
    mask3 = torch.rand(2 * H, 4, 5) < 0.3
    mask3[..., 1] = False
    mha('mha_attn_mask_bool_3d', inputs=(x, mem, mem), fkw={'attn_mask': mask3}, seed=15)
    mha('mha_attn_mask_float_3d', inputs=(x, mem, mem), fkw={'attn_mask': r(2 * H, 4, 5)}, seed=16)
    mha('mha_key_padding_mask_bool', inputs=(x, mem, mem), fkw={'key_padding_mask': kpm}, seed=17)
    mha('mha_key_padding_mask_float', inputs=(x, mem, mem), fkw={'key_padding_mask': r(2, 5)}, seed=18)
    mha('mha_bool_mask_and_bool_kpm', inputs=(x, mem, mem), fkw={'attn_mask': bool_mask, 'key_padding_mask': kpm},
        seed=19)
    mha('mha_float_mask_and_bool_kpm', inputs=(x, mem, mem), fkw={'attn_mask': float_mask, 'key_padding_mask': kpm},
        seed=20)
    # PyTorch 1.13 merges a float key_padding_mask into a bool attn_mask with logical_or
    mha('mha_bool_mask_and_float_kpm', inputs=(x, mem, mem),
        fkw={'attn_mask': bool_mask, 'key_padding_mask': kpm_float}, seed=21)
    # A float attn_mask with a float key_padding_mask: 1.13's masked_fill silently drops the padding
    # mask; webtorch adds the two like PyTorch 2.x. The reference is 1.13 given the sum as one 3-D
    # mask; tests/js/transformer.test.js replays this case with the two masks given separately.
    kpm_add = r(2, 5)
    mha('mha_float_masks_summed', inputs=(x, mem, mem), seed=30, fkw={
        'attn_mask': (float_mask + kpm_add.view(2, 1, 1, 5)).expand(2, H, 4, 5).reshape(2 * H, 4, 5)})
    g.tensor(kpm_add, 'mha_float_masks_summed/kpm')
    mha('mha_batch_first_kpm_eval', {'batch_first': True}, inputs=(memb, memb, memb), fkw={'key_padding_mask': kpm},
        seed=22)
    mha('mha_need_weights_false', inputs=(x, mem, mem), fkw={'need_weights': False}, seed=23)
    mha('mha_per_head_weights', inputs=(x, mem, mem), fkw={'average_attn_weights': False}, seed=24)
    mha('mha_unbatched_masks', inputs=(r(4, E), r(5, E), r(5, E)),
        fkw={'attn_mask': r(H, 4, 5), 'key_padding_mask': torch.tensor([False, True, False, False, True]),
             'average_attn_weights': False}, seed=25)
    mha('mha_dropout_train', {'dropout': 0.4}, inputs=(x, mem, mem), train=True, seed=26)
    mha('mha_dropout_train_masks', {'dropout': 0.3, 'add_zero_attn': True}, inputs=(x, mem, mem),
        fkw={'attn_mask': bool_mask, 'key_padding_mask': kpm}, train=True, seed=27)
    mha('mha_four_heads', {'batch_first': True}, inputs=(xb, memb, memb), seed=29, args=(E, 4))

    # ---- F.multi_head_attention_forward -----------------------------------------------------
    w_in, b_in, w_out, b_out = r(3 * E, E), r(3 * E), r(E, E), r(E)
    g.function('F_mha_forward', 'F.multi_head_attention_forward',
               (x, mem, mem, E, H, w_in, b_in, None, None, False, 0.0, w_out, b_out),
               {'key_padding_mask': kpm, 'attn_mask': float_mask}, tol=ATTN_TOL)
    g.function('F_mha_forward_separate_weights', 'F.multi_head_attention_forward',
               (x, r(5, 2, 4), r(5, 2, 6), E, H, None, b_in, r(1, 1, E), r(1, 1, E), True, 0.0, w_out, None),
               {'use_separate_proj_weight': True, 'q_proj_weight': r(E, E), 'k_proj_weight': r(E, 4),
                'v_proj_weight': r(E, 6), 'average_attn_weights': False}, tol=ATTN_TOL)
    g.function('F_mha_forward_static_kv', 'F.multi_head_attention_forward',
               (x, mem, mem, E, H, w_in, b_in, None, None, True, 0.0, w_out, b_out),
               {'static_k': r(2 * H, 6, E // H), 'static_v': r(2 * H, 6, E // H), 'need_weights': False},
               tol=ATTN_TOL)
    g.function('F_mha_forward_dropout', 'F.multi_head_attention_forward',
               (x, x, x, E, H, w_in, b_in, None, None, False, 0.5, w_out, b_out), {'training': True},
               seed=31, tol=ATTN_TOL)
    g.function('F_mha_forward_dropout_not_training', 'F.multi_head_attention_forward',
               (x, x, x, E, H, w_in, b_in, None, None, False, 0.5, w_out, b_out), {'training': False},
               tol=ATTN_TOL)

    # ---- F.scaled_dot_product_attention (2.x semantics, see the module docstring) -----------
    F.scaled_dot_product_attention = sdpa_reference
    q4, k4, v4 = r(2, 3, 4, 6), r(2, 3, 5, 6), r(2, 3, 5, 7)
    sdpa = lambda name, args, kwargs=None, seed=None: g.function(name, 'F.scaled_dot_product_attention', args,
                                                                kwargs, seed=seed, tol=ATTN_TOL)
    sdpa('sdpa_3d', (r(2, 4, 6), r(2, 5, 6), r(2, 5, 6)))
    sdpa('sdpa_4d_value_dim', (q4, k4, v4))
    sdpa('sdpa_2d', (r(4, 6), r(5, 6), r(5, 3)))
    keep = torch.rand(4, 5) > 0.3
    keep[:, 2] = True
    sdpa('sdpa_bool_mask_broadcast', (q4, k4, v4), {'attn_mask': keep})
    sdpa('sdpa_float_mask_per_head', (q4, k4, v4), {'attn_mask': r(3, 4, 5)})
    sdpa('sdpa_float_mask_full', (q4, k4, v4), {'attn_mask': r(2, 3, 4, 5)})
    sdpa('sdpa_bool_mask_batch_broadcast', (q4, k4, v4), {'attn_mask': torch.rand(2, 1, 4, 5) > 0.2})
    sdpa('sdpa_causal_square', (r(2, 5, 6), r(2, 5, 6), r(2, 5, 6)), {'is_causal': True})
    sdpa('sdpa_causal_rect', (q4, k4, v4), {'is_causal': True})
    sdpa('sdpa_scale', (q4, k4, v4), {'scale': 0.7})
    sdpa('sdpa_dropout', (q4, k4, v4), {'dropout_p': 0.3}, seed=32)
    sdpa('sdpa_broadcast_batch', (r(2, 3, 4, 6), r(1, 3, 5, 6), r(3, 5, 6)))

    # ---- TransformerEncoderLayer / TransformerDecoderLayer ------------------------------------
    enc = lambda name, kwargs=None, inputs=(x,), fkw=None, train=False, seed=None, args=(E, H, 12): \
        g.module(name, 'TransformerEncoderLayer', args, kwargs or {}, inputs=inputs, forward_kwargs=fkw, train=train,
                 seed=seed, tol=ATTN_TOL)
    enc('encoder_layer_eval', seed=40)
    enc('encoder_layer_train_dropout', inputs=(x,), train=True, seed=41)
    enc('encoder_layer_batch_first_eval', {'batch_first': True}, inputs=(xb,), seed=42)
    enc('encoder_layer_batch_first_kpm_eval', {'batch_first': True}, inputs=(memb,), fkw={'src_key_padding_mask': kpm},
        seed=43)
    enc('encoder_layer_norm_first_gelu', {'norm_first': True, 'activation': 'gelu', 'layer_norm_eps': 1e-3},
        inputs=(x,), seed=44)
    enc('encoder_layer_masks', {'dropout': 0.2}, inputs=(mem,),
        fkw={'src_mask': nn.Transformer.generate_square_subsequent_mask(5), 'src_key_padding_mask': kpm},
        train=True, seed=45)
    enc('encoder_layer_unbatched', {'activation': 'gelu'}, inputs=(r(5, E),), seed=46)

    dec = lambda name, kwargs=None, inputs=(x, mem), fkw=None, train=False, seed=None: \
        g.module(name, 'TransformerDecoderLayer', (E, H, 12), kwargs or {}, inputs=inputs, forward_kwargs=fkw,
                 train=train, seed=seed, tol=ATTN_TOL)
    dec('decoder_layer_eval', seed=50)
    dec('decoder_layer_train_dropout', train=True, seed=51)
    dec('decoder_layer_batch_first', {'batch_first': True}, inputs=(xb, memb), seed=52)
    dec('decoder_layer_norm_first_gelu', {'norm_first': True, 'activation': 'gelu', 'layer_norm_eps': 1e-4}, seed=53)
    dec('decoder_layer_masks', {'dropout': 0.25}, fkw={
        'tgt_mask': nn.Transformer.generate_square_subsequent_mask(4), 'memory_mask': float_mask,
        'tgt_key_padding_mask': torch.tensor([[False, False, True, False]] * 2),
        'memory_key_padding_mask': kpm}, train=True, seed=54)
    dec('decoder_layer_unbatched', inputs=(r(4, E), r(5, E)), seed=55)

    # ---- Transformer ------------------------------------------------------------------------
    small = {'d_model': E, 'nhead': H, 'num_encoder_layers': 1, 'num_decoder_layers': 1, 'dim_feedforward': 12}
    tr = lambda name, kwargs, inputs=(mem, x), fkw=None, train=False, seed=None: \
        g.module(name, 'Transformer', (), {**small, **kwargs}, inputs=inputs, forward_kwargs=fkw, train=train,
                 seed=seed, tol=ATTN_TOL)
    tr('transformer_eval', {}, seed=60)
    tr('transformer_train_dropout', {'dropout': 0.2}, train=True, seed=61)
    tr('transformer_batch_first_masks', {'batch_first': True}, inputs=(memb, xb), fkw={
        'src_mask': float_mask.new_zeros(5, 5), 'tgt_mask': nn.Transformer.generate_square_subsequent_mask(4),
        'memory_mask': bool_mask, 'src_key_padding_mask': kpm,
        'tgt_key_padding_mask': torch.tensor([[False, False, False, True]] * 2), 'memory_key_padding_mask': kpm},
        seed=62)
    tr('transformer_norm_first_gelu', {'norm_first': True, 'activation': 'gelu', 'layer_norm_eps': 1e-3,
                                       'num_encoder_layers': 2, 'num_decoder_layers': 2}, seed=63)
    g.tensor(nn.Transformer.generate_square_subsequent_mask(5), 'square_subsequent_mask_5')

    # ---- TransformerEncoder / TransformerDecoder (see composite()) --------------------------
    composite(g, 'encoder_norm', lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(E, H, 12), 2,
                                                               nn.LayerNorm(E)),
              (x,), {'mask': nn.Transformer.generate_square_subsequent_mask(4)}, seed=70)
    composite(g, 'encoder_train', lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(E, H, 12, 0.3), 2),
              (x,), {'src_key_padding_mask': torch.tensor([[False, False, False, True]] * 2)}, train=True, seed=71)
    # eval, batch_first and a key padding mask: PyTorch runs the layers on a nested tensor and the
    # padded positions come out as zeros (PyTorch 1.13 also drops the trailing all-padding
    # columns; PyTorch 2.x keeps the input's shape, as webtorch does: the zeros are padded back).
    padded = torch.tensor([[False, False, True, True, True], [False] * 4 + [True]])
    m = composite(g, 'encoder_nested_padding',
                  lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(E, H, 12, batch_first=True), 2),
                  (memb,), {'src_key_padding_mask': padded}, seed=72)
    g.tensors['encoder_nested_padding/out'] = F.pad(g.tensors['encoder_nested_padding/out'], (0, 0, 0, 1))
    with torch.no_grad():
        check = m(memb, src_key_padding_mask=padded)
    assert check.shape[1] == 4 and (check[0, 2:] == 0).all(), 'nested-tensor path not taken'
    composite(g, 'decoder_norm', lambda: nn.TransformerDecoder(nn.TransformerDecoderLayer(E, H, 12, 0.0), 2,
                                                               nn.LayerNorm(E)),
              (x, mem), {'tgt_mask': nn.Transformer.generate_square_subsequent_mask(4), 'memory_key_padding_mask': kpm},
              seed=73)

    # ---- the PyTorch-trained TransformerEncoder -------------------------------------------
    trained = train_encoder()
    write_safetensors(os.path.join(out_dir, 'transformer_trained_encoder.safetensors'),
                      [(k, v.detach().contiguous()) for k, v in trained.state_dict().items()])
    torch.manual_seed(99)
    src = r(3, 6, 16)
    causal = nn.Transformer.generate_square_subsequent_mask(6)
    with torch.no_grad():
        g.tensor(src, 'trained/src')
        g.tensor(trained(src), 'trained/out')
        g.tensor(trained(src, mask=causal), 'trained/out_causal')

    # ---- bad input (each verified to be rejected by PyTorch too) ----------------------------
    err = g.error
    err('mha_embed_dim_not_divisible', ['MultiheadAttention', 'embed_dim must be divisible by num_heads', '10', '3'],
        module='MultiheadAttention', args=(10, 3))
    err('mha_query_features', ['MultiheadAttention', 'query', '8 features (embed_dim)', '[4, 2, 7]'],
        module='MultiheadAttention', args=(E, H), inputs=(r(4, 2, 7), mem, mem))
    err('mha_key_kdim', ['MultiheadAttention', 'key', '5 features (kdim)', '[5, 2, 4]'],
        module='MultiheadAttention', args=(E, H), kwargs={'kdim': 5, 'vdim': 5}, inputs=(x, r(5, 2, 4), r(5, 2, 5)))
    err('mha_value_vdim', ['MultiheadAttention', 'value', '8 features (vdim)', '[5, 2, 6]'],
        module='MultiheadAttention', args=(E, H), inputs=(x, mem, r(5, 2, 6)))
    err('mha_key_value_length', ['MultiheadAttention', 'key shape [5, 2, 8] does not match value shape [6, 2, 8]'],
        module='MultiheadAttention', args=(E, H), inputs=(x, mem, r(6, 2, E)))
    err('mha_query_4d', ['MultiheadAttention', 'query', '[1, 4, 2, 8]'],
        module='MultiheadAttention', args=(E, H), inputs=(r(1, 4, 2, E), mem, mem))
    err('mha_key_2d_for_batched', ['MultiheadAttention', 'expected `key` and `value` to be 3-D', '2-D'],
        module='MultiheadAttention', args=(E, H), inputs=(x, r(5, E), r(5, E)))
    err('mha_attn_mask_2d_shape', ['MultiheadAttention', '2D attn_mask is [4, 4], but should be [4, 5]'],
        module='MultiheadAttention', args=(E, H), inputs=(x, mem, mem), forward_kwargs={'attn_mask': r(4, 4)})
    err('mha_attn_mask_3d_shape', ['MultiheadAttention', '3D attn_mask is [3, 4, 5], but should be [4, 4, 5]'],
        module='MultiheadAttention', args=(E, H), inputs=(x, mem, mem), forward_kwargs={'attn_mask': r(3, 4, 5)})
    err('mha_attn_mask_4d', ['MultiheadAttention', '`attn_mask` to be `None`, 2-D or 3-D', '4-D'],
        module='MultiheadAttention', args=(E, H), inputs=(x, mem, mem), forward_kwargs={'attn_mask': r(1, 6, 4, 5)})
    err('mha_attn_mask_int', ['MultiheadAttention', 'attn_mask', 'int64'],
        module='MultiheadAttention', args=(E, H), inputs=(x, mem, mem),
        forward_kwargs={'attn_mask': torch.zeros(4, 5, dtype=torch.int64)})
    err('mha_kpm_int', ['MultiheadAttention', 'key_padding_mask', 'int64'],
        module='MultiheadAttention', args=(E, H), inputs=(x, mem, mem),
        forward_kwargs={'key_padding_mask': torch.zeros(2, 5, dtype=torch.int64)})
    err('mha_kpm_shape', ['MultiheadAttention', 'key_padding_mask of shape [2, 5]', 'got [2, 4]'],
        module='MultiheadAttention', args=(E, H), inputs=(x, mem, mem),
        forward_kwargs={'key_padding_mask': torch.zeros(2, 4, dtype=torch.bool)})
    err('mha_kpm_3d', ['MultiheadAttention', '`key_padding_mask` to be `None` or 2-D', '3-D'],
        module='MultiheadAttention', args=(E, H), inputs=(x, mem, mem),
        forward_kwargs={'key_padding_mask': torch.zeros(1, 2, 5, dtype=torch.bool)})
    err('F_mha_embed_dim_to_check', ['F.multi_head_attention_forward', 'embedding dimension of 6', 'got 8'],
        fn='F.multi_head_attention_forward', args=(x, x, x, 6, H, w_in, b_in, None, None, False, 0.0, w_out, b_out))
    err('F_mha_in_proj_weight_shape', ['F.multi_head_attention_forward', 'in_proj_weight of shape [24, 8]', '[16, 8]'],
        fn='F.multi_head_attention_forward', args=(x, x, x, E, H, r(16, E), b_in, None, None, False, 0.0, w_out, b_out))
    err('encoder_layer_not_divisible', ['TransformerEncoderLayer', 'd_model must be divisible by nhead'],
        module='TransformerEncoderLayer', args=(10, 3))
    err('encoder_layer_bad_activation', ['TransformerEncoderLayer', 'activation should be relu/gelu, not tanh'],
        module='TransformerEncoderLayer', args=(E, H), kwargs={'activation': 'tanh'})
    err('encoder_layer_d_model', ['TransformerEncoderLayer', 'src', '8 = d_model', '[4, 2, 6]'],
        module='TransformerEncoderLayer', args=(E, H, 12), inputs=(r(4, 2, 6),))
    err('encoder_layer_src_mask_shape', ['MultiheadAttention', '2D attn_mask is [3, 3], but should be [4, 4]'],
        module='TransformerEncoderLayer', args=(E, H, 12), inputs=(x,), forward_kwargs={'src_mask': r(3, 3)})
    err('encoder_layer_kpm_int', ['TransformerEncoderLayer', 'src_key_padding_mask', 'int64'],
        module='TransformerEncoderLayer', args=(E, H, 12), inputs=(x,),
        forward_kwargs={'src_key_padding_mask': torch.zeros(2, 4, dtype=torch.int64)})
    err('decoder_layer_memory_d_model', ['TransformerDecoderLayer', 'memory', '8 = d_model', '[5, 2, 4]'],
        module='TransformerDecoderLayer', args=(E, H, 12), inputs=(x, r(5, 2, 4)))
    err('transformer_batch_mismatch', ['Transformer', 'the batch number of src and tgt must be equal'],
        module='Transformer', kwargs=small, inputs=(mem, r(4, 3, E)))
    err('transformer_d_model_mismatch', ['Transformer', 'the feature number of src and tgt must be equal to d_model'],
        module='Transformer', kwargs=small, inputs=(mem, r(4, 2, 6)))
    err('transformer_src_mask_shape', ['MultiheadAttention', '2D attn_mask is [4, 4], but should be [5, 5]'],
        module='Transformer', kwargs=small, inputs=(mem, x), forward_kwargs={'src_mask': r(4, 4)})
    g.write(out_dir)
