"""Golden cases for the module system (LAYERS.md row "containers"): reprs of nested containers,
state_dict keys, named_* names and order, load_state_dict errors.

generate(out_dir) writes out_dir/module.json: {"format": "webtorch-module-1", "cases": [...]}.

A case's "build" is a small JSON description that tests/js/module.test.js turns into webtorch
objects with the same steps as build() below turns it into torch objects:

    null                                        None
    {"ref": label}                              the module built earlier with that "label"
    {"type": "Parameter", "shape": [...]}       nn.Parameter(torch.zeros(shape))
    {"type": "Tensor", "shape": [...]}          torch.zeros(shape)
    {"type": "Sequential", "items": [spec...]}  nn.Sequential(*items)
    {"type": "Sequential", "named": [[k, spec]...]}  nn.Sequential(OrderedDict(named))
    {"type": "ModuleList" | "ParameterList", "items": [spec...]}
    {"type": "ModuleDict" | "ParameterDict", "named": [[k, spec]...]}
    {"type": "Module", "class": name?}          a bare nn.Module (or an empty subclass named `class`)
    {"type": <nn layer>, "args": [...], "kwargs": {...}}
    any spec may carry "label" (for a later "ref") and "ops", applied in order after construction:
        ["set", name, spec]                     m.<name> = spec
        ["add_module", name, spec]
        ["register_parameter", name, spec]
        ["register_buffer", name, spec, persistent]

A case may also carry "load": {"drop": [keys], "add": [[key, shape]], "reshape": [[key, shape]],
"strict": bool}: the module's own state_dict, edited so, is loaded back; "error" is then
PyTorch's message, or "result" its {missing_keys, unexpected_keys}.
"""
import json
import os
from collections import OrderedDict

import torch
from torch import nn


def build(spec, refs):
    if spec is None:
        return None
    if 'ref' in spec:
        return refs[spec['ref']]
    t = spec['type']
    if t == 'Parameter':
        m = nn.Parameter(torch.zeros(spec['shape']))
    elif t == 'Tensor':
        m = torch.zeros(spec['shape'])
    elif t == 'Sequential' and 'named' in spec:
        m = nn.Sequential(OrderedDict((k, build(v, refs)) for k, v in spec['named']))
    elif t == 'Sequential':
        m = nn.Sequential(*[build(v, refs) for v in spec['items']])
    elif t in ('ModuleList', 'ParameterList'):
        m = getattr(nn, t)([build(v, refs) for v in spec['items']])
    elif t in ('ModuleDict', 'ParameterDict'):
        m = getattr(nn, t)(OrderedDict((k, build(v, refs)) for k, v in spec['named']))
    elif t == 'Module':
        m = type(spec['class'], (nn.Module,), {})() if 'class' in spec else nn.Module()
    else:
        m = getattr(nn, t)(*spec.get('args', []), **spec.get('kwargs', {}))
    for op, name, *rest in spec.get('ops', []):
        if op == 'set':
            setattr(m, name, build(rest[0], refs))
        elif op == 'add_module':
            m.add_module(name, build(rest[0], refs))
        elif op == 'register_parameter':
            m.register_parameter(name, build(rest[0], refs))
        elif op == 'register_buffer':
            m.register_buffer(name, build(rest[0], refs), persistent=rest[1])
    if 'label' in spec:
        refs[spec['label']] = m
    return m


def layer(t, *args, **kwargs):
    return {'type': t, 'args': list(args), 'kwargs': kwargs}


def param(*shape):
    return {'type': 'Parameter', 'shape': list(shape)}


def tensor(*shape):
    return {'type': 'Tensor', 'shape': list(shape)}


def module(*ops, cls=None, label=None):
    spec = {'type': 'Module', 'ops': [list(op) for op in ops]}
    if cls:
        spec['class'] = cls
    if label:
        spec['label'] = label
    return spec


def seq(*items, label=None):
    spec = {'type': 'Sequential', 'items': list(items)}
    if label:
        spec['label'] = label
    return spec


def named(t, *pairs):
    return {'type': t, 'named': [list(p) for p in pairs]}


def record(name, spec, load=None):
    m = build(spec, {})
    case = {
        'name': name,
        'build': spec,
        'repr': repr(m),
        'state_dict_keys': list(m.state_dict().keys()),
        'named_parameters': [k for k, _ in m.named_parameters()],
        'named_buffers': [k for k, _ in m.named_buffers()],
        'named_children': [k for k, _ in m.named_children()],
        'named_modules': [k for k, _ in m.named_modules()],
        'named_modules_all': [k for k, _ in m.named_modules(remove_duplicate=False)],
        'num_parameters': len(list(m.parameters())),
    }
    if load is not None:
        sd = OrderedDict(m.state_dict())
        for k in load.get('drop', []):
            del sd[k]
        for k, shape in load.get('reshape', []):
            sd[k] = torch.zeros(shape)
        for k, shape in load.get('add', []):
            sd[k] = torch.zeros(shape)
        case['load'] = load
        try:
            r = m.load_state_dict(sd, strict=load.get('strict', True))
        except RuntimeError as e:
            case['error'] = str(e)
        else:
            case['result'] = {'missing_keys': r.missing_keys, 'unexpected_keys': r.unexpected_keys}
    return case


def cases():
    shared = layer('Linear', 2, 2)
    shared['label'] = 'shared'
    net = module(
        ('set', 'embedding', layer('Embedding', 10, 3)),
        ('set', 'conv', named('Sequential', ('conv_1', layer('Conv1d', 3, 4, 2)), ('relu_1', layer('ReLU')))),
        ('register_buffer', 'scale', tensor(3), True),
        ('register_buffer', 'cache', tensor(2), False),
        ('set', 'w', param(3)),
        ('set', 'heads', {'type': 'ModuleList', 'items': [layer('Linear', 4, 2), seq(layer('Linear', 2, 2), layer('Tanh'))]}),
        cls='Net')
    return [
        record('sequential_positional', seq(layer('Linear', 4, 3), layer('ReLU'), layer('Linear', 3, 1, bias=False))),
        record('sequential_named', named('Sequential', ('fc1', layer('Linear', 4, 3)), ('act', layer('Tanh')),
                                          ('fc2', layer('Linear', 3, 2)))),
        record('sequential_nested', seq(seq(layer('Linear', 2, 3), layer('ReLU')),
                                        named('Sequential', ('inner', seq(layer('Flatten'), layer('Identity')))),
                                        layer('Linear', 3, 1))),
        record('sequential_empty', seq()),
        record('modulelist_nested', {'type': 'ModuleList', 'items': [
            layer('Linear', 2, 2),
            {'type': 'ModuleList', 'items': [layer('ReLU'), {'type': 'ModuleList', 'items': []}]},
            seq(layer('Sigmoid'))]}),
        record('moduledict', named('ModuleDict', ('conv', layer('Conv2d', 1, 2, 3)), ('pool', layer('MaxPool2d', 2)),
                                   ('head', seq(layer('Flatten'), layer('Linear', 8, 2))))),
        record('parameterlist', {'type': 'ParameterList', 'items': [param(8, 1), param(8, 2), param(3), param()]}),
        record('parameterdict', named('ParameterDict', ('b', param(2)), ('a', param(2, 2)), ('c', param(1, 2, 3)))),
        record('parameterlist_empty', {'type': 'ParameterList', 'items': []}),
        record('bare_module_params', module(
            ('set', 'w', param(2, 2)),
            ('set', 'params_list', {'type': 'ParameterList', 'items': [param(8, 1), param(8, 2)]}),
            ('set', 'param_dict', named('ParameterDict', ('a', param(2, 2)), ('b', param(2)))))),
        record('none_children', module(
            ('add_module', 'first', layer('ReLU')),
            ('add_module', 'missing', None),
            ('register_parameter', 'p', None),
            ('register_buffer', 'b', None, True),
            ('set', 'last', seq(layer('Identity'))))),
        record('sequential_none_child', dict(seq(), ops=[['add_module', 'a', None], ['add_module', 'b', layer('ReLU')]])),
        record('buffers_persistent', module(
            ('register_buffer', 'running', tensor(2), True),
            ('register_buffer', 'scratch', tensor(4), False),
            ('set', 'fc', layer('Linear', 2, 2)),
            ('register_buffer', 'after', tensor(1), True))),
        record('shared_module', module(
            ('set', 'a', shared),
            ('set', 'b', {'ref': 'shared'}),
            ('set', 'c', seq({'ref': 'shared'}, layer('ReLU'))))),
        record('shared_parameter', module(
            ('set', 'p', dict(param(2), label='p')),
            ('set', 'q', {'ref': 'p'}),
            ('set', 'sub', module(('set', 'r', {'ref': 'p'}), ('set', 's', param(1)))))),
        record('user_class_nested', net),
        record('order_of_assignment', module(
            ('set', 'z', layer('ReLU')),
            ('set', 'y', param(1)),
            ('set', 'a', layer('Tanh')),
            ('set', 'b', param(2)),
            ('register_buffer', 'c', tensor(1), True),
            cls='Ordered')),
        # load_state_dict errors and results
        record('load_missing', net, load={'drop': ['w', 'conv.conv_1.bias']}),
        record('load_unexpected', net, load={'add': [['extra', [1]], ['conv.conv_9.weight', [2]],
                                                     ['heads.0.scale', [1]]]}),
        record('load_shape_mismatch', net, load={'reshape': [['heads.1.0.weight', [3, 2]], ['scale', [4]]]}),
        record('load_all_errors', net, load={'drop': ['embedding.weight'], 'add': [['bogus', [2]]],
                                             'reshape': [['w', [2, 2]]]}),
        record('load_non_strict', net, load={'drop': ['w', 'scale'], 'add': [['extra', [1]], ['heads.5.x', [1]]],
                                             'strict': False}),
        record('load_non_strict_shape_mismatch', net, load={'reshape': [['w', [1]]], 'strict': False}),
        record('load_non_persistent_given', net, load={'add': [['cache', [2]]]}),
    ]


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, 'module.json')
    with open(path, 'w') as f:
        json.dump({'format': 'webtorch-module-1', 'cases': cases()}, f, indent=1)
        f.write('\n')
    return path
