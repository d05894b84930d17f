"""Golden cases: MSELoss, L1Loss, SmoothL1Loss, HuberLoss, KLDivLoss, BCELoss, BCEWithLogitsLoss,
NLLLoss, CrossEntropyLoss and their F forms (LAYERS.md row "losses"): every reduction, every
argument, K-dimensional and unbatched inputs, and the target checks."""
import torch

from golden import Golden

REDUCTIONS = ('none', 'mean', 'sum')


def generate(out_dir):
    g = Golden('loss')
    torch.manual_seed(0)
    x = torch.randn(3, 5)
    y = torch.randn(3, 5)
    probs = torch.rand(3, 5)
    labels = torch.rand(3, 5)
    cls = torch.tensor([1, 0, 4])
    w5 = torch.rand(5) + 0.5

    # -- regression losses -----------------------------------------------------------------
    for r in REDUCTIONS:
        for m in ('MSELoss', 'L1Loss', 'SmoothL1Loss', 'HuberLoss'):
            g.module(f'{m}_{r}', m, kwargs={'reduction': r}, inputs=(x * 2, y))
    g.module('SmoothL1Loss_beta', 'SmoothL1Loss', kwargs={'beta': 0.5}, inputs=(x, y))
    g.module('SmoothL1Loss_beta0', 'SmoothL1Loss', kwargs={'beta': 0.0, 'reduction': 'none'}, inputs=(x, y))
    g.module('HuberLoss_delta', 'HuberLoss', kwargs={'delta': 0.3, 'reduction': 'none'}, inputs=(x, y))
    g.module('MSELoss_train', 'MSELoss', inputs=(x, y), train=True)
    g.module('MSELoss_legacy_size_average', 'MSELoss', kwargs={'size_average': False}, inputs=(x, y))
    g.module('L1Loss_legacy_reduce', 'L1Loss', kwargs={'reduce': False}, inputs=(x, y))
    g.module('MSELoss_3d', 'MSELoss', inputs=(torch.randn(2, 3, 4), torch.randn(2, 3, 4)))
    g.function('F_mse_loss_broadcast', 'F.mse_loss', (x, y[0]), {'reduction': 'none'})
    g.function('F_mse_loss_int_target', 'F.mse_loss', (x, torch.tensor([[1, 0, 2, 0, 1]] * 3)))
    g.function('F_mse_loss_scalar', 'F.mse_loss', (torch.tensor(1.5), torch.tensor(-0.5)))
    g.function('F_mse_loss_empty', 'F.mse_loss', (torch.zeros(0, 3), torch.zeros(0, 3)))
    g.function('F_l1_loss_sum', 'F.l1_loss', (x, y), {'reduction': 'sum'})
    g.function('F_l1_loss_legacy', 'F.l1_loss', (x, y), {'size_average': False, 'reduce': True})
    g.function('F_smooth_l1_loss', 'F.smooth_l1_loss', (x, y, None, None, 'none', 2.0))
    g.function('F_huber_loss', 'F.huber_loss', (x, y), {'delta': 2.5})

    # -- KL divergence -----------------------------------------------------------------------
    logp = torch.log_softmax(x, 1)
    q = torch.softmax(y, 1)
    q0 = q.clone()
    q0[0, 1] = 0.0
    for r in ('none', 'mean', 'sum', 'batchmean'):
        g.module(f'KLDivLoss_{r}', 'KLDivLoss', kwargs={'reduction': r}, inputs=(logp, q0))
    g.module('KLDivLoss_log_target', 'KLDivLoss', kwargs={'log_target': True, 'reduction': 'batchmean'},
             inputs=(logp, torch.log_softmax(y, 1)))
    g.function('F_kl_div_log_target_none', 'F.kl_div', (logp, torch.log_softmax(y, 1)),
               {'reduction': 'none', 'log_target': True})
    g.function('F_kl_div_legacy', 'F.kl_div', (logp, q), {'reduce': False})

    # -- binary cross entropy -----------------------------------------------------------------
    for r in REDUCTIONS:
        g.module(f'BCELoss_{r}', 'BCELoss', kwargs={'reduction': r}, inputs=(probs, labels))
        g.module(f'BCEWithLogitsLoss_{r}', 'BCEWithLogitsLoss', kwargs={'reduction': r}, inputs=(x * 10, labels))
    g.module('BCELoss_weight', 'BCELoss', (w5,), inputs=(probs, labels))
    g.module('BCELoss_weight_rows', 'BCELoss', kwargs={'weight': torch.rand(3, 1), 'reduction': 'none'},
             inputs=(probs, labels))
    edge = torch.tensor([0.0, 1.0, 1e-7, 1 - 1e-7, 0.5])
    g.module('BCELoss_clamped_logs', 'BCELoss', kwargs={'reduction': 'none'},
             inputs=(edge, torch.tensor([1.0, 0.0, 0.0, 1.0, 0.5])))
    g.module('BCEWithLogitsLoss_weight', 'BCEWithLogitsLoss', kwargs={'weight': w5, 'reduction': 'sum'},
             inputs=(x, labels))
    g.module('BCEWithLogitsLoss_pos_weight', 'BCEWithLogitsLoss', kwargs={'pos_weight': torch.rand(5) * 3},
             inputs=(x, labels))
    g.module('BCEWithLogitsLoss_both', 'BCEWithLogitsLoss',
             kwargs={'weight': torch.rand(3, 1), 'pos_weight': torch.rand(5) * 3, 'reduction': 'none'},
             inputs=(x, labels))
    g.module('BCEWithLogitsLoss_extreme', 'BCEWithLogitsLoss', kwargs={'reduction': 'none'},
             inputs=(torch.tensor([-200.0, 200.0, -30.0, 30.0, 0.0]), torch.tensor([1.0, 0.0, 0.2, 0.8, 0.5])))
    g.function('F_binary_cross_entropy', 'F.binary_cross_entropy', (probs, labels, w5), {'reduction': 'sum'})
    g.function('F_binary_cross_entropy_legacy', 'F.binary_cross_entropy', (probs, labels),
               {'size_average': True, 'reduce': False})
    g.function('F_binary_cross_entropy_with_logits', 'F.binary_cross_entropy_with_logits', (x, labels),
               {'pos_weight': torch.rand(5) * 2})

    # -- NLL and cross entropy ------------------------------------------------------------------
    for r in REDUCTIONS:
        g.module(f'NLLLoss_{r}', 'NLLLoss', kwargs={'reduction': r}, inputs=(logp, cls))
        g.module(f'CrossEntropyLoss_{r}', 'CrossEntropyLoss', kwargs={'reduction': r}, inputs=(x, cls))
        g.module(f'CrossEntropyLoss_weight_ignore_{r}', 'CrossEntropyLoss',
                 kwargs={'weight': w5, 'ignore_index': 4, 'reduction': r}, inputs=(x, cls))
        g.module(f'CrossEntropyLoss_smoothing_{r}', 'CrossEntropyLoss',
                 kwargs={'weight': w5, 'label_smoothing': 0.2, 'ignore_index': 0, 'reduction': r}, inputs=(x, cls))
        g.module(f'CrossEntropyLoss_probs_{r}', 'CrossEntropyLoss',
                 kwargs={'weight': w5, 'label_smoothing': 0.1, 'reduction': r}, inputs=(x, q))
    g.module('NLLLoss_weight', 'NLLLoss', (w5,), inputs=(logp, cls))
    g.module('NLLLoss_ignore_index', 'NLLLoss', kwargs={'ignore_index': 0}, inputs=(logp, cls))
    g.module('NLLLoss_all_ignored', 'NLLLoss', kwargs={'ignore_index': 1}, inputs=(logp[:1], cls[:1]))
    g.module('NLLLoss_legacy', 'NLLLoss', kwargs={'size_average': False}, inputs=(logp, cls))
    kx = torch.randn(2, 4, 3, 2)
    kt = torch.tensor([[[0, 1], [3, 2], [1, 1]], [[2, 2], [0, 3], [3, 0]]])
    g.module('NLLLoss_2d', 'NLLLoss', kwargs={'weight': torch.rand(4)}, inputs=(torch.log_softmax(kx, 1), kt))
    g.module('NLLLoss_1d_spatial_none', 'NLLLoss', kwargs={'reduction': 'none'},
             inputs=(torch.log_softmax(kx[:, :, 0], 1), kt[:, 0]))
    g.module('CrossEntropyLoss_2d', 'CrossEntropyLoss', kwargs={'ignore_index': 3, 'label_smoothing': 0.3},
             inputs=(kx, kt))
    g.module('CrossEntropyLoss_2d_none', 'CrossEntropyLoss', kwargs={'reduction': 'none', 'weight': torch.rand(4)},
             inputs=(kx, kt))
    g.module('CrossEntropyLoss_3d', 'CrossEntropyLoss', inputs=(torch.randn(2, 3, 2, 2, 2),
                                                                torch.randint(0, 3, (2, 2, 2, 2))))
    g.module('CrossEntropyLoss_probs_2d', 'CrossEntropyLoss', kwargs={'reduction': 'none'},
             inputs=(kx, torch.softmax(torch.randn(2, 4, 3, 2), 1)))
    g.module('CrossEntropyLoss_unbatched', 'CrossEntropyLoss', inputs=(x[0], torch.tensor(3)))
    g.module('CrossEntropyLoss_unbatched_probs', 'CrossEntropyLoss', kwargs={'reduction': 'sum'}, inputs=(x[0], q[0]))
    g.module('CrossEntropyLoss_stable_large_logits', 'CrossEntropyLoss', kwargs={'reduction': 'none'},
             inputs=(torch.tensor([[1000.0, -1000.0, 0.0], [-500.0, 500.0, 499.0]]), torch.tensor([0, 2])))
    g.module('CrossEntropyLoss_smoothing_all', 'CrossEntropyLoss', kwargs={'label_smoothing': 1.0}, inputs=(x, cls))
    g.module('CrossEntropyLoss_train', 'CrossEntropyLoss', inputs=(x, cls), train=True)
    g.function('F_nll_loss', 'F.nll_loss', (logp, cls, w5), {'ignore_index': 1, 'reduction': 'mean'})
    g.function('F_nll_loss_positional', 'F.nll_loss', (logp, cls, None, None, -100, None, 'sum'))
    g.function('F_cross_entropy', 'F.cross_entropy', (x, cls), {'label_smoothing': 0.25, 'reduction': 'sum'})
    g.function('F_cross_entropy_probs', 'F.cross_entropy', (x, q))
    g.function('F_cross_entropy_empty_sum', 'F.cross_entropy', (torch.zeros(0, 5), torch.zeros(0, dtype=torch.long)),
               {'reduction': 'sum'})

    # -- bad input ----------------------------------------------------------------------------
    def err(name, expect, module, args=(), kwargs=None, inputs=None):
        g.error(name, expect, module=module, args=args, kwargs=kwargs, inputs=inputs)

    err('bad_reduction', ['MSELoss', "'foo' is not a valid value for reduction"], 'MSELoss', kwargs={'reduction': 'foo'},
        inputs=(x, y))
    err('batchmean_not_for_mse', ['batchmean', 'not a valid value for reduction'], 'MSELoss',
        kwargs={'reduction': 'batchmean'}, inputs=(x, y))
    err('mse_not_broadcastable', ['MSELoss()', 'must match the size of tensor b (4)'], 'MSELoss',
        inputs=(x, torch.randn(3, 4)))
    err('smooth_l1_negative_beta', ['SmoothL1Loss()', 'does not support negative values for beta'], 'SmoothL1Loss',
        kwargs={'beta': -1.0}, inputs=(x, y))
    err('huber_zero_delta', ['HuberLoss()', 'non-positive values for delta'], 'HuberLoss', kwargs={'delta': 0.0},
        inputs=(x, y))
    err('bce_input_out_of_range', ['BCELoss()', 'all elements of input should be between 0 and 1'], 'BCELoss',
        inputs=(torch.tensor([0.5, 1.5]), torch.tensor([0.0, 1.0])))
    err('bce_input_nan', ['BCELoss()', 'between 0 and 1'], 'BCELoss',
        inputs=(torch.tensor([0.5, float('nan')]), torch.tensor([0.0, 1.0])))
    err('bce_target_size', ['BCELoss()', 'target size', 'same size', '[3]', '[2]'], 'BCELoss',
        inputs=(torch.tensor([0.5, 0.2]), torch.tensor([0.0, 1.0, 1.0])))
    err('bce_long_target', ['BCELoss()', 'float32', 'int64'], 'BCELoss',
        inputs=(torch.tensor([0.5, 0.2]), torch.tensor([0, 1])))
    err('bce_weight_shape', ['BCELoss()', 'weight'], 'BCELoss', args=(torch.ones(3),),
        inputs=(torch.tensor([0.5, 0.2]), torch.tensor([0.0, 1.0])))
    err('bce_logits_target_size', ['BCEWithLogitsLoss()', 'Target size', '[3]', '[2]'], 'BCEWithLogitsLoss',
        inputs=(torch.tensor([0.5, 0.2]), torch.tensor([0.0, 1.0, 1.0])))
    err('bce_logits_long_target', ['BCEWithLogitsLoss()', 'float32', 'int64'], 'BCEWithLogitsLoss',
        inputs=(torch.tensor([0.5, 0.2]), torch.tensor([0, 1])))
    err('bce_logits_pos_weight_shape', ['BCEWithLogitsLoss()', 'must match the size'], 'BCEWithLogitsLoss',
        kwargs={'pos_weight': torch.ones(2)}, inputs=(x, labels))
    err('nll_target_out_of_range', ['NLLLoss()', 'Target 5 is out of bounds'], 'NLLLoss',
        inputs=(logp, torch.tensor([0, 1, 5])))
    err('nll_negative_target', ['NLLLoss()', 'Target -1 is out of bounds'], 'NLLLoss',
        inputs=(logp, torch.tensor([0, 1, -1])))
    err('nll_int32_target', ['NLLLoss()', 'int64', 'int32', 'expected scalar type Long but found Int'], 'NLLLoss',
        inputs=(logp, cls.int()))
    err('nll_float_target', ['NLLLoss()', 'int64', 'float32'], 'NLLLoss', inputs=(logp, cls.float()))
    err('nll_batch_mismatch', ['NLLLoss()', 'Expected input batch_size (3) to match target batch_size (2)'], 'NLLLoss',
        inputs=(logp, cls[:2]))
    err('nll_multi_target', ['NLLLoss()', 'multi-target not supported'], 'NLLLoss',
        inputs=(logp, torch.zeros(3, 2, dtype=torch.long)))
    err('nll_kdim_target_shape', ['NLLLoss()', 'Expected target size [2, 3, 2], got [2, 3, 3]'], 'NLLLoss',
        inputs=(torch.log_softmax(kx, 1), torch.zeros(2, 3, 3, dtype=torch.long)))
    err('nll_0d_input', ['NLLLoss()', 'Expected 1 or more dimensions (got 0)'], 'NLLLoss',
        inputs=(torch.tensor(1.0), torch.tensor(0)))
    err('nll_unbatched_target_shape', ['NLLLoss()', 'size mismatch', '[3]', '[1]'], 'NLLLoss',
        inputs=(torch.randn(3), torch.tensor([1])))
    err('nll_weight_size', ['NLLLoss()', 'weight tensor should be defined either for all 5 classes', '[3]'], 'NLLLoss',
        args=(torch.ones(3),), inputs=(logp, cls))
    err('ce_label_smoothing_range', ['CrossEntropyLoss()', 'label_smoothing must be between 0.0 and 1.0. Got: 1.5'],
        'CrossEntropyLoss', kwargs={'label_smoothing': 1.5}, inputs=(x, cls))
    err('ce_target_out_of_range', ['CrossEntropyLoss()', 'Target 7 is out of bounds'], 'CrossEntropyLoss',
        inputs=(x, torch.tensor([0, 7, 1])))
    err('ce_probs_long_target', ['CrossEntropyLoss()', 'Expected floating point type for target with class probabilities'],
        'CrossEntropyLoss', inputs=(x, torch.zeros(3, 5, dtype=torch.long)))
    err('ce_probs_ignore_index', ['CrossEntropyLoss()', 'ignore_index is not supported for floating point target'],
        'CrossEntropyLoss', kwargs={'ignore_index': 1}, inputs=(x, q))
    err('ce_probs_weight_size', ['CrossEntropyLoss()', 'weight tensor should be defined either for all 5 classes'],
        'CrossEntropyLoss', args=(torch.ones(2),), inputs=(x, q))
    err('ce_probs_wrong_shape', ['CrossEntropyLoss()', 'int64', 'float32'], 'CrossEntropyLoss',
        inputs=(x, torch.rand(3)))
    err('ce_unknown_option', ['CrossEntropyLoss', "unknown option 'smoothing'"], 'CrossEntropyLoss',
        kwargs={'smoothing': 0.1})
    g.error('F_cross_entropy_2d_target_shape', ['F.cross_entropy', 'Expected target size [2, 3, 2], got [2, 4, 2]'],
            fn='F.cross_entropy', args=(kx, torch.zeros(2, 4, 2, dtype=torch.long)))
    g.error('F_kl_div_bad_reduction', ['F.kl_div', "'avg' is not a valid value for reduction"], fn='F.kl_div',
            args=(logp, q), kwargs={'reduction': 'avg'})
    g.write(out_dir)
