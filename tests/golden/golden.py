"""The golden-case writer shared by every tests/golden/cases_*.py family.

A family collects cases and writes two files into tests/golden/data/:

  <family>.json         {"format": "webtorch-golden-1", "family": ..., "cases": [...]}
  <family>.safetensors  every tensor the cases reference, by key

Arguments are JSON with two escapes: {"tensor": key} for a tensor stored in the
safetensors file and {"float": x} for a Python float that JS must treat as a float
(only where the difference shows, e.g. in a repr). Tuples become arrays, None null.

Case kinds (replayed by tests/js/golden.js):

  module    build nn.<module>(*args, **kwargs) [after torch.manual_seed(seed) if
            "seed" is set — then the freshly initialised state_dict must match too],
            load "state_dict", set train/eval, run forward(*inputs, **forward_kwargs)
            "steps" times, compare "outputs" (nested like the Python result), "repr",
            "state_dict_keys" and, when given, "state_dict_after".
  function  call <fn> (e.g. "F.conv1d", "torch.matmul", "Tensor.sum") with args/kwargs
            [after torch.manual_seed(seed) if "seed" is set], compare "outputs".
  error     the same call (module construction, or forward on "inputs") must throw an
            Error mentioning every string in "expect", leaving memory_allocated()
            unchanged. The generator checks that PyTorch rejects the same call.
"""
import json
import os

import torch

from cases_safetensors import write_safetensors


class Golden:
    def __init__(self, family):
        self.family = family
        self.cases = []
        self.tensors = {}
        self._names = set()

    # -- values ------------------------------------------------------------------------
    def tensor(self, t, key):
        key = f'{key}'
        assert key not in self.tensors, key
        # A copy: an in-place forward must not change what was recorded as its input.
        t = t.detach().clone().contiguous()
        if t.dtype == torch.float64:
            t = t.float()
        self.tensors[key] = t
        return {'tensor': key}

    def encode(self, v, key):
        """Turn a Python value (tensors, tuples, None, numbers, strings) into case JSON."""
        if isinstance(v, torch.Tensor):
            return self.tensor(v, key)
        if isinstance(v, (list, tuple)):
            return [self.encode(x, f'{key}.{i}') for i, x in enumerate(v)]
        if isinstance(v, dict):
            return {k: self.encode(x, f'{key}.{k}') for k, x in v.items()}
        if isinstance(v, torch.dtype):
            return str(v).replace('torch.', '')
        if isinstance(v, float):
            return {'float': v} if v == int(v) else v
        return v

    def _new_name(self, name):
        assert name not in self._names, f'duplicate case name {name}'
        self._names.add(name)
        return name

    # -- cases -------------------------------------------------------------------------
    def module(self, name, module, args=(), kwargs=None, inputs=(), forward_kwargs=None, train=False,
               seed=None, steps=1, tol=None, build=None):
        """Record nn.<module>(*args, **kwargs) and its forward on inputs.

        build: optional callable returning the torch module (default getattr(nn, module)).
        """
        name = self._new_name(name)
        kwargs = kwargs or {}
        forward_kwargs = forward_kwargs or {}
        if seed is not None:
            torch.manual_seed(seed)
        m = build() if build else getattr(torch.nn, module)(*args, **kwargs)
        sd = {k: v.clone() for k, v in m.state_dict().items()}
        enc_inputs = self.encode(list(inputs), f'{name}/in')
        enc_forward_kwargs = self.encode(forward_kwargs, f'{name}/fkw')
        m.train(train)
        outputs = None
        for _ in range(steps):
            with torch.no_grad():
                outputs = m(*inputs, **forward_kwargs)
        case = {
            'name': name, 'kind': 'module', 'module': module,
            'args': self.encode(list(args), f'{name}/arg'),
            'kwargs': self.encode(kwargs, f'{name}/kwarg'),
            'seed': seed, 'train': train, 'steps': steps,
            'state_dict': {k: self.tensor(v, f'{name}/sd/{k}') for k, v in sd.items()},
            'state_dict_keys': list(sd.keys()),
            'inputs': enc_inputs,
            'forward_kwargs': enc_forward_kwargs,
            'outputs': self.encode(outputs, f'{name}/out'),
            'repr': repr(m),
        }
        after = m.state_dict()
        if any(not torch.equal(after[k], sd[k]) for k in sd):
            case['state_dict_after'] = {k: self.tensor(v, f'{name}/sd_after/{k}') for k, v in after.items()}
        if tol:
            case['tol'] = tol
        self.cases.append(case)
        return m

    def function(self, name, fn, args=(), kwargs=None, tol=None, seed=None):
        """Record a call such as fn='F.conv1d' | 'torch.matmul' | 'Tensor.sum' (args[0] is self),
        after torch.manual_seed(seed) when seed is given."""
        name = self._new_name(name)
        kwargs = kwargs or {}
        enc_args = self.encode(list(args), f'{name}/arg')
        enc_kwargs = self.encode(kwargs, f'{name}/kwarg')
        if seed is not None:
            torch.manual_seed(seed)
        with torch.no_grad():
            outputs = resolve(fn)(*args, **kwargs)
        case = {
            'name': name, 'kind': 'function', 'fn': fn, 'seed': seed,
            'args': enc_args,
            'kwargs': enc_kwargs,
            'outputs': self.encode(outputs, f'{name}/out'),
        }
        if tol:
            case['tol'] = tol
        self.cases.append(case)

    def error(self, name, expect, module=None, fn=None, args=(), kwargs=None, inputs=None,
              forward_kwargs=None):
        """Record a call PyTorch rejects: construction (inputs None) or forward on inputs."""
        name = self._new_name(name)
        kwargs = kwargs or {}
        forward_kwargs = forward_kwargs or {}
        try:
            if fn is not None:
                resolve(fn)(*args, **kwargs)
            else:
                m = getattr(torch.nn, module)(*args, **kwargs)
                if inputs is not None:
                    m(*inputs, **forward_kwargs)
        except Exception:  # noqa: BLE001 - any PyTorch rejection counts
            pass
        else:
            raise AssertionError(f'{self.family}/{name}: PyTorch accepted what the case says it rejects')
        case = {
            'name': name, 'kind': 'error', 'module': module, 'fn': fn,
            'args': self.encode(list(args), f'{name}/arg'),
            'kwargs': self.encode(kwargs, f'{name}/kwarg'),
            'inputs': None if inputs is None else self.encode(list(inputs), f'{name}/in'),
            'forward_kwargs': self.encode(forward_kwargs, f'{name}/fkw'),
            'expect': expect,
        }
        self.cases.append(case)

    # -- output ------------------------------------------------------------------------
    def write(self, out_dir):
        os.makedirs(out_dir, exist_ok=True)
        write_safetensors(os.path.join(out_dir, f'{self.family}.safetensors'), list(self.tensors.items()))
        with open(os.path.join(out_dir, f'{self.family}.json'), 'w') as f:
            json.dump({'format': 'webtorch-golden-1', 'family': self.family, 'cases': self.cases}, f, indent=1)
            f.write('\n')


def resolve(fn):
    """'F.x' -> torch.nn.functional.x, 'torch.x' -> torch.x, 'Tensor.x' -> torch.Tensor.x."""
    space, _, attr = fn.partition('.')
    base = {'F': torch.nn.functional, 'torch': torch, 'Tensor': torch.Tensor}[space]
    return getattr(base, attr)
