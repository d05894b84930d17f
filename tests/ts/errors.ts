// Misuses the declarations must reject: each line below carries @ts-expect-error, so tsc fails if
// the types ever accept it (a declaration that accepts anything would make usage.ts meaningless).

import torch, { nn, F } from 'webtorch';

export function misuses(): void {
  // @ts-expect-error: unknown option name (the seed's num_embedding= typo)
  new nn.Embedding({ num_embedding: 10, embedding_dim: 3 });
  // @ts-expect-error: a required argument is missing from the all-by-name form
  new nn.Linear({ in_features: 4 });
  // @ts-expect-error: in_features must be a number
  new nn.Linear('4', 2);
  // @ts-expect-error: padding_mode is one of zeros/reflect/replicate/circular
  new nn.Conv2d(3, 8, 3, { padding_mode: 'mirror' });
  // @ts-expect-error: a layer's parameters are float32 (its dtype factory kwarg takes nothing else)
  new nn.Linear(4, 2, { dtype: 'int64' });
  // @ts-expect-error: reduction is none/mean/sum
  F.mse_loss(torch.zeros(1), torch.zeros(1), { reduction: 'avg' });
  // @ts-expect-error: dtypes are strings from a fixed set
  torch.zeros([2], { dtype: 'float16' });
  // @ts-expect-error: ready() has no such option
  torch.ready({ wasmURL: 'x' });
  // @ts-expect-error: threads is on/off at ready(); the count is set_num_threads(n)
  torch.ready({ threads: 4 });
  // @ts-expect-error: a thread count is a number
  torch.set_num_threads('2');
  // @ts-expect-error: an LSTM's forward returns [output, [h_n, c_n]], not a Tensor
  const t: ReturnType<typeof torch.zeros> = new nn.LSTM(2, 3).forward(torch.zeros(1, 1, 2));
  // @ts-expect-error: bytes load synchronously, so the result is not a Promise
  torch.load_safetensors(new Uint8Array(0)).then(() => {});
  console.log(t);
}
