// torch.nn.functional. Every function validates in JS first (so bad input never reaches wasm),
// then runs C entry points. One file per family under functional/; each also exports the internal
// `_name(who, ...)` forms (who — a string or the calling Module — so errors name the module:
// "Conv1d(3, 16, kernel_size=(5,), stride=(1,)): ...") and shared checks for the layer modules,
// which import them from the family file. Only PyTorch's functions are re-exported here, so F is
// exactly torch.nn.functional's surface.

export { linear, bilinear } from './functional/linear.js';
export {
  relu, relu_, sigmoid, tanh, threshold, threshold_, hardtanh, hardtanh_, relu6, elu, elu_, selu, selu_, celu, celu_,
  leaky_relu, leaky_relu_, gelu, silu, mish, hardsigmoid, hardswish, logsigmoid, softsign, tanhshrink, softplus,
  hardshrink, softshrink, prelu, glu, softmax, log_softmax, softmin,
} from './functional/activation.js';
export { dropout, alpha_dropout, feature_alpha_dropout, dropout1d, dropout2d, dropout3d } from './functional/dropout.js';
export { embedding, embedding_bag } from './functional/sparse.js';
export {
  mse_loss, l1_loss, smooth_l1_loss, huber_loss, kl_div, binary_cross_entropy, binary_cross_entropy_with_logits,
  nll_loss, cross_entropy,
} from './functional/loss.js';
export { pad } from './functional/padding.js';
export {
  conv1d, conv2d, conv3d, conv_transpose1d, conv_transpose2d, conv_transpose3d,
} from './functional/conv.js';
export { unfold, fold } from './functional/fold.js';
export {
  max_pool1d, max_pool2d, max_pool3d, avg_pool1d, avg_pool2d, avg_pool3d, lp_pool1d, lp_pool2d, adaptive_avg_pool1d,
  adaptive_avg_pool2d, adaptive_avg_pool3d, adaptive_max_pool1d, adaptive_max_pool2d, adaptive_max_pool3d,
  fractional_max_pool2d, fractional_max_pool3d, max_unpool1d, max_unpool2d, max_unpool3d,
} from './functional/pooling.js';
export { interpolate, pixel_shuffle, pixel_unshuffle } from './functional/resample.js';
export { batch_norm, instance_norm, layer_norm, group_norm, local_response_norm } from './functional/normalization.js';
export { scaled_dot_product_attention, multi_head_attention_forward } from './functional/attention.js';
