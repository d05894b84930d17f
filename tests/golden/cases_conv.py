"""Golden cases: Conv1d (every argument), Conv2d/Conv3d basics, F.conv1d/2d/3d."""
import torch

from golden import Golden


def generate(out_dir):
    g = Golden('conv')
    torch.manual_seed(0)
    r = torch.randn

    g.module('conv1d_default', 'Conv1d', (3, 4, 3), inputs=(r(2, 3, 10),), seed=1)
    g.module('conv1d_article', 'Conv1d', (), {'in_channels': 3, 'out_channels': 16, 'kernel_size': 5},
             inputs=(r(2, 3, 200),), seed=2)
    g.module('conv1d_stride', 'Conv1d', (2, 3, 3), {'stride': 2}, inputs=(r(1, 2, 11),), seed=3)
    g.module('conv1d_padding', 'Conv1d', (2, 3, 3), {'padding': 2}, inputs=(r(2, 2, 7),), seed=4)
    g.module('conv1d_padding_tuple', 'Conv1d', (2, 3, 3), {'padding': (1,)}, inputs=(r(2, 2, 7),), seed=5)
    g.module('conv1d_padding_same', 'Conv1d', (2, 3, 4), {'padding': 'same'}, inputs=(r(2, 2, 9),), seed=6)
    g.module('conv1d_padding_same_dilated', 'Conv1d', (2, 3, 3), {'padding': 'same', 'dilation': 3},
             inputs=(r(1, 2, 12),), seed=7)
    g.module('conv1d_padding_valid', 'Conv1d', (2, 3, 3), {'padding': 'valid'}, inputs=(r(2, 2, 9),), seed=8)
    g.module('conv1d_dilation', 'Conv1d', (2, 4, 3), {'dilation': 2}, inputs=(r(2, 2, 13),), seed=9)
    g.module('conv1d_groups', 'Conv1d', (4, 6, 3), {'groups': 2}, inputs=(r(2, 4, 9),), seed=10)
    g.module('conv1d_depthwise', 'Conv1d', (4, 4, 3), {'groups': 4, 'padding': 1}, inputs=(r(2, 4, 9),), seed=11)
    g.module('conv1d_no_bias', 'Conv1d', (3, 5, 2), {'bias': False}, inputs=(r(2, 3, 6),), seed=12)
    g.module('conv1d_unbatched', 'Conv1d', (3, 2, 3), inputs=(r(3, 8),), seed=13)
    g.module('conv1d_pointwise', 'Conv1d', (5, 7, 1), inputs=(r(3, 5, 6),), seed=14)
    g.module('conv1d_large', 'Conv1d', (16, 33, 5), {'stride': 2, 'padding': 2}, inputs=(r(2, 16, 50),), seed=15)
    for mode in ('reflect', 'replicate', 'circular', 'zeros'):
        g.module(f'conv1d_padding_mode_{mode}', 'Conv1d', (2, 3, 3), {'padding': 2, 'padding_mode': mode},
                 inputs=(r(2, 2, 7),), seed=16)
    g.module('conv1d_padding_mode_reflect_same', 'Conv1d', (2, 3, 4), {'padding': 'same', 'padding_mode': 'reflect'},
             inputs=(r(1, 2, 8),), seed=17)
    g.module('conv1d_padding_mode_reflect_unbatched', 'Conv1d', (2, 3, 3), {'padding': 1, 'padding_mode': 'reflect'},
             inputs=(r(2, 7),), seed=18)
    g.module('conv1d_everything', 'Conv1d', (4, 6, 3),
             {'stride': 2, 'padding': 2, 'dilation': 2, 'groups': 2, 'bias': False, 'padding_mode': 'replicate'},
             inputs=(r(2, 4, 15),), seed=19)

    g.module('conv2d_default', 'Conv2d', (3, 4, 3), inputs=(r(2, 3, 8, 7),), seed=20)
    g.module('conv2d_rect', 'Conv2d', (2, 3, (3, 2)), {'stride': (2, 1), 'padding': (1, 0), 'dilation': (1, 2)},
             inputs=(r(1, 2, 9, 8),), seed=21)
    g.module('conv2d_depthwise', 'Conv2d', (6, 6, 3), {'groups': 6, 'padding': 1}, inputs=(r(1, 6, 7, 7),), seed=22)
    g.module('conv3d_default', 'Conv3d', (2, 3, 3), {'padding': 1}, inputs=(r(1, 2, 4, 5, 6),), seed=23)

    g.function('F_conv1d', 'F.conv1d', (r(2, 4, 9), r(6, 2, 3)), {'groups': 2, 'stride': 2})
    g.function('F_conv1d_same', 'F.conv1d', (r(1, 2, 9), r(3, 2, 4), r(3)), {'padding': 'same'})
    g.function('F_conv2d', 'F.conv2d', (r(1, 3, 6, 6), r(4, 3, 3, 3), r(4)), {'padding': 1})
    g.function('F_conv3d', 'F.conv3d', (r(1, 2, 4, 4, 4), r(3, 2, 2, 2, 2)))

    name = 'Conv1d(3, 16, kernel_size=(5,), stride=(1,))'
    g.error('conv1d_wrong_channels', [name, 'expected input[2, 4, 200] to have 3 channels, but got 4'],
            module='Conv1d', args=(3, 16, 5), inputs=(r(2, 4, 200),))
    g.error('conv1d_wrong_rank', [name, 'Expected 2D (unbatched) or 3D (batched) input to conv1d', '[2, 3, 4, 5]'],
            module='Conv1d', args=(3, 16, 5), inputs=(r(2, 3, 4, 5),))
    g.error('conv1d_input_too_small', [name, "Kernel size can't be greater than actual input size"],
            module='Conv1d', args=(3, 16, 5), inputs=(r(2, 3, 4),))
    g.error('conv1d_int_input', [name, 'float32', 'int64'], module='Conv1d', args=(3, 16, 5),
            inputs=(torch.ones(2, 3, 10, dtype=torch.int64),))
    g.error('conv1d_groups_not_dividing', ['Conv1d', 'in_channels must be divisible by groups'],
            module='Conv1d', args=(3, 6, 3), kwargs={'groups': 2})
    g.error('conv1d_out_groups_not_dividing', ['Conv1d', 'out_channels must be divisible by groups'],
            module='Conv1d', args=(4, 5, 3), kwargs={'groups': 2})
    g.error('conv1d_zero_groups', ['Conv1d', 'groups must be a positive integer'],
            module='Conv1d', args=(4, 4, 3), kwargs={'groups': 0})
    g.error('conv1d_same_strided', ['Conv1d', "padding='same' is not supported for strided convolutions"],
            module='Conv1d', args=(2, 2, 3), kwargs={'padding': 'same', 'stride': 2})
    g.error('conv1d_bad_padding_string', ['Conv1d', "Invalid padding string 'full'"],
            module='Conv1d', args=(2, 2, 3), kwargs={'padding': 'full'})
    g.error('conv1d_bad_padding_mode', ['Conv1d', 'padding_mode must be one of', "'mirror'"],
            module='Conv1d', args=(2, 2, 3), kwargs={'padding_mode': 'mirror'})
    g.error('conv1d_reflect_too_wide', ['Conv1d', 'Padding size should be less than the corresponding input dimension'],
            module='Conv1d', args=(2, 2, 3), kwargs={'padding': 4, 'padding_mode': 'reflect'}, inputs=(r(1, 2, 4),))
    g.error('F_conv1d_bias_shape', ['F.conv1d', 'expected bias to be 1-dimensional with 6 elements'],
            fn='F.conv1d', args=(r(2, 4, 9), r(6, 4, 3), r(5)))
    g.error('F_conv1d_zero_stride', ['F.conv1d', 'stride', '>= 1'], fn='F.conv1d', args=(r(2, 4, 9), r(6, 4, 3)),
            kwargs={'stride': 0})
    g.write(out_dir)
