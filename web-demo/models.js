// The Net of the seed article's "使用 Module 管理子模块" section, ported line by line:
// an Embedding, a Sequential of Conv1d/MaxPool1d/ReLU blocks, and a Flatten + Linear head.
//
//   x: int64 [N, 200] token ids -> embedding [N, 200, 3] -> transpose [N, 3, 200]
//   -> conv_1 [N, 16, 196] -> pool_1 [N, 16, 98] -> conv_2 [N, 128, 97] -> pool_2 [N, 128, 48]
//   -> flatten [N, 6144] -> linear [N, 1]

import torch, { nn } from '../js/index.js';

export class Net extends nn.Module {
  constructor() {
    super();
    this.embedding = new nn.Embedding({ num_embeddings: 10000, embedding_dim: 3, padding_idx: 1 });
    this.conv = new nn.Sequential();
    this.conv.add_module('conv_1', new nn.Conv1d({ in_channels: 3, out_channels: 16, kernel_size: 5 }));
    this.conv.add_module('pool_1', new nn.MaxPool1d({ kernel_size: 2 }));
    this.conv.add_module('relu_1', new nn.ReLU());
    this.conv.add_module('conv_2', new nn.Conv1d({ in_channels: 16, out_channels: 128, kernel_size: 2 }));
    this.conv.add_module('pool_2', new nn.MaxPool1d({ kernel_size: 2 }));
    this.conv.add_module('relu_2', new nn.ReLU());
    this.dense = new nn.Sequential();
    this.dense.add_module('flatten', new nn.Flatten());
    this.dense.add_module('linear', new nn.Linear(6144, 1));
  }

  forward(x) {
    x = this.embedding.forward(x).transpose(1, 2);
    x = this.conv.forward(x);
    return this.dense.forward(x);
  }
}

// The digit classifier of web-demo/train/train_digits.py (same module tree, so its
// state_dict loads unchanged): two conv blocks and a small MLP head.
//
//   x: float32 [N, 1, 8, 8] (sklearn's 0..16 block counts / 16)
//   -> features.0 conv [N, 16, 8, 8] -> relu -> pool [N, 16, 4, 4]
//   -> features.3 conv [N, 32, 4, 4] -> relu -> pool [N, 32, 2, 2]
//   -> flatten [N, 128] -> dropout -> linear [N, 64] -> relu -> linear [N, 10] (logits)
export class DigitsCNN extends nn.Module {
  constructor() {
    super();
    this.features = new nn.Sequential(
      new nn.Conv2d(1, 16, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2),
      new nn.Conv2d(16, 32, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2));
    this.classifier = new nn.Sequential(
      new nn.Flatten(), new nn.Dropout(0.25), new nn.Linear(128, 64), new nn.ReLU(), new nn.Linear(64, 10));
  }

  forward(x) {
    return this.classifier.forward(this.features.forward(x));
  }
}

// The sine forecaster of web-demo/train/train_sine_lstm.py: an LSTM over the wave and a
// linear read-out of the next value at every step.
//
//   x: float32 [N, T, 1], hx: null or [h, c] each [1, N, 32]
//   -> lstm [N, T, 32] -> head [N, T, 1];  returns [y, [h_n, c_n]]
export class SineLSTM extends nn.Module {
  constructor() {
    super();
    this.lstm = new nn.LSTM(1, 32, { batch_first: true });
    this.head = new nn.Linear(32, 1);
  }

  forward(x, hx = null) {
    const [out, state] = this.lstm.forward(x, hx);
    return [this.head.forward(out), state];
  }
}

// A character-level TransformerEncoder to inspect (seeded random weights, not trained):
// token and learned position embeddings, then two post-norm encoder layers.
//
//   ids: int64 [N, L] (L <= MAX_LEN) -> tok + pos [N, L, 32] -> encoder [N, L, 32]
export const CHAR_VOCAB = ' abcdefghijklmnopqrstuvwxyz0123456789.,!?';
export const MAX_LEN = 24;

export class CharEncoder extends nn.Module {
  constructor() {
    super();
    this.tok = new nn.Embedding(CHAR_VOCAB.length + 1, 32); // id 0: characters outside CHAR_VOCAB
    this.pos = new nn.Embedding(MAX_LEN, 32);
    this.encoder = new nn.TransformerEncoder(
      new nn.TransformerEncoderLayer(32, 4, { dim_feedforward: 64, batch_first: true }), 2);
  }

  forward(ids) {
    const positions = torch.arange(ids.shape[1]);
    return this.encoder.forward(this.tok.forward(ids).add(this.pos.forward(positions)));
  }
}
