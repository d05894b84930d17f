"""Golden cases: every activation and clipping module of LAYERS.md (ReLU, Sigmoid, Tanh, Softmax,
LogSoftmax, Softmin, GELU, LeakyReLU, ELU, SELU, CELU, SiLU, Mish, Softplus, Softsign, Hardsigmoid,
Hardswish, PReLU, GLU, LogSigmoid, Hardshrink, Softshrink, Tanhshrink, Threshold, Hardtanh, ReLU6),
their F. forms (in-place `_` variants included) and the torch.* forms."""
import torch

from golden import Golden

# Values that stress the SIMD approximations: signed zeros, infinities, NaN, huge and tiny |x|.
SPECIAL = torch.tensor([0.0, -0.0, 1e-8, -1e-8, 0.5, -0.5, 3.0, -3.0, 9.0, -9.0, 20.0, -20.0, 88.0, -88.0, 104.0,
                        -104.0, 1e30, -1e30, float('inf'), float('-inf'), float('nan')])


def generate(out_dir):
    g = Golden('activation')
    torch.manual_seed(0)
    r = torch.randn

    g.module('relu', 'ReLU', inputs=(r(3, 5),))
    g.module('relu_inplace', 'ReLU', (True,), inputs=(r(4, 3),))
    g.module('relu_special', 'ReLU', inputs=(SPECIAL,))
    g.module('sigmoid', 'Sigmoid', inputs=(r(2, 3, 4),))
    g.module('sigmoid_special', 'Sigmoid', inputs=(SPECIAL,))
    g.module('sigmoid_wide_range', 'Sigmoid', inputs=(torch.linspace(-100, 100, 2001),))
    g.module('tanh', 'Tanh', inputs=(r(5, 7),))
    g.module('tanh_special', 'Tanh', inputs=(SPECIAL,))
    g.module('tanh_wide_range', 'Tanh', inputs=(torch.linspace(-12, 12, 2401),))

    for mod in ('Softmax', 'LogSoftmax'):
        low = mod.lower()
        g.module(f'{low}_dim1', mod, (1,), inputs=(r(3, 5),))
        g.module(f'{low}_dim0', mod, (), {'dim': 0}, inputs=(r(4, 3),))
        g.module(f'{low}_dim_negative', mod, (-1,), inputs=(r(2, 3, 6),))
        g.module(f'{low}_dim_middle', mod, (1,), inputs=(r(2, 7, 3),))
        g.module(f'{low}_dim_none_2d', mod, (), inputs=(r(3, 4),))
        g.module(f'{low}_dim_none_3d', mod, (), inputs=(r(2, 3, 4),))
        g.module(f'{low}_large_values', mod, (1,), inputs=(torch.tensor([[1000.0, 0.0, -1000.0], [88.0, 89.0, 90.0]]),))
        g.module(f'{low}_with_inf', mod, (1,), inputs=(torch.tensor([[float('-inf'), 0.0, 1.0], [2.0, 2.0, 2.0]]),))
        g.module(f'{low}_long_row', mod, (-1,), inputs=(r(2, 1000) * 10,), tol={'rtol': 1e-5, 'atol': 1e-5})

    g.function('F_relu', 'F.relu', (r(6),))
    g.function('F_relu_inplace', 'F.relu', (r(6),), {'inplace': True})
    g.function('F_sigmoid', 'F.sigmoid', (r(6),))
    g.function('F_tanh', 'F.tanh', (r(6),))
    g.function('F_softmax', 'F.softmax', (r(2, 5),), {'dim': -1})
    g.function('F_softmax_dtype', 'F.softmax', (r(2, 5),), {'dim': 0, 'dtype': torch.float32})
    g.function('F_log_softmax', 'F.log_softmax', (r(2, 5), 1))
    g.function('torch_relu_scalar', 'torch.relu', (torch.tensor(-1.0),))
    g.function('torch_sigmoid', 'torch.sigmoid', (r(3),))
    g.function('torch_tanh', 'torch.tanh', (r(3),))
    g.function('torch_softmax', 'torch.softmax', (r(3, 4), 1))
    g.function('softmax_scalar', 'F.softmax', (torch.tensor(2.5), 0))

    g.error('softmax_dim_out_of_range', ['Softmax(dim=2)', 'Dimension out of range', 'got 2'],
            module='Softmax', args=(2,), inputs=(r(3, 4),))
    g.error('logsoftmax_int_input', ['LogSoftmax(dim=1)', 'float32', 'int64'],
            module='LogSoftmax', args=(1,), inputs=(torch.ones(2, 3, dtype=torch.int64),))
    g.module('relu_int64', 'ReLU', inputs=(torch.tensor([-3, 0, 5, -1]),))
    g.function('sigmoid_int64', 'torch.sigmoid', (torch.tensor([-3, 0, 5]),))
    g.function('tanh_int32', 'torch.tanh', (torch.tensor([-1, 0, 2], dtype=torch.int32),))
    g.error('relu_bool_input', ['ReLU()', 'bool'], module='ReLU', inputs=(torch.tensor([True, False]),))
    g.error('softmax_fractional_dim', ['Softmax', 'dim', '1.5'], module='Softmax', args=(1.5,), inputs=(r(2, 2),))
    g.error('F_softmax_not_tensor', ['F.softmax', 'input must be a Tensor'], fn='F.softmax', args=([1.0, 2.0], 0))
    extended(g, r)
    g.write(out_dir)


# Float hyperparameters are given as floats (e.g. 2.0): webtorch prints PyTorch's float-typed
# hyperparameters the way Python prints floats.
ELEMENTWISE = [
    # (case name, module, args, kwargs)
    ('gelu', 'GELU', (), {}),
    ('gelu_tanh', 'GELU', ('tanh',), {}),
    ('gelu_none_kw', 'GELU', (), {'approximate': 'none'}),
    ('leaky_relu', 'LeakyReLU', (), {}),
    ('leaky_relu_slope', 'LeakyReLU', (0.2,), {}),
    ('leaky_relu_negative_slope', 'LeakyReLU', (), {'negative_slope': -1.5}),
    ('elu', 'ELU', (), {}),
    ('elu_alpha', 'ELU', (2.0,), {}),
    ('elu_alpha_fraction', 'ELU', (), {'alpha': 0.3}),
    ('selu', 'SELU', (), {}),
    ('celu', 'CELU', (), {}),
    ('celu_alpha', 'CELU', (0.5,), {}),
    ('celu_negative_alpha', 'CELU', (-2.0,), {}),
    ('silu', 'SiLU', (), {}),
    ('mish', 'Mish', (), {}),
    ('softplus', 'Softplus', (), {}),
    ('softplus_beta_threshold', 'Softplus', (2, 3), {}),
    ('softplus_fractional', 'Softplus', (), {'beta': 0.5, 'threshold': 4.5}),
    ('softsign', 'Softsign', (), {}),
    ('hardsigmoid', 'Hardsigmoid', (), {}),
    ('hardswish', 'Hardswish', (), {}),
    ('logsigmoid', 'LogSigmoid', (), {}),
    ('hardshrink', 'Hardshrink', (), {}),
    ('hardshrink_lambd', 'Hardshrink', (1.25,), {}),
    ('softshrink', 'Softshrink', (), {}),
    ('softshrink_lambd', 'Softshrink', (), {'lambd': 2.0}),
    ('tanhshrink', 'Tanhshrink', (), {}),
    ('threshold', 'Threshold', (0.1, 20), {}),
    ('threshold_float_value', 'Threshold', (), {'threshold': -0.5, 'value': -3.5}),
    ('hardtanh', 'Hardtanh', (), {}),
    ('hardtanh_range', 'Hardtanh', (-2.0, 0.5), {}),
    ('hardtanh_kwargs', 'Hardtanh', (), {'min_val': 0.0, 'max_val': 3.0}),
    ('relu6', 'ReLU6', (), {}),
]

# Modules taking inplace, with one non-default argument set where they have one.
INPLACE = [
    ('LeakyReLU', (0.1, True)), ('ELU', (1.5, True)), ('SELU', (True,)), ('CELU', (0.75, True)), ('SiLU', (True,)),
    ('Mish', (True,)), ('Hardsigmoid', (True,)), ('Hardswish', (True,)), ('Threshold', (0.25, -1.5, True)),
    ('Hardtanh', (-0.5, 0.5, True)), ('ReLU6', (True,)),
]


def extended(g, r):
    wide = torch.linspace(-30, 30, 241)
    for name, module, args, kwargs in ELEMENTWISE:
        g.module(name, module, args, kwargs, inputs=(r(3, 7) * 3,))
        g.module(f'{name}_special', module, args, kwargs, inputs=(SPECIAL,))
        g.module(f'{name}_wide_range', module, args, kwargs, inputs=(wide,))
    for module, args in INPLACE:
        g.module(f'{module.lower()}_inplace', module, args, inputs=(r(2, 3, 4) * 4,))
    g.module('relu6_int64', 'ReLU6', inputs=(torch.tensor([-3, 0, 4, 9]),))
    g.module('hardtanh_int32', 'Hardtanh', (-2.0, 3.0), inputs=(torch.tensor([-5, -1, 0, 2, 7], dtype=torch.int32),))
    g.module('threshold_int64', 'Threshold', (1, 7), inputs=(torch.tensor([-3, 0, 1, 2, 9]),))
    g.module('softsign_int64', 'Softsign', inputs=(torch.tensor([-3, 0, 5]),))
    g.module('tanhshrink_int64', 'Tanhshrink', inputs=(torch.tensor([-3, 0, 5]),))

    # PReLU: one shared weight, per-channel weights (dim 1), non-default init, every input rank.
    g.module('prelu', 'PReLU', inputs=(r(2, 3, 4),))
    g.module('prelu_channels', 'PReLU', (3,), inputs=(r(2, 3, 5),))
    g.module('prelu_channels_4d', 'PReLU', (), {'num_parameters': 4, 'init': 0.1}, inputs=(r(2, 4, 3, 3),))
    g.module('prelu_init', 'PReLU', (1, -0.5), inputs=(r(5),))
    g.module('prelu_channels_2d', 'PReLU', (6,), inputs=(r(3, 6),))
    g.module('prelu_scalar_input', 'PReLU', inputs=(torch.tensor(-2.0),))
    g.module('prelu_special', 'PReLU', (), {'init': 0.3}, inputs=(SPECIAL,))
    # GLU: default last dim, explicit and negative dims.
    g.module('glu', 'GLU', inputs=(r(3, 8),))
    g.module('glu_dim0', 'GLU', (0,), inputs=(r(4, 3),))
    g.module('glu_dim_middle', 'GLU', (), {'dim': 1}, inputs=(r(2, 6, 3),))
    g.module('glu_dim_negative', 'GLU', (-2,), inputs=(r(2, 4, 5),))
    # Softmin: dims as Softmax.
    g.module('softmin_dim1', 'Softmin', (1,), inputs=(r(3, 5),))
    g.module('softmin_dim_negative', 'Softmin', (-1,), inputs=(r(2, 3, 6),))
    g.module('softmin_dim_none', 'Softmin', (), inputs=(r(2, 3, 4),))
    g.module('softmin_large_values', 'Softmin', (1,), inputs=(torch.tensor([[1000.0, 0.0, -1000.0]]),))

    # F forms, in-place variants, torch.* forms.
    x = lambda: r(4, 5) * 3  # noqa: E731
    g.function('F_gelu', 'F.gelu', (x(),))
    g.function('F_gelu_tanh', 'F.gelu', (x(),), {'approximate': 'tanh'})
    g.function('F_leaky_relu', 'F.leaky_relu', (x(), 0.3))
    g.function('F_elu', 'F.elu', (x(),), {'alpha': 0.7})
    g.function('F_selu', 'F.selu', (x(),))
    g.function('F_celu', 'F.celu', (x(), 1.5))
    g.function('F_silu', 'F.silu', (x(),))
    g.function('F_mish', 'F.mish', (x(),))
    g.function('F_softplus', 'F.softplus', (x(), 2, 5))
    g.function('F_softplus_kw', 'F.softplus', (x(),), {'beta': 3.0, 'threshold': 1.0})
    g.function('F_softsign', 'F.softsign', (x(),))
    g.function('F_hardsigmoid', 'F.hardsigmoid', (x(),))
    g.function('F_hardswish', 'F.hardswish', (x(),))
    g.function('F_logsigmoid', 'F.logsigmoid', (x(),))
    g.function('F_hardshrink', 'F.hardshrink', (x(), 1.0))
    g.function('F_softshrink', 'F.softshrink', (x(),), {'lambd': 0.25})
    g.function('F_tanhshrink', 'F.tanhshrink', (x(),))
    g.function('F_threshold', 'F.threshold', (x(), 0.5, -2.0))
    g.function('F_hardtanh', 'F.hardtanh', (x(),), {'min_val': -2.0, 'max_val': 2.0})
    g.function('F_hardtanh_reversed_bounds', 'F.hardtanh', (x(), 1.0, -1.0))
    g.function('F_relu6', 'F.relu6', (x(),))
    g.function('F_prelu', 'F.prelu', (r(2, 3, 4), torch.tensor([0.1, -0.2, 0.3])))
    g.function('F_prelu_scalar_weight', 'F.prelu', (r(2, 3), torch.tensor(0.25)))
    g.function('F_glu', 'F.glu', (r(2, 6),))
    g.function('F_glu_dim', 'F.glu', (r(4, 3), 0))
    g.function('F_softmin', 'F.softmin', (r(3, 4),), {'dim': 1})
    g.function('F_softmin_dtype', 'F.softmin', (r(3, 4), 0), {'dtype': torch.float32})
    g.function('F_softmin_int_dtype', 'F.softmin', (torch.tensor([[1, 2], [3, 5]]), 1), {'dtype': torch.float32})
    for fn, args in [('relu_', ()), ('leaky_relu_', (0.2,)), ('elu_', (0.5,)), ('selu_', ()), ('celu_', (2.0,)),
                     ('threshold_', (0.0, 5.0)), ('hardtanh_', (-0.5, 0.25))]:
        g.function(f'F_{fn}', f'F.{fn}', (x(), *args))
    for fn, kwargs in [('leaky_relu', {}), ('elu', {'alpha': 2.0}), ('hardtanh', {}), ('relu6', {}),
                       ('silu', {}), ('mish', {}), ('hardswish', {}), ('hardsigmoid', {}),
                       ('threshold', {'threshold': 0.0, 'value': 1.0})]:
        kw = dict(kwargs, inplace=True)
        g.function(f'F_{fn}_inplace', f'F.{fn}', (x(),), kw)
    g.function('torch_selu', 'torch.selu', (x(),))
    g.function('torch_celu', 'torch.celu', (x(), 0.5))
    g.function('torch_threshold', 'torch.threshold', (x(), 0.1, -1.0))
    g.function('torch_prelu', 'torch.prelu', (r(2, 3), torch.tensor([0.5, 0.1, -1.0])))
    g.function('torch_hardshrink', 'torch.hardshrink', (x(), 0.75))

    # Bad input, each rejected by PyTorch too.
    g.error('gelu_bad_approximate', ['GELU', 'approximate', 'none or tanh'], module='GELU', args=('fast',),
            inputs=(r(3),))
    g.error('F_gelu_bad_approximate', ['F.gelu', 'approximate', 'none or tanh'], fn='F.gelu', args=(r(3),),
            kwargs={'approximate': 'erf'})
    g.error('hardtanh_max_not_above_min', ['Hardtanh', 'max_val must be greater than min_val'],
            module='Hardtanh', args=(1.0, 1.0))
    g.error('hardtanh_reversed', ['Hardtanh', 'max_val must be greater than min_val'], module='Hardtanh',
            args=(2.0, -2.0))
    g.error('celu_zero_alpha', ['CELU', 'alpha cannot be 0'], module='CELU', args=(0.0,), inputs=(r(3),))
    g.error('F_celu_zero_alpha', ['F.celu', 'alpha cannot be 0'], fn='F.celu', args=(r(3), 0.0))
    g.error('glu_odd_dim', ['GLU(dim=-1)', 'Halving dimension must be even', 'dimension 1 is size 5'],
            module='GLU', inputs=(r(3, 5),))
    g.error('glu_dim_out_of_range', ['GLU(dim=2)', 'Dimension out of range'], module='GLU', args=(2,),
            inputs=(r(3, 4),))
    g.error('F_glu_scalar', ['F.glu', 'glu does not support scalars'], fn='F.glu', args=(torch.tensor(1.0),))
    g.error('prelu_channel_mismatch', ['PReLU(num_parameters=3)', 'Mismatch of parameter numbers',
                                       'parameter numbers = 3 and channel size = 4'],
            module='PReLU', args=(3,), inputs=(r(2, 4),))
    g.error('prelu_channels_1d_input', ['PReLU(num_parameters=3)', 'channel size = 1'], module='PReLU', args=(3,),
            inputs=(r(3),))
    g.error('F_leaky_relu_slope_string', ['F.leaky_relu', 'negative_slope', "'a'"], fn='F.leaky_relu',
            args=(r(3), 'a'))
    g.error('F_threshold_missing_value', ['F.threshold', "missing required argument 'value'"], fn='F.threshold',
            args=(r(3), 1.0))
    g.error('softmin_dim_out_of_range', ['Softmin(dim=5)', 'Dimension out of range'], module='Softmin', args=(5,),
            inputs=(r(2, 3),))
    g.error('gelu_int_input', ['GELU', 'float32', 'int64'], module='GELU', inputs=(torch.tensor([1, 2]),))
    # The layers without hyperparameters take no constructor arguments at all.
    g.error('sigmoid_positional_argument', ['Sigmoid', 'takes at most 0 positional arguments'], module='Sigmoid',
            args=(1,))
    g.error('tanhshrink_keyword_argument', ['Tanhshrink', "unknown option 'inplace'"], module='Tanhshrink',
            kwargs={'inplace': True})
    g.error('leaky_relu_int_input', ['LeakyReLU', 'float32', 'int64'], module='LeakyReLU',
            inputs=(torch.tensor([1, -2]),))
    g.error('elu_bool_input', ['ELU', 'bool'], module='ELU', inputs=(torch.tensor([True]),))
