"""Golden cases: Embedding, Embedding.from_pretrained, F.embedding, EmbeddingBag,
EmbeddingBag.from_pretrained, F.embedding_bag (LAYERS.md row "embedding")."""
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
    bag_cases(g)
    g.write(out_dir)


def bag_cases(g):
    """EmbeddingBag: every mode, 1-D input + offsets (empty bags included) and 2-D input,
    include_last_offset, per_sample_weights, padding_idx, max_norm, and the rejections."""
    torch.manual_seed(1)
    flat = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
    offsets = torch.tensor([0, 4, 4, 6])
    for i, mode in enumerate(('sum', 'mean', 'max')):
        g.module(f'embedding_bag_{mode}', 'EmbeddingBag', (10, 3), {'mode': mode}, inputs=(flat, offsets), seed=20 + i)
        g.module(f'embedding_bag_{mode}_2d', 'EmbeddingBag', (10, 3), {'mode': mode}, inputs=(flat.view(2, 4),),
                 seed=23 + i)
        g.module(f'embedding_bag_{mode}_padding_idx', 'EmbeddingBag', (10, 3), {'mode': mode, 'padding_idx': 4},
                 inputs=(torch.tensor([4, 4, 1, 2, 4, 7]), torch.tensor([0, 2, 5])), seed=26 + i)
    g.module('embedding_bag_default_mean', 'EmbeddingBag', (10, 3), inputs=(flat, offsets), seed=29)
    g.module('embedding_bag_include_last_offset', 'EmbeddingBag', (10, 3),
             {'mode': 'sum', 'include_last_offset': True}, inputs=(flat, torch.tensor([0, 3, 3, 7])), seed=30)
    g.module('embedding_bag_per_sample_weights', 'EmbeddingBag', (10, 3), {'mode': 'sum'},
             inputs=(flat, offsets), forward_kwargs={'per_sample_weights': torch.rand(8)}, seed=31)
    g.module('embedding_bag_per_sample_weights_2d', 'EmbeddingBag', (10, 5), {'mode': 'sum'},
             inputs=(flat.view(4, 2), None, torch.rand(4, 2)), seed=32)
    g.module('embedding_bag_negative_padding_idx', 'EmbeddingBag', (10, 3), {'padding_idx': -1},
             inputs=(torch.tensor([9, 1, 9]), torch.tensor([0, 1])), seed=33)
    g.module('embedding_bag_max_norm', 'EmbeddingBag', (10, 3), {'max_norm': 1.0, 'norm_type': 1.5},
             inputs=(flat, offsets), seed=34)
    g.module('embedding_bag_flags', 'EmbeddingBag', (6, 2),
             {'scale_grad_by_freq': True, 'sparse': True, 'mode': 'sum'},
             inputs=(torch.tensor([0, 5], dtype=torch.int32), torch.tensor([0], dtype=torch.int32)), seed=35)
    g.module('embedding_bag_empty_input', 'EmbeddingBag', (6, 2), inputs=(torch.tensor([], dtype=torch.long),
                                                                          torch.tensor([0, 0])), seed=36)
    g.module('embedding_bag_train', 'EmbeddingBag', (6, 2), {'mode': 'max'},
             inputs=(torch.tensor([3, 1, 0]), torch.tensor([0, 2])), train=True, seed=37)
    weights = torch.randn(5, 4)
    g.function('F_embedding_bag_default', 'F.embedding_bag', (torch.tensor([0, 3, 2, 2]), weights, torch.tensor([0, 1])))
    g.function('F_embedding_bag_all_args', 'F.embedding_bag',
               (torch.tensor([0, 3, 2, 2, 4]), torch.randn(5, 4), torch.tensor([0, 2, 5])),
               {'max_norm': 1.5, 'norm_type': 2.0, 'mode': 'sum', 'per_sample_weights': torch.rand(5),
                'include_last_offset': True, 'padding_idx': 3})

    def err(name, expect, args=(10, 3), kwargs=None, inputs=None, forward_kwargs=None):
        g.error(name, expect, module='EmbeddingBag', args=args, kwargs=kwargs, inputs=inputs,
                forward_kwargs=forward_kwargs)

    err('embedding_bag_index_out_of_range', ['EmbeddingBag(10, 3, mode=mean)', 'index 10 is out of range'],
        inputs=(torch.tensor([1, 10]), torch.tensor([0])))
    err('embedding_bag_first_offset', ['EmbeddingBag', 'offsets[0] has to be 0', 'got 1'],
        inputs=(flat, torch.tensor([1, 4])))
    err('embedding_bag_last_offset', ['EmbeddingBag', "offsets[-1] can not be greater than input's length 8", 'of 9'],
        inputs=(flat, torch.tensor([0, 9])))
    err('embedding_bag_decreasing_offsets', ['EmbeddingBag', 'non-decreasing'], inputs=(flat, torch.tensor([0, 5, 3])))
    err('embedding_bag_missing_offsets', ['EmbeddingBag', 'offsets has to be a 1D Tensor but got None'], inputs=(flat,))
    err('embedding_bag_2d_with_offsets', ['EmbeddingBag', 'if input is 2D, then offsets has to be None'],
        inputs=(flat.view(2, 4), torch.tensor([0, 4])))
    err('embedding_bag_3d_input', ['EmbeddingBag', 'input has to be 1D or 2D Tensor, but got Tensor of dimension 3'],
        inputs=(flat.view(2, 2, 2),))
    err('embedding_bag_2d_offsets', ['EmbeddingBag', 'offsets to be a 1D Tensor'],
        inputs=(flat, torch.tensor([[0, 4]])))
    err('embedding_bag_float_input', ['EmbeddingBag', 'int64 or int32', 'float32'],
        inputs=(torch.tensor([1.0]), torch.tensor([0])))
    err('embedding_bag_float_offsets', ['EmbeddingBag', 'offsets', 'float32'],
        inputs=(flat, torch.tensor([0.0, 4.0])))
    err('embedding_bag_per_sample_weights_mean', ['EmbeddingBag', "only supported for mode='sum'", "got mode='mean'"],
        inputs=(flat, offsets), forward_kwargs={'per_sample_weights': torch.rand(8)})
    err('embedding_bag_per_sample_weights_shape', ['EmbeddingBag', 'must have the same shape as the input', '[7]', '[8]'],
        kwargs={'mode': 'sum'}, inputs=(flat, offsets), forward_kwargs={'per_sample_weights': torch.rand(7)})
    err('embedding_bag_bad_mode', ['EmbeddingBag', 'mode has to be one of sum, mean or max', "'foo'"],
        kwargs={'mode': 'foo'}, inputs=(flat, offsets))
    err('embedding_bag_padding_idx_too_large', ['EmbeddingBag', 'padding_idx', 'got 10'], kwargs={'padding_idx': 10})
    g.error('F_embedding_bag_padding_idx', ['F.embedding_bag', 'padding_idx', 'got 12'], fn='F.embedding_bag',
            args=(flat, torch.randn(10, 3), offsets), kwargs={'padding_idx': 12})
