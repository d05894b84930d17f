"""Golden cases: Identity, Linear, Bilinear and their functional forms (LAYERS.md row "linear")."""
import torch

from golden import Golden


def generate(out_dir):
    g = Golden('linear')
    torch.manual_seed(0)
    r = torch.randn

    # Linear: defaults, bias=False, 1-D input, many leading dims, seeded init equal to PyTorch's.
    g.module('linear_default', 'Linear', (4, 3), inputs=(r(2, 4),), seed=1)
    g.module('linear_no_bias', 'Linear', (4, 3), {'bias': False}, inputs=(r(5, 4),), seed=2)
    g.module('linear_1d_input', 'Linear', (6, 2), inputs=(r(6),), seed=3)
    g.module('linear_leading_dims', 'Linear', (5, 7), inputs=(r(2, 3, 4, 5),), seed=4)
    g.module('linear_large', 'Linear', (67, 33), inputs=(r(19, 67),), seed=5)
    g.module('linear_train_mode', 'Linear', (3, 3), inputs=(r(2, 3),), train=True, seed=6)
    g.function('F_linear', 'F.linear', (r(3, 5), r(4, 5), r(4)))
    g.function('F_linear_no_bias', 'F.linear', (r(2, 2, 5), r(4, 5)))

    # Bilinear
    g.module('bilinear_default', 'Bilinear', (3, 4, 5), inputs=(r(2, 3), r(2, 4)), seed=7)
    g.module('bilinear_no_bias', 'Bilinear', (3, 2, 4), {'bias': False}, inputs=(r(6, 3), r(6, 2)), seed=8)
    g.module('bilinear_leading_dims', 'Bilinear', (2, 3, 2), inputs=(r(2, 3, 2), r(2, 3, 3)), seed=9)
    g.function('F_bilinear', 'F.bilinear', (r(4, 3), r(4, 2), r(5, 3, 2), r(5)))

    # Identity ignores its arguments.
    g.module('identity', 'Identity', (54,), {'unused_argument1': 0.1}, inputs=(r(3, 2),))

    # Bad input
    g.error('linear_wrong_features', ['Linear(in_features=4, out_features=3, bias=True)', 'last dimension 4', '[2, 5]'],
            module='Linear', args=(4, 3), inputs=(r(2, 5),))
    g.error('linear_int_input', ['Linear(in_features=4, out_features=3, bias=True)', 'float32', 'int64'],
            module='Linear', args=(4, 3), inputs=(torch.ones(2, 4, dtype=torch.int64),))
    g.error('linear_scalar_input', ['Linear(in_features=1, out_features=3, bias=True)', '[]'],
            module='Linear', args=(1, 3), inputs=(torch.tensor(1.0),))
    g.error('linear_negative_features', ['Linear', 'out_features', '-3'], module='Linear', args=(4, -3))
    g.error('linear_unknown_option', ['Linear', "unknown option 'bais'"], module='Linear', args=(4, 3),
            kwargs={'bais': False})
    g.error('linear_missing_argument', ['Linear', "'out_features'"], module='Linear', args=(4,))
    g.error('linear_fractional_size', ['Linear', 'in_features', '2.5'], module='Linear', args=(2.5, 3))
    g.error('bilinear_batch_mismatch', ['Bilinear(in1_features=3, in2_features=4, out_features=5, bias=True)',
                                        'batch dimensions do not match'],
            module='Bilinear', args=(3, 4, 5), inputs=(r(2, 3), r(3, 4)))
    g.error('bilinear_wrong_features', ['Bilinear', 'input2 with last dimension 4', '[2, 3]'],
            module='Bilinear', args=(3, 4, 5), inputs=(r(2, 3), r(2, 3)))
    g.function('F_linear_1d_weight', 'F.linear', (r(3, 4), r(4)))
    g.error('F_linear_weight_rank', ['F.linear', '1-D or 2-D weight', '[2, 3, 4]'], fn='F.linear',
            args=(r(3, 4), r(2, 3, 4)))
    g.error('F_linear_bias_shape', ['F.linear', 'bias of shape [2]', '[3]'], fn='F.linear',
            args=(r(3, 4), r(2, 4), r(3)))
    g.write(out_dir)
