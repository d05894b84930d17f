"""Golden cases: MaxPool1d/2d/3d, AvgPool1d/2d/3d, LPPool1d/2d, AdaptiveMax/AvgPool1d/2d/3d,
FractionalMaxPool2d/3d (seeded and with _random_samples), MaxUnpool1d/2d/3d, their F forms, bad inputs."""
import torch

from golden import Golden


def generate(out_dir):
    g = Golden('pooling')
    torch.manual_seed(0)
    r = torch.randn

    g.module('maxpool1d_default', 'MaxPool1d', (2,), inputs=(r(2, 3, 10),))
    g.module('maxpool1d_article', 'MaxPool1d', (), {'kernel_size': 2}, inputs=(r(2, 16, 196),))
    g.module('maxpool1d_odd_length', 'MaxPool1d', (2,), inputs=(r(1, 2, 9),))
    g.module('maxpool1d_stride', 'MaxPool1d', (3, 1), inputs=(r(2, 2, 8),))
    g.module('maxpool1d_padding', 'MaxPool1d', (3,), {'stride': 2, 'padding': 1}, inputs=(r(2, 2, 9),))
    g.module('maxpool1d_dilation', 'MaxPool1d', (3,), {'stride': 1, 'dilation': 2}, inputs=(r(1, 3, 11),))
    g.module('maxpool1d_ceil_mode', 'MaxPool1d', (3,), {'stride': 2, 'ceil_mode': True}, inputs=(r(2, 2, 10),))
    g.module('maxpool1d_ceil_mode_padding', 'MaxPool1d', (4,), {'stride': 3, 'padding': 2, 'ceil_mode': True},
             inputs=(r(1, 2, 11),))
    g.module('maxpool1d_return_indices', 'MaxPool1d', (2,), {'return_indices': True}, inputs=(r(2, 3, 8),))
    g.module('maxpool1d_indices_padding_dilation', 'MaxPool1d', (3,),
             {'stride': 2, 'padding': 1, 'dilation': 2, 'return_indices': True, 'ceil_mode': True},
             inputs=(r(2, 2, 12),))
    g.module('maxpool1d_tuple_args', 'MaxPool1d', ((2,),), {'stride': (2,), 'padding': (1,)}, inputs=(r(1, 2, 7),))
    g.module('maxpool1d_unbatched', 'MaxPool1d', (2,), inputs=(r(3, 8),))
    g.module('maxpool1d_nan_and_inf', 'MaxPool1d', (2,),
             inputs=(torch.tensor([[[1.0, float('nan'), float('-inf'), -2.0, float('inf'), 3.0]]]),))
    g.module('maxpool2d_default', 'MaxPool2d', (2,), inputs=(r(2, 3, 8, 6),))
    g.module('maxpool2d_args', 'MaxPool2d', ((3, 2),), {'stride': (2, 1), 'padding': (1, 0), 'ceil_mode': True,
                                                        'return_indices': True}, inputs=(r(1, 2, 9, 7),))
    g.module('maxpool3d_default', 'MaxPool3d', (2,), inputs=(r(1, 2, 4, 4, 6),))

    g.function('F_max_pool1d', 'F.max_pool1d', (r(2, 3, 9), 3), {'stride': 2, 'ceil_mode': True})
    g.function('F_max_pool1d_indices', 'F.max_pool1d', (r(2, 3, 9), 2), {'return_indices': True})
    g.function('F_max_pool2d', 'F.max_pool2d', (r(1, 2, 6, 6), 2))
    g.function('F_max_pool3d', 'F.max_pool3d', (r(1, 1, 4, 4, 4), 2), {'stride': 1})

    name = 'MaxPool1d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)'
    g.error('maxpool1d_wrong_rank', [name, 'Expected 2D (unbatched) or 3D (batched) input to max_pool1d'],
            module='MaxPool1d', args=(2,), inputs=(r(1, 2, 3, 4),))
    # PyTorch 1.13's max_pool1d returns an empty result here, but rejects it with return_indices.
    g.module('maxpool1d_empty_output', 'MaxPool1d', (2,), inputs=(r(1, 2, 1),))
    g.error('maxpool1d_output_too_small', ['MaxPool1d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)',
                                           'Output size is too small'],
            module='MaxPool1d', args=(2,), kwargs={'return_indices': True}, inputs=(r(1, 2, 1),))
    g.error('maxpool2d_output_too_small', ['MaxPool2d', 'Output size is too small'],
            module='MaxPool2d', args=(2,), inputs=(r(1, 2, 1, 1),))
    g.error('maxpool1d_pad_too_large', ['MaxPool1d(kernel_size=2, stride=2, padding=2', 'pad should be at most half'],
            module='MaxPool1d', args=(2,), kwargs={'padding': 2}, inputs=(r(1, 2, 8),))
    g.error('maxpool1d_zero_kernel', ['MaxPool1d', 'kernel_size', '>= 1'],
            module='MaxPool1d', args=(0,), inputs=(r(1, 2, 8),))
    g.error('maxpool1d_int_input', [name, 'float32', 'int64'], module='MaxPool1d', args=(2,),
            inputs=(torch.ones(1, 2, 8, dtype=torch.int64),))
    # MaxPool2d/3d: every argument, unbatched
    g.module('maxpool2d_dilation', 'MaxPool2d', (3,), {'stride': 2, 'padding': 1, 'dilation': 2}, inputs=(r(2, 2, 9, 10),))
    g.module('maxpool2d_ceil_indices', 'MaxPool2d', ((2, 3),), {'stride': (2, 2), 'ceil_mode': True,
                                                              'return_indices': True}, inputs=(r(1, 3, 7, 8),))
    g.module('maxpool2d_unbatched', 'MaxPool2d', (2,), {'padding': 1}, inputs=(r(3, 5, 5),))
    g.module('maxpool3d_args', 'MaxPool3d', ((2, 3, 2),), {'stride': (1, 2, 2), 'padding': (1, 1, 0), 'dilation': (1, 1, 2),
                                                          'ceil_mode': True, 'return_indices': True},
             inputs=(r(1, 2, 4, 6, 7),))
    g.module('maxpool3d_unbatched', 'MaxPool3d', (2,), {'stride': 1}, inputs=(r(2, 3, 4, 4),))

    # AvgPool
    g.module('avgpool1d_default', 'AvgPool1d', (3,), inputs=(r(2, 3, 10),))
    g.module('avgpool1d_args', 'AvgPool1d', (4,), {'stride': 3, 'padding': 2, 'ceil_mode': True,
                                                  'count_include_pad': False}, inputs=(r(2, 2, 11),))
    g.module('avgpool1d_unbatched', 'AvgPool1d', ((2,),), {'stride': (1,), 'padding': (1,)}, inputs=(r(3, 6),))
    g.module('avgpool2d_default', 'AvgPool2d', (2,), inputs=(r(2, 3, 8, 6),))
    g.module('avgpool2d_pad_count', 'AvgPool2d', ((3, 2),), {'stride': (2, 1), 'padding': (1, 1)}, inputs=(r(1, 2, 7, 6),))
    g.module('avgpool2d_no_count_pad_ceil', 'AvgPool2d', (3,), {'stride': 2, 'padding': 1, 'ceil_mode': True,
                                                               'count_include_pad': False}, inputs=(r(1, 2, 8, 8),))
    g.module('avgpool2d_ceil_count_pad', 'AvgPool2d', (3,), {'stride': 2, 'padding': 1, 'ceil_mode': True},
             inputs=(r(1, 2, 8, 9),))
    g.module('avgpool2d_divisor', 'AvgPool2d', (2,), {'stride': 1, 'divisor_override': 3}, inputs=(r(2, 2, 5, 5),))
    g.module('avgpool2d_unbatched_wide', 'AvgPool2d', ((2, 5),), {'stride': (1, 3)}, inputs=(r(2, 6, 21),))
    g.module('avgpool3d_default', 'AvgPool3d', (2,), inputs=(r(1, 2, 4, 4, 6),))
    g.module('avgpool3d_args', 'AvgPool3d', ((3, 2, 3),), {'stride': (2, 1, 2), 'padding': (1, 0, 1), 'ceil_mode': True,
                                                          'count_include_pad': False, 'divisor_override': 5},
             inputs=(r(2, 2, 5, 4, 7),))
    g.module('avgpool3d_unbatched', 'AvgPool3d', (2,), {'stride': 1}, inputs=(r(2, 3, 3, 3),))
    g.function('F_avg_pool1d', 'F.avg_pool1d', (r(2, 3, 9), 3), {'stride': 2, 'padding': 1, 'count_include_pad': False})
    g.function('F_avg_pool2d', 'F.avg_pool2d', (r(1, 2, 6, 7), 3), {'stride': 2, 'ceil_mode': True, 'divisor_override': 2})
    g.function('F_avg_pool3d', 'F.avg_pool3d', (r(1, 1, 4, 4, 4), 2), {'stride': 1, 'padding': 1})

    # LPPool (inputs positive where a fractional power of a negative would be NaN)
    g.module('lppool1d_default', 'LPPool1d', (2, 3), inputs=(r(2, 3, 10),))
    g.module('lppool1d_args', 'LPPool1d', (1.5, 2), {'stride': 1, 'ceil_mode': True}, inputs=(torch.rand(1, 2, 7),))
    g.module('lppool2d_default', 'LPPool2d', (2, 2), inputs=(r(1, 3, 6, 6),))
    g.module('lppool2d_args', 'LPPool2d', (3, (3, 2)), {'stride': (2, 1), 'ceil_mode': True}, inputs=(r(2, 2, 8, 7),))
    g.function('F_lp_pool2d', 'F.lp_pool2d', (torch.rand(1, 2, 5, 5), 1.5, 2), {'stride': 2})
    g.function('F_lp_pool1d', 'F.lp_pool1d', (r(2, 4, 8), 2, 2))

    # Adaptive pooling (divisible and non-divisible sizes, None entries, output larger than input)
    g.module('adaptiveavgpool1d', 'AdaptiveAvgPool1d', (3,), inputs=(r(2, 3, 10),))
    g.module('adaptiveavgpool1d_up', 'AdaptiveAvgPool1d', (7,), inputs=(r(3, 5),))
    g.module('adaptiveavgpool2d', 'AdaptiveAvgPool2d', ((5, None),), inputs=(r(1, 2, 9, 7),))
    g.module('adaptiveavgpool2d_int', 'AdaptiveAvgPool2d', (3,), inputs=(r(2, 2, 7, 10),))
    g.module('adaptiveavgpool2d_global', 'AdaptiveAvgPool2d', (1,), inputs=(r(2, 4, 5, 6),))
    g.module('adaptiveavgpool3d', 'AdaptiveAvgPool3d', ((2, None, 3),), inputs=(r(1, 2, 5, 4, 7),))
    g.module('adaptiveavgpool3d_unbatched', 'AdaptiveAvgPool3d', (2,), inputs=(r(2, 3, 5, 4),))
    g.module('adaptivemaxpool1d', 'AdaptiveMaxPool1d', (4,), {'return_indices': True}, inputs=(r(2, 3, 10),))
    g.module('adaptivemaxpool1d_values', 'AdaptiveMaxPool1d', (3,), inputs=(r(2, 11),))
    g.module('adaptivemaxpool2d', 'AdaptiveMaxPool2d', ((None, 3),), inputs=(r(1, 2, 6, 7),))
    g.module('adaptivemaxpool2d_indices', 'AdaptiveMaxPool2d', (3,), {'return_indices': True}, inputs=(r(2, 2, 7, 8),))
    g.module('adaptivemaxpool3d', 'AdaptiveMaxPool3d', ((2, 3, None),), {'return_indices': True},
             inputs=(r(1, 2, 5, 7, 3),))
    g.module('adaptivemaxpool3d_values', 'AdaptiveMaxPool3d', (2,), inputs=(r(2, 3, 4, 5),))
    g.module('adaptivemaxpool2d_nan', 'AdaptiveMaxPool2d', (2,), {'return_indices': True},
             inputs=(torch.tensor([[[1.0, float('nan'), 2.0], [float('-inf'), 5.0, float('nan')], [0.0, 1.0, 2.0]]]),))
    g.function('F_adaptive_avg_pool1d', 'F.adaptive_avg_pool1d', (r(1, 2, 9), 4))
    g.function('F_adaptive_avg_pool2d', 'F.adaptive_avg_pool2d', (r(1, 2, 9, 5), (4, 3)))
    g.function('F_adaptive_avg_pool3d', 'F.adaptive_avg_pool3d', (r(1, 1, 3, 5, 4), (2, 2, 3)))
    g.function('F_adaptive_max_pool1d', 'F.adaptive_max_pool1d', (r(1, 2, 9), 4), {'return_indices': True})
    g.function('F_adaptive_max_pool2d', 'F.adaptive_max_pool2d', (r(1, 2, 9, 5), (4, None)))
    g.function('F_adaptive_max_pool3d', 'F.adaptive_max_pool3d', (r(1, 1, 3, 5, 4), 2), {'return_indices': True})
    g.function('F_adaptive_avg_pool2d_zero', 'F.adaptive_avg_pool2d', (r(1, 2, 4, 4), 0))

    # Fractional max pooling: seeded samples (drawn in forward) and explicit _random_samples
    g.module('fractionalmaxpool2d_seeded', 'FractionalMaxPool2d', (2,), {'output_size': 4}, inputs=(r(2, 3, 9, 8),), seed=11)
    g.module('fractionalmaxpool2d_ratio', 'FractionalMaxPool2d', ((3, 2),), {'output_ratio': (0.5, 0.7),
                                                                           'return_indices': True},
             inputs=(r(1, 2, 10, 9),), seed=12)
    g.module('fractionalmaxpool2d_samples', 'FractionalMaxPool2d', (2,),
             {'output_size': (3, 5), '_random_samples': torch.rand(1, 2, 2), 'return_indices': True},
             inputs=(r(1, 2, 7, 9),))
    g.module('fractionalmaxpool2d_unbatched', 'FractionalMaxPool2d', (2,), {'output_ratio': 0.5}, inputs=(r(3, 8, 8),),
             seed=13)
    g.module('fractionalmaxpool3d_seeded', 'FractionalMaxPool3d', (2,), {'output_size': (2, 3, 3)},
             inputs=(r(2, 2, 5, 6, 7),), seed=14)
    g.module('fractionalmaxpool3d_samples', 'FractionalMaxPool3d', ((2, 1, 3),),
             {'output_ratio': 0.6, '_random_samples': torch.rand(1, 2, 3), 'return_indices': True},
             inputs=(r(1, 2, 5, 6, 8),))
    g.function('F_fractional_max_pool2d', 'F.fractional_max_pool2d', (r(2, 2, 8, 8), 3),
               {'output_size': 4, '_random_samples': torch.rand(2, 2, 2)})
    g.function('F_fractional_max_pool2d_seeded', 'F.fractional_max_pool2d', (r(1, 3, 9, 9), 2),
               {'output_ratio': 0.5, 'return_indices': True}, seed=21)
    g.function('F_fractional_max_pool3d', 'F.fractional_max_pool3d', (r(1, 2, 6, 6, 6), 2),
               {'output_size': 3, 'return_indices': True}, seed=22)

    # Max unpooling, fed by real max pooling indices
    x1 = r(2, 3, 8)
    o1, i1 = torch.nn.functional.max_pool1d(x1, 2, return_indices=True)
    g.module('maxunpool1d', 'MaxUnpool1d', (2,), inputs=(o1, i1))
    g.module('maxunpool1d_output_size', 'MaxUnpool1d', (2,), inputs=(o1, i1), forward_kwargs={'output_size': [9]})
    x2 = r(1, 2, 5, 7)
    o2, i2 = torch.nn.functional.max_pool2d(x2, 3, stride=2, padding=1, return_indices=True)
    g.module('maxunpool2d', 'MaxUnpool2d', (3,), {'stride': 2, 'padding': 1}, inputs=(o2, i2))
    g.module('maxunpool2d_output_size', 'MaxUnpool2d', (3,), {'stride': 2, 'padding': 1}, inputs=(o2, i2),
             forward_kwargs={'output_size': [1, 2, 6, 7]})
    o2u, i2u = torch.nn.functional.max_pool2d(r(2, 4, 4), 2, return_indices=True)
    g.module('maxunpool2d_unbatched', 'MaxUnpool2d', (2,), inputs=(o2u, i2u))
    o3, i3 = torch.nn.functional.max_pool3d(r(1, 2, 4, 4, 4), 2, return_indices=True)
    g.module('maxunpool3d', 'MaxUnpool3d', (2,), inputs=(o3, i3))
    g.function('F_max_unpool2d', 'F.max_unpool2d', (o2, i2, 3), {'stride': 2, 'padding': 1, 'output_size': (6, 7)})
    g.function('F_max_unpool1d', 'F.max_unpool1d', (o1, i1, 2))
    g.function('F_max_unpool3d', 'F.max_unpool3d', (o3, i3, 2), {'output_size': (5, 5, 5)})

    # bad inputs
    g.error('avgpool2d_pad_too_large', ['AvgPool2d(kernel_size=2, stride=2, padding=2)', 'pad should be at most half'],
            module='AvgPool2d', args=(2,), kwargs={'padding': 2}, inputs=(r(1, 1, 4, 4),))
    g.error('avgpool2d_output_too_small', ['AvgPool2d', 'Output size is too small'],
            module='AvgPool2d', args=(3,), inputs=(r(1, 1, 2, 2),))
    g.error('avgpool1d_output_too_small', ['AvgPool1d', 'Output size is too small'],
            module='AvgPool1d', args=(2,), inputs=(r(1, 1, 1),))
    g.error('avgpool2d_divisor_zero', ['F.avg_pool2d', 'divisor must be not zero'],
            fn='F.avg_pool2d', args=(r(1, 1, 4, 4), 2), kwargs={'divisor_override': 0})
    g.error('avgpool3d_wrong_rank', ['AvgPool3d', 'Expected 4D (unbatched) or 5D (batched) input to avg_pool3d', '[1, 4, 4]'],
            module='AvgPool3d', args=(2,), inputs=(r(1, 4, 4),))
    g.error('avgpool2d_zero_kernel', ['F.avg_pool2d', 'kernel_size', '>= 1'], fn='F.avg_pool2d', args=(r(1, 1, 4, 4), 0))
    g.error('lppool2d_wrong_rank', ['LPPool2d', 'Expected 3D (unbatched) or 4D (batched) input to avg_pool2d'],
            module='LPPool2d', args=(2, 2), inputs=(r(4, 4),))
    g.error('adaptiveavgpool2d_wrong_rank', ['AdaptiveAvgPool2d(output_size=2)', 'Expected 3D or 4D tensor', '[4]'],
            module='AdaptiveAvgPool2d', args=(2,), inputs=(r(4),))
    g.error('adaptiveavgpool2d_negative', ['F.adaptive_avg_pool2d', 'output_size must be greater than or equal to 0'],
            fn='F.adaptive_avg_pool2d', args=(r(1, 4, 4), -1))
    g.error('adaptivemaxpool3d_wrong_rank', ['AdaptiveMaxPool3d', 'Expected 4D or 5D tensor', '[4, 4, 4]'],
            module='AdaptiveMaxPool3d', args=(2,), inputs=(r(4, 4, 4),))
    g.error('adaptiveavgpool2d_empty_dim', ['F.adaptive_avg_pool2d', 'non-zero size for non-batch dimensions'],
            fn='F.adaptive_avg_pool2d', args=(r(1, 0, 4), 2))
    g.error('fractionalmaxpool2d_pool_too_large', ['F.fractional_max_pool2d', 'pool height 3 too large relative to input height 4'],
            fn='F.fractional_max_pool2d', args=(r(1, 1, 4, 4), 3), kwargs={'output_size': 3})
    g.error('fractionalmaxpool3d_pool_too_large', ['FractionalMaxPool3d', 'pool time 3 too large relative to input time 4'],
            module='FractionalMaxPool3d', args=(3,), kwargs={'output_size': 3}, inputs=(r(1, 1, 4, 4, 4),))
    g.error('fractionalmaxpool2d_no_size', ['FractionalMaxPool2d requires specifying either an output size, or a pooling ratio'],
            module='FractionalMaxPool2d', args=(2,))
    g.error('fractionalmaxpool2d_both', ['FractionalMaxPool2d', 'only one of output_size and output_ratio may be specified'],
            module='FractionalMaxPool2d', args=(2,), kwargs={'output_size': 2, 'output_ratio': 0.5})
    g.error('fractionalmaxpool2d_bad_ratio', ['FractionalMaxPool2d', 'output_ratio must be between 0 and 1', '1.5'],
            module='FractionalMaxPool2d', args=(2,), kwargs={'output_ratio': 1.5})
    g.error('fractionalmaxpool2d_wrong_rank', ['F.fractional_max_pool2d', 'Expected 3D (unbatched) or 4D (batched)'],
            fn='F.fractional_max_pool2d', args=(r(4, 4), 2), kwargs={'output_size': 2})
    g.error('F_fractional_max_pool2d_no_size', ['F.fractional_max_pool2d', 'requires specifying either an output_size or an output_ratio'],
            fn='F.fractional_max_pool2d', args=(r(1, 4, 4), 2))
    g.error('maxunpool2d_bad_output_size', ['MaxUnpool2d', 'invalid output_size', 'dim 0 must be between 2 and 6'],
            module='MaxUnpool2d', args=(2,), inputs=(r(1, 1, 2, 2), torch.zeros(1, 1, 2, 2, dtype=torch.long)),
            forward_kwargs={'output_size': (7, 7)})
    g.error('maxunpool2d_output_size_length', ['F.max_unpool2d', "output_size should be a sequence containing 2 or 4 elements, but it has a length of '3'"],
            fn='F.max_unpool2d', args=(r(1, 1, 2, 2), torch.zeros(1, 1, 2, 2, dtype=torch.long), 2),
            kwargs={'output_size': (4, 4, 4)})
    g.error('maxunpool2d_bad_index', ['MaxUnpool2d', 'Found an invalid max index: 16 (output volumes are of size 4x4'],
            module='MaxUnpool2d', args=(2,), inputs=(r(1, 1, 2, 2), torch.full((1, 1, 2, 2), 16, dtype=torch.long)))
    g.error('maxunpool1d_negative_index', ['MaxUnpool1d', 'Found an invalid max index: -1'],
            module='MaxUnpool1d', args=(2,), inputs=(r(1, 1, 2), torch.full((1, 1, 2), -1, dtype=torch.long)))
    g.error('maxunpool2d_indices_shape', ['F.max_unpool2d', 'Expected shape of indices to be same as that of the input tensor'],
            fn='F.max_unpool2d', args=(r(1, 1, 2, 2), torch.zeros(1, 1, 2, 3, dtype=torch.long), 2))
    g.error('maxunpool2d_indices_dtype', ['F.max_unpool2d', 'elements in indices should be type int64 but got: int32'],
            fn='F.max_unpool2d', args=(r(1, 1, 2, 2), torch.zeros(1, 1, 2, 2, dtype=torch.int32), 2))
    g.error('maxunpool2d_wrong_rank', ['MaxUnpool2d', 'should be a 3d or 4d Tensor, but got a tensor with 2 dimensions'],
            module='MaxUnpool2d', args=(2,), inputs=(r(2, 2), torch.zeros(2, 2, dtype=torch.long)))
    g.write(out_dir)
