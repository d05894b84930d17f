"""Golden cases: NaN and +-inf inputs through every layer family, recorded from PyTorch so that
webtorch propagates them exactly as PyTorch does (no trap, no silent clamp, no NaN where PyTorch
has a number). Inputs are small random tensors with NaN, +inf and -inf planted at fixed flat
positions (`special`), or with infinities only (`infs`, where the NaN-free result is telling)."""
import torch

from golden import Golden

NAN, INF = float('nan'), float('inf')


def special(*shape, nan=True):
    x = torch.randn(*shape)
    flat = x.view(-1)
    n = flat.numel()
    if nan:
        flat[1 % n] = NAN
    flat[3 % n] = INF
    flat[(n * 2) // 3] = -INF
    return x


def infs(*shape):
    return special(*shape, nan=False)


def generate(out_dir):
    g = Golden('special')
    torch.manual_seed(0)
    r = torch.randn

    # linear
    g.module('linear_nan_inf', 'Linear', (4, 3), seed=0, inputs=(special(2, 4),))
    g.module('linear_inf_weight', 'Linear', (3, 2), inputs=(r(2, 3),),
             build=lambda: _with_weight(torch.nn.Linear(3, 2), (0, 1), INF))
    g.module('bilinear_nan_inf', 'Bilinear', (3, 2, 2), seed=0, inputs=(special(2, 3), r(2, 2)))
    # conv
    g.module('conv1d_nan_inf', 'Conv1d', (2, 3, 3), {'padding': 1}, seed=0, inputs=(special(1, 2, 7),))
    g.module('conv2d_nan_inf', 'Conv2d', (2, 2, 3), {'stride': 2}, seed=0, inputs=(special(1, 2, 6, 6),))
    g.module('conv2d_depthwise_inf', 'Conv2d', (3, 3, 3), {'groups': 3, 'padding': 1}, seed=0,
             inputs=(infs(1, 3, 4, 4),))
    g.module('conv2d_reflect_nan', 'Conv2d', (1, 2, 3), {'padding': 1, 'padding_mode': 'reflect'}, seed=0,
             inputs=(special(1, 1, 5, 5),))
    g.module('conv_transpose1d_nan_inf', 'ConvTranspose1d', (2, 2, 3), {'stride': 2}, seed=0,
             inputs=(special(1, 2, 5),))
    g.module('unfold_nan_inf', 'Unfold', (2,), inputs=(special(1, 2, 4, 4),))
    g.module('fold_nan_inf', 'Fold', ((3, 3), 2), inputs=(special(1, 4, 4),))
    # pooling
    g.module('maxpool2d_nan_inf', 'MaxPool2d', (2,), {'return_indices': True}, inputs=(special(1, 2, 4, 6),))
    g.module('maxpool1d_infs_padding', 'MaxPool1d', (3,), {'stride': 2, 'padding': 1}, inputs=(infs(1, 2, 9),))
    g.module('avgpool2d_nan_inf', 'AvgPool2d', (2,), {'padding': 1}, inputs=(special(1, 2, 5, 5),))
    g.module('avgpool1d_infs', 'AvgPool1d', (2,), inputs=(infs(1, 1, 8),))
    g.module('adaptive_avgpool2d_nan_inf', 'AdaptiveAvgPool2d', ((2, 3),), inputs=(special(1, 2, 5, 7),))
    g.module('adaptive_maxpool1d_nan_inf', 'AdaptiveMaxPool1d', (3,), {'return_indices': True},
             inputs=(special(1, 2, 8),))
    g.module('lppool1d_infs', 'LPPool1d', (2, 2), inputs=(infs(1, 2, 8),))
    # norms
    g.module('batchnorm1d_train_nan', 'BatchNorm1d', (3,), train=True, inputs=(special(4, 3),))
    g.module('batchnorm2d_eval_inf', 'BatchNorm2d', (2,), inputs=(infs(2, 2, 3, 3),))
    g.module('layernorm_nan_inf', 'LayerNorm', (5,), inputs=(special(3, 5),))
    g.module('layernorm_infs', 'LayerNorm', ((2, 4),), inputs=(infs(3, 2, 4),))
    g.module('groupnorm_nan_inf', 'GroupNorm', (2, 4), inputs=(special(2, 4, 3),))
    g.module('instancenorm1d_inf', 'InstanceNorm1d', (2,), inputs=(infs(2, 2, 6),))
    g.module('local_response_norm_nan_inf', 'LocalResponseNorm', (3,), inputs=(special(1, 5, 4),))
    # activations (every element kind through each formula)
    x = special(2, 9)
    for name, args in [('ReLU', ()), ('ReLU6', ()), ('Sigmoid', ()), ('Tanh', ()), ('GELU', ()),
                       ('ELU', ()), ('SELU', ()), ('CELU', (0.5,)), ('SiLU', ()), ('Mish', ()),
                       ('Softplus', ()), ('Softsign', ()), ('Hardsigmoid', ()), ('Hardswish', ()),
                       ('LeakyReLU', (0.1,)), ('Hardtanh', ()), ('Threshold', (0.5, -2.5)),
                       ('LogSigmoid', ()), ('Hardshrink', ()), ('Softshrink', ()), ('Tanhshrink', ())]:
        g.module(f'{name.lower()}_nan_inf', name, args, inputs=(x,))
    g.module('gelu_tanh_nan_inf', 'GELU', (), {'approximate': 'tanh'}, inputs=(x,))
    g.module('prelu_nan_inf', 'PReLU', (), inputs=(x,))
    g.module('glu_nan_inf', 'GLU', (), inputs=(special(2, 8),))
    g.module('softmax_nan', 'Softmax', (1,), inputs=(special(3, 6),))
    g.module('softmax_infs', 'Softmax', (1,), inputs=(infs(3, 6),))
    g.module('log_softmax_infs', 'LogSoftmax', (1,), inputs=(infs(3, 6),))
    g.module('softmin_infs', 'Softmin', (0,), inputs=(infs(4, 3),))
    # dropout (eval: identity), padding, resampling
    g.module('dropout_eval_nan_inf', 'Dropout', (0.5,), inputs=(special(2, 5),))
    g.module('reflection_pad1d_nan_inf', 'ReflectionPad1d', (2,), inputs=(special(1, 2, 5),))
    g.module('constant_pad2d_nan_inf', 'ConstantPad2d', (1, 0.5), inputs=(special(1, 2, 2),))
    g.module('replication_pad1d_infs', 'ReplicationPad1d', ((1, 2),), inputs=(infs(1, 4),))
    g.module('upsample_nearest_nan_inf', 'Upsample', (), {'scale_factor': 2.0}, inputs=(special(1, 1, 3, 3),))
    g.module('upsample_bilinear_nan_inf', 'Upsample', (), {'scale_factor': 2.0, 'mode': 'bilinear'},
             inputs=(special(1, 1, 3, 3),))
    g.module('upsample_bicubic_infs', 'Upsample', (), {'size': (5, 5), 'mode': 'bicubic', 'align_corners': True},
             inputs=(infs(1, 1, 3, 3),))
    g.module('pixel_shuffle_nan_inf', 'PixelShuffle', (2,), inputs=(special(1, 4, 2, 2),))
    # sparse
    g.module('embedding_nan_weight', 'Embedding', (4, 3),
             build=lambda: _with_weight(torch.nn.Embedding(4, 3), (1, 2), NAN),
             inputs=(torch.tensor([[1, 0, 1]]),))
    g.module('embedding_bag_inf_weight', 'EmbeddingBag', (4, 3), {'mode': 'max'},
             build=lambda: _with_weight(torch.nn.EmbeddingBag(4, 3, mode='max'), (2, 0), INF),
             inputs=(torch.tensor([[2, 0], [1, 3]]),))
    # losses
    a, b = special(3, 4), r(3, 4)
    for name in ['MSELoss', 'L1Loss', 'SmoothL1Loss', 'HuberLoss']:
        g.module(f'{name.lower()}_nan_inf', name, (), inputs=(a, b))
        g.module(f'{name.lower()}_none_nan_inf', name, (), {'reduction': 'none'}, inputs=(a, b))
    g.module('bce_with_logits_infs', 'BCEWithLogitsLoss', (), {'reduction': 'none'},
             inputs=(infs(2, 4), torch.rand(2, 4)))
    g.module('bce_with_logits_nan_mean', 'BCEWithLogitsLoss', (), inputs=(special(2, 4), torch.rand(2, 4)))
    g.module('cross_entropy_infs', 'CrossEntropyLoss', (), {'reduction': 'none'},
             inputs=(infs(3, 5), torch.tensor([0, 3, 4])))
    g.module('cross_entropy_nan', 'CrossEntropyLoss', (), inputs=(special(3, 5), torch.tensor([0, 3, 4])))
    g.module('nll_loss_infs', 'NLLLoss', (), {'reduction': 'sum'}, inputs=(infs(3, 5), torch.tensor([1, 3, 2])))
    g.module('kl_div_infs', 'KLDivLoss', (), {'reduction': 'none'}, inputs=(infs(2, 4), torch.rand(2, 4)))
    # recurrent and attention: one poisoned step / key spreads as PyTorch spreads it
    seq = r(4, 1, 3)
    seq[1, 0, 2] = NAN
    g.module('rnn_nan_step', 'RNN', (3, 2), seed=0, inputs=(seq,))
    g.module('lstm_inf_step', 'LSTM', (3, 2), seed=0, inputs=(infs(4, 1, 3),))
    g.module('gru_nan_step', 'GRU', (3, 2), seed=0, inputs=(seq,))
    q, k = r(3, 1, 4), r(5, 1, 4)
    k_bad = k.clone()
    k_bad[2, 0, 1] = NAN
    g.module('mha_nan_key', 'MultiheadAttention', (4, 2), seed=0, inputs=(q, k_bad, k))
    g.module('mha_inf_mask', 'MultiheadAttention', (4, 1), seed=0, inputs=(q, k, k),
             forward_kwargs={'attn_mask': torch.tensor([[0.0, -INF, 0.0, -INF, 0.0]] * 3)})
    g.module('transformer_encoder_layer_nan', 'TransformerEncoderLayer', (4, 2, 8, 0.0), seed=0,
             inputs=(special(3, 1, 4),))
    g.write(out_dir)


def _with_weight(m, at, value):
    with torch.no_grad():
        m.weight[at] = value
    return m
