"""Golden cases: Dropout, Dropout1d/2d/3d, AlphaDropout, FeatureAlphaDropout and F.dropout*,
F.alpha_dropout, F.feature_alpha_dropout, torch.dropout. Train-mode cases are seeded: webtorch
draws the same Bernoulli masks from the same mt19937 stream, so the outputs match exactly."""
import torch

from golden import Golden


def generate(out_dir):
    g = Golden('dropout')
    torch.manual_seed(0)
    r = torch.randn

    for module in ('Dropout', 'AlphaDropout'):
        low = module.lower()
        g.module(f'{low}_eval', module, inputs=(r(4, 5),))
        g.module(f'{low}_train', module, inputs=(r(4, 5),), train=True, seed=1)
        g.module(f'{low}_train_p', module, (0.2,), inputs=(r(3, 7),), train=True, seed=2)
        g.module(f'{low}_train_p_kw', module, (), {'p': 0.85}, inputs=(r(2, 3, 4),), train=True, seed=3)
        g.module(f'{low}_p0', module, (0.0,), inputs=(r(3, 3),), train=True, seed=4)
        g.module(f'{low}_p1', module, (1.0,), inputs=(r(3, 3),), train=True, seed=5)
        g.module(f'{low}_steps', module, (0.5,), inputs=(r(6),), train=True, seed=6, steps=3)
        g.module(f'{low}_inplace', module, (0.4, True), inputs=(r(3, 4),), train=True, seed=7)
        g.module(f'{low}_eval_inplace', module, (0.4, True), inputs=(r(3, 4),))
        g.error(f'{low}_p_negative', [module, 'dropout probability has to be between 0 and 1', '-0.1'],
                module=module, args=(-0.1,))
        g.error(f'{low}_p_above_one', [module, 'between 0 and 1', '1.5'], module=module, args=(1.5,))
    g.module('dropout_special_values', 'Dropout', (0.5,),
             inputs=(torch.tensor([1.0, float('inf'), float('-inf'), float('nan'), -0.0, 3.0, 1e30, -2.0]),),
             train=True, seed=8)
    g.module('dropout_scalar_input', 'Dropout', inputs=(torch.tensor(2.5),), train=True, seed=9)
    g.module('dropout_empty_input', 'Dropout', inputs=(torch.zeros(0, 3),), train=True, seed=10)

    # Channel dropout: whole [n, c] planes; unbatched inputs; Dropout2d's 1.13 3-D rule.
    g.module('dropout1d_eval', 'Dropout1d', inputs=(r(2, 3, 5),))
    g.module('dropout1d_train', 'Dropout1d', inputs=(r(4, 6, 5),), train=True, seed=11)
    g.module('dropout1d_unbatched', 'Dropout1d', (0.3,), inputs=(r(8, 4),), train=True, seed=12)
    g.module('dropout2d_train', 'Dropout2d', inputs=(r(3, 5, 2, 3),), train=True, seed=13)
    g.module('dropout2d_3d_input_is_batched_1d', 'Dropout2d', (0.4,), inputs=(r(4, 5, 6),), train=True, seed=14)
    g.module('dropout2d_5d_input', 'Dropout2d', (0.5,), inputs=(r(2, 3, 2, 2, 2),), train=True, seed=15)
    g.module('dropout3d_train', 'Dropout3d', (), {'p': 0.25}, inputs=(r(2, 6, 2, 2, 3),), train=True, seed=16)
    g.module('dropout3d_unbatched', 'Dropout3d', inputs=(r(5, 2, 3, 2),), train=True, seed=17)
    g.module('dropout3d_eval', 'Dropout3d', inputs=(r(1, 2, 2, 2, 2),))
    g.module('dropout2d_inplace', 'Dropout2d', (0.5, True), inputs=(r(2, 4, 3, 3),), train=True, seed=18)
    g.module('dropout1d_unbatched_inplace', 'Dropout1d', (0.5, True), inputs=(r(6, 3),), train=True, seed=19)
    g.module('feature_alpha_dropout_train', 'FeatureAlphaDropout', (0.3,), inputs=(r(2, 5, 3, 2),), train=True,
             seed=20)
    g.module('feature_alpha_dropout_eval', 'FeatureAlphaDropout', inputs=(r(2, 5, 3),))

    g.function('F_dropout', 'F.dropout', (r(5, 6),), seed=21)
    g.function('F_dropout_p_training', 'F.dropout', (r(5, 6), 0.1, True), seed=22)
    g.function('F_dropout_not_training', 'F.dropout', (r(5, 6),), {'training': False}, seed=23)
    g.function('F_dropout1d', 'F.dropout1d', (r(3, 4, 5), 0.5), seed=24)
    g.function('F_dropout2d', 'F.dropout2d', (r(2, 3, 4, 4),), {'p': 0.7}, seed=25)
    g.function('F_dropout3d', 'F.dropout3d', (r(2, 3, 2, 2, 2),), seed=26)
    g.function('F_alpha_dropout_default_eval', 'F.alpha_dropout', (r(4, 4),), seed=27)
    g.function('F_alpha_dropout_train', 'F.alpha_dropout', (r(4, 4), 0.3, True), seed=28)
    g.function('F_feature_alpha_dropout', 'F.feature_alpha_dropout', (r(3, 4, 2), 0.5, True), seed=29)
    g.function('torch_dropout', 'torch.dropout', (r(10), 0.5, True), seed=30)
    g.function('torch_feature_dropout', 'torch.feature_dropout', (r(3, 4, 2), 0.5, True), seed=31)
    g.function('torch_alpha_dropout', 'torch.alpha_dropout', (r(10), 0.5, True), seed=32)

    g.error('dropout1d_4d_input', ['Dropout1d(p=0.5, inplace=False)', 'Expected 2D or 3D input',
                                   'received a 4D input'],
            module='Dropout1d', inputs=(r(1, 2, 3, 4),))
    g.error('F_dropout_p_out_of_range', ['F.dropout', 'between 0 and 1', '2'], fn='F.dropout', args=(r(3), 2.0))
    g.error('F_dropout2d_p_negative', ['F.dropout2d', 'between 0 and 1'], fn='F.dropout2d', args=(r(1, 2, 3), -1.0))
    g.error('F_feature_alpha_dropout_1d', ['F.feature_alpha_dropout', 'Feature dropout requires at least 2 dimensions'],
            fn='F.feature_alpha_dropout', args=(r(5), 0.5, True))
    g.error('dropout_int_input_train', ['Dropout(p=0.5, inplace=False)', 'float32', 'int64'], module='Dropout',
            inputs=(torch.tensor([1, 2, 3]),))
    g.error('dropout_typo_option', ['Dropout', "unknown option 'prob'"], module='Dropout', kwargs={'prob': 0.5})
    g.write(out_dir)
