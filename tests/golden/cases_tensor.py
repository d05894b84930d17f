"""Golden cases: the tensor core (creation, dtypes and promotion, elementwise ops, matmul,
reductions, views, seeded random draws) and the calls PyTorch rejects.

Besides tensor.json (replayed by golden.js) this family writes tensor.chains.json: method
chains such as x.transpose(0, 1).reshape(6) that golden.js cannot express, used to check
views of non-contiguous tensors. tests/js/tensor.test.js replays them; each chain is
{"name", "input": {"tensor": key}, "steps": [[method, args], ...], and either
"output" (nested like the result) or "expect" (substrings of the Error message)}.
"""
import json
import math
import os

import torch

from golden import Golden

DTYPE_NAME = {torch.float32: 'float32', torch.int64: 'int64', torch.int32: 'int32', torch.bool: 'bool'}


class TensorGolden(Golden):
    """Golden with torch dtypes written as webtorch's dtype strings (torch.int64 -> 'int64')."""

    def __init__(self, family):
        super().__init__(family)
        self.chains = []

    def encode(self, v, key):
        if isinstance(v, torch.dtype):
            return DTYPE_NAME[v]
        return super().encode(v, key)

    def chain(self, name, x, steps, expect=None):
        """Record x.<m0>(*a0).<m1>(*a1)... and its result, or the Error PyTorch raises."""
        name = self._new_name(name)
        case = {'name': name, 'input': self.tensor(x, f'{name}/in'), 'steps': [[m, self.encode(list(a), f'{name}/step{i}')] for i, (m, a) in enumerate(steps)]}
        try:
            out = x
            for m, a in steps:
                out = getattr(out, m)(*a)
        except Exception:  # noqa: BLE001 - any PyTorch rejection counts
            assert expect is not None, f'{name}: PyTorch rejected the chain'
            case['expect'] = expect
        else:
            assert expect is None, f'{name}: PyTorch accepted what the case says it rejects'
            case['output'] = self.encode(out, f'{name}/out')
        self.chains.append(case)

    def write(self, out_dir):
        super().write(out_dir)
        with open(os.path.join(out_dir, f'{self.family}.chains.json'), 'w') as f:
            json.dump({'format': 'webtorch-golden-1', 'family': self.family, 'chains': self.chains}, f, indent=1)
            f.write('\n')


def generate(out_dir):
    g = TensorGolden('tensor')
    torch.manual_seed(0)
    r = torch.randn
    i64 = lambda *s: torch.randint(-50, 50, s)  # noqa: E731
    i32 = lambda *s: torch.randint(-50, 50, s, dtype=torch.int32)  # noqa: E731
    special = torch.tensor([-0.0, 0.0, math.inf, -math.inf, math.nan, 1e-30, -1e-30, 88.0, 89.0, -104.0,
                            -110.0, 20.0, -20.0, 9.5, -9.5, 1e30, -1e30, 0.5, -0.5, 3.0])

    # -- elementwise binary with broadcasting and type promotion --
    for op in ['add', 'sub', 'mul', 'div']:
        g.function(f'{op}_same_shape', f'Tensor.{op}', (r(3, 4), r(3, 4)))
        g.function(f'{op}_broadcast', f'Tensor.{op}', (r(2, 1, 5), r(3, 1)))
        g.function(f'{op}_scalar', f'Tensor.{op}', (r(2, 3), 2.5))
        g.function(f'{op}_0d', f'Tensor.{op}', (r(4), torch.tensor(-1.5)))
        g.function(f'{op}_0d_self', f'Tensor.{op}', (torch.tensor(0.75), r(2, 3)))
        g.function(f'{op}_int64', f'Tensor.{op}', (i64(3, 4), i64(4).clamp(min=1)))
        g.function(f'{op}_int32', f'Tensor.{op}', (i32(2, 3), i32(2, 1).clamp(min=1)))
        g.function(f'{op}_int32_int64', f'Tensor.{op}', (i32(2, 3), i64(3).clamp(min=1)))
        g.function(f'{op}_int_float', f'Tensor.{op}', (i64(2, 3), r(3)))
        g.function(f'{op}_int_scalar', f'Tensor.{op}', (i32(2, 3), 3))
        g.function(f'{op}_int_float_scalar', f'Tensor.{op}', (i64(2, 3), 0.5))
        g.function(f'{op}_int32_0d_int64', f'Tensor.{op}', (i32(2, 3), torch.tensor(7)))
        g.function(f'{op}_int32_0d_float', f'Tensor.{op}', (i32(2, 3), torch.tensor(2.5)))
        if op != 'sub':
            g.function(f'{op}_bool_int32', f'Tensor.{op}', (torch.tensor([True, False, True]), i32(2, 3).clamp(min=1)))
        g.function(f'{op}_special', f'Tensor.{op}', (special, special.flip(0)))
    g.function('add_bool_bool', 'Tensor.add', (torch.tensor([True, False, False]), torch.tensor([True, True, False])))
    g.function('mul_bool_bool', 'Tensor.mul', (torch.tensor([True, False, True]), torch.tensor([True, True, False])))
    g.function('add_bool_scalar', 'Tensor.add', (torch.tensor([True, False]), 3))
    g.function('add_int64_large', 'Tensor.add', (torch.tensor([2 ** 40, -(2 ** 53) - 1, 2 ** 62]), torch.tensor([2 ** 40 + 1, -2, 2 ** 30])))
    g.function('mul_int64_large', 'Tensor.mul', (torch.tensor([2 ** 31, -(2 ** 33), 3]), torch.tensor([3, 2 ** 20, -(2 ** 40)])))
    g.function('div_int_by_zero', 'Tensor.div', (torch.tensor([1, -1, 0]), torch.tensor([0, 0, 0])))
    g.function('add_alpha', 'Tensor.add', (r(2, 3), r(3)), {'alpha': 2.5})
    g.function('sub_alpha', 'Tensor.sub', (r(2, 3), 0.5), {'alpha': -2})
    g.function('add_alpha_int', 'Tensor.add', (i64(4), i64(4)), {'alpha': 3})
    g.function('sub_alpha_int32_tensor', 'Tensor.sub', (i32(4), torch.tensor(5)), {'alpha': 2})
    g.function('add_empty', 'Tensor.add', (r(0, 3), r(3)))
    g.function('add_5d_broadcast', 'Tensor.add', (r(2, 1, 3, 1, 2), r(4, 1, 5, 1)))
    for op in ['pow', 'maximum', 'minimum']:
        g.function(f'{op}_broadcast', f'Tensor.{op}', (r(3, 4).abs(), r(4)))
        g.function(f'{op}_special', f'Tensor.{op}', (special, special.flip(0)))
        g.function(f'{op}_int64', f'Tensor.{op}', (torch.randint(0, 6, (2, 3)), torch.randint(0, 4, (3,))))
        g.function(f'{op}_int32', f'Tensor.{op}', (torch.randint(0, 6, (4,), dtype=torch.int32),
                                                    torch.randint(0, 4, (4,), dtype=torch.int32)))
    g.function('pow_scalar', 'Tensor.pow', (r(5).abs(), 2.5))
    g.function('pow_int_scalar', 'Tensor.pow', (torch.arange(-3, 4), 3))
    g.function('pow_int_negative_exponent', 'Tensor.pow', (torch.tensor([2, 3, 1, -1, -1, 0]), torch.tensor([-1, 2, -2, -3, -2, 2])))
    g.function('pow_int32_negative_exponent', 'Tensor.pow', (torch.tensor([2, 1, -1, -1], dtype=torch.int32),
                                                            torch.tensor([-1, -2, -3, -2], dtype=torch.int32)))
    g.function('pow_int32_wraps', 'Tensor.pow', (torch.tensor([2, 3, -3, 7], dtype=torch.int32), 40))
    g.function('pow_int64_wraps', 'Tensor.pow', (torch.tensor([2, 3, -3, 7]), 40))
    g.function('max_binary', 'Tensor.max', (r(3, 1), r(4)))
    g.function('min_binary', 'Tensor.min', (r(3, 1), r(4)))

    # -- unary: special values, large |x|, non-contiguous shapes --
    for op in ['exp', 'log', 'neg', 'abs', 'sqrt', 'relu', 'sigmoid', 'tanh']:
        g.function(f'{op}_special', f'Tensor.{op}', (special,))
        g.function(f'{op}_random', f'Tensor.{op}', (r(3, 37) * 4,))
    g.function('exp_range', 'Tensor.exp', (torch.linspace(-100, 100, 101),))
    g.function('log_range', 'Tensor.log', (torch.logspace(-38, 38, 77),))
    g.function('sigmoid_range', 'Tensor.sigmoid', (torch.linspace(-60, 60, 121),))
    g.function('tanh_range', 'Tensor.tanh', (torch.linspace(-12, 12, 97),))
    g.function('torch_relu', 'torch.relu', (r(2, 5),))
    g.function('torch_sigmoid', 'torch.sigmoid', (r(2, 5),))
    g.function('torch_tanh', 'torch.tanh', (r(2, 5),))

    # -- matmul in every rank combination --
    matmul_shapes = [
        ('1d_1d', (33,), (33,)), ('2d_1d', (17, 33), (33,)), ('1d_2d', (33,), (33, 9)),
        ('2d_2d', (17, 33), (33, 9)), ('3d_3d', (3, 17, 33), (3, 33, 9)), ('3d_2d', (2, 5, 7), (7, 3)),
        ('2d_3d', (5, 7), (4, 7, 3)), ('1d_3d', (7,), (2, 7, 3)), ('3d_1d', (2, 5, 7), (7,)),
        ('batch_broadcast', (2, 1, 3, 4), (5, 4, 2)), ('4d_4d_broadcast', (1, 3, 2, 5), (2, 1, 5, 4)),
        ('1x1', (1, 1), (1, 1)), ('odd', (1, 19), (19, 1)), ('tall', (65, 3), (3, 31)),
    ]
    for name, sa, sb in matmul_shapes:
        g.function(f'matmul_{name}', 'torch.matmul', (r(*sa), r(*sb)), tol={'rtol': 1e-5, 'atol': 1e-5})
    g.function('matmul_method', 'Tensor.matmul', (r(4, 6), r(6, 2)), tol={'rtol': 1e-5, 'atol': 1e-5})
    g.function('matmul_empty_k', 'torch.matmul', (r(3, 0), r(0, 2)))

    # -- reductions --
    x = r(3, 4, 5)
    xi = i64(3, 4, 5)
    xi32 = i32(4, 5)
    xb = torch.rand(3, 4) > 0.5
    for op in ['sum', 'mean', 'max', 'min']:
        g.function(f'{op}_all', f'Tensor.{op}', (x,))
        g.function(f'{op}_dim', f'Tensor.{op}', (x, 1))
        g.function(f'{op}_neg_dim', f'Tensor.{op}', (x, -1))
        g.function(f'{op}_keepdim', f'Tensor.{op}', (x, 0), {'keepdim': True})
        g.function(f'{op}_kw_dim', f'Tensor.{op}', (x,), {'dim': 2})
        g.function(f'{op}_1d', f'Tensor.{op}', (r(1000),), tol={'rtol': 1e-5, 'atol': 1e-5})
        g.function(f'{op}_0d', f'Tensor.{op}', (torch.tensor(2.5),))
        if op in ('sum', 'mean'):
            g.function(f'{op}_dims', f'Tensor.{op}', (x, [0, 2]))
            g.function(f'{op}_dims_neg_keepdim', f'Tensor.{op}', (x, [-1, 0], True))
            g.function(f'{op}_empty_dim', f'Tensor.{op}', (r(0, 3), 0))
            g.function(f'{op}_empty_outer', f'Tensor.{op}', (r(0, 3), 1))
        if op != 'mean':
            g.function(f'{op}_int64_all', f'Tensor.{op}', (xi,))
            g.function(f'{op}_int64_dim', f'Tensor.{op}', (xi, 1))
            g.function(f'{op}_int32_dim', f'Tensor.{op}', (xi32, -1))
            g.function(f'{op}_int32_all', f'Tensor.{op}', (xi32,))
            g.function(f'{op}_bool_all', f'Tensor.{op}', (xb,))
    g.function('sum_int64_dims_keepdim', 'Tensor.sum', (xi, [0, 1], True))
    g.function('sum_empty_dim_list', 'Tensor.sum', (x, []))
    g.function('sum_bool_dim', 'Tensor.sum', (xb, 0))
    g.function('max_nan', 'Tensor.max', (torch.tensor([[1.0, math.nan, 3.0], [2.0, 5.0, -1.0]]), 1))
    g.function('min_ties', 'Tensor.min', (torch.tensor([[1.0, 0.0, 0.0], [2.0, 2.0, 2.0]]), 1))
    g.function('max_all_nan', 'Tensor.max', (torch.tensor([1.0, math.nan, 3.0]),))
    g.function('argmax_all', 'Tensor.argmax', (x,))
    g.function('argmax_dim', 'Tensor.argmax', (x, 1))
    g.function('argmax_neg_keepdim', 'Tensor.argmax', (x, -1, True))
    g.function('argmax_keepdim_nodim', 'Tensor.argmax', (x,), {'keepdim': True})
    g.function('argmax_int', 'Tensor.argmax', (xi, 0))
    g.function('argmax_ties', 'Tensor.argmax', (torch.tensor([[3.0, 3.0, 1.0], [0.0, 2.0, 2.0]]), 1))

    # -- views through functions, dtype conversion --
    y = r(2, 3, 4)
    g.function('transpose', 'Tensor.transpose', (y, 0, -1))
    g.function('permute', 'Tensor.permute', (y, [2, 0, 1]))
    g.function('reshape', 'Tensor.reshape', (y, [4, -1]))
    g.function('view', 'Tensor.view', (y, [6, 4]))
    g.function('flatten', 'Tensor.flatten', (y, 1))
    g.function('flatten_0d', 'Tensor.flatten', (torch.tensor(3.0),))
    g.function('unflatten', 'Tensor.unflatten', (y, -1, [2, -1]))
    g.function('unsqueeze_neg', 'Tensor.unsqueeze', (y, -1))
    g.function('squeeze_all', 'Tensor.squeeze', (r(1, 3, 1, 2),))
    g.function('squeeze_dim', 'Tensor.squeeze', (r(1, 3, 1, 2), 2))
    g.function('squeeze_dim_not_one', 'Tensor.squeeze', (r(1, 3, 1, 2), 1))
    g.function('expand', 'Tensor.expand', (r(3, 1), [2, 3, 4]))
    g.function('expand_minus_one', 'Tensor.expand', (r(3, 1), [-1, 5]))
    g.function('contiguous', 'Tensor.contiguous', (y,))
    g.function('long_negative_fractions', 'Tensor.long', (torch.tensor([-2.7, -1.5, -0.5, -0.0, 0.5, 1.5, 2.9, 1e10, -1e10]),))
    g.function('int_fractions', 'Tensor.int', (torch.tensor([-2.7, -0.5, 0.5, 2.9, 1e6]),))
    g.function('bool_from_int', 'Tensor.bool', (torch.tensor([0, 2, -1, 0, 2 ** 40]),))
    g.function('bool_from_float', 'Tensor.bool', (torch.tensor([0.0, -0.0, 0.5, -2.0, math.inf]),))
    g.function('float_from_bool', 'Tensor.float', (torch.tensor([True, False, True]),))
    g.function('float_from_int64', 'Tensor.float', (torch.tensor([-3, 0, 2 ** 24 + 1, 2 ** 40]),))
    g.function('long_from_int32', 'Tensor.long', (i32(5),))
    g.function('int_from_int64_wrap', 'Tensor.int', (torch.tensor([2 ** 32 + 5, -(2 ** 31) - 1, 7]),))
    g.function('clone', 'Tensor.clone', (xi,))

    # -- creation --
    g.function('arange_int', 'torch.arange', (5,))
    g.function('arange_int_start_step', 'torch.arange', (-3, 10, 4))
    g.function('arange_int_negative_step', 'torch.arange', (5, -6, -3))
    g.function('arange_float_step', 'torch.arange', (0, 1, 0.3))
    g.function('arange_float_negative', 'torch.arange', (5, 0, -1.5))
    g.function('arange_float_fine', 'torch.arange', (-1, 1, 0.125))
    g.function('arange_dtype', 'torch.arange', (6,), {'dtype': torch.float32})
    g.function('arange_dtype_int32', 'torch.arange', (1, 6), {'dtype': torch.int32})
    g.function('arange_empty', 'torch.arange', (3, 3))
    for dt in [torch.float32, torch.int64, torch.int32, torch.bool]:
        n = DTYPE_NAME[dt]
        g.function(f'zeros_{n}', 'torch.zeros', ([2, 3],), {'dtype': dt})
        g.function(f'ones_{n}', 'torch.ones', (2, 3), {'dtype': dt})
    g.function('zeros_default', 'torch.zeros', (2, 0, 3))
    g.function('ones_scalar', 'torch.ones', ([],))
    g.function('full_float', 'torch.full', ([2, 2], 1.5))
    g.function('full_int64', 'torch.full', ([3], 7), {'dtype': torch.int64})
    g.function('full_int32', 'torch.full', ([2, 1], -4), {'dtype': torch.int32})
    g.function('full_bool', 'torch.full', ([2], True))
    g.function('full_bool_dtype', 'torch.full', ([3], 2.5), {'dtype': torch.bool})
    g.function('cat_dim0', 'torch.cat', ([r(2, 3), r(1, 3), r(4, 3)],))
    g.function('cat_neg_dim', 'torch.cat', ([r(2, 3), r(2, 1), r(2, 2)], -1))
    g.function('cat_3d_mid', 'torch.cat', ([r(2, 1, 3), r(2, 4, 3)], 1))
    g.function('cat_int_promote', 'torch.cat', ([i32(2), i64(3)],))
    g.function('cat_skip_empty_1d', 'torch.cat', ([r(2, 3), torch.zeros(0), r(1, 3)],))
    g.function('stack_dim0', 'torch.stack', ([r(2, 3), r(2, 3)],))
    g.function('stack_neg_dim', 'torch.stack', ([r(2, 3), r(2, 3), r(2, 3)], -1))
    g.function('stack_neg_mid', 'torch.stack', ([i64(2, 3), i64(2, 3)], -2))

    # -- seeded random draws (PyTorch's CPU generator) --
    g.function('rand_small', 'torch.rand', (3, 4), seed=0)
    g.function('rand_large', 'torch.rand', (37,), seed=123)
    g.function('randn_small', 'torch.randn', (3, 5), seed=0)
    g.function('randn_16', 'torch.randn', (16,), seed=1)
    g.function('randn_not_multiple_of_16', 'torch.randn', (2, 17), seed=2)
    g.function('randn_large', 'torch.randn', (101,), seed=3)
    g.function('randn_list_size', 'torch.randn', ([7],), seed=4)
    g.function('randint_high', 'torch.randint', (10, (3, 4)), seed=0)
    g.function('randint_low_high', 'torch.randint', (-5, 5, (20,)), seed=5)
    g.function('randint_dtype', 'torch.randint', (0, 1000, (6,)), {'dtype': torch.int32}, seed=6)

    # -- views of non-contiguous tensors (chains) --
    z = r(3, 4, 5)
    t01 = [('transpose', (0, 1))]
    g.chain('transpose_reshape', z, t01 + [('reshape', (12, 5))])
    g.chain('transpose_flatten', z, t01 + [('flatten', ())])
    g.chain('transpose_view_last_dims', z, t01 + [('view', (4, 3, 5))])
    g.chain('transpose_view_split_last', z, t01 + [('view', (4, 3, 5, 1))])
    g.chain('permute_reshape', z, [('permute', (2, 0, 1)), ('reshape', (-1,))])
    g.chain('permute_contiguous', z, [('permute', (1, 2, 0)), ('contiguous', ())])
    g.chain('permute_unflatten', z, [('permute', (2, 0, 1)), ('unflatten', (0, (5, 1)))])
    g.chain('transpose_unsqueeze', z, [('transpose', (1, 2)), ('unsqueeze', (1,)), ('contiguous', ())])
    g.chain('transpose_squeeze', r(3, 1, 4), [('transpose', (0, 2)), ('squeeze', ())])
    g.chain('transpose_expand', r(1, 3), [('transpose', (0, 1)), ('expand', (2, 3, 4))])
    g.chain('expand_reshape', r(3, 1), [('expand', (3, 4)), ('reshape', (4, 3))])
    g.chain('expand_sum', r(3, 1), [('expand', (3, 4)), ('sum', (1,))])
    g.chain('transpose_add', z, t01 + [('add', (r(5),))])
    g.chain('transpose_exp', z, t01 + [('exp', ())])
    g.chain('transpose_max_dim', z, [('transpose', (0, 2)), ('max', (1,))])
    g.chain('transpose_sum_dims', z, [('transpose', (0, 2)), ('sum', ([0, 1],))])
    g.chain('transpose_matmul', r(5, 3), [('transpose', (0, 1)), ('matmul', (r(5, 2),))])
    g.chain('transpose_long', z * 3, t01 + [('long', ())])
    g.chain('transpose_int_sum', i64(3, 4), [('transpose', (0, 1)), ('sum', (1,))])
    g.chain('transpose_int_add', i32(3, 4), [('transpose', (0, 1)), ('add', (i32(3),))])
    g.chain('unsqueeze_transpose_view', r(4, 6), [('transpose', (0, 1)), ('unsqueeze', (0,)), ('view', (1, 6, 4))])
    g.chain('transpose_view_incompatible', z, t01 + [('view', (60,))],
            expect=['Tensor.view', 'not compatible', '[4, 3, 5]', 'reshape'])
    g.chain('permute_view_merge', z, [('permute', (2, 0, 1)), ('view', (5, 12))])
    g.chain('permute_view_incompatible', z, [('permute', (2, 0, 1)), ('view', (15, 4))],
            expect=['Tensor.view', 'not compatible'])

    # -- rejected calls --
    g.error('add_broadcast_mismatch', ['Tensor.add', 'size of tensor a (3)', 'tensor b (2)', '[3]', '[2]'],
            fn='Tensor.add', args=(r(3), r(2)))
    g.error('mul_broadcast_mismatch_2d', ['Tensor.mul', '[2, 3]', '[4, 3]'], fn='Tensor.mul', args=(r(2, 3), r(4, 3)))
    g.error('matmul_inner_mismatch', ['torch.matmul', '[2, 3]', '[4, 5]', 'cannot be multiplied'],
            fn='torch.matmul', args=(r(2, 3), r(4, 5)))
    g.error('matmul_1d_mismatch', ['torch.matmul', '[3]', '[4]'], fn='torch.matmul', args=(r(3), r(4)))
    g.error('matmul_batch_mismatch', ['torch.matmul', 'size of tensor a (2)', 'tensor b (3)'],
            fn='torch.matmul', args=(r(2, 2, 3), r(3, 3, 4)))
    g.error('matmul_0d', ['torch.matmul', 'at least 1D'], fn='torch.matmul', args=(torch.tensor(1.0), r(3)))
    g.error('sum_dim_out_of_range', ['Tensor.sum', 'Dimension out of range', '[-3, 2]', '3'],
            fn='Tensor.sum', args=(r(2, 3, 4), 3))
    g.error('max_dim_out_of_range', ['Tensor.max', 'Dimension out of range', '-3'], fn='Tensor.max', args=(r(2, 3), -3))
    g.error('sum_repeated_dim', ['Tensor.sum', 'multiple times'], fn='Tensor.sum', args=(r(2, 3), [1, -1]))
    g.error('transpose_dim_out_of_range', ['Tensor.transpose', 'Dimension out of range'],
            fn='Tensor.transpose', args=(r(2, 3), 0, 2))
    g.error('unsqueeze_dim_out_of_range', ['Tensor.unsqueeze', 'Dimension out of range', '[-3, 2]'],
            fn='Tensor.unsqueeze', args=(r(2, 3), 3))
    g.error('cat_dim_out_of_range', ['torch.cat', 'Dimension out of range'], fn='torch.cat', args=([r(2), r(2)], 1))
    g.error('cat_size_mismatch', ['torch.cat', 'Sizes of tensors must match', '[2, 4]'],
            fn='torch.cat', args=([r(2, 3), r(2, 4)], 0))
    g.error('stack_size_mismatch', ['torch.stack', 'equal size', '[2, 3]', '[3, 2]'],
            fn='torch.stack', args=([r(2, 3), r(3, 2)],))
    g.error('permute_repeated', ['Tensor.permute', 'repeated dim'], fn='Tensor.permute', args=(r(2, 3), [0, 0]))
    g.error('permute_wrong_count', ['Tensor.permute', 'got 1, expected 2'], fn='Tensor.permute', args=(r(2, 3), [0]))
    g.error('expand_mismatch', ['Tensor.expand', 'expanded size', '(4)', 'existing size (3)'],
            fn='Tensor.expand', args=(r(3, 1), [4, 2]))
    g.error('reshape_wrong_size', ['Tensor.reshape', '[4, 2]', 'invalid for input of size 6'],
            fn='Tensor.reshape', args=(r(2, 3), [4, 2]))
    g.error('view_wrong_size', ['Tensor.view', '[-1, 4]', 'size 6'], fn='Tensor.view', args=(r(2, 3), [-1, 4]))
    g.error('unflatten_wrong_sizes', ['Tensor.unflatten', "don't multiply up", '(6)'],
            fn='Tensor.unflatten', args=(r(2, 6), 1, [4, 2]))
    g.error('flatten_start_after_end', ['Tensor.flatten', 'start_dim cannot come after end_dim'],
            fn='Tensor.flatten', args=(r(2, 3, 4), 2, 1))
    g.error('tensor_ragged', ['torch.tensor', 'ragged', 'data[1]'], fn='torch.tensor', args=([[1.0, 2.0], [3.0]],))
    g.error('tensor_ragged_deep', ['torch.tensor', 'ragged'], fn='torch.tensor', args=([[1.0, 2.0], 3.0],))
    g.error('tensor_unknown_dtype', ['torch.tensor', "unknown dtype 'float64'"], fn='torch.tensor',
            args=([1.0],), kwargs={'dtype': 'float64'})
    g.error('zeros_unknown_dtype', ['torch.zeros', "unknown dtype 'half'"], fn='torch.zeros', args=(2,),
            kwargs={'dtype': 'half'})
    g.error('zeros_negative_size', ['torch.zeros', 'non-negative', '[2, -1]'], fn='torch.zeros', args=(2, -1))
    g.error('ones_fractional_size', ['torch.ones', 'non-negative integers', '2.5'], fn='torch.ones', args=([2.5],))
    g.error('full_negative_size', ['torch.full', 'non-negative', '-3'], fn='torch.full', args=([-3], 1.5))
    g.error('item_many', ['Tensor.item', '6 elements', 'cannot be converted to Scalar'], fn='Tensor.item', args=(r(2, 3),))
    g.error('mean_int', ['Tensor.mean', 'floating point', 'int64'], fn='Tensor.mean', args=(i64(3),))
    g.error('max_empty', ['Tensor.max', 'empty', '[0]'], fn='Tensor.max', args=(r(0),))
    g.error('randint_empty_range', ['torch.randint', 'from=5 >= to=5'], fn='torch.randint', args=(5, 5, (3,)))
    g.error('arange_zero_step', ['torch.arange', 'step must be nonzero'], fn='torch.arange', args=(0, 5, 0))
    g.error('arange_wrong_sign', ['torch.arange', 'inconsistent with step sign'], fn='torch.arange', args=(0, 5, -1))
    g.error('squeeze_dim_out_of_range', ['Tensor.squeeze', 'Dimension out of range'],
            fn='Tensor.squeeze', args=(r(1, 3), 2))
    g.error('cat_0d', ['torch.cat', 'zero-dimensional tensor (at position 0)'], fn='torch.cat',
            args=([torch.tensor(1.0), torch.tensor(2.0)],))
    g.error('add_alpha_float_on_int', ['Tensor.add', 'alpha must not be a floating point number'], fn='Tensor.add',
            args=(i64(3), i64(3)), kwargs={'alpha': 0.5})
    g.error('add_unknown_option', ['Tensor.add', "unknown option 'alpah'"], fn='Tensor.add',
            args=(r(3), r(3)), kwargs={'alpah': 2})
    g.error('sub_bool', ['Tensor.sub', 'bool'], fn='Tensor.sub', args=(torch.tensor([True, False]), torch.tensor([1, 2])))
    g.write(out_dir)
