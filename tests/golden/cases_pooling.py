"""Golden cases: MaxPool1d (every argument), MaxPool2d/3d basics, F.max_pool1d/2d/3d."""
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
    g.write(out_dir)
