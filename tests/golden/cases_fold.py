"""Golden cases: Unfold and Fold (every argument), F.unfold and F.fold, their errors, and the
article's claim that Unfold + matmul with the kernel + Fold equals Conv2d (the fold_claim_*
Conv2d cases, recomposed in tests/js/fold.test.js)."""
import torch

from golden import Golden


def generate(out_dir):
    g = Golden('fold')
    torch.manual_seed(0)
    r = torch.randn

    g.module('unfold_default', 'Unfold', (3,), inputs=(r(2, 2, 5, 6),))
    g.module('unfold_tuple', 'Unfold', ((2, 3),), inputs=(r(1, 3, 4, 6),))
    g.module('unfold_dilation', 'Unfold', (2,), {'dilation': (2, 1)}, inputs=(r(1, 2, 5, 5),))
    g.module('unfold_padding', 'Unfold', (3,), {'padding': 1}, inputs=(r(1, 2, 4, 4),))
    g.module('unfold_stride', 'Unfold', (2,), {'stride': (2, 3)}, inputs=(r(1, 2, 6, 8),))
    g.module('unfold_everything', 'Unfold', ((3, 2),), {'dilation': (1, 2), 'padding': (2, 1), 'stride': 2},
             inputs=(r(2, 3, 7, 6),))
    g.module('unfold_unbatched', 'Unfold', (2,), {'stride': 2}, inputs=(r(2, 4, 4),))
    g.module('unfold_positional', 'Unfold', ((2, 2), 1, 1, 2), inputs=(r(1, 1, 3, 5),))
    g.module('fold_default', 'Fold', ((4, 5), 2), inputs=(r(2, 12, 12),))
    g.module('fold_int_size', 'Fold', (4, 2), inputs=(r(1, 8, 9),))
    g.module('fold_dilation', 'Fold', ((5, 5), 2), {'dilation': 2}, inputs=(r(1, 4, 9),))
    g.module('fold_padding', 'Fold', ((4, 4), 3), {'padding': 1}, inputs=(r(1, 18, 16),))
    g.module('fold_stride', 'Fold', ((6, 7), 2), {'stride': (2, 3)}, inputs=(r(1, 8, 6),))
    g.module('fold_everything', 'Fold', ((7, 6), (3, 2)), {'dilation': (1, 2), 'padding': (2, 1), 'stride': 2},
             inputs=(r(2, 12, 15),))
    g.module('fold_unbatched', 'Fold', ((4, 4), 2), {'stride': 2}, inputs=(r(8, 4),))
    g.module('fold_positional', 'Fold', ((3, 5), (2, 2), 1, 1, 2), inputs=(r(1, 4, 6),))

    g.function('F_unfold', 'F.unfold', (r(1, 2, 5, 5), (2, 3)), {'dilation': 1, 'padding': (1, 0), 'stride': (1, 2)})
    g.function('F_unfold_positional', 'F.unfold', (r(1, 2, 5, 5), 3, 2, 2, 3))
    g.function('F_fold', 'F.fold', (r(2, 18, 9), (5, 5), 3))
    g.function('F_fold_positional', 'F.fold', (r(1, 8, 21), (4, 6), 2, 1, 1, (2, 1)))

    # the article's claim: Unfold + matmul with the kernel + Fold (or view) equals Conv2d
    for i, (kw, x) in enumerate([({'padding': 1}, r(2, 3, 6, 5)),
                                 ({'stride': 2, 'dilation': (1, 2), 'bias': False}, r(1, 3, 9, 8))]):
        g.module(f'fold_claim_{i}', 'Conv2d', (3, 4, (3, 2)), kw, inputs=(x,), seed=10 + i)

    g.error('unfold_wrong_rank', ['Unfold(kernel_size=3, dilation=1, padding=0, stride=1)', '[5, 5]'],
            module='Unfold', args=(3,), inputs=(r(5, 5),))
    g.error('unfold_too_small', ['Unfold', 'calculated shape of the array of sliding blocks as (0, 0), but its '
            'components must be at least one'], module='Unfold', args=(3,), inputs=(r(1, 2, 2, 2),))
    g.error('unfold_zero_stride', ['F.unfold', 'stride', '>= 1'], fn='F.unfold', args=(r(1, 2, 5, 5), 3),
            kwargs={'stride': 0})
    g.error('unfold_zero_kernel', ['F.unfold', 'kernel_size', '>= 1'], fn='F.unfold', args=(r(1, 2, 5, 5), 0))
    g.error('unfold_negative_padding', ['F.unfold', 'padding', '>= 0'], fn='F.unfold', args=(r(1, 2, 5, 5), 3),
            kwargs={'padding': -1})
    g.error('unfold_zero_dilation', ['F.unfold', 'dilation', '>= 1'], fn='F.unfold', args=(r(1, 2, 5, 5), 3),
            kwargs={'dilation': 0})
    g.error('fold_not_tiling', ['Fold(output_size=(5, 5), kernel_size=3, dilation=1, padding=0, stride=1)',
            "expected size of input's dimension 2 to match the calculated number of sliding blocks 3 * 3 = 9, "
            'but got input.size(2)=8'], module='Fold', args=((5, 5), 3), inputs=(r(1, 18, 8),))
    g.error('fold_channels_not_divisible', ['Fold', "Expected size of input's dimension 1 to be divisible by the "
            'product of kernel_size, but got input.size(1)=17 and kernel_size=(3, 3)'],
            module='Fold', args=((5, 5), 3), inputs=(r(1, 17, 9),))
    g.error('fold_wrong_rank', ['F.fold', '[1, 18, 9, 1]'], fn='F.fold', args=(r(1, 18, 9, 1), (5, 5), 3))
    g.error('fold_zero_channels', ['F.fold', '[1, 0, 9]'], fn='F.fold', args=(r(1, 0, 9), (5, 5), 3))
    g.error('fold_zero_size', ['F.fold', 'sliding blocks -2 * 3 = -6'], fn='F.fold', args=(r(1, 18, 9), (0, 5), 3))
    g.error('fold_zero_stride', ['F.fold', 'stride', '>= 1'], fn='F.fold', args=(r(1, 18, 9), (5, 5), 3),
            kwargs={'stride': 0})
    g.write(out_dir)
