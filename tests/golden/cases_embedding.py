"""Golden cases: Embedding, Embedding.from_pretrained, F.embedding (LAYERS.md row "embedding")."""
import torch

from golden import Golden


def generate(out_dir):
    g = Golden('embedding')
    torch.manual_seed(0)
    idx = torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])

    g.module('embedding_default', 'Embedding', (10, 3), inputs=(idx,), seed=1)
    g.module('embedding_padding_idx', 'Embedding', (10, 3), {'padding_idx': 2}, inputs=(idx,), seed=2)
    g.module('embedding_negative_padding_idx', 'Embedding', (10, 3), {'padding_idx': -1}, inputs=(idx,), seed=3)
    g.module('embedding_int32_indices', 'Embedding', (10, 4), inputs=(idx.to(torch.int32),), seed=4)
    g.module('embedding_scalar_index', 'Embedding', (10, 4), inputs=(torch.tensor(7),), seed=5)
    g.module('embedding_1d_indices', 'Embedding', (6, 2), inputs=(torch.tensor([0, 5, 5, 1]),), seed=6)
    # max_norm renormalises the looked-up rows of the weight in place (state_dict_after records it).
    g.module('embedding_max_norm', 'Embedding', (10, 3), {'max_norm': 1.0}, inputs=(idx,), seed=7)
    g.module('embedding_max_norm_type', 'Embedding', (10, 3), {'max_norm': 0.5, 'norm_type': 1.0}, inputs=(idx,),
             seed=8)
    g.module('embedding_norm_type_only', 'Embedding', (5, 2), {'norm_type': 3.0}, inputs=(torch.tensor([1]),), seed=9)
    g.module('embedding_scale_grad_sparse', 'Embedding', (5, 2), {'scale_grad_by_freq': True, 'sparse': True},
             inputs=(torch.tensor([1, 3]),), seed=10)
    g.module('embedding_train', 'Embedding', (5, 2), inputs=(torch.tensor([4, 0]),), train=True, seed=11)
    weights = torch.randn(4, 3)
    g.function('from_pretrained_forward', 'F.embedding', (torch.tensor([[0, 3], [2, 2]]), weights))
    g.function('F_embedding_padding_max_norm', 'F.embedding', (torch.tensor([0, 1, 1]), torch.randn(3, 5)),
               {'padding_idx': 0, 'max_norm': 2.0})

    g.error('embedding_index_out_of_range', ['Embedding(10, 3)', 'index 10 is out of range', '0 <= index < 10'],
            module='Embedding', args=(10, 3), inputs=(torch.tensor([1, 10]),))
    g.error('embedding_negative_index', ['Embedding(10, 3)', 'index -1 is out of range'],
            module='Embedding', args=(10, 3), inputs=(torch.tensor([-1]),))
    g.error('embedding_float_indices', ['Embedding(10, 3)', 'int64 or int32', 'float32'],
            module='Embedding', args=(10, 3), inputs=(torch.tensor([1.0]),))
    g.error('embedding_padding_idx_too_large', ['Embedding', 'padding_idx', '-10 <= padding_idx < 10', 'got 10'],
            module='Embedding', args=(10, 3), kwargs={'padding_idx': 10})
    g.error('embedding_padding_idx_too_small', ['Embedding', 'padding_idx', 'got -11'],
            module='Embedding', args=(10, 3), kwargs={'padding_idx': -11})
    g.error('embedding_typo_option', ['Embedding', "unknown option 'num_embedding'"],
            module='Embedding', kwargs={'num_embedding': 10000, 'embedding_dim': 3, 'padding_idx': 1})
    g.error('embedding_fractional_dim', ['Embedding', 'embedding_dim', '2.5'], module='Embedding', args=(10, 2.5))
    g.write(out_dir)
