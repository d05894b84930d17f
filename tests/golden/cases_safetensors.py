"""Golden fixtures for js/safetensors.js.

The Python `safetensors` package is not packaged for Debian, so the files are written
here by hand, byte for byte as its writer (the Rust `safetensors::serialize`) lays them
out:

  * u64 little-endian header length N, then N bytes of compact JSON
    (`{"__metadata__":{...},"name":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},...}`,
    non-ASCII written as raw UTF-8), right-padded with spaces to a multiple of 8;
  * the data section: tensors sorted by descending dtype alignment (the order of the
    Rust `Dtype` enum, reversed), then by name (UTF-8 bytes); the header lists them in
    that same order and each begins where the previous one ends.

Tensor data comes from real PyTorch (a small state_dict after one training-mode
forward) and the expected values are what PyTorch gives after converting to the dtype
webtorch loads as (`.float()` for F64/F16/BF16, int32 for 8/16-bit integers).

safetensors.json lists, per file, the tensors in file order with
  name, dtype (webtorch's), shape, values (flat),
where float values are Python floats of the float32 value, or the strings
"inf" / "-inf" / "nan"; int64 values are decimal strings (exact beyond 2^53);
bool values are true/false.

Run alone: /usr/bin/python3 tests/golden/cases_safetensors.py  (writes ./data/).
"""
import json
import math
import os
import struct

import numpy as np
import torch

# Position in the Rust reference's Dtype enum (increasing alignment).
DTYPE_RANK = {
    'BOOL': 0, 'U8': 1, 'I8': 2, 'F8_E5M2': 3, 'F8_E4M3': 4, 'I16': 5, 'U16': 6,
    'F16': 7, 'BF16': 8, 'I32': 9, 'U32': 10, 'F32': 11, 'F64': 12, 'I64': 13, 'U64': 14,
}
TORCH_CODE = {
    torch.float32: 'F32', torch.float64: 'F64', torch.float16: 'F16', torch.bfloat16: 'BF16',
    torch.int64: 'I64', torch.int32: 'I32', torch.int16: 'I16', torch.int8: 'I8',
    torch.uint8: 'U8', torch.bool: 'BOOL',
}
WEBTORCH_DTYPE = {
    'F32': 'float32', 'F64': 'float32', 'F16': 'float32', 'BF16': 'float32',
    'I64': 'int64', 'I32': 'int32', 'I16': 'int32', 'U16': 'int32', 'I8': 'int32', 'U8': 'int32',
    'BOOL': 'bool',
}


def raw_bytes(t):
    """Little-endian C-order bytes of a torch tensor (bf16 through an int16 view)."""
    t = t.detach().contiguous()
    if t.dtype == torch.bfloat16:
        t = t.view(torch.int16)
    return t.numpy().astype(t.numpy().dtype.newbyteorder('<')).tobytes()


def expected_values(code, t):
    """Flat values after webtorch's conversion, JSON-safe."""
    if isinstance(t, np.ndarray):  # U16 has no torch dtype in 1.13
        return [int(v) for v in t.astype(np.int32).reshape(-1)]
    flat = t.detach().reshape(-1)
    target = WEBTORCH_DTYPE[code]
    if target == 'float32':
        out = []
        for v in flat.float().tolist():
            if math.isnan(v):
                out.append('nan')
            elif math.isinf(v):
                out.append('inf' if v > 0 else '-inf')
            else:
                out.append(v)
        return out
    if target == 'int64':
        return [str(v) for v in flat.tolist()]
    if target == 'int32':
        return [int(v) for v in flat.to(torch.int32).tolist()]
    return [bool(v) for v in flat.tolist()]


def write_safetensors(path, named, metadata=None):
    """named: list of (name, tensor-or-(code, ndarray)). Returns the expected entries in file order."""
    items = []
    for name, t in named:
        if isinstance(t, tuple):
            code, arr = t
            shape = list(arr.shape)
            data = arr.astype(arr.dtype.newbyteorder('<')).tobytes()
            values = expected_values(code, arr)
        else:
            code = TORCH_CODE[t.dtype]
            shape = list(t.shape)
            data = raw_bytes(t)
            values = expected_values(code, t)
        items.append((name, code, shape, data, values))
    items.sort(key=lambda it: (-DTYPE_RANK[it[1]], it[0].encode('utf-8')))

    header = {}
    if metadata is not None:
        header['__metadata__'] = dict(sorted(metadata.items()))
    offset = 0
    for name, code, shape, data, _ in items:
        header[name] = {'dtype': code, 'shape': shape, 'data_offsets': [offset, offset + len(data)]}
        offset += len(data)
    text = json.dumps(header, separators=(',', ':'), ensure_ascii=False).encode('utf-8')
    text += b' ' * ((8 - len(text) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)))
        f.write(text)
        for item in items:
            f.write(item[3])
    return [{'name': n, 'dtype': WEBTORCH_DTYPE[c], 'shape': s, 'values': v} for n, c, s, _, v in items]


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(4, 3)
        self.bn = torch.nn.BatchNorm1d(3)
        self.emb = torch.nn.Embedding(5, 2)


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    torch.manual_seed(0)
    cases = []

    # 1. A state_dict as PyTorch has it, plus extra buffers of every webtorch dtype.
    net = Net()
    net.train()
    with torch.no_grad():
        net.bn(net.fc(torch.randn(6, 4)))  # moves running stats, num_batches_tracked -> 1 (shape [])
    named = list(net.state_dict().items())
    named += [
        ('mask', torch.tensor([[True, False, True], [False, False, True]])),
        ('index', torch.tensor([3, -1, 2147483647, -2147483648], dtype=torch.int32)),
        ('big', torch.tensor([2 ** 62 + 1, -2 ** 63, 7], dtype=torch.int64)),
        ('empty', torch.zeros(0, 3)),
        ('scale', torch.tensor(0.25)),
    ]
    cases.append(('safetensors_state_dict.safetensors', named, {'format': 'pt', 'source': 'webtorch golden'}))

    # 2. Dtypes webtorch converts on load.
    f16 = torch.tensor([[1.0, -0.0, 65504.0], [6e-8, float('inf'), float('nan')]], dtype=torch.float16)
    bf16 = torch.tensor([1.0, -3.140625, 1e38, float('-inf'), 1e-40], dtype=torch.bfloat16)
    f64 = torch.tensor([0.1, -2.5, 1e-300, 1e39, 3.4028235677973366e38, 16777217.0], dtype=torch.float64)
    named = [
        ('half', f16),
        ('brain', bf16),
        ('double', f64),
        ('i8', torch.tensor([-128, -1, 0, 127], dtype=torch.int8)),
        ('u8', torch.tensor([0, 1, 128, 255], dtype=torch.uint8)),
        ('i16', torch.tensor([[-32768, 0, 32767]], dtype=torch.int16)),
        ('u16', ('U16', np.array([0, 40000, 65535], dtype=np.uint16))),
        ('flag', torch.tensor(True)),
        ('double_empty', torch.zeros(2, 0, dtype=torch.float64)),
    ]
    cases.append(('safetensors_dtypes.safetensors', named, {'format': 'pt'}))

    # 3. Names that are awkward in JS (prototype keys, non-ASCII); no metadata at all.
    named = [
        ('__proto__', torch.tensor([1.0, 2.0])),
        ('constructor', torch.tensor([3], dtype=torch.int64)),
        ('prototype', torch.tensor([False])),
        ('caf\u00e9.weight', torch.tensor([4.0])),
        ('\U0001F600', torch.tensor([5.0])),
        ('\uff41', torch.tensor([6.0])),  # sorts before the emoji by UTF-8, after it by UTF-16
    ]
    cases.append(('safetensors_names.safetensors', named, None))

    # 4. No tensors, no metadata: the 16-byte file `{}` + 6 spaces.
    cases.append(('safetensors_empty.safetensors', [], None))

    listing = []
    for fname, named, metadata in cases:
        tensors = write_safetensors(os.path.join(out_dir, fname), named, metadata)
        listing.append({'file': fname, 'metadata': metadata or {}, 'tensors': tensors})
    with open(os.path.join(out_dir, 'safetensors.json'), 'w', encoding='utf-8') as f:
        json.dump({'files': listing}, f, indent=1, ensure_ascii=False, allow_nan=False)
        f.write('\n')


if __name__ == '__main__':
    generate(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data'))
