"""Golden cases: RNN, LSTM, GRU, RNNCell, LSTMCell, GRUCell (LAYERS.md row "recurrent").

Besides rnn.{json,safetensors}, writes rnn_trained_lstm.safetensors: the state_dict of a
2-layer bidirectional LSTM trained here with PyTorch (a few hundred Adam steps on a tiny
synthetic task, seeded), which tests/js/rnn.test.js loads with torch.load_safetensors; the
case 'lstm_trained_2layer_bidirectional' holds the input and PyTorch's outputs for it.
"""
import os

import torch
from torch import nn

from cases_safetensors import write_safetensors
from golden import Golden

LONG_TOL = {'rtol': 1e-4, 'atol': 1e-5}


def train_lstm():
    """Seeded: is the first half of the sequence's feature-0 sum larger than the second's?
    Needs both directions; ~300 steps take a few seconds on one core."""
    torch.manual_seed(1234)
    lstm = nn.LSTM(3, 12, num_layers=2, bidirectional=True, batch_first=True)
    head = nn.Linear(24, 1)
    opt = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=0.01)
    losses = []
    for _ in range(300):
        x = torch.randn(32, 10, 3)
        target = (x[:, :5, 0].sum(1) > x[:, 5:, 0].sum(1)).float()
        out, _ = lstm(x)
        logits = head(out[:, -1]).squeeze(1)
        loss = nn.functional.binary_cross_entropy_with_logits(logits, target)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    # A trained model, not a random one: the loss must have dropped well below log(2).
    assert sum(losses[-20:]) / 20 < 0.3, losses[-20:]
    lstm.eval()
    return lstm


def generate(out_dir):
    g = Golden('rnn')
    torch.manual_seed(0)
    x324 = torch.randn(3, 2, 4)

    # ---- RNN ----
    g.module('rnn_default', 'RNN', (4, 5), inputs=(x324,), seed=1)
    g.module('rnn_relu_2layer_h0', 'RNN', (4, 5), {'nonlinearity': 'relu', 'num_layers': 2},
             inputs=(x324, torch.randn(2, 2, 5)), seed=2)
    g.module('rnn_long_sequence', 'RNN', (3, 6), inputs=(torch.randn(120, 2, 3),), seed=3, tol=LONG_TOL)
    g.module('rnn_bias_false_batch_first_bidirectional', 'RNN', (4, 3),
             {'bias': False, 'batch_first': True, 'bidirectional': True}, inputs=(torch.randn(2, 5, 4),), seed=4)
    g.module('rnn_positional_bias', 'RNN', (4, 3, 1, False), inputs=(x324,), seed=5)
    g.module('rnn_unbatched_h0', 'RNN', (3, 4, 2), inputs=(torch.randn(5, 3), torch.randn(2, 4)), seed=6)
    g.module('rnn_dropout_eval', 'RNN', (4, 5), {'num_layers': 2, 'dropout': 0.5}, inputs=(x324,), seed=7)
    g.module('rnn_dropout_train', 'RNN', (4, 5), {'num_layers': 3, 'dropout': 0.4}, inputs=(x324,), seed=8,
             train=True)

    # ---- LSTM ----
    g.module('lstm_default', 'LSTM', (4, 6), inputs=(torch.randn(5, 2, 4),), seed=11)
    g.module('lstm_2layer_h0_c0', 'LSTM', (3, 5, 2),
             inputs=(torch.randn(4, 3, 3), (torch.randn(2, 3, 5), torch.randn(2, 3, 5))), seed=12)
    g.module('lstm_proj_2layer_bidirectional_batch_first', 'LSTM', (6, 8),
             {'num_layers': 2, 'batch_first': True, 'bidirectional': True, 'proj_size': 3},
             inputs=(torch.randn(2, 4, 6), (torch.randn(4, 2, 3), torch.randn(4, 2, 8))), seed=13)
    g.module('lstm_proj_no_state', 'LSTM', (4, 5), {'proj_size': 2}, inputs=(x324,), seed=14)
    g.module('lstm_bias_false', 'LSTM', (4, 5), {'bias': False}, inputs=(x324,), seed=15)
    g.module('lstm_unbatched_bidirectional', 'LSTM', (3, 4), {'bidirectional': True},
             inputs=(torch.randn(5, 3),), seed=16)
    g.module('lstm_unbatched_batch_first_h0_c0', 'LSTM', (3, 4), {'batch_first': True, 'num_layers': 2},
             inputs=(torch.randn(5, 3), (torch.randn(2, 4), torch.randn(2, 4))), seed=17)
    g.module('lstm_input_size_zero', 'LSTM', (0, 3), inputs=(torch.randn(4, 2, 0),), seed=18)
    g.module('lstm_dropout_train_bidirectional', 'LSTM', (4, 5),
             {'num_layers': 3, 'dropout': 0.5, 'bidirectional': True}, inputs=(x324,), seed=19, train=True)
    g.module('lstm_dropout_one_train', 'LSTM', (4, 3), {'num_layers': 2, 'dropout': 1.0}, inputs=(x324,),
             seed=20, train=True)
    g.module('lstm_positional_all', 'LSTM', (4, 6, 2, True, True, 0.25, True, 2),
             inputs=(torch.randn(2, 3, 4),), seed=21)

    # ---- GRU ----
    g.module('gru_default', 'GRU', (4, 5), inputs=(x324,), seed=31)
    g.module('gru_2layer_bidirectional_h0', 'GRU', (4, 5), {'num_layers': 2, 'bidirectional': True},
             inputs=(x324, torch.randn(4, 2, 5)), seed=32)
    g.module('gru_bias_false_batch_first', 'GRU', (4, 3), {'bias': False, 'batch_first': True},
             inputs=(torch.randn(2, 6, 4),), seed=33)
    g.module('gru_unbatched', 'GRU', (3, 4), inputs=(torch.randn(5, 3), torch.randn(1, 4)), seed=34)
    g.module('gru_long_sequence', 'GRU', (2, 4), inputs=(torch.randn(110, 1, 2),), seed=35, tol=LONG_TOL)
    g.module('gru_dropout_train', 'GRU', (4, 5), {'num_layers': 2, 'dropout': 0.3}, inputs=(x324,), seed=36,
             train=True)

    # ---- cells ----
    x24 = torch.randn(2, 4)
    g.module('rnncell_default', 'RNNCell', (4, 3), inputs=(x24,), seed=41)
    g.module('rnncell_relu_bias_false_hx', 'RNNCell', (4, 3), {'bias': False, 'nonlinearity': 'relu'},
             inputs=(x24, torch.randn(2, 3)), seed=42)
    g.module('rnncell_unbatched', 'RNNCell', (4, 3), inputs=(torch.randn(4), torch.randn(3)), seed=43)
    g.module('lstmcell_default', 'LSTMCell', (4, 5), inputs=(x24,), seed=44)
    g.module('lstmcell_hx', 'LSTMCell', (4, 5), {'bias': False},
             inputs=(x24, (torch.randn(2, 5), torch.randn(2, 5))), seed=45)
    g.module('lstmcell_unbatched', 'LSTMCell', (4, 5), inputs=(torch.randn(4), (torch.randn(5), torch.randn(5))),
             seed=46)
    g.module('grucell_default', 'GRUCell', (4, 6), inputs=(x24,), seed=47)
    g.module('grucell_hx', 'GRUCell', (4, 6), inputs=(x24, torch.randn(2, 6)), seed=48)
    g.module('grucell_unbatched_bias_false', 'GRUCell', (4, 6), {'bias': False}, inputs=(torch.randn(4),), seed=49)

    # ---- the PyTorch-trained model ----
    trained = train_lstm()
    write_safetensors(os.path.join(out_dir, 'rnn_trained_lstm.safetensors'),
                      [(k, v.detach().contiguous()) for k, v in trained.state_dict().items()])
    torch.manual_seed(99)
    g.module('lstm_trained_2layer_bidirectional', 'LSTM', (3, 12),
             {'num_layers': 2, 'bidirectional': True, 'batch_first': True},
             inputs=(torch.randn(4, 10, 3),), build=lambda: trained)

    # ---- bad input (each verified to be rejected by PyTorch too) ----
    g.error('lstm_wrong_input_size', ['LSTM(4, 5)', 'input_size', 'Expected 4', 'got 7'],
            module='LSTM', args=(4, 5), inputs=(torch.randn(3, 2, 7),))
    g.error('lstm_wrong_h0', ['LSTM(4, 5, num_layers=2)', 'h0', '[2, 2, 5]', 'got [1, 2, 5]'],
            module='LSTM', args=(4, 5, 2), inputs=(x324, (torch.randn(1, 2, 5), torch.randn(2, 2, 5))))
    g.error('lstm_wrong_c0', ['LSTM(4, 5)', 'c0', '[1, 2, 5]', 'got [1, 3, 5]'],
            module='LSTM', args=(4, 5), inputs=(x324, (torch.randn(1, 2, 5), torch.randn(1, 3, 5))))
    g.error('lstm_proj_h0_of_hidden_size', ['LSTM(4, 5, proj_size=2)', 'h0', '[1, 2, 2]', 'got [1, 2, 5]'],
            module='LSTM', args=(4, 5), kwargs={'proj_size': 2},
            inputs=(x324, (torch.randn(1, 2, 5), torch.randn(1, 2, 5))))
    g.error('lstm_hx_not_a_pair', ['LSTM(3, 4)', 'hx must be a pair [h0, c0]'],
            module='LSTM', args=(3, 4), inputs=(torch.randn(5, 2, 3), torch.randn(1, 2, 4)))
    g.error('gru_wrong_hx', ['GRU(4, 5)', 'hx', '[1, 2, 5]', 'got [1, 2, 4]'],
            module='GRU', args=(4, 5), inputs=(x324, torch.randn(1, 2, 4)))
    g.error('gru_unbatched_3d_hx', ['GRU(3, 4)', 'hx', '[1, 4]', 'got [1, 1, 4]'],
            module='GRU', args=(3, 4), inputs=(torch.randn(5, 3), torch.randn(1, 1, 4)))
    g.error('rnn_input_4d', ['RNN(4, 5)', '2-D (unbatched) or 3-D (batched)', 'got [1, 3, 2, 4]'],
            module='RNN', args=(4, 5), inputs=(torch.randn(1, 3, 2, 4),))
    g.error('rnn_input_1d', ['RNN(4, 5)', '2-D (unbatched) or 3-D (batched)', 'got [4]'],
            module='RNN', args=(4, 5), inputs=(torch.randn(4),))
    g.error('rnn_empty_sequence', ['RNN(4, 5)', 'sequence length larger than 0', 'got [0, 2, 4]'],
            module='RNN', args=(4, 5), inputs=(torch.randn(0, 2, 4),))
    g.error('lstm_proj_size_not_smaller', ['LSTM', 'proj_size has to be smaller than hidden_size', 'proj_size=5'],
            module='LSTM', args=(4, 5), kwargs={'proj_size': 5})
    g.error('lstm_proj_size_negative', ['LSTM', 'proj_size', '>= 0', 'got -1'],
            module='LSTM', args=(4, 5), kwargs={'proj_size': -1})
    g.error('gru_proj_size', ['GRU', 'proj_size argument is only supported for LSTM'],
            module='GRU', args=(4, 5), kwargs={'proj_size': 2})
    g.error('rnn_proj_size', ['RNN', 'proj_size argument is only supported for LSTM'],
            module='RNN', args=(4, 5), kwargs={'proj_size': 0})
    g.error('lstm_dropout_negative', ['LSTM', 'dropout should be a number in range [0, 1]', 'got -0.1'],
            module='LSTM', args=(4, 5), kwargs={'dropout': -0.1})
    g.error('gru_dropout_above_one', ['GRU', 'dropout should be a number in range [0, 1]', 'got 1.5'],
            module='GRU', args=(4, 5), kwargs={'dropout': 1.5})
    g.error('rnn_dropout_bool', ['RNN', 'dropout should be a number in range [0, 1]', 'got true'],
            module='RNN', args=(4, 5), kwargs={'dropout': True})
    g.error('rnn_bad_nonlinearity', ['RNN', 'Unknown nonlinearity', "'gelu'"],
            module='RNN', args=(4, 5), kwargs={'nonlinearity': 'gelu'})
    g.error('lstm_num_layers_zero', ['LSTM', 'num_layers', '>= 1', 'got 0'],
            module='LSTM', args=(4, 5), kwargs={'num_layers': 0})
    g.error('lstm_num_layers_float', ['LSTM', 'num_layers', 'integer', 'got 1.5'],
            module='LSTM', args=(4, 5), kwargs={'num_layers': 1.5})
    g.error('lstm_hidden_size_zero', ['LSTM', 'hidden_size', '>= 1', 'got 0'], module='LSTM', args=(4, 0))
    g.error('rnncell_bad_nonlinearity', ['RNNCell', 'Unknown nonlinearity', "'gelu'"],
            module='RNNCell', args=(4, 3), kwargs={'nonlinearity': 'gelu'}, inputs=(x24,))
    g.error('lstmcell_wrong_input_size', ['LSTMCell(3, 4)', 'input_size', 'Expected 3', 'got 5'],
            module='LSTMCell', args=(3, 4), inputs=(torch.randn(2, 5),))
    g.error('lstmcell_wrong_c0', ['LSTMCell(3, 4)', 'c0', '[2, 4]', 'got [3, 4]'],
            module='LSTMCell', args=(3, 4), inputs=(torch.randn(2, 3), (torch.randn(2, 4), torch.randn(3, 4))))
    g.error('grucell_wrong_hx', ['GRUCell(3, 4)', 'hx', '[2, 4]', 'got [3, 4]'],
            module='GRUCell', args=(3, 4), inputs=(torch.randn(2, 3), torch.randn(3, 4)))
    g.error('grucell_3d_input', ['GRUCell(3, 4)', '1-D or 2-D', '3-D'],
            module='GRUCell', args=(3, 4), inputs=(torch.randn(2, 2, 3),))
    g.error('rnncell_unbatched_2d_hx', ['RNNCell(3, 4)', 'hx', '[4]', 'got [1, 4]'],
            module='RNNCell', args=(3, 4), inputs=(torch.randn(3), torch.randn(1, 4)))
    g.write(out_dir)
