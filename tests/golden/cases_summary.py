"""Golden data for torch.summary (tests/js/summary.test.js): for each model, what PyTorch says
about every module in named_modules() order — its type, the shape of the first tensor of its
output in one eval-mode forward pass on zeros (read by forward hooks, as torch.summary does), its
own parameter count and how many of those are trainable — and the totals.

generate(out_dir) writes summary.json {"format": "webtorch-summary-1", "models": {name: {...}}}.
The JS test builds the same models (same constructors, same freezing) and compares its table.
"""
import json
import os

import torch
from torch import nn

from cases_article import Net


def first_shape(out):
    if isinstance(out, torch.Tensor):
        return list(out.shape)
    if isinstance(out, (tuple, list)):
        for o in out:
            s = first_shape(o)
            if s is not None:
                return s
    return None


def describe(model, inputs):
    rows = {}
    hooks = []
    for name, m in model.named_modules():
        def hook(mod, args, out, name=name):
            rows.setdefault(name, first_shape(out))
        hooks.append(m.register_forward_hook(hook))
    model.eval()
    with torch.no_grad():
        model(*inputs)
    for h in hooks:
        h.remove()
    out = []
    for name, m in model.named_modules():
        own = list(m.parameters(recurse=False))
        out.append({
            'name': name, 'type': type(m).__name__, 'output_shape': rows.get(name),
            'params': sum(p.numel() for p in own),
            'trainable': sum(p.numel() for p in own if p.requires_grad),
        })
    params = list(model.parameters())
    return {
        'input_size': [list(x.shape) for x in inputs],
        'dtypes': [str(x.dtype).replace('torch.', '') for x in inputs],
        'rows': out,
        'total_params': sum(p.numel() for p in params),
        'trainable_params': sum(p.numel() for p in params if p.requires_grad),
    }


def generate(out_dir):
    models = {}

    net = Net()
    net.embedding.weight.requires_grad_(False)  # the article's frozen embedding
    models['article_net'] = describe(net, [torch.zeros(2, 200, dtype=torch.int64)])

    cnn = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 6 * 6, 10))
    cnn[1].bias.requires_grad_(False)  # a partly frozen layer
    models['cnn'] = describe(cnn, [torch.zeros(2, 3, 8, 8)])

    lstm = nn.LSTM(4, 6, num_layers=2, bidirectional=True)
    models['lstm'] = describe(lstm, [torch.zeros(5, 2, 4)])

    with open(os.path.join(out_dir, 'summary.json'), 'w') as f:
        json.dump({'format': 'webtorch-summary-1', 'models': models}, f, indent=1)
        f.write('\n')
