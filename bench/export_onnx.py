"""Exports the benchmark workloads as ONNX models for onnxruntime-web.

Run by bench/run.js on first use (the models are ~10 MB in total, so they are generated
into the ignored bench/.cache/ instead of being committed):
    /usr/bin/python3 bench/export_onnx.py bench/.cache
Weights are initializers (torch.onnx.export's default), opset 17, eval mode, fixed shapes
identical to the webtorch workloads in bench/workloads.js.
"""
import os
import sys

import torch
from torch import nn


class Net(nn.Module):
    """The article's Net (web-demo/models.js), for the `net` workload."""

    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(10000, 3, padding_idx=1)
        self.conv = nn.Sequential(nn.Conv1d(3, 16, 5), nn.MaxPool1d(2), nn.ReLU(), nn.Conv1d(16, 128, 2),
                                  nn.MaxPool1d(2), nn.ReLU())
        self.dense = nn.Sequential(nn.Flatten(), nn.Linear(6144, 1))

    def forward(self, x):
        return self.dense(self.conv(self.embedding(x).transpose(1, 2)))


def workloads():
    yield 'linear', nn.Linear(1024, 1024), torch.randn(64, 1024)
    yield 'conv3x3', nn.Conv2d(64, 64, 3, padding=1), torch.randn(1, 64, 56, 56)
    yield 'dwconv3x3', nn.Conv2d(128, 128, 3, padding=1, groups=128), torch.randn(1, 128, 56, 56)
    yield 'lstm', nn.LSTM(128, 256), torch.randn(100, 8, 128)
    yield 'transformer', nn.TransformerEncoderLayer(256, 8, 1024, batch_first=True), torch.randn(1, 128, 256)
    yield 'maxpool', nn.MaxPool2d(2), torch.randn(1, 64, 112, 112)
    yield 'layernorm', nn.LayerNorm(512), torch.randn(128, 512)
    yield 'net', Net(), torch.randint(0, 10000, (32, 200))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    for name, module, x in workloads():
        path = os.path.join(out, f'{name}.onnx')
        if os.path.exists(path):
            continue
        module.eval()
        # Not under no_grad: with grad enabled TransformerEncoderLayer skips its fused
        # fast path (aten::_transformer_encoder_layer_fwd), which ONNX cannot express.
        torch.onnx.export(module, (x,), path + '.tmp', opset_version=17, input_names=['x'],
                          do_constant_folding=True)
        os.replace(path + '.tmp', path)  # atomic: an interrupted export leaves no half file
        print(f'exported {path}', file=sys.stderr)


if __name__ == '__main__':
    main()
