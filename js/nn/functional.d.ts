// Types of torch.nn.functional (js/nn/functional.js): PyTorch's names, positional order and
// keyword names (a trailing options object; see PyArgs in module.d.ts). See docs/functional.md.

import { Tensor, Dtype } from '../tensor.js';
import { PyArgs, IntOrTuple } from './module.js';
import { InterpolateMode } from './index.js';

type Reduction = 'none' | 'mean' | 'sum';
type OutputSize = number | null | (number | null)[];
type Fn<Req extends unknown[], Opt extends unknown[], K, R = Tensor> = (input: Tensor, ...args: PyArgs<Req, Opt, K>) => R;

// ---- linear --------------------------------------------------------------------------------
export function linear(input: Tensor, weight: Tensor, bias?: Tensor | null): Tensor;
export function bilinear(input1: Tensor, input2: Tensor, weight: Tensor, bias?: Tensor | null): Tensor;

// ---- activations ---------------------------------------------------------------------------
type InplaceFn = Fn<[], [inplace: boolean], { inplace: boolean }>;
type PlainFn = (input: Tensor) => Tensor;
export const relu: InplaceFn;
export const relu_: PlainFn;
export const sigmoid: PlainFn;
export const tanh: PlainFn;
export const threshold: Fn<[threshold: number, value: number], [inplace: boolean], { threshold: number; value: number; inplace?: boolean }>;
export const threshold_: Fn<[threshold: number, value: number], [], { threshold: number; value: number }>;
export const hardtanh: Fn<[], [min_val: number, max_val: number, inplace: boolean], { min_val: number; max_val: number; inplace: boolean }>;
export const hardtanh_: Fn<[], [min_val: number, max_val: number], { min_val: number; max_val: number }>;
export const relu6: InplaceFn;
export const elu: Fn<[], [alpha: number, inplace: boolean], { alpha: number; inplace: boolean }>;
export const elu_: Fn<[], [alpha: number], { alpha: number }>;
export const selu: InplaceFn;
export const selu_: PlainFn;
export const celu: Fn<[], [alpha: number, inplace: boolean], { alpha: number; inplace: boolean }>;
export const celu_: Fn<[], [alpha: number], { alpha: number }>;
export const leaky_relu: Fn<[], [negative_slope: number, inplace: boolean], { negative_slope: number; inplace: boolean }>;
export const leaky_relu_: Fn<[], [negative_slope: number], { negative_slope: number }>;
export const gelu: Fn<[], [approximate: 'none' | 'tanh'], { approximate: 'none' | 'tanh' }>;
export const silu: InplaceFn;
export const mish: InplaceFn;
export const hardsigmoid: InplaceFn;
export const hardswish: InplaceFn;
export const logsigmoid: PlainFn;
export const softsign: PlainFn;
export const tanhshrink: PlainFn;
export const softplus: Fn<[], [beta: number, threshold: number], { beta: number; threshold: number }>;
export const hardshrink: Fn<[], [lambd: number], { lambd: number }>;
export const softshrink: Fn<[], [lambd: number], { lambd: number }>;
export function prelu(input: Tensor, ...args: PyArgs<[weight: Tensor], [], { weight: Tensor }>): Tensor;
export function glu(input: Tensor, ...args: PyArgs<[], [dim: number], { dim: number }>): Tensor;
type SoftmaxArgs = PyArgs<[], [dim: number | null, _stacklevel: number, dtype: Dtype | null],
  { dim: number | null; _stacklevel: number; dtype: Dtype | null }>;
export function softmax(input: Tensor, ...args: SoftmaxArgs): Tensor;
export function log_softmax(input: Tensor, ...args: SoftmaxArgs): Tensor;
export function softmin(input: Tensor, ...args: SoftmaxArgs): Tensor;

// ---- dropout -------------------------------------------------------------------------------
type DropoutFn = Fn<[], [p: number, training: boolean, inplace: boolean], { p: number; training: boolean; inplace: boolean }>;
export const dropout: DropoutFn;
export const alpha_dropout: DropoutFn;
export const feature_alpha_dropout: DropoutFn;
export const dropout1d: DropoutFn;
export const dropout2d: DropoutFn;
export const dropout3d: DropoutFn;

// ---- embedding -----------------------------------------------------------------------------
export function embedding(input: Tensor, weight: Tensor, ...args: PyArgs<[], [padding_idx: number | null,
  max_norm: number | null, norm_type: number, scale_grad_by_freq: boolean, sparse: boolean], {
  padding_idx: number | null; max_norm: number | null; norm_type: number; scale_grad_by_freq: boolean; sparse: boolean }>): Tensor;
export function embedding_bag(input: Tensor, weight: Tensor, ...args: PyArgs<[], [offsets: Tensor | null,
  max_norm: number | null, norm_type: number, scale_grad_by_freq: boolean, mode: 'sum' | 'mean' | 'max',
  sparse: boolean, per_sample_weights: Tensor | null, include_last_offset: boolean, padding_idx: number | null], {
  offsets: Tensor | null; max_norm: number | null; norm_type: number; scale_grad_by_freq: boolean;
  mode: 'sum' | 'mean' | 'max'; sparse: boolean; per_sample_weights: Tensor | null; include_last_offset: boolean;
  padding_idx: number | null }>): Tensor;

// ---- losses --------------------------------------------------------------------------------
interface Legacy { size_average: boolean | null; reduce: boolean | null; reduction: Reduction }
type LegacyPos = [size_average: boolean | null, reduce: boolean | null, reduction: Reduction];
type LossFn<Opt extends unknown[], K> = (input: Tensor, target: Tensor, ...args: PyArgs<[], Opt, K>) => Tensor;
export const mse_loss: LossFn<LegacyPos, Legacy>;
export const l1_loss: LossFn<LegacyPos, Legacy>;
export const smooth_l1_loss: LossFn<[...LegacyPos, beta: number], Legacy & { beta: number }>;
export const huber_loss: LossFn<[reduction: Reduction, delta: number], { reduction: Reduction; delta: number }>;
export const kl_div: LossFn<[size_average: boolean | null, reduce: boolean | null, reduction: Reduction | 'batchmean',
  log_target: boolean], Omit<Legacy, 'reduction'> & { reduction: Reduction | 'batchmean'; log_target: boolean }>;
export const binary_cross_entropy: LossFn<[weight: Tensor | null, ...LegacyPos], Legacy & { weight: Tensor | null }>;
export const binary_cross_entropy_with_logits: LossFn<[weight: Tensor | null, ...LegacyPos, pos_weight: Tensor | null],
  Legacy & { weight: Tensor | null; pos_weight: Tensor | null }>;
export const nll_loss: LossFn<[weight: Tensor | null, size_average: boolean | null, ignore_index: number,
  reduce: boolean | null, reduction: Reduction], Legacy & { weight: Tensor | null; ignore_index: number }>;
export const cross_entropy: LossFn<[weight: Tensor | null, size_average: boolean | null, ignore_index: number,
  reduce: boolean | null, reduction: Reduction, label_smoothing: number],
  Legacy & { weight: Tensor | null; ignore_index: number; label_smoothing: number }>;

// ---- padding -------------------------------------------------------------------------------
export function pad(input: Tensor, ...args: PyArgs<[pad: number[]], [mode: 'constant' | 'reflect' | 'replicate' | 'circular',
  value: number | null], { pad: number[]; mode?: 'constant' | 'reflect' | 'replicate' | 'circular'; value?: number | null }>): Tensor;

// ---- convolution, fold ---------------------------------------------------------------------
type ConvFn = (input: Tensor, weight: Tensor, ...args: PyArgs<[], [bias: Tensor | null, stride: IntOrTuple,
  padding: IntOrTuple | 'same' | 'valid', dilation: IntOrTuple, groups: number], { bias: Tensor | null;
  stride: IntOrTuple; padding: IntOrTuple | 'same' | 'valid'; dilation: IntOrTuple; groups: number }>) => Tensor;
export const conv1d: ConvFn;
export const conv2d: ConvFn;
export const conv3d: ConvFn;
type ConvTransposeFn = (input: Tensor, weight: Tensor, ...args: PyArgs<[], [bias: Tensor | null, stride: IntOrTuple,
  padding: IntOrTuple, output_padding: IntOrTuple, groups: number, dilation: IntOrTuple], { bias: Tensor | null;
  stride: IntOrTuple; padding: IntOrTuple; output_padding: IntOrTuple; groups: number; dilation: IntOrTuple }>) => Tensor;
export const conv_transpose1d: ConvTransposeFn;
export const conv_transpose2d: ConvTransposeFn;
export const conv_transpose3d: ConvTransposeFn;
interface WindowArgs { kernel_size: IntOrTuple; dilation?: IntOrTuple; padding?: IntOrTuple; stride?: IntOrTuple }
type WindowPos = [dilation: IntOrTuple, padding: IntOrTuple, stride: IntOrTuple];
export function unfold(input: Tensor, ...args: PyArgs<[kernel_size: IntOrTuple], WindowPos, WindowArgs>): Tensor;
export function fold(input: Tensor, ...args: PyArgs<[output_size: IntOrTuple, kernel_size: IntOrTuple], WindowPos,
  WindowArgs & { output_size: IntOrTuple }>): Tensor;

// ---- pooling -------------------------------------------------------------------------------
/** Returns [output, indices] with return_indices: true. */
type MaxPoolFn = Fn<[kernel_size: IntOrTuple], [stride: IntOrTuple | null, padding: IntOrTuple, dilation: IntOrTuple,
  ceil_mode: boolean, return_indices: boolean], { kernel_size: IntOrTuple; stride?: IntOrTuple | null;
  padding?: IntOrTuple; dilation?: IntOrTuple; ceil_mode?: boolean; return_indices?: boolean }, any>;
export const max_pool1d: MaxPoolFn;
export const max_pool2d: MaxPoolFn;
export const max_pool3d: MaxPoolFn;
interface AvgArgs { kernel_size: IntOrTuple; stride?: IntOrTuple | null; padding?: IntOrTuple; ceil_mode?: boolean; count_include_pad?: boolean }
type AvgPos = [stride: IntOrTuple | null, padding: IntOrTuple, ceil_mode: boolean, count_include_pad: boolean];
export const avg_pool1d: Fn<[kernel_size: IntOrTuple], AvgPos, AvgArgs>;
type AvgPoolNdFn = Fn<[kernel_size: IntOrTuple], [...AvgPos, divisor_override: number | null], AvgArgs & { divisor_override?: number | null }>;
export const avg_pool2d: AvgPoolNdFn;
export const avg_pool3d: AvgPoolNdFn;
type LpFn = Fn<[norm_type: number, kernel_size: IntOrTuple], [stride: IntOrTuple | null, ceil_mode: boolean],
  { norm_type: number; kernel_size: IntOrTuple; stride?: IntOrTuple | null; ceil_mode?: boolean }>;
export const lp_pool1d: LpFn;
export const lp_pool2d: LpFn;
type AdaptiveAvgFn = Fn<[output_size: OutputSize], [], { output_size: OutputSize }>;
type AdaptiveMaxFn = Fn<[output_size: OutputSize], [return_indices: boolean], { output_size: OutputSize; return_indices?: boolean }, any>;
export const adaptive_avg_pool1d: AdaptiveAvgFn;
export const adaptive_avg_pool2d: AdaptiveAvgFn;
export const adaptive_avg_pool3d: AdaptiveAvgFn;
export const adaptive_max_pool1d: AdaptiveMaxFn;
export const adaptive_max_pool2d: AdaptiveMaxFn;
export const adaptive_max_pool3d: AdaptiveMaxFn;
type FractionalFn = Fn<[kernel_size: IntOrTuple], [output_size: IntOrTuple | null, output_ratio: number | number[] | null,
  return_indices: boolean, _random_samples: Tensor | null], { kernel_size: IntOrTuple; output_size?: IntOrTuple | null;
  output_ratio?: number | number[] | null; return_indices?: boolean; _random_samples?: Tensor | null }, any>;
export const fractional_max_pool2d: FractionalFn;
export const fractional_max_pool3d: FractionalFn;
type MaxUnpoolFn = (input: Tensor, indices: Tensor, ...args: PyArgs<[kernel_size: IntOrTuple], [stride: IntOrTuple | null,
  padding: IntOrTuple, output_size: number[] | null], { kernel_size: IntOrTuple; stride?: IntOrTuple | null;
  padding?: IntOrTuple; output_size?: number[] | null }>) => Tensor;
export const max_unpool1d: MaxUnpoolFn;
export const max_unpool2d: MaxUnpoolFn;
export const max_unpool3d: MaxUnpoolFn;

// ---- resampling ----------------------------------------------------------------------------
export function interpolate(input: Tensor, ...args: PyArgs<[], [size: IntOrTuple | null,
  scale_factor: number | number[] | null, mode: InterpolateMode, align_corners: boolean | null,
  recompute_scale_factor: boolean | null, antialias: boolean], { size: IntOrTuple | null;
  scale_factor: number | number[] | null; mode: InterpolateMode; align_corners: boolean | null;
  recompute_scale_factor: boolean | null; antialias: boolean }>): Tensor;
export function pixel_shuffle(input: Tensor, ...args: PyArgs<[upscale_factor: number], [], { upscale_factor: number }>): Tensor;
export function pixel_unshuffle(input: Tensor, ...args: PyArgs<[downscale_factor: number], [], { downscale_factor: number }>): Tensor;

// ---- normalization -------------------------------------------------------------------------
export function batch_norm(input: Tensor, running_mean: Tensor | null, running_var: Tensor | null,
  ...args: PyArgs<[], [weight: Tensor | null, bias: Tensor | null, training: boolean, momentum: number | null, eps: number],
    { weight: Tensor | null; bias: Tensor | null; training: boolean; momentum: number | null; eps: number }>): Tensor;
export function instance_norm(input: Tensor, ...args: PyArgs<[], [running_mean: Tensor | null, running_var: Tensor | null,
  weight: Tensor | null, bias: Tensor | null, use_input_stats: boolean, momentum: number, eps: number], {
  running_mean: Tensor | null; running_var: Tensor | null; weight: Tensor | null; bias: Tensor | null;
  use_input_stats: boolean; momentum: number; eps: number }>): Tensor;
export function layer_norm(input: Tensor, ...args: PyArgs<[normalized_shape: IntOrTuple], [weight: Tensor | null,
  bias: Tensor | null, eps: number], { normalized_shape: IntOrTuple; weight?: Tensor | null; bias?: Tensor | null; eps?: number }>): Tensor;
export function group_norm(input: Tensor, ...args: PyArgs<[num_groups: number], [weight: Tensor | null,
  bias: Tensor | null, eps: number], { num_groups: number; weight?: Tensor | null; bias?: Tensor | null; eps?: number }>): Tensor;
export function local_response_norm(input: Tensor, ...args: PyArgs<[size: number], [alpha: number, beta: number, k: number],
  { size: number; alpha?: number; beta?: number; k?: number }>): Tensor;

// ---- attention -----------------------------------------------------------------------------
export function scaled_dot_product_attention(query: Tensor, key: Tensor, value: Tensor, ...args: PyArgs<[],
  [attn_mask: Tensor | null, dropout_p: number, is_causal: boolean, scale: number | null],
  { attn_mask: Tensor | null; dropout_p: number; is_causal: boolean; scale: number | null }>): Tensor;
export interface MultiHeadAttentionForwardArgs {
  query: Tensor; key: Tensor; value: Tensor; embed_dim_to_check: number; num_heads: number;
  in_proj_weight: Tensor | null; in_proj_bias: Tensor | null; bias_k: Tensor | null; bias_v: Tensor | null;
  add_zero_attn: boolean; dropout_p: number; out_proj_weight: Tensor; out_proj_bias: Tensor | null;
  training?: boolean; key_padding_mask?: Tensor | null; need_weights?: boolean; attn_mask?: Tensor | null;
  use_separate_proj_weight?: boolean; q_proj_weight?: Tensor | null; k_proj_weight?: Tensor | null;
  v_proj_weight?: Tensor | null; static_k?: Tensor | null; static_v?: Tensor | null; average_attn_weights?: boolean;
}
/** PyTorch's positional order (query, key, value, embed_dim_to_check, ...) or one object of MultiHeadAttentionForwardArgs. */
export function multi_head_attention_forward(...args: unknown[]): [attn_output: Tensor, attn_weights: Tensor | null];
