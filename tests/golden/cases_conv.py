"""Golden cases: Conv1d/2d/3d and ConvTranspose1d/2d/3d (every argument), F.conv*d and
F.conv_transpose*d, the article's depthwise-separable convolution (replayed composed in
tests/js/conv.test.js) and its shape claim (a transposed conv maps a conv's output size back
to its input size: the convt_claim_* cases, checked against Conv2d in tests/js/conv.test.js)."""
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

    # Conv2d: every argument
    g.module('conv2d_stride', 'Conv2d', (2, 3, 3), {'stride': 2}, inputs=(r(2, 2, 9, 8),), seed=24)
    g.module('conv2d_stride_tuple', 'Conv2d', (2, 3, (2, 3)), {'stride': (1, 3)}, inputs=(r(1, 2, 6, 10),), seed=25)
    g.module('conv2d_padding', 'Conv2d', (2, 3, 3), {'padding': 2}, inputs=(r(1, 2, 5, 6),), seed=26)
    g.module('conv2d_padding_tuple', 'Conv2d', (2, 3, 3), {'padding': (0, 2)}, inputs=(r(1, 2, 5, 6),), seed=27)
    g.module('conv2d_padding_same', 'Conv2d', (2, 3, 3), {'padding': 'same'}, inputs=(r(2, 2, 6, 5),), seed=28)
    g.module('conv2d_padding_same_even', 'Conv2d', (2, 3, (4, 2)), {'padding': 'same'}, inputs=(r(1, 2, 7, 6),),
             seed=29)
    g.module('conv2d_padding_same_dilated', 'Conv2d', (2, 2, (2, 3)), {'padding': 'same', 'dilation': (3, 2)},
             inputs=(r(1, 2, 8, 9),), seed=30)
    g.module('conv2d_padding_valid', 'Conv2d', (2, 3, 3), {'padding': 'valid'}, inputs=(r(1, 2, 6, 7),), seed=31)
    g.module('conv2d_dilation', 'Conv2d', (2, 3, 3), {'dilation': 2, 'padding': 1}, inputs=(r(1, 2, 9, 9),), seed=32)
    g.module('conv2d_groups', 'Conv2d', (4, 6, 3), {'groups': 2}, inputs=(r(2, 4, 6, 6),), seed=33)
    g.module('conv2d_depthwise_strided', 'Conv2d', (5, 5, (3, 5)), {'groups': 5, 'stride': (2, 3), 'padding': (1, 2),
             'dilation': (1, 2)}, inputs=(r(2, 5, 9, 17),), seed=34)
    g.module('conv2d_depthwise_multiplier', 'Conv2d', (3, 6, 3), {'groups': 3}, inputs=(r(1, 3, 6, 6),), seed=35)
    g.module('conv2d_depthwise_same', 'Conv2d', (4, 4, 4), {'groups': 4, 'padding': 'same', 'bias': False},
             inputs=(r(1, 4, 9, 10),), seed=36)
    g.module('conv2d_no_bias', 'Conv2d', (3, 2, 2), {'bias': False}, inputs=(r(1, 3, 5, 5),), seed=37)
    g.module('conv2d_unbatched', 'Conv2d', (3, 2, 3), {'padding': 1}, inputs=(r(3, 6, 5),), seed=38)
    g.module('conv2d_pointwise', 'Conv2d', (6, 4, 1), inputs=(r(2, 6, 5, 7),), seed=39)
    for mode in ('reflect', 'replicate', 'circular'):
        g.module(f'conv2d_padding_mode_{mode}', 'Conv2d', (2, 3, 3), {'padding': (1, 2), 'padding_mode': mode},
                 inputs=(r(1, 2, 5, 6),), seed=40)
    g.module('conv2d_padding_mode_circular_same', 'Conv2d', (2, 2, (2, 3)), {'padding': 'same',
             'padding_mode': 'circular'}, inputs=(r(1, 2, 5, 6),), seed=41)
    g.module('conv2d_everything', 'Conv2d', (4, 6, (3, 2)), {'stride': (2, 1), 'padding': (2, 1), 'dilation': (2, 1),
             'groups': 2, 'bias': False, 'padding_mode': 'reflect'}, inputs=(r(2, 4, 9, 7),), seed=42)
    g.module('conv2d_large', 'Conv2d', (8, 16, 3), {'padding': 1}, inputs=(r(1, 8, 20, 20),), seed=43)

    # Conv3d: every argument
    g.module('conv3d_stride_tuple', 'Conv3d', (2, 3, (2, 3, 2)), {'stride': (2, 1, 3), 'padding': (1, 0, 1)},
             inputs=(r(1, 2, 5, 5, 7),), seed=44)
    g.module('conv3d_padding_same_even', 'Conv3d', (2, 2, (2, 3, 4)), {'padding': 'same'},
             inputs=(r(1, 2, 4, 5, 5),), seed=45)
    g.module('conv3d_padding_valid', 'Conv3d', (2, 2, 2), {'padding': 'valid'}, inputs=(r(1, 2, 3, 4, 4),), seed=46)
    g.module('conv3d_dilation', 'Conv3d', (2, 2, 2), {'dilation': (1, 2, 3)}, inputs=(r(1, 2, 4, 5, 6),), seed=47)
    g.module('conv3d_groups', 'Conv3d', (4, 2, 2), {'groups': 2, 'bias': False}, inputs=(r(2, 4, 3, 3, 4),), seed=48)
    g.module('conv3d_depthwise', 'Conv3d', (3, 3, 3), {'groups': 3, 'padding': 1, 'stride': (1, 2, 2)},
             inputs=(r(1, 3, 4, 5, 6),), seed=49)
    g.module('conv3d_unbatched', 'Conv3d', (2, 3, 2), inputs=(r(2, 3, 4, 3),), seed=50)
    for mode in ('reflect', 'replicate', 'circular'):
        g.module(f'conv3d_padding_mode_{mode}', 'Conv3d', (2, 2, 3), {'padding': 1, 'padding_mode': mode},
                 inputs=(r(1, 2, 3, 4, 4),), seed=51)

    # the article's depthwise-separable convolution: a depthwise Conv2d then a 1x1 Conv2d
    # (tests/js/conv.test.js composes the two and compares with the pointwise output)
    sep_x = r(2, 4, 7, 6)
    depthwise = g.module('conv2d_separable_depthwise', 'Conv2d', (4, 4, 3), {'padding': 1, 'groups': 4},
                         inputs=(sep_x,), seed=52)
    with torch.no_grad():
        sep_mid = depthwise(sep_x)
    g.module('conv2d_separable_pointwise', 'Conv2d', (4, 8, 1), inputs=(sep_mid,), seed=53)

    # ConvTranspose1d/2d/3d: every argument
    g.module('convt1d_default', 'ConvTranspose1d', (3, 2, 3), inputs=(r(2, 3, 6),), seed=60)
    g.module('convt1d_stride_padding', 'ConvTranspose1d', (2, 4, 4), {'stride': 3, 'padding': 1},
             inputs=(r(1, 2, 5),), seed=61)
    g.module('convt1d_output_padding_dilation', 'ConvTranspose1d', (2, 2, 3), {'output_padding': 1, 'dilation': 2},
             inputs=(r(1, 2, 5),), seed=62)
    g.module('convt1d_unbatched', 'ConvTranspose1d', (2, 3, 2), {'stride': 2}, inputs=(r(2, 4),), seed=63)
    g.module('convt2d_default', 'ConvTranspose2d', (3, 4, 3), inputs=(r(2, 3, 4, 5),), seed=64)
    g.module('convt2d_stride', 'ConvTranspose2d', (2, 3, (3, 2)), {'stride': (2, 3)}, inputs=(r(1, 2, 4, 3),), seed=65)
    g.module('convt2d_padding', 'ConvTranspose2d', (2, 3, 3), {'padding': (1, 2), 'stride': 2},
             inputs=(r(1, 2, 4, 4),), seed=66)
    g.module('convt2d_output_padding', 'ConvTranspose2d', (2, 2, 3), {'stride': 3, 'output_padding': (2, 1)},
             inputs=(r(1, 2, 3, 3),), seed=67)
    g.module('convt2d_groups', 'ConvTranspose2d', (4, 6, 3), {'groups': 2, 'stride': 2}, inputs=(r(2, 4, 3, 3),),
             seed=68)
    g.module('convt2d_depthwise', 'ConvTranspose2d', (3, 3, 3), {'groups': 3}, inputs=(r(1, 3, 4, 4),), seed=69)
    g.module('convt2d_no_bias', 'ConvTranspose2d', (2, 3, 2), {'bias': False}, inputs=(r(1, 2, 3, 3),), seed=70)
    g.module('convt2d_dilation', 'ConvTranspose2d', (2, 2, 3), {'dilation': (2, 1), 'padding': 1},
             inputs=(r(1, 2, 4, 4),), seed=71)
    g.module('convt2d_unbatched', 'ConvTranspose2d', (2, 3, 3), {'stride': 2}, inputs=(r(2, 3, 3),), seed=72)
    g.module('convt2d_everything', 'ConvTranspose2d', (4, 6, (3, 2)), {'stride': (2, 3), 'padding': (1, 0),
             'output_padding': (1, 2), 'groups': 2, 'bias': False, 'dilation': (2, 1)}, inputs=(r(2, 4, 3, 4),), seed=73)
    g.module('convt2d_output_size', 'ConvTranspose2d', (2, 2, 3), {'stride': 2}, inputs=(r(1, 2, 4, 4),),
             forward_kwargs={'output_size': [10, 9]}, seed=74)
    g.module('convt2d_output_size_full', 'ConvTranspose2d', (2, 2, 3), {'stride': 2, 'padding': 1},
             inputs=(r(1, 2, 4, 4),), forward_kwargs={'output_size': [1, 2, 8, 7]}, seed=75)
    g.module('convt2d_output_size_unbatched', 'ConvTranspose2d', (2, 2, 3), {'stride': 3}, inputs=(r(2, 3, 3),),
             forward_kwargs={'output_size': [2, 10, 11]}, seed=76)
    g.module('convt2d_large', 'ConvTranspose2d', (8, 4, 4), {'stride': 2, 'padding': 1}, inputs=(r(1, 8, 12, 12),),
             seed=77)
    g.module('convt3d_default', 'ConvTranspose3d', (2, 3, 2), inputs=(r(1, 2, 3, 3, 3),), seed=78)
    g.module('convt3d_everything', 'ConvTranspose3d', (4, 2, (2, 3, 2)), {'stride': (1, 2, 2), 'padding': (0, 1, 1),
             'output_padding': (0, 1, 0), 'groups': 2, 'dilation': (2, 1, 1)}, inputs=(r(1, 4, 2, 3, 3),), seed=79)
    g.module('convt3d_output_size', 'ConvTranspose3d', (2, 2, 3), {'stride': 2}, inputs=(r(2, 2, 2, 3),),
             forward_kwargs={'output_size': [6, 5, 8]}, seed=80)

    # the article's shape claim: ConvTranspose2d with the conv's kernel, stride, padding and
    # dilation maps the conv's output size back to its input size (via output_size)
    claims = [((3, 3), 1, 0, 1, (8, 8)), ((3, 3), 2, 1, 1, (9, 10)), ((4, 4), 2, 1, 1, (8, 7)),
              ((5, 3), (3, 2), (2, 1), 1, (11, 8)), ((3, 3), 1, 2, 2, (7, 7)), ((2, 3), (2, 3), 0, (2, 1), (9, 11))]
    for i, (k, st, pd, dl, size) in enumerate(claims):
        conv = torch.nn.Conv2d(2, 3, k, stride=st, padding=pd, dilation=dl)
        with torch.no_grad():
            y = conv(r(1, 2, *size))
        g.module(f'convt_claim_{i}', 'ConvTranspose2d', (3, 2, k), {'stride': st, 'padding': pd, 'dilation': dl},
                 inputs=(y,), forward_kwargs={'output_size': list(size)}, seed=90 + i)

    g.function('F_conv1d', 'F.conv1d', (r(2, 4, 9), r(6, 2, 3)), {'groups': 2, 'stride': 2})
    g.function('F_conv1d_same', 'F.conv1d', (r(1, 2, 9), r(3, 2, 4), r(3)), {'padding': 'same'})
    g.function('F_conv2d', 'F.conv2d', (r(1, 3, 6, 6), r(4, 3, 3, 3), r(4)), {'padding': 1})
    g.function('F_conv3d', 'F.conv3d', (r(1, 2, 4, 4, 4), r(3, 2, 2, 2, 2)))
    g.function('F_conv2d_everything', 'F.conv2d', (r(2, 4, 7, 8), r(6, 2, 3, 2), r(6)),
               {'stride': (2, 1), 'padding': 'valid', 'dilation': (1, 2), 'groups': 2})
    g.function('F_conv2d_same', 'F.conv2d', (r(1, 2, 6, 6), r(2, 1, 4, 4)), {'padding': 'same', 'groups': 2})
    g.function('F_conv_transpose1d', 'F.conv_transpose1d', (r(1, 4, 5), r(4, 3, 3), r(6)),
               {'stride': 2, 'padding': 1, 'output_padding': 1, 'groups': 2, 'dilation': 1})
    g.function('F_conv_transpose2d', 'F.conv_transpose2d', (r(2, 3, 4, 4), r(3, 2, 3, 3)),
               {'stride': 2, 'dilation': 2, 'output_padding': 1})
    g.function('F_conv_transpose2d_positional', 'F.conv_transpose2d', (r(1, 2, 3, 3), r(2, 2, 2, 2), r(2), 2, 1, 1, 1, 1))
    g.function('F_conv_transpose3d', 'F.conv_transpose3d', (r(1, 2, 2, 3, 3), r(2, 3, 2, 2, 2), r(3)), {'stride': 2})

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
    name2 = 'Conv2d(3, 4, kernel_size=(3, 3), stride=(1, 1))'
    g.error('conv2d_wrong_rank', [name2, 'Expected 3D (unbatched) or 4D (batched) input to conv2d', '[3, 8]'],
            module='Conv2d', args=(3, 4, 3), inputs=(r(3, 8),))
    g.error('conv2d_wrong_channels', [name2, 'to have 3 channels, but got 2'], module='Conv2d', args=(3, 4, 3),
            inputs=(r(1, 2, 6, 6),))
    g.error('conv2d_input_too_small', [name2, "Kernel size can't be greater than actual input size"],
            module='Conv2d', args=(3, 4, 3), inputs=(r(1, 3, 2, 6),))
    g.error('conv2d_same_strided', ['Conv2d', "padding='same' is not supported for strided convolutions"],
            module='Conv2d', args=(2, 2, 3), kwargs={'padding': 'same', 'stride': (1, 2)})
    g.error('conv2d_negative_padding', ['Conv2d', 'padding', '>= 0', '-1'], module='Conv2d', args=(2, 2, 3),
            kwargs={'padding': -1}, inputs=(r(1, 2, 5, 5),))
    g.error('conv2d_zero_stride', ['Conv2d', 'stride', '>= 1', '0'], module='Conv2d', args=(2, 2, 3),
            kwargs={'stride': (1, 0)}, inputs=(r(1, 2, 5, 5),))
    g.error('conv3d_wrong_rank', ['Conv3d', 'Expected 4D (unbatched) or 5D (batched) input to conv3d'],
            module='Conv3d', args=(2, 2, 2), inputs=(r(2, 4, 4),))
    g.error('F_conv2d_groups_weight', ['F.conv2d', 'expected weight to be divisible by 2 at dimension 0'],
            fn='F.conv2d', args=(r(1, 4, 5, 5), r(3, 2, 3, 3)), kwargs={'groups': 2})

    name_t = 'ConvTranspose2d(4, 2, kernel_size=(3, 3), stride=(2, 2))'
    g.error('convt2d_bad_padding_mode', ['ConvTranspose2d', 'Only "zeros" padding mode is supported'],
            module='ConvTranspose2d', args=(4, 2, 3), kwargs={'padding_mode': 'reflect'})
    g.error('convt2d_groups_not_dividing', ['ConvTranspose2d', 'in_channels must be divisible by groups'],
            module='ConvTranspose2d', args=(4, 2, 3), kwargs={'groups': 3})
    g.error('convt2d_out_groups_not_dividing', ['ConvTranspose2d', 'out_channels must be divisible by groups'],
            module='ConvTranspose2d', args=(4, 3, 3), kwargs={'groups': 2})
    g.error('convt2d_output_padding_too_big', ['ConvTranspose2d', 'output padding must be smaller than either stride '
            'or dilation', 'output_padding=[1, 1]', 'stride=[1, 1]'],
            module='ConvTranspose2d', args=(2, 2, 3), kwargs={'output_padding': 1}, inputs=(r(1, 2, 4, 4),))
    g.error('convt3d_output_padding_equal_stride', ['ConvTranspose3d', 'output padding must be smaller'],
            module='ConvTranspose3d', args=(2, 2, 3), kwargs={'stride': 2, 'output_padding': (0, 2, 0)},
            inputs=(r(1, 2, 2, 2, 2),))
    g.error('convt2d_wrong_channels', [name_t, 'Given transposed=1, weight of size [4, 2, 3, 3]',
            'to have 4 channels, but got 3 channels instead'], module='ConvTranspose2d', args=(4, 2, 3),
            kwargs={'stride': 2}, inputs=(r(1, 3, 5, 5),))
    g.error('convt2d_wrong_rank', [name_t, 'Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d'],
            module='ConvTranspose2d', args=(4, 2, 3), kwargs={'stride': 2}, inputs=(r(4, 5),))
    g.error('convt2d_output_size_range', [name_t, 'requested an output size of [13, 13], but valid sizes range from '
            '[11, 11] to [12, 12]'], module='ConvTranspose2d', args=(4, 2, 3), kwargs={'stride': 2},
            inputs=(r(1, 4, 5, 5),), forward_kwargs={'output_size': [13, 13]})
    g.error('convt2d_output_size_length', [name_t, 'ConvTranspose2D: for 4D input, output_size must have 2 or 4 '
            'elements (got 1)'], module='ConvTranspose2d', args=(4, 2, 3), kwargs={'stride': 2},
            inputs=(r(1, 4, 5, 5),), forward_kwargs={'output_size': [10]})
    g.error('convt2d_output_too_small', ['ConvTranspose2d', 'Calculated output size per channel: (-2 x -2). Output '
            'size is too small'], module='ConvTranspose2d', args=(4, 2, 3), kwargs={'padding': 3},
            inputs=(r(1, 4, 2, 2),))
    g.error('F_conv_transpose2d_bias', ['F.conv_transpose2d', 'expected bias to be 1-dimensional with 2 elements'],
            fn='F.conv_transpose2d', args=(r(1, 4, 2, 2), r(4, 2, 3, 3), r(3)))
    g.error('F_conv_transpose2d_groups', ['F.conv_transpose2d', 'expected weight to be divisible by 3 at dimension 0'],
            fn='F.conv_transpose2d', args=(r(1, 4, 2, 2), r(4, 2, 3, 3)), kwargs={'groups': 3})
    g.error('F_conv_transpose1d_negative_padding', ['F.conv_transpose1d', 'padding', '>= 0'],
            fn='F.conv_transpose1d', args=(r(1, 4, 5), r(4, 2, 3)), kwargs={'padding': -1})
    g.write(out_dir)
