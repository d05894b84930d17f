// torch.nn.functional. Every function validates in JS first (so bad input never reaches wasm),
// then runs C entry points. The internal `_name(who, ...)` forms take `who` — a string or the
// calling Module — so errors name the module ("Conv1d(3, 16, kernel_size=(5,), stride=(1,)): ...").
// One file per family under functional/.

export { label, checkTensor } from './functional/utils.js';
export * from './functional/linear.js';
export * from './functional/activation.js';
export * from './functional/dropout.js';
export * from './functional/sparse.js';
export * from './functional/loss.js';
export * from './functional/padding.js';
export * from './functional/conv.js';
export * from './functional/fold.js';
export * from './functional/pooling.js';
export * from './functional/resample.js';
export * from './functional/normalization.js';
export * from './functional/attention.js';
