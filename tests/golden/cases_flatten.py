"""Golden cases: Flatten and Unflatten (LAYERS.md row "linear": start_dim/end_dim)."""
import torch

from golden import Golden


def generate(out_dir):
    g = Golden('flatten')
    torch.manual_seed(0)
    r = torch.randn
    g.module('flatten_default', 'Flatten', inputs=(r(2, 3, 4),))
    g.module('flatten_start0', 'Flatten', (0,), inputs=(r(2, 3, 4),))
    g.module('flatten_range', 'Flatten', (1, 2), inputs=(r(2, 3, 4, 5),))
    g.module('flatten_negative', 'Flatten', (), {'start_dim': -3, 'end_dim': -2}, inputs=(r(2, 3, 4, 5),))
    g.module('flatten_noncontiguous', 'Flatten', inputs=(r(3, 4, 2).transpose(0, 2),))
    g.module('flatten_int64', 'Flatten', inputs=(torch.arange(24).reshape(2, 3, 4),))
    g.module('unflatten', 'Unflatten', (1, (2, 5)), inputs=(r(3, 10),))
    g.module('unflatten_negative_dim', 'Unflatten', (-1, (2, 2, 3)), inputs=(r(2, 12),))
    g.module('unflatten_infer', 'Unflatten', (1, (-1, 4)), inputs=(r(2, 12, 3),))
    g.function('torch_flatten', 'torch.flatten', (r(2, 3, 4), 1))

    g.error('flatten_bad_range', ['Flatten(start_dim=2, end_dim=1)', 'start_dim cannot come after end_dim'],
            module='Flatten', args=(2, 1), inputs=(r(2, 3, 4),))
    g.error('flatten_dim_out_of_range', ['Flatten(start_dim=4, end_dim=-1)', 'Dimension out of range'],
            module='Flatten', args=(4,), inputs=(r(2, 3),))
    g.error('unflatten_wrong_product', ['Unflatten(dim=1, unflattened_size=(2, 4))', "don't multiply up"],
            module='Unflatten', args=(1, (2, 4)), inputs=(r(3, 10),))
    g.write(out_dir)
