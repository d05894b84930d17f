"""Golden cases: ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, their F. forms and torch.relu/... ."""
import torch

from golden import Golden

# Values that stress the SIMD approximations: signed zeros, infinities, NaN, huge and tiny |x|.
SPECIAL = torch.tensor([0.0, -0.0, 1e-8, -1e-8, 0.5, -0.5, 3.0, -3.0, 9.0, -9.0, 20.0, -20.0, 88.0, -88.0, 104.0,
                        -104.0, 1e30, -1e30, float('inf'), float('-inf'), float('nan')])


def generate(out_dir):
    g = Golden('activation')
    torch.manual_seed(0)
    r = torch.randn

    g.module('relu', 'ReLU', inputs=(r(3, 5),))
    g.module('relu_inplace', 'ReLU', (True,), inputs=(r(4, 3),))
    g.module('relu_special', 'ReLU', inputs=(SPECIAL,))
    g.module('sigmoid', 'Sigmoid', inputs=(r(2, 3, 4),))
    g.module('sigmoid_special', 'Sigmoid', inputs=(SPECIAL,))
    g.module('sigmoid_wide_range', 'Sigmoid', inputs=(torch.linspace(-100, 100, 2001),))
    g.module('tanh', 'Tanh', inputs=(r(5, 7),))
    g.module('tanh_special', 'Tanh', inputs=(SPECIAL,))
    g.module('tanh_wide_range', 'Tanh', inputs=(torch.linspace(-12, 12, 2401),))

    for mod in ('Softmax', 'LogSoftmax'):
        low = mod.lower()
        g.module(f'{low}_dim1', mod, (1,), inputs=(r(3, 5),))
        g.module(f'{low}_dim0', mod, (), {'dim': 0}, inputs=(r(4, 3),))
        g.module(f'{low}_dim_negative', mod, (-1,), inputs=(r(2, 3, 6),))
        g.module(f'{low}_dim_middle', mod, (1,), inputs=(r(2, 7, 3),))
        g.module(f'{low}_dim_none_2d', mod, (), inputs=(r(3, 4),))
        g.module(f'{low}_dim_none_3d', mod, (), inputs=(r(2, 3, 4),))
        g.module(f'{low}_large_values', mod, (1,), inputs=(torch.tensor([[1000.0, 0.0, -1000.0], [88.0, 89.0, 90.0]]),))
        g.module(f'{low}_with_inf', mod, (1,), inputs=(torch.tensor([[float('-inf'), 0.0, 1.0], [2.0, 2.0, 2.0]]),))
        g.module(f'{low}_long_row', mod, (-1,), inputs=(r(2, 1000) * 10,), tol={'rtol': 1e-5, 'atol': 1e-5})

    g.function('F_relu', 'F.relu', (r(6),))
    g.function('F_relu_inplace', 'F.relu', (r(6),), {'inplace': True})
    g.function('F_sigmoid', 'F.sigmoid', (r(6),))
    g.function('F_tanh', 'F.tanh', (r(6),))
    g.function('F_softmax', 'F.softmax', (r(2, 5),), {'dim': -1})
    g.function('F_softmax_dtype', 'F.softmax', (r(2, 5),), {'dim': 0, 'dtype': torch.float32})
    g.function('F_log_softmax', 'F.log_softmax', (r(2, 5), 1))
    g.function('torch_relu_scalar', 'torch.relu', (torch.tensor(-1.0),))
    g.function('torch_sigmoid', 'torch.sigmoid', (r(3),))
    g.function('torch_tanh', 'torch.tanh', (r(3),))
    g.function('torch_softmax', 'torch.softmax', (r(3, 4), 1))
    g.function('softmax_scalar', 'F.softmax', (torch.tensor(2.5), 0))

    g.error('softmax_dim_out_of_range', ['Softmax(dim=2)', 'Dimension out of range', 'got 2'],
            module='Softmax', args=(2,), inputs=(r(3, 4),))
    g.error('logsoftmax_int_input', ['LogSoftmax(dim=1)', 'float32', 'int64'],
            module='LogSoftmax', args=(1,), inputs=(torch.ones(2, 3, dtype=torch.int64),))
    g.module('relu_int64', 'ReLU', inputs=(torch.tensor([-3, 0, 5, -1]),))
    g.function('sigmoid_int64', 'torch.sigmoid', (torch.tensor([-3, 0, 5]),))
    g.function('tanh_int32', 'torch.tanh', (torch.tensor([-1, 0, 2], dtype=torch.int32),))
    g.error('relu_bool_input', ['ReLU()', 'bool'], module='ReLU', inputs=(torch.tensor([True, False]),))
    g.error('softmax_fractional_dim', ['Softmax', 'dim', '1.5'], module='Softmax', args=(1.5,), inputs=(r(2, 2),))
    g.error('F_softmax_not_tensor', ['F.softmax', 'input must be a Tensor'], fn='F.softmax', args=([1.0, 2.0], 0))
    g.write(out_dir)
