"""Golden cases for the seed article's "自定义模型层" and "functional 和 Module" sections
(shared/seed/000_9736fc6e1631c38b.txt): every example run in PyTorch 1.13, with what it prints.

generate(out_dir) writes
  article.json         {"format": "webtorch-article-1", "cases": {name: {...}}}; printed text is
                       captured from stdout of the article's own print statements;
  article.safetensors  the tensors the cases name (weights, inputs, outputs).

The article's slips are mended as shared/spec/LAYERS.md says: `num_embeddings=` (the typo
`num_embedding=` is recorded as an error), the first ReLU added as `relu_1`; and
`nn.init.calculate_fan_in_and_fan_out` (no such function) is `_calculate_fan_in_and_fan_out`.
tests/js/article.test.js ports each example line by line; keep the two side by side.
"""
import contextlib
import io
import json
import math
import os

import torch
from torch import nn
import torch.nn.functional as F

from cases_safetensors import write_safetensors


def printed(fn):
    """What fn() prints."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        fn()
    return buf.getvalue()


# -- 自定义模型层 ------------------------------------------------------------------------------
class Linear(nn.Module):
    __constants__ = ["in_features", "out_features"]

    def __init__(self, in_features, out_features, bias = True):
        super(Linear, self).__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = nn.Parameter(
            torch.Tensor(out_features, in_features)
        )
        if bias:
            self.bias = nn.Parameter(torch.Tensor(out_features))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.kaiming_uniform_(self.weight, a = math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = nn.init._calculate_fan_in_and_fan_out(
                self.weight
            )
            bound = 1 / math.sqrt(fan_in)
            nn.init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        return F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        return f"in_features={self.in_features}, \
                 out_features={self.out_features}, \
                 bias={self.bias is not None}"


# -- 使用 Module 管理子模块 ---------------------------------------------------------------------
class Net(nn.Module):

    def __init__(self):
        super(Net, self).__init__()

        self.embedding = nn.Embedding(
            num_embeddings = 10000,
            embedding_dim = 3,
            padding_idx = 1
        )

        self.conv = nn.Sequential()
        self.conv.add_module(
            "conv_1",
            nn.Conv1d(in_channels = 3, out_channels = 16, kernel_size = 5),
        )
        self.conv.add_module(
            "pool_1",
            nn.MaxPool1d(kernel_size = 2),
        )
        self.conv.add_module(
            "relu_1",
            nn.ReLU(),
        )
        self.conv.add_module(
            "conv_2",
            nn.Conv1d(in_channels = 16, out_channels = 128, kernel_size = 2),
        )
        self.conv.add_module(
            "pool_2",
            nn.MaxPool1d(kernel_size = 2),
        )
        self.conv.add_module(
            "relu_2",
            nn.ReLU(),
        )

        self.dense = nn.Sequential()
        self.dense.add_module("flatten", nn.Flatten())
        self.dense.add_module("linear", nn.Linear(6144, 1))

    def forward(self, x):
        x = self.embedding(x).transpose(1, 2)
        x = self.conv(x)
        y = self.dense(x)
        return y


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    tensors = {}
    cases = {}

    def keep(key, t):
        tensors[key] = t.detach().contiguous()
        return key

    # functional
    cases['relu'] = {'printed': printed(lambda: (
        print(torch.relu(torch.tensor(-1.0))),
        print(F.relu(torch.tensor(-1.0))),
    ))}

    # 使用 Module 管理参数: each example after torch.manual_seed(seed)
    def parameter():
        w = nn.Parameter(torch.randn(2, 2))
        print(w)
        print(w.requires_grad)
    torch.manual_seed(0)
    cases['parameter'] = {'seed': 0, 'printed': printed(parameter)}

    def parameter_list():
        params_list = nn.ParameterList([
            nn.Parameter(torch.rand(8, i))
            for i in range(1, 3)
        ])
        print(params_list)
        print(params_list[0].requires_grad)
    torch.manual_seed(1)
    cases['parameter_list'] = {'seed': 1, 'printed': printed(parameter_list)}

    def parameter_dict():
        params_dict = nn.ParameterDict({
            "a": nn.Parameter(torch.rand(2, 2)),
            "b": nn.Parameter(torch.zeros(2)),
        })
        print(params_dict)
        print(params_dict["a"].requires_grad)
    torch.manual_seed(2)
    cases['parameter_dict'] = {'seed': 2, 'printed': printed(parameter_dict)}

    def module_params():
        module = nn.Module()
        module.w = nn.Parameter(
            torch.randn(2, 2)
        )
        module.params_list = nn.ParameterList([
            nn.Parameter(torch.rand(8, i))
            for i in range(1, 3)
        ])
        module.param_dict = nn.ParameterDict({
            "a": nn.Parameter(torch.rand(2, 2)),
            "b": nn.Parameter(torch.zeros(2)),
        })

        num_param = 0
        for param in module.named_parameters():
            print(param, "\n")
            num_param = num_param + 1
        print(f"Number of Parameters = {num_param}")
    torch.manual_seed(3)
    cases['module_params'] = {'seed': 3, 'printed': printed(module_params)}

    # 自定义模型层: the custom Linear, seeded, its repr, weights and a forward.
    torch.manual_seed(4)
    lin = Linear(5, 3)
    x = torch.randn(4, 5)
    with torch.no_grad():
        y = lin(x)
    lin_nobias = Linear(2, 6, bias=False)
    cases['custom_linear'] = {
        'seed': 4, 'repr': repr(lin), 'repr_no_bias': repr(lin_nobias),
        'constants': Linear.__constants__,
        'weight': keep('custom_linear/weight', lin.weight), 'bias': keep('custom_linear/bias', lin.bias),
        'input': keep('custom_linear/input', x), 'output': keep('custom_linear/output', y),
        'no_bias_weight': keep('custom_linear/no_bias_weight', lin_nobias.weight),
    }

    # 使用 Module 管理子模块: the Net and the article's print loops.
    torch.manual_seed(5)
    net = Net()

    def children():
        i = 0
        for child in net.children():
            i += 1
            print(child, "\n")
        print("child number", i)

    def named_children():
        i = 0
        for name, child in net.named_children():
            i += 1
            print(name, ":", child, "\n")
        print("child number", i)

    def modules():
        i = 0
        for module in net.modules():
            i += 1
            print(module)
        print("module number:", i)

    def children_dict():
        children_dict = {
            name: module for name, module in net.named_children()
        }
        print(children_dict)

        embedding = children_dict["embedding"]
        embedding.requires_grad_(False)
        print(embedding)

        for param in embedding.parameters():
            print(param.requires_grad)
            print(param.numel())

    net_case = {'seed': 5, 'children': printed(children), 'named_children': printed(named_children),
                'modules': printed(modules), 'children_dict': printed(children_dict),
                'requires_grad': {k: p.requires_grad for k, p in net.named_parameters()}}
    x = torch.randint(0, 10000, (2, 200))
    x[0, :7] = 1  # padding_idx rows
    with torch.no_grad():
        y = net(x)
    net_case['state_dict'] = {k: keep(f'net/sd/{k}', v) for k, v in net.state_dict().items()}
    net_case['input'] = keep('net/input', x)
    net_case['output'] = keep('net/output', y)
    cases['net'] = net_case

    # The article's typo fails loudly in PyTorch; webtorch must reject it too.
    try:
        nn.Embedding(num_embedding=10000, embedding_dim=3, padding_idx=1)
    except TypeError as e:
        cases['typo'] = {'error': str(e)}
    else:
        raise AssertionError('PyTorch accepted num_embedding=')

    write_safetensors(os.path.join(out_dir, 'article.safetensors'), list(tensors.items()))
    with open(os.path.join(out_dir, 'article.json'), 'w') as f:
        json.dump({'format': 'webtorch-article-1', 'cases': cases}, f, indent=1, ensure_ascii=False)
        f.write('\n')
