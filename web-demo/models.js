// The Net of the seed article's "使用 Module 管理子模块" section, ported line by line:
// an Embedding, a Sequential of Conv1d/MaxPool1d/ReLU blocks, and a Flatten + Linear head.
//
//   x: int64 [N, 200] token ids -> embedding [N, 200, 3] -> transpose [N, 3, 200]
//   -> conv_1 [N, 16, 196] -> pool_1 [N, 16, 98] -> conv_2 [N, 128, 97] -> pool_2 [N, 128, 48]
//   -> flatten [N, 6144] -> linear [N, 1]

import { nn } from '../js/index.js';

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
