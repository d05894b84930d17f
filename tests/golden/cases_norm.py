"""Golden cases: BatchNorm1d/2d/3d, InstanceNorm1d/2d/3d, LayerNorm, GroupNorm,
LocalResponseNorm, SwitchableNorm1d/2d (reference in switchable_norm.py) and F.batch_norm,
F.instance_norm, F.layer_norm, F.group_norm, F.local_response_norm (LAYERS.md rows
"batch norm" and "other norms").

Modules whose freshly built state is trivial (weight ones, bias zeros, running stats 0/1)
are built with random parameters and running statistics (`build=`), so affine and eval
cases test real numbers; train cases run several steps and check the running statistics
and num_batches_tracked afterwards (state_dict_after)."""
import torch
from torch import nn

from golden import Golden
import switchable_norm


def randomized(m):
    """m with every float parameter and running statistic drawn at random (var > 0)."""
    with torch.no_grad():
        for p in m.parameters():
            p.copy_(torch.randn_like(p))
        for name, b in m.named_buffers():
            if name.endswith('running_mean'):
                b.copy_(torch.randn_like(b))
            elif name.endswith('running_var'):
                b.copy_(torch.rand_like(b) + 0.5)
    return m


def generate(out_dir):
    g = Golden('norm')
    torch.manual_seed(0)
    r = torch.randn

    def mod(name, module, args=(), kwargs=None, inputs=(), train=False, steps=1, rand=True, tol=None):
        kwargs = kwargs or {}
        build = (lambda: randomized(getattr(nn, module)(*args, **kwargs))) if rand else None
        g.module(name, module, args, kwargs, inputs=inputs, train=train, steps=steps, build=build, tol=tol)

    # ---- BatchNorm ------------------------------------------------------------------------
    mod('batchnorm1d_train_2d', 'BatchNorm1d', (4,), inputs=(r(5, 4),), train=True, steps=3)
    mod('batchnorm1d_train_3d', 'BatchNorm1d', (3,), inputs=(r(4, 3, 6),), train=True, steps=3)
    mod('batchnorm1d_eval_2d', 'BatchNorm1d', (4,), inputs=(r(5, 4),))
    mod('batchnorm1d_eval_3d', 'BatchNorm1d', (3,), inputs=(r(2, 3, 5),))
    mod('batchnorm1d_fresh_train', 'BatchNorm1d', (3,), inputs=(r(4, 3, 2),), train=True, rand=False)
    mod('batchnorm1d_momentum_none', 'BatchNorm1d', (3,), {'momentum': None}, inputs=(r(4, 3, 5),), train=True,
        steps=3)
    mod('batchnorm1d_momentum_eps', 'BatchNorm1d', (3,), {'momentum': 0.3, 'eps': 1e-3}, inputs=(r(4, 3, 5),),
        train=True, steps=2)
    mod('batchnorm1d_eps_eval', 'BatchNorm1d', (3,), {'eps': 0.5}, inputs=(r(4, 3, 5),))
    mod('batchnorm1d_no_affine_train', 'BatchNorm1d', (3,), {'affine': False}, inputs=(r(4, 3, 5),), train=True,
        steps=2)
    mod('batchnorm1d_no_affine_eval', 'BatchNorm1d', (3,), {'affine': False}, inputs=(r(4, 3, 5),))
    mod('batchnorm1d_no_track_train', 'BatchNorm1d', (3,), {'track_running_stats': False}, inputs=(r(4, 3, 5),),
        train=True, steps=2)
    # without running statistics eval mode normalizes with the batch's statistics too
    mod('batchnorm1d_no_track_eval', 'BatchNorm1d', (3,), {'track_running_stats': False}, inputs=(r(4, 3, 5),))
    mod('batchnorm1d_no_affine_no_track', 'BatchNorm1d', (3,), {'affine': False, 'track_running_stats': False},
        inputs=(r(4, 3),))
    # mean 100, std 0.01: one ulp of the mean (7.6e-6) is ~1e-3 of the normalized output, so any
    # summation order differs from PyTorch's by that much; a one-pass variance would be off by O(1).
    mod('batchnorm1d_large_mean', 'BatchNorm1d', (2,), inputs=(r(8, 2, 50) * 0.01 + 100,), train=True, steps=2,
        tol={'rtol': 1e-4, 'atol': 3e-3})
    mod('batchnorm1d_long', 'BatchNorm1d', (2,), inputs=(r(4, 2, 700),), train=True, tol={'rtol': 1e-4, 'atol': 1e-5})
    mod('batchnorm2d_train', 'BatchNorm2d', (3,), inputs=(r(2, 3, 4, 5),), train=True, steps=3)
    mod('batchnorm2d_eval', 'BatchNorm2d', (3,), inputs=(r(2, 3, 4, 5),))
    mod('batchnorm2d_momentum_none', 'BatchNorm2d', (2,), {'momentum': None, 'affine': False}, inputs=(r(2, 2, 3, 3),),
        train=True, steps=2)
    mod('batchnorm3d_train', 'BatchNorm3d', (2,), inputs=(r(2, 2, 3, 2, 4),), train=True, steps=2)
    mod('batchnorm3d_eval', 'BatchNorm3d', (2,), inputs=(r(2, 2, 3, 2, 4),))
    mod('batchnorm3d_no_track_eval', 'BatchNorm3d', (2,), {'track_running_stats': False}, inputs=(r(1, 2, 2, 2, 3),))

    # ---- InstanceNorm ---------------------------------------------------------------------
    mod('instancenorm1d_default', 'InstanceNorm1d', (3,), inputs=(r(2, 3, 6),), train=True)
    mod('instancenorm1d_default_eval', 'InstanceNorm1d', (3,), inputs=(r(2, 3, 6),))
    mod('instancenorm1d_unbatched', 'InstanceNorm1d', (3,), inputs=(r(3, 6),))
    mod('instancenorm1d_affine', 'InstanceNorm1d', (3,), {'affine': True, 'eps': 1e-3}, inputs=(r(2, 3, 6),),
        train=True)
    mod('instancenorm1d_track_train', 'InstanceNorm1d', (3,), {'track_running_stats': True}, inputs=(r(2, 3, 6),),
        train=True, steps=3)
    mod('instancenorm1d_track_eval', 'InstanceNorm1d', (3,), {'track_running_stats': True}, inputs=(r(2, 3, 6),))
    mod('instancenorm1d_track_momentum', 'InstanceNorm1d', (3,), {'track_running_stats': True, 'momentum': 0.5,
        'affine': True}, inputs=(r(4, 3, 5),), train=True, steps=2)
    mod('instancenorm1d_unbatched_track_train', 'InstanceNorm1d', (2,), {'track_running_stats': True},
        inputs=(r(2, 7),), train=True, steps=2)
    mod('instancenorm2d_default', 'InstanceNorm2d', (3,), inputs=(r(2, 3, 4, 4),), train=True)
    mod('instancenorm2d_affine_track', 'InstanceNorm2d', (3,), {'affine': True, 'track_running_stats': True},
        inputs=(r(2, 3, 4, 3),), train=True, steps=2)
    mod('instancenorm2d_affine_track_eval', 'InstanceNorm2d', (3,), {'affine': True, 'track_running_stats': True},
        inputs=(r(2, 3, 4, 3),))
    mod('instancenorm2d_unbatched', 'InstanceNorm2d', (2,), {'affine': True}, inputs=(r(2, 3, 4),))
    mod('instancenorm3d_default', 'InstanceNorm3d', (2,), inputs=(r(2, 2, 3, 2, 2),))
    mod('instancenorm3d_affine_track', 'InstanceNorm3d', (2,), {'affine': True, 'track_running_stats': True},
        inputs=(r(1, 2, 2, 3, 2),), train=True, steps=2)

    # ---- LayerNorm, GroupNorm, LocalResponseNorm ------------------------------------------
    mod('layernorm_int', 'LayerNorm', (5,), inputs=(r(3, 5),))
    mod('layernorm_int_3d', 'LayerNorm', (4,), inputs=(r(2, 3, 4),), train=True)
    mod('layernorm_tuple', 'LayerNorm', ((3, 4),), inputs=(r(2, 3, 4),))
    mod('layernorm_list_4d', 'LayerNorm', ([2, 3, 4],), inputs=(r(2, 2, 3, 4),))
    mod('layernorm_no_affine', 'LayerNorm', (6,), {'elementwise_affine': False}, inputs=(r(2, 6),))
    mod('layernorm_eps', 'LayerNorm', (6,), {'eps': 0.1}, inputs=(r(2, 6),))
    mod('layernorm_fresh', 'LayerNorm', (4,), inputs=(r(3, 4),), rand=False)
    mod('layernorm_long', 'LayerNorm', (1000,), inputs=(r(2, 1000) + 5,), tol={'rtol': 1e-4, 'atol': 1e-5})
    mod('groupnorm_default', 'GroupNorm', (2, 4), inputs=(r(3, 4, 5),))
    mod('groupnorm_4d', 'GroupNorm', (3, 6), inputs=(r(2, 6, 3, 2),), train=True)
    mod('groupnorm_one_group', 'GroupNorm', (1, 4), inputs=(r(2, 4, 3),))
    mod('groupnorm_per_channel', 'GroupNorm', (4, 4), inputs=(r(2, 4, 3),))
    mod('groupnorm_no_affine_eps', 'GroupNorm', (2, 4), {'affine': False, 'eps': 1e-2}, inputs=(r(2, 4, 3),))
    mod('groupnorm_2d_input', 'GroupNorm', (2, 6), inputs=(r(3, 6),))
    mod('groupnorm_fresh', 'GroupNorm', (2, 4), inputs=(r(2, 4, 3),), rand=False)
    mod('localresponsenorm_default', 'LocalResponseNorm', (2,), inputs=(r(2, 5, 4),))
    mod('localresponsenorm_all_args', 'LocalResponseNorm', (3,), {'alpha': 0.5, 'beta': 1.5, 'k': 2.0},
        inputs=(r(2, 6, 3, 3),))
    mod('localresponsenorm_positional', 'LocalResponseNorm', (4, 0.01, 0.5, 1.5), inputs=(r(1, 5, 2, 2, 2),))
    mod('localresponsenorm_wide', 'LocalResponseNorm', (7,), {'alpha': 1.0}, inputs=(r(2, 3, 4),))

    # ---- SwitchableNorm (reference: switchable_norm.py) -----------------------------------
    def sn(name, cls, args, kwargs, inputs, train=False, steps=1):
        g.module(name, cls, args, kwargs, inputs=inputs, train=train, steps=steps,
                 build=lambda: randomized(getattr(switchable_norm, cls)(*args, **kwargs)))

    sn('switchablenorm2d_train', 'SwitchableNorm2d', (3,), {}, (r(4, 3, 4, 4),), train=True, steps=3)
    sn('switchablenorm2d_eval', 'SwitchableNorm2d', (3,), {}, (r(4, 3, 4, 4),))
    sn('switchablenorm2d_momentum_eps', 'SwitchableNorm2d', (2,), {'eps': 1e-3, 'momentum': 0.5}, (r(2, 2, 3, 5),),
       train=True, steps=2)
    sn('switchablenorm1d_train_3d', 'SwitchableNorm1d', (4,), {}, (r(3, 4, 6),), train=True, steps=2)
    sn('switchablenorm1d_eval_3d', 'SwitchableNorm1d', (4,), {}, (r(3, 4, 6),))
    sn('switchablenorm1d_train_2d', 'SwitchableNorm1d', (5,), {}, (r(6, 5),), train=True, steps=2)
    g.module('switchablenorm2d_fresh', 'SwitchableNorm2d', (2,), inputs=(r(2, 2, 3, 3),), train=True,
             build=lambda: switchable_norm.SwitchableNorm2d(2))

    # ---- functional forms ---------------------------------------------------------------
    x = r(4, 3, 5)
    g.function('F_batch_norm_train', 'F.batch_norm', (x, r(3), torch.rand(3) + 0.5, r(3), r(3), True, 0.2, 1e-4))
    g.function('F_batch_norm_eval', 'F.batch_norm', (x, r(3), torch.rand(3) + 0.5), {'weight': r(3), 'bias': r(3)})
    g.function('F_batch_norm_no_running_train', 'F.batch_norm', (r(6, 2), None, None), {'training': True})
    g.function('F_instance_norm', 'F.instance_norm', (r(2, 3, 4, 4),))
    g.function('F_instance_norm_running', 'F.instance_norm', (r(2, 3, 5), r(3), torch.rand(3) + 0.5, r(3), r(3)),
               {'use_input_stats': False, 'eps': 1e-3})
    g.function('F_layer_norm', 'F.layer_norm', (r(2, 3, 4), (3, 4), r(3, 4), r(3, 4), 1e-3))
    g.function('F_layer_norm_weight_only', 'F.layer_norm', (r(2, 5), [5]), {'weight': r(5)})
    g.function('F_group_norm', 'F.group_norm', (r(2, 6, 4), 3, r(6), r(6)), {'eps': 1e-3})
    g.function('F_group_norm_plain', 'F.group_norm', (r(2, 4, 2, 2), 2))
    g.function('F_local_response_norm', 'F.local_response_norm', (r(2, 4, 3), 3), {'alpha': 0.1, 'beta': 0.5, 'k': 2.0})

    # ---- bad input ----------------------------------------------------------------------
    bn = 'BatchNorm1d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)'
    g.error('batchnorm1d_4d_input', [bn, 'expected 2D or 3D input (got 4D input)'], module='BatchNorm1d', args=(3,),
            inputs=(r(2, 3, 4, 5),))
    g.error('batchnorm1d_1d_input', [bn, 'expected 2D or 3D input (got 1D input)'], module='BatchNorm1d', args=(3,),
            inputs=(r(3),))
    g.error('batchnorm2d_3d_input', ['BatchNorm2d(3,', 'expected 4D input (got 3D input)'], module='BatchNorm2d',
            args=(3,), inputs=(r(2, 3, 4),))
    g.error('batchnorm3d_4d_input', ['BatchNorm3d(3,', 'expected 5D input (got 4D input)'], module='BatchNorm3d',
            args=(3,), inputs=(r(2, 3, 4, 4),))
    g.error('batchnorm1d_wrong_channels', [bn, 'running_mean should contain 4 elements not 3'], module='BatchNorm1d',
            args=(3,), inputs=(r(2, 4),))
    g.error('batchnorm2d_wrong_channels_no_track', ['BatchNorm2d(3,', 'weight should contain 2 elements not 3'],
            module='BatchNorm2d', args=(3,), kwargs={'track_running_stats': False}, inputs=(r(2, 2, 3, 3),))
    g.error('batchnorm1d_one_value_per_channel', [bn, 'Expected more than 1 value per channel when training',
            '[1, 3]'], module='BatchNorm1d', args=(3,), inputs=(r(1, 3),))
    g.error('batchnorm1d_int_input', [bn, 'float32', 'int64'], module='BatchNorm1d', args=(3,),
            inputs=(torch.ones(2, 3, dtype=torch.int64),))
    g.error('batchnorm1d_typo_option', ['BatchNorm1d', "unknown option 'num_feature'"], module='BatchNorm1d',
            kwargs={'num_feature': 3})
    inn = 'InstanceNorm1d(3, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)'
    g.error('instancenorm1d_4d_input', [inn, 'expected 2D or 3D input (got 4D input)'], module='InstanceNorm1d',
            args=(3,), inputs=(r(2, 3, 4, 5),))
    g.error('instancenorm2d_2d_input', ['InstanceNorm2d(3,', 'expected 3D or 4D input (got 2D input)'],
            module='InstanceNorm2d', args=(3,), inputs=(r(3, 4),))
    g.error('instancenorm3d_3d_input', ['InstanceNorm3d(3,', 'expected 4D or 5D input (got 3D input)'],
            module='InstanceNorm3d', args=(3,), inputs=(r(3, 4, 4),))
    g.error('instancenorm1d_affine_wrong_channels', ['InstanceNorm1d(3,', "expected input's size at dim=1 to match "
            'num_features (3), but got: 4.'], module='InstanceNorm1d', args=(3,), kwargs={'affine': True},
            inputs=(r(2, 4, 5),))
    g.error('instancenorm1d_track_wrong_channels', ['InstanceNorm1d(3,', 'running_mean should contain 4 elements not 3'],
            module='InstanceNorm1d', args=(3,), kwargs={'track_running_stats': True}, inputs=(r(2, 4, 5),))
    g.error('instancenorm1d_one_spatial_element', [inn, 'Expected more than 1 spatial element when training',
            '[2, 3, 1]'], module='InstanceNorm1d', args=(3,), inputs=(r(2, 3, 1),))
    g.error('instancenorm1d_momentum_none', ['InstanceNorm1d(3,', 'momentum', 'None'], module='InstanceNorm1d',
            args=(3,), kwargs={'momentum': None, 'track_running_stats': True}, inputs=(r(2, 3, 4),))
    g.error('layernorm_shape_mismatch', ['LayerNorm((4,), eps=1e-05, elementwise_affine=True)',
            'Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 3]'],
            module='LayerNorm', args=(4,), inputs=(r(2, 3),))
    g.error('layernorm_tuple_mismatch', ['LayerNorm((3, 4)', 'expected input with shape [*, 3, 4]', '[2, 4, 3]'],
            module='LayerNorm', args=((3, 4),), inputs=(r(2, 4, 3),))
    g.error('layernorm_input_too_small', ['LayerNorm((2, 3)', 'expected input with shape [*, 2, 3]'],
            module='LayerNorm', args=((2, 3),), inputs=(r(3),))
    g.error('groupnorm_not_dividing', ['GroupNorm', 'num_channels must be divisible by num_groups'],
            module='GroupNorm', args=(3, 4))
    g.error('groupnorm_wrong_channels', ['GroupNorm(2, 4, eps=1e-05, affine=True)', 'Expected weight to be a vector of '
            'size equal to the number of channels in input', '[2, 6, 3]'], module='GroupNorm', args=(2, 4),
            inputs=(r(2, 6, 3),))
    g.error('groupnorm_channels_not_dividing', ['GroupNorm(2, 4,', 'divisible by num_groups', 'num_groups=2'],
            module='GroupNorm', args=(2, 4), inputs=(r(2, 5, 3),))
    g.error('groupnorm_1d_input', ['GroupNorm(2, 4,', 'Expected at least 2 dimensions for input tensor but received 1'],
            module='GroupNorm', args=(2, 4), inputs=(r(4),))
    g.error('localresponsenorm_2d_input', ['LocalResponseNorm(2, alpha=0.0001, beta=0.75, k=1.0)',
            'Expected 3D or higher dimensionality', 'input (got 2 dimensions)'], module='LocalResponseNorm',
            args=(2,), inputs=(r(2, 3),))
    g.error('F_batch_norm_eval_without_running', ['F.batch_norm', 'running_mean', 'evaluation mode'],
            fn='F.batch_norm', args=(r(2, 3), None, None))
    g.error('F_batch_norm_running_size', ['F.batch_norm', 'running_mean should contain 3 elements not 4'],
            fn='F.batch_norm', args=(r(2, 3), torch.zeros(4), torch.ones(4)))
    g.error('F_batch_norm_weight_size', ['F.batch_norm', 'weight should contain 3 elements not 4'],
            fn='F.batch_norm', args=(r(2, 3), torch.zeros(3), torch.ones(3), torch.ones(4)))
    g.error('F_instance_norm_running_size', ['F.instance_norm', 'running_mean should contain 3 elements not 4'],
            fn='F.instance_norm', args=(r(2, 3, 4), torch.zeros(4), torch.ones(4)))
    g.error('F_layer_norm_weight_shape', ['F.layer_norm', 'Expected weight to be of same shape as normalized_shape',
            '[4]', '[3]'], fn='F.layer_norm', args=(r(2, 3), (3,), torch.ones(4)))
    g.error('F_group_norm_not_dividing', ['F.group_norm', 'divisible by num_groups', 'num_groups=4'],
            fn='F.group_norm', args=(r(2, 6, 3), 4))
    g.error('F_local_response_norm_2d', ['F.local_response_norm', 'Expected 3D or higher dimensionality'],
            fn='F.local_response_norm', args=(r(2, 3), 2))
    g.write(out_dir)
