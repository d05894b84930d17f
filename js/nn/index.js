// torch.nn

export { Module } from './module.js';
export { Parameter } from '../tensor.js';
export { Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict } from './container.js';
export { Identity, Linear, Bilinear } from './modules/linear.js';
export { Flatten, Unflatten } from './modules/flatten.js';
export {
  ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Softmin, GELU, LeakyReLU, ELU, SELU, CELU, SiLU, Mish, Softplus, Softsign,
  Hardsigmoid, Hardswish, LogSigmoid, Hardshrink, Softshrink, Tanhshrink, PReLU, GLU, Threshold, Hardtanh, ReLU6,
} from './modules/activation.js';
export { Dropout, Dropout1d, Dropout2d, Dropout3d, AlphaDropout, FeatureAlphaDropout } from './modules/dropout.js';
export {
  ConstantPad1d, ConstantPad2d, ConstantPad3d, ZeroPad1d, ZeroPad2d, ZeroPad3d, ReflectionPad1d, ReflectionPad2d,
  ReflectionPad3d, ReplicationPad1d, ReplicationPad2d, ReplicationPad3d,
} from './modules/padding.js';
export { Embedding, EmbeddingBag } from './modules/sparse.js';
export {
  L1Loss, MSELoss, SmoothL1Loss, HuberLoss, KLDivLoss, BCELoss, BCEWithLogitsLoss, NLLLoss, CrossEntropyLoss,
} from './modules/loss.js';
export { Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d } from './modules/conv.js';
export { Unfold, Fold } from './modules/fold.js';
export { MaxPool1d, MaxPool2d, MaxPool3d, AvgPool1d, AvgPool2d, AvgPool3d, LPPool1d, LPPool2d, AdaptiveAvgPool1d,
  AdaptiveAvgPool2d, AdaptiveAvgPool3d, AdaptiveMaxPool1d, AdaptiveMaxPool2d, AdaptiveMaxPool3d, FractionalMaxPool2d,
  FractionalMaxPool3d, MaxUnpool1d, MaxUnpool2d, MaxUnpool3d } from './modules/pooling.js';
export { Upsample, UpsamplingNearest2d, UpsamplingBilinear2d, PixelShuffle, PixelUnshuffle } from './modules/resample.js';
export { BatchNorm1d, BatchNorm2d, BatchNorm3d, InstanceNorm1d, InstanceNorm2d, InstanceNorm3d, LayerNorm, GroupNorm,
  LocalResponseNorm, SwitchableNorm1d, SwitchableNorm2d } from './modules/norm.js';
export { RNN, LSTM, GRU, RNNCell, LSTMCell, GRUCell } from './modules/rnn.js';
export {
  MultiheadAttention, Transformer, TransformerEncoder, TransformerDecoder, TransformerEncoderLayer,
  TransformerDecoderLayer,
} from './modules/transformer.js';
export * as init from './init.js';
export * as functional from './functional.js';
