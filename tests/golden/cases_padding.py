"""Golden cases: ConstantPad1d/2d/3d, ZeroPad1d/2d/3d, ReflectionPad1d/2d/3d, ReplicationPad1d/2d/3d
and F.pad in modes constant/reflect/replicate/circular: int and per-side tuple paddings,
asymmetric and negative (cropping) sides, batched and unbatched inputs, and PyTorch 1.13's checks."""
import torch
from torch import nn

from golden import Golden


class ZeroPad1d(nn.ConstantPad1d):
    """PyTorch 2.x's nn.ZeroPad1d (not in 1.13): ConstantPad1d(padding, 0.) printed as its padding."""

    def __init__(self, padding):
        super().__init__(padding, 0.)

    def extra_repr(self):
        return f'{self.padding}'


class ZeroPad3d(nn.ConstantPad3d):
    """PyTorch 2.x's nn.ZeroPad3d, as ZeroPad1d."""

    def __init__(self, padding):
        super().__init__(padding, 0.)

    def extra_repr(self):
        return f'{self.padding}'


def generate(out_dir):
    g = Golden('padding')
    torch.manual_seed(0)
    r = torch.randn

    # Constant and zero padding: any rank, int or tuple, negative sides crop.
    g.module('constantpad1d', 'ConstantPad1d', (2, 3.5), inputs=(r(2, 3, 4),))
    g.module('constantpad1d_tuple_unbatched', 'ConstantPad1d', ((3, 1), -1.25), inputs=(r(2, 4),))
    g.module('constantpad1d_1d_input', 'ConstantPad1d', (), {'padding': 1, 'value': 2.0}, inputs=(r(5),))
    g.module('constantpad1d_negative', 'ConstantPad1d', ((-1, 2), 0.5), inputs=(r(1, 2, 5),))
    g.module('constantpad2d', 'ConstantPad2d', (1, 0.0), inputs=(r(1, 2, 3, 3),))
    g.module('constantpad2d_asymmetric', 'ConstantPad2d', ((3, 0, 2, 1), 1.5), inputs=(r(2, 3, 4),))
    g.module('constantpad2d_crop', 'ConstantPad2d', ((-1, -1, 2, -2), 9.0), inputs=(r(1, 1, 5, 5),))
    g.module('constantpad2d_5d_input', 'ConstantPad2d', (1, -2.0), inputs=(r(1, 2, 2, 2, 3),))
    g.module('constantpad3d', 'ConstantPad3d', (1, 0.25), inputs=(r(1, 2, 2, 3, 2),))
    g.module('constantpad3d_tuple', 'ConstantPad3d', ((1, 0, 0, 2, 2, 1), 3.0), inputs=(r(2, 2, 3, 2),))
    g.module('zeropad2d', 'ZeroPad2d', (2,), inputs=(r(1, 2, 3, 3),))
    g.module('zeropad2d_tuple', 'ZeroPad2d', ((1, 2, 3, 0),), inputs=(r(2, 3, 4),))
    g.module('zeropad2d_negative', 'ZeroPad2d', ((-1, 1, 0, -2),), inputs=(r(1, 1, 4, 4),))
    g.module('zeropad1d', 'ZeroPad1d', (2,), inputs=(r(2, 3, 4),), build=lambda: ZeroPad1d(2))
    g.module('zeropad1d_tuple', 'ZeroPad1d', ((0, 3),), inputs=(r(3, 2),), build=lambda: ZeroPad1d((0, 3)))
    g.module('zeropad3d', 'ZeroPad3d', (1,), inputs=(r(1, 1, 2, 2, 2),), build=lambda: ZeroPad3d(1))
    g.module('zeropad3d_tuple', 'ZeroPad3d', ((1, 0, 2, 0, 0, 1),), inputs=(r(2, 2, 2, 3),),
             build=lambda: ZeroPad3d((1, 0, 2, 0, 0, 1)))

    # Reflection and replication: batched and unbatched, asymmetric, negative, the widest legal pads.
    for mode, name in (('reflect', 'Reflection'), ('replicate', 'Replication')):
        low = name.lower()
        g.module(f'{low}pad1d', f'{name}Pad1d', (2,), inputs=(r(2, 3, 5),))
        g.module(f'{low}pad1d_unbatched', f'{name}Pad1d', ((3, 1),), inputs=(r(2, 4),))
        g.module(f'{low}pad1d_negative', f'{name}Pad1d', ((-1, 2),), inputs=(r(1, 2, 4),))
        g.module(f'{low}pad1d_widest', f'{name}Pad1d', ((3, 3),), inputs=(r(1, 2, 4),))
        g.module(f'{low}pad2d', f'{name}Pad2d', (1,), inputs=(r(1, 2, 3, 4),))
        g.module(f'{low}pad2d_asymmetric', f'{name}Pad2d', ((2, 0, 1, 2),), inputs=(r(2, 3, 4),))
        g.module(f'{low}pad2d_kw', f'{name}Pad2d', (), {'padding': (0, 1, 2, 0)}, inputs=(r(1, 1, 3, 3),))
        g.module(f'{low}pad3d', f'{name}Pad3d', (1,), inputs=(r(1, 2, 2, 3, 3),))
        g.module(f'{low}pad3d_tuple_unbatched', f'{name}Pad3d', ((1, 0, 0, 1, 1, 1),), inputs=(r(2, 2, 2, 3),))
        g.module(f'{low}pad1d_empty_batch', f'{name}Pad1d', (1,), inputs=(r(0, 2, 3),))
        g.error(f'{low}pad1d_4d_input', [f'{name}Pad1d((1, 1))', 'Only 2D, 3D, 4D, 5D padding'],
                module=f'{name}Pad1d', args=(1,), inputs=(r(1, 1, 2, 4),))
        g.error(f'{low}pad2d_2d_input', [f'{name}Pad2d((1, 1, 1, 1))', 'Only 2D, 3D, 4D, 5D padding'],
                module=f'{name}Pad2d', args=(1,), inputs=(r(3, 4),))
        g.error(f'{low}pad_float_padding', [f'{name}Pad1d', 'padding', '1.5'], module=f'{name}Pad1d',
                args=(1.5,), inputs=(r(1, 2, 4),))
    g.error('reflectionpad1d_too_wide', ['ReflectionPad1d((4, 0))', 'Padding size should be less than the '
                                         'corresponding input dimension', 'padding (4, 0) at dimension 2'],
            module='ReflectionPad1d', args=((4, 0),), inputs=(r(1, 2, 4),))
    g.error('reflectionpad2d_too_wide', ['ReflectionPad2d((1, 1, 3, 3))', 'Padding size should be less than'],
            module='ReflectionPad2d', args=((1, 1, 3, 3),), inputs=(r(1, 1, 3, 5),))
    g.error('replicationpad1d_crop_to_nothing', ['ReplicationPad1d((-4, 0))', 'too small'],
            module='ReplicationPad1d', args=((-4, 0),), inputs=(r(1, 2, 4),))
    g.error('reflectionpad1d_empty_channels', ['ReflectionPad1d((1, 1))', 'non-empty'],
            module='ReflectionPad1d', args=(1,), inputs=(r(1, 0, 4),))

    # F.pad: every mode, ranks, negative pads, value.
    g.function('F_pad_constant', 'F.pad', (r(2, 3), (1, 2)))
    g.function('F_pad_constant_value', 'F.pad', (r(2, 3), (1, 2, 0, 1)), {'value': -7.5})
    g.function('F_pad_constant_positional', 'F.pad', (r(2, 3, 2), (1, 1, 1, 1, 1, 1), 'constant', 4.0))
    g.function('F_pad_constant_crop_to_zero', 'F.pad', (r(1, 2, 4), (-2, -2)))
    g.function('F_pad_constant_empty_pad', 'F.pad', (r(2, 2), ()))
    g.function('F_pad_constant_empty_input', 'F.pad', (r(3, 0), (1, 1)), {'value': 2.0})
    g.function('F_pad_reflect', 'F.pad', (r(1, 2, 5), (2, 3)), {'mode': 'reflect'})
    g.function('F_pad_reflect_2d', 'F.pad', (r(1, 2, 3, 4), (1, 2, 2, 0), 'reflect'))
    g.function('F_pad_reflect_zero_value', 'F.pad', (r(1, 2, 5), (1, 1), 'reflect', 0.0))
    g.function('F_pad_replicate_3d', 'F.pad', (r(1, 1, 2, 2, 3), (1, 0, 2, 1, 0, 1), 'replicate'))
    g.function('F_pad_circular', 'F.pad', (r(1, 2, 4), (4, 4), 'circular'))
    g.function('F_pad_circular_2d', 'F.pad', (r(2, 1, 3, 4), (1, 3, 2, 1)), {'mode': 'circular'})
    g.function('F_pad_circular_3d', 'F.pad', (r(1, 1, 2, 3, 3), (1, 1, 0, 2, 1, 0), 'circular'))
    # PyTorch crops the negative side first and wraps around what is left.
    g.function('F_pad_circular_negative', 'F.pad', (r(1, 2, 5), (-1, 2), 'circular'))
    g.function('F_pad_circular_negative_full_wrap', 'F.pad', (r(1, 2, 5), (-2, 3), 'circular'))
    g.function('F_pad_circular_negative_right', 'F.pad', (r(1, 2, 5), (1, -2), 'circular'))
    g.function('F_pad_circular_crop_to_one', 'F.pad', (r(1, 2, 5), (-4, 1), 'circular'))
    g.function('F_pad_reflect_negative', 'F.pad', (r(1, 2, 5), (-2, 3), 'reflect'))
    g.function('F_pad_long_rows', 'F.pad', (r(2, 300), (17, 29)), {'value': 0.5})
    g.function('F_pad_long_rows_reflect', 'F.pad', (r(1, 2, 200), (150, 199), 'reflect'))

    g.error('F_pad_odd_length', ['F.pad', 'Padding length must be divisible by 2'], fn='F.pad', args=(r(1, 2, 4), (1,)))
    g.error('F_pad_too_long', ['F.pad', 'Padding length too large'], fn='F.pad', args=(r(2, 4), (1, 1, 1, 1, 1, 1)))
    g.error('F_pad_bad_mode', ['F.pad', "Unrecognised padding mode 'wrap'"], fn='F.pad', args=(r(1, 2, 4), (1, 1), 'wrap'))
    g.error('F_pad_value_with_reflect', ['F.pad', 'Padding mode "reflect" doesn\'t take in value argument'],
            fn='F.pad', args=(r(1, 2, 4), (1, 1), 'reflect', 2.0))
    g.error('F_pad_reflect_1d_input', ['F.pad', 'Only 2D, 3D, 4D, 5D padding'], fn='F.pad',
            args=(r(4), (1, 1), 'reflect'))
    g.error('F_pad_replicate_4d_one_dim', ['F.pad', 'Only 2D, 3D, 4D, 5D padding'], fn='F.pad',
            args=(r(1, 2, 2, 4), (1, 1), 'replicate'))
    g.error('F_pad_circular_unbatched', ['F.pad', 'Invalid padding size, expected 0 but got 2'], fn='F.pad',
            args=(r(2, 4), (1, 1), 'circular'))
    g.error('F_pad_circular_wraps_twice', ['F.pad', 'Padding value causes wrapping around more than once'],
            fn='F.pad', args=(r(1, 2, 4), (5, 0), 'circular'))
    g.error('F_pad_constant_crop_below_zero', ['F.pad', 'too small'], fn='F.pad', args=(r(1, 2, 4), (-3, -2)))
    g.error('F_pad_float_pad', ['F.pad', 'pad', '1.5'], fn='F.pad', args=(r(1, 2, 4), (1.5, 1)))
    g.error('constantpad2d_three_sides', ['ConstantPad2d', 'tuple of 4 ints'], module='ConstantPad2d',
            args=((1, 2, 3), 0.0), inputs=(r(1, 1, 3, 3),))
    g.error('zeropad2d_1d_input', ['ZeroPad2d((1, 1, 1, 1))', 'Padding length too large'], module='ZeroPad2d',
            args=(1,), inputs=(r(4),))
    g.write(out_dir)
