"""Golden cases for nn.init (js/nn/init.js): seeded draws equal to PyTorch's, calculate_gain,
_calculate_fan_in_and_fan_out and PyTorch's error messages.

generate(out_dir) writes
  init.json         {"format": "webtorch-init-1", "draws": [...], "gains": [...], "fans": [...],
                     "errors": [...]}
  init.safetensors  the expected tensor of every draw, keyed by its name.

draws:  {name, fn, shape, args, kwargs, seed, tol?}: torch.manual_seed(seed), then
        nn.init.<fn>(torch.empty(shape), *args, **kwargs) gives safetensors[name]. `tol` is set
        for normal-based draws: PyTorch's normal_ for >= 16 elements runs Box-Muller in float
        (AVX2), webtorch in double, so they agree to ~1e-5 relative, not bit for bit.
gains:  {nonlinearity, param, gain}            nn.init.calculate_gain(nonlinearity, param)
fans:   {shape, fan_in, fan_out}               nn.init._calculate_fan_in_and_fan_out
errors: {name, fn, shape, args, kwargs, message}  PyTorch's message for a call it rejects.
"""
import json
import math
import os

import torch
from torch import nn

from cases_safetensors import write_safetensors

NORMAL_TOL = {'rtol': 1e-5, 'atol': 1e-5}
# erfinv in float (PyTorch) vs double then rounded (webtorch), then scaled.
TRUNC_TOL = {'rtol': 1e-4, 'atol': 1e-5}
# LAPACK's float QR vs webtorch's double Householder QR.
ORTHO_TOL = {'rtol': 1e-4, 'atol': 1e-5}

DRAWS = [
    # name, fn, shape, args, kwargs, tol
    ('uniform_default', 'uniform_', [3, 5], [], {}, None),
    ('uniform_ab', 'uniform_', [40], [-2.0, 3.0], {}, None),
    ('uniform_kw', 'uniform_', [2, 3, 4], [], {'a': -0.5, 'b': 0.25}, None),
    ('kaiming_uniform_default', 'kaiming_uniform_', [6, 4], [], {}, None),
    ('kaiming_uniform_a_sqrt5', 'kaiming_uniform_', [7, 5], [math.sqrt(5)], {}, None),
    ('kaiming_uniform_fan_out', 'kaiming_uniform_', [7, 5], [], {'mode': 'fan_out'}, None),
    ('kaiming_uniform_relu', 'kaiming_uniform_', [8, 3, 3], [], {'nonlinearity': 'relu'}, None),
    ('kaiming_uniform_tanh_conv', 'kaiming_uniform_', [4, 3, 2, 2], [], {'mode': 'fan_out', 'nonlinearity': 'tanh'}, None),
    ('kaiming_uniform_leaky_a', 'kaiming_uniform_', [5, 5], [0.2, 'fan_in', 'leaky_relu'], {}, None),
    ('kaiming_uniform_linear', 'kaiming_uniform_', [3, 9], [], {'nonlinearity': 'linear'}, None),
    ('kaiming_uniform_3d', 'kaiming_uniform_', [2, 3, 2, 2, 2], [], {'a': 1.0}, None),
    ('xavier_uniform_default', 'xavier_uniform_', [5, 7], [], {}, None),
    ('xavier_uniform_gain', 'xavier_uniform_', [5, 7], [], {'gain': 5.0 / 3}, None),
    ('xavier_uniform_conv', 'xavier_uniform_', [4, 2, 3], [2.0], {}, None),
    ('trunc_normal_default', 'trunc_normal_', [40], [], {}, TRUNC_TOL),
    ('trunc_normal_args', 'trunc_normal_', [6, 5], [1.0, 0.5, 0.0, 2.0], {}, TRUNC_TOL),
    ('trunc_normal_kw', 'trunc_normal_', [3, 3], [], {'std': 0.02, 'a': -0.04, 'b': 0.04}, TRUNC_TOL),
    ('normal_small', 'normal_', [3, 5], [], {}, None),
    ('normal_16', 'normal_', [4, 4], [0.5, 2.0], {}, NORMAL_TOL),
    ('normal_tail', 'normal_', [50], [], {'mean': -1.0, 'std': 0.1}, NORMAL_TOL),
    ('xavier_normal_default', 'xavier_normal_', [8, 6], [], {}, NORMAL_TOL),
    ('xavier_normal_small_gain', 'xavier_normal_', [2, 3], [], {'gain': 0.5}, None),
    ('kaiming_normal_default', 'kaiming_normal_', [10, 4], [], {}, NORMAL_TOL),
    ('kaiming_normal_fan_out_relu', 'kaiming_normal_', [6, 3, 3], [], {'mode': 'fan_out', 'nonlinearity': 'relu'}, NORMAL_TOL),
    ('orthogonal_wide', 'orthogonal_', [3, 5], [], {}, ORTHO_TOL),
    ('orthogonal_tall', 'orthogonal_', [5, 3], [], {}, ORTHO_TOL),
    ('orthogonal_square_gain', 'orthogonal_', [6, 6], [], {'gain': 2.0}, ORTHO_TOL),
    ('orthogonal_conv', 'orthogonal_', [4, 2, 3], [0.5], {}, ORTHO_TOL),
    ('eye_wide', 'eye_', [3, 5], [], {}, None),
    ('eye_tall', 'eye_', [4, 2], [], {}, None),
    ('constant', 'constant_', [2, 3], [0.25], {}, None),
    ('ones', 'ones_', [3, 2], [], {}, None),
    ('zeros', 'zeros_', [2, 2, 2], [], {}, None),
]

NONLINEARITIES = [('linear', None), ('conv1d', None), ('conv2d', None), ('conv3d', None),
                  ('conv_transpose1d', None), ('conv_transpose2d', None), ('conv_transpose3d', None),
                  ('sigmoid', None), ('tanh', None), ('relu', None), ('leaky_relu', None),
                  ('leaky_relu', 0.2), ('leaky_relu', 1), ('selu', None)]

FAN_SHAPES = [[3, 4], [4, 3], [2, 3, 4], [2, 3, 4, 5], [2, 3, 4, 5, 6], [0, 3], [5, 1, 1, 1]]

ERRORS = [
    # name, fn, shape, args, kwargs
    ('fan_1d', '_calculate_fan_in_and_fan_out', [5], [], {}),
    ('fan_0d', '_calculate_fan_in_and_fan_out', [], [], {}),
    ('xavier_1d', 'xavier_uniform_', [5], [], {}),
    ('kaiming_1d', 'kaiming_uniform_', [5], [], {}),
    ('kaiming_bad_mode', 'kaiming_uniform_', [3, 3], [], {'mode': 'fan_avg'}),
    ('kaiming_bad_nonlinearity', 'kaiming_normal_', [3, 3], [], {'nonlinearity': 'swish'}),
    ('gain_unknown', 'calculate_gain', None, ['gelu'], {}),
    ('gain_bad_slope', 'calculate_gain', None, ['leaky_relu', 'steep'], {}),
    ('orthogonal_1d', 'orthogonal_', [4], [], {}),
    ('eye_3d', 'eye_', [2, 2, 2], [], {}),
]


def call(fn, shape, args, kwargs):
    f = getattr(nn.init, fn)
    if shape is None:
        return f(*args, **kwargs)
    return f(torch.empty(shape), *args, **kwargs)


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    tensors = []
    draws = []
    for i, (name, fn, shape, args, kwargs, tol) in enumerate(DRAWS):
        seed = 100 + i
        torch.manual_seed(seed)
        tensors.append((name, call(fn, shape, args, kwargs).detach().contiguous()))
        case = {'name': name, 'fn': fn, 'shape': shape, 'args': args, 'kwargs': kwargs, 'seed': seed}
        if tol:
            case['tol'] = tol
        draws.append(case)
    gains = [{'nonlinearity': n, 'param': p, 'gain': nn.init.calculate_gain(n, p)} for n, p in NONLINEARITIES]
    fans = []
    for shape in FAN_SHAPES:
        fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
        fans.append({'shape': shape, 'fan_in': fan_in, 'fan_out': fan_out})
    errors = []
    for name, fn, shape, args, kwargs in ERRORS:
        try:
            call(fn, shape, args, kwargs)
        except (ValueError, RuntimeError) as e:
            errors.append({'name': name, 'fn': fn, 'shape': shape, 'args': args, 'kwargs': kwargs, 'message': str(e)})
        else:
            raise AssertionError(f'init/{name}: PyTorch accepted the call')
    write_safetensors(os.path.join(out_dir, 'init.safetensors'), tensors)
    with open(os.path.join(out_dir, 'init.json'), 'w') as f:
        json.dump({'format': 'webtorch-init-1', 'draws': draws, 'gains': gains, 'fans': fans, 'errors': errors}, f, indent=1)
        f.write('\n')
