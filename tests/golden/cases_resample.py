"""Golden cases: Upsample (size / scale_factor, every mode, align_corners, recompute_scale_factor),
UpsamplingNearest2d, UpsamplingBilinear2d, PixelShuffle, PixelUnshuffle, F.interpolate,
F.pixel_shuffle, F.pixel_unshuffle, bad inputs."""
import torch

from golden import Golden


def generate(out_dir):
    g = Golden('resample')
    torch.manual_seed(0)
    r = torch.randn

    g.module('upsample_default', 'Upsample', (), {'scale_factor': 2}, inputs=(r(2, 3, 5),))
    g.module('upsample_size', 'Upsample', (7,), inputs=(r(1, 2, 5),))
    g.module('upsample_nearest_2d_fraction', 'Upsample', (), {'scale_factor': (1.5, 0.7)}, inputs=(r(1, 2, 5, 7),))
    g.module('upsample_nearest_3d', 'Upsample', ((3, 5, 4),), inputs=(r(1, 2, 2, 3, 3),))
    g.module('upsample_nearest_exact', 'Upsample', (), {'scale_factor': 1.7, 'mode': 'nearest-exact'},
             inputs=(r(1, 2, 4, 6),))
    g.module('upsample_nearest_exact_1d_size', 'Upsample', (11,), {'mode': 'nearest-exact'}, inputs=(r(2, 2, 7),))
    g.module('upsample_linear', 'Upsample', (), {'scale_factor': 2.5, 'mode': 'linear'}, inputs=(r(2, 3, 6),))
    g.module('upsample_linear_align', 'Upsample', (9,), {'mode': 'linear', 'align_corners': True}, inputs=(r(1, 2, 5),))
    g.module('upsample_linear_down', 'Upsample', (4,), {'mode': 'linear'}, inputs=(r(1, 2, 11),))
    g.module('upsample_bilinear', 'Upsample', (), {'scale_factor': 2, 'mode': 'bilinear'}, inputs=(r(1, 3, 5, 6),))
    g.module('upsample_bilinear_align', 'Upsample', ((7, 9),), {'mode': 'bilinear', 'align_corners': True},
             inputs=(r(2, 2, 4, 5),))
    g.module('upsample_bilinear_recompute', 'Upsample', (), {'scale_factor': 1.3, 'mode': 'bilinear',
                                                            'recompute_scale_factor': True}, inputs=(r(1, 2, 7, 5),))
    g.module('upsample_bilinear_no_recompute', 'Upsample', (), {'scale_factor': 1.3, 'mode': 'bilinear',
                                                               'recompute_scale_factor': False}, inputs=(r(1, 2, 7, 5),))
    g.module('upsample_bicubic', 'Upsample', (), {'scale_factor': (2, 1.5), 'mode': 'bicubic'}, inputs=(r(1, 2, 5, 6),))
    g.module('upsample_bicubic_align', 'Upsample', ((8, 3),), {'mode': 'bicubic', 'align_corners': True},
             inputs=(r(2, 1, 5, 6),))
    g.module('upsample_trilinear', 'Upsample', (), {'scale_factor': 2, 'mode': 'trilinear'}, inputs=(r(1, 2, 3, 4, 3),))
    g.module('upsample_trilinear_align', 'Upsample', ((4, 3, 6),), {'mode': 'trilinear', 'align_corners': True},
             inputs=(r(1, 1, 3, 5, 4),))
    g.module('upsampling_nearest2d', 'UpsamplingNearest2d', (), {'scale_factor': 2}, inputs=(r(1, 2, 3, 4),))
    g.module('upsampling_nearest2d_size', 'UpsamplingNearest2d', ((5, 7),), inputs=(r(1, 2, 3, 4),))
    g.module('upsampling_bilinear2d', 'UpsamplingBilinear2d', (), {'scale_factor': 2}, inputs=(r(1, 2, 3, 4),))
    g.module('upsampling_bilinear2d_size', 'UpsamplingBilinear2d', (5,), inputs=(r(2, 1, 3, 4),))
    g.module('pixelshuffle', 'PixelShuffle', (2,), inputs=(r(2, 8, 3, 4),))
    g.module('pixelshuffle_unbatched', 'PixelShuffle', (3,), inputs=(r(9, 2, 2),))
    g.module('pixelunshuffle', 'PixelUnshuffle', (2,), inputs=(r(2, 2, 4, 6),))
    g.module('pixelunshuffle_extra_dims', 'PixelUnshuffle', (3,), inputs=(r(2, 2, 1, 3, 6),))

    g.function('F_interpolate_nearest_1d', 'F.interpolate', (r(1, 2, 5),), {'scale_factor': 3})
    g.function('F_interpolate_nearest_down', 'F.interpolate', (r(1, 2, 9, 8),), {'size': (4, 3)})
    g.function('F_interpolate_area', 'F.interpolate', (r(1, 2, 9, 8),), {'size': (4, 3), 'mode': 'area'})
    g.function('F_interpolate_area_scale', 'F.interpolate', (r(1, 2, 9),), {'scale_factor': 0.5, 'mode': 'area'})
    g.function('F_interpolate_bilinear', 'F.interpolate', (r(2, 2, 6, 5),),
               {'scale_factor': (0.6, 1.7), 'mode': 'bilinear'})
    g.function('F_interpolate_bicubic_down', 'F.interpolate', (r(1, 1, 9, 9),), {'size': 4, 'mode': 'bicubic'})
    g.function('F_interpolate_trilinear', 'F.interpolate', (r(1, 1, 4, 3, 5),),
               {'size': (2, 5, 3), 'mode': 'trilinear', 'align_corners': False})
    g.function('F_interpolate_nearest_exact_3d', 'F.interpolate', (r(1, 1, 3, 4, 5),),
               {'scale_factor': 1.5, 'mode': 'nearest-exact'})
    g.function('F_pixel_shuffle', 'F.pixel_shuffle', (r(1, 12, 2, 3), 2))
    g.function('F_pixel_unshuffle', 'F.pixel_unshuffle', (r(1, 3, 4, 4), 2))

    r4 = r(1, 1, 4, 4)
    g.error('interpolate_align_corners_nearest', ['F.interpolate', 'align_corners option can only be set with the interpolating modes'],
            fn='F.interpolate', args=(r(1, 1, 4),), kwargs={'scale_factor': 2, 'align_corners': True})
    g.error('interpolate_both', ['F.interpolate', 'only one of size or scale_factor should be defined'],
            fn='F.interpolate', args=(r(1, 1, 4),), kwargs={'size': 3, 'scale_factor': 2})
    g.error('interpolate_neither', ['F.interpolate', 'either size or scale_factor should be defined'],
            fn='F.interpolate', args=(r(1, 1, 4),))
    g.error('interpolate_bilinear_3d', ['F.interpolate', 'Got 3D input, but bilinear mode needs 4D input'],
            fn='F.interpolate', args=(r(1, 1, 4),), kwargs={'size': 3, 'mode': 'bilinear'})
    g.error('interpolate_trilinear_4d', ['F.interpolate', 'Got 4D input, but trilinear mode needs 5D input'],
            fn='F.interpolate', args=(r4,), kwargs={'size': 3, 'mode': 'trilinear'})
    g.error('interpolate_linear_5d', ['F.interpolate', 'Got 5D input, but linear mode needs 3D input'],
            fn='F.interpolate', args=(r(1, 1, 2, 2, 2),), kwargs={'size': 3, 'mode': 'linear'})
    g.error('interpolate_bicubic_3d', ['F.interpolate', 'Only 3D, 4D and 5D input Tensors supported (got 3D)', '(got bicubic)'],
            fn='F.interpolate', args=(r(1, 1, 4),), kwargs={'size': 3, 'mode': 'bicubic'})
    g.error('interpolate_2d_input', ['F.interpolate', 'Only 3D, 4D and 5D input Tensors supported (got 2D)'],
            fn='F.interpolate', args=(r(4, 4),), kwargs={'size': 3})
    g.error('interpolate_bad_mode', ['F.interpolate', "(got foo)"],
            fn='F.interpolate', args=(r(1, 1, 4),), kwargs={'size': 3, 'mode': 'foo'})
    g.error('interpolate_size_length', ['F.interpolate', 'Input and output must have the same number of spatial dimensions',
                                        'spatial dimensions of [4, 4] and output size of (3,)'],
            fn='F.interpolate', args=(r4,), kwargs={'size': (3,)})
    g.error('interpolate_scale_length', ['F.interpolate', 'Input and scale_factor must have the same number of spatial dimensions'],
            fn='F.interpolate', args=(r4,), kwargs={'scale_factor': (2.5,)})
    g.error('interpolate_recompute_with_size', ['F.interpolate', 'recompute_scale_factor is not meaningful with an explicit size'],
            fn='F.interpolate', args=(r(1, 1, 4),), kwargs={'size': 3, 'recompute_scale_factor': True})
    g.error('interpolate_size_zero', ['F.interpolate', 'Input and output sizes should be greater than 0', 'output (W: 0)'],
            fn='F.interpolate', args=(r(1, 1, 4),), kwargs={'size': 0})
    g.error('interpolate_scale_too_small', ['Upsample(scale_factor=0.1, mode=nearest)', 'output (W: 0)'],
            module='Upsample', kwargs={'scale_factor': 0.1}, inputs=(r(1, 1, 4),))
    g.error('interpolate_empty_input', ['F.interpolate', 'Input and output sizes should be greater than 0', 'H: 0'],
            fn='F.interpolate', args=(r(1, 1, 0, 4),), kwargs={'size': 3, 'mode': 'bicubic'})
    g.error('upsample_both', ['Upsample', 'only one of size or scale_factor should be defined'],
            module='Upsample', kwargs={'size': 2, 'scale_factor': 2}, inputs=(r(1, 1, 4),))
    g.error('upsample_bilinear_5d', ['Upsample(size=2, mode=bilinear)', 'Got 5D input, but bilinear mode needs 4D input'],
            module='Upsample', kwargs={'size': 2, 'mode': 'bilinear'}, inputs=(r(1, 1, 2, 2, 2),))
    g.error('pixelshuffle_channels', ['PixelShuffle(upscale_factor=2)', 'input.size(-3)=7 is not divisible by 4'],
            module='PixelShuffle', args=(2,), inputs=(r(1, 7, 2, 2),))
    g.error('pixelshuffle_rank', ['F.pixel_shuffle', 'expects input to have at least 3 dimensions, but got input with 2'],
            fn='F.pixel_shuffle', args=(r(4, 4), 2))
    g.error('pixelshuffle_zero', ['F.pixel_shuffle', 'expects a positive upscale_factor, but got 0'],
            fn='F.pixel_shuffle', args=(r(1, 4, 2, 2), 0))
    g.error('pixelunshuffle_height', ['PixelUnshuffle(downscale_factor=2)', 'input.size(-2)=3 is not divisible by 2'],
            module='PixelUnshuffle', args=(2,), inputs=(r(1, 1, 3, 4),))
    g.error('pixelunshuffle_width', ['F.pixel_unshuffle', 'input.size(-1)=3 is not divisible by 2'],
            fn='F.pixel_unshuffle', args=(r(1, 1, 4, 3), 2))
    g.write(out_dir)
