// Types of torch.nn (js/nn/index.js): containers and every layer, constructor arguments with
// PyTorch's names in PyTorch's order (see PyArgs in module.d.ts). See docs/nn.md.

import { Tensor, Parameter } from '../tensor.js';
import { Module, PyArgs, IntOrTuple, Device, FactoryDtype, FactoryKwargs } from './module.js';

export { Module, Parameter };
export type { PyArgs, Prefixes, IntOrTuple, Device, FactoryDtype, FactoryKwargs, RemovableHandle, ForwardHook, ForwardPreHook } from './module.js';
export * as init from './init.js';
export * as functional from './functional.js';

/** The base of the layers whose forward takes one tensor and returns one (a typing device only). */
declare class T1 extends Module<[input: Tensor], Tensor> {}
type Reduction = 'none' | 'mean' | 'sum';
/** An int, or a tuple of ints where null keeps the input's size (adaptive pooling). */
type OutputSize = number | null | (number | null)[];

// ---- containers ----------------------------------------------------------------------------

declare class ModuleSequence<M extends Module = Module> extends Module {
  readonly length: number;
  [index: number]: M;
  [Symbol.iterator](): IterableIterator<M>;
  /** Item i (negative counts from the end). */
  at(index: number): M;
  append(module: M): this;
  extend(modules: Iterable<M>): this;
  insert(index: number, module: M): this;
  pop(index?: number): M;
}

/** nn.Sequential(...modules) or nn.Sequential({ name: module, ... }) */
export class Sequential extends ModuleSequence {
  constructor(...modules: Module[]);
  constructor(named: Record<string, Module>);
  slice(start?: number, end?: number): Sequential;
  forward(input: any): any;
}

export class ModuleList<M extends Module = Module> extends ModuleSequence<M> {
  constructor(modules?: Iterable<NoInfer<M>> | null);
  slice(start?: number, end?: number): ModuleList<M>;
}

type Named<V> = Record<string, V> | Map<string, V> | Iterable<[string, V]>;

export class ModuleDict<M extends Module = Module> extends Module {
  constructor(modules?: Named<NoInfer<M>> | null);
  readonly length: number;
  get(key: string): M;
  set(key: string, module: M): void;
  has(key: string): boolean;
  pop(key: string): M;
  clear(): void;
  keys(): IterableIterator<string>;
  values(): IterableIterator<M>;
  items(): IterableIterator<[string, M]>;
  update(modules: Named<M>): void;
}

export class ParameterList extends Module {
  constructor(values?: Iterable<Tensor> | null);
  readonly length: number;
  [index: number]: Parameter;
  [Symbol.iterator](): IterableIterator<Parameter>;
  at(index: number): Parameter;
  append(value: Tensor): this;
  extend(values: Iterable<Tensor>): this;
}

export class ParameterDict extends Module {
  constructor(parameters?: Named<Tensor> | null);
  readonly length: number;
  get(key: string, defaultValue?: Parameter | null): Parameter | null;
  set(key: string, value: Tensor): void;
  has(key: string): boolean;
  setdefault(key: string, value?: Tensor | null): Parameter | null;
  pop(key: string): Parameter;
  clear(): void;
  keys(): IterableIterator<string>;
  values(): IterableIterator<Parameter>;
  items(): IterableIterator<[string, Parameter]>;
  update(parameters: Named<Tensor>): void;
}

// ---- linear, flatten -------------------------------------------------------------------------

export class Identity extends T1 {
  constructor(...args: unknown[]);
}

export interface LinearArgs extends FactoryKwargs { in_features: number; out_features: number; bias?: boolean }
export class Linear extends T1 {
  constructor(...args: PyArgs<[in_features: number, out_features: number], [bias: boolean, device: Device, dtype: FactoryDtype], LinearArgs>);
  in_features: number;
  out_features: number;
  weight: Parameter;
  bias: Parameter | null;
  reset_parameters(): void;
}

export interface BilinearArgs extends FactoryKwargs { in1_features: number; in2_features: number; out_features: number; bias?: boolean }
export class Bilinear extends Module<[input1: Tensor, input2: Tensor], Tensor> {
  constructor(...args: PyArgs<[in1_features: number, in2_features: number, out_features: number], [bias: boolean, device: Device, dtype: FactoryDtype], BilinearArgs>);
  weight: Parameter;
  bias: Parameter | null;
  reset_parameters(): void;
}

export class Flatten extends T1 {
  constructor(...args: PyArgs<[], [start_dim: number, end_dim: number], { start_dim: number; end_dim: number }>);
  start_dim: number;
  end_dim: number;
}
export class Unflatten extends T1 {
  constructor(...args: PyArgs<[dim: number, unflattened_size: number[]], [], { dim: number; unflattened_size: number[] }>);
}

// ---- activations ---------------------------------------------------------------------------

type Inplace = PyArgs<[], [inplace: boolean], { inplace: boolean }>;
export class ReLU extends T1 { constructor(...args: Inplace); inplace: boolean }
export class Sigmoid extends T1 { constructor(); }
export class Tanh extends T1 { constructor(); }
export class Threshold extends T1 {
  constructor(...args: PyArgs<[threshold: number, value: number], [inplace: boolean], { threshold: number; value: number; inplace?: boolean }>);
}
export class Hardtanh extends T1 {
  constructor(...args: PyArgs<[], [min_val: number, max_val: number, inplace: boolean], { min_val: number; max_val: number; inplace: boolean }>);
}
export class ReLU6 extends Hardtanh { constructor(...args: Inplace); }
export class LeakyReLU extends T1 {
  constructor(...args: PyArgs<[], [negative_slope: number, inplace: boolean], { negative_slope: number; inplace: boolean }>);
}
type AlphaInplace = PyArgs<[], [alpha: number, inplace: boolean], { alpha: number; inplace: boolean }>;
export class ELU extends T1 { constructor(...args: AlphaInplace); }
export class CELU extends T1 { constructor(...args: AlphaInplace); }
export class SELU extends T1 { constructor(...args: Inplace); }
export class SiLU extends T1 { constructor(...args: Inplace); }
export class Mish extends T1 { constructor(...args: Inplace); }
export class Hardsigmoid extends T1 { constructor(...args: Inplace); }
export class Hardswish extends T1 { constructor(...args: Inplace); }
export class GELU extends T1 {
  constructor(...args: PyArgs<[], [approximate: 'none' | 'tanh'], { approximate: 'none' | 'tanh' }>);
}
export class Softplus extends T1 {
  constructor(...args: PyArgs<[], [beta: number, threshold: number], { beta: number; threshold: number }>);
}
type Lambd = PyArgs<[], [lambd: number], { lambd: number }>;
export class Hardshrink extends T1 { constructor(...args: Lambd); }
export class Softshrink extends T1 { constructor(...args: Lambd); }
export class Softsign extends T1 { constructor(); }
export class LogSigmoid extends T1 { constructor(); }
export class Tanhshrink extends T1 { constructor(); }
export class PReLU extends T1 {
  constructor(...args: PyArgs<[], [num_parameters: number, init: number, device: Device, dtype: FactoryDtype], FactoryKwargs & { num_parameters: number; init: number }>);
  weight: Parameter;
  reset_parameters(): void;
}
export class GLU extends T1 { constructor(...args: PyArgs<[], [dim: number], { dim: number }>); }
type SoftmaxDim = PyArgs<[], [dim: number | null], { dim: number | null }>;
export class Softmax extends T1 { constructor(...args: SoftmaxDim); }
export class LogSoftmax extends T1 { constructor(...args: SoftmaxDim); }
export class Softmin extends T1 { constructor(...args: SoftmaxDim); }

// ---- dropout -------------------------------------------------------------------------------

type DropoutArgs = PyArgs<[], [p: number, inplace: boolean], { p: number; inplace: boolean }>;
export class Dropout extends T1 { constructor(...args: DropoutArgs); p: number; inplace: boolean }
export class Dropout1d extends T1 { constructor(...args: DropoutArgs); }
export class Dropout2d extends T1 { constructor(...args: DropoutArgs); }
export class Dropout3d extends T1 { constructor(...args: DropoutArgs); }
export class AlphaDropout extends T1 { constructor(...args: DropoutArgs); }
export class FeatureAlphaDropout extends T1 { constructor(...args: DropoutArgs); }

// ---- padding -------------------------------------------------------------------------------

type PadArgs = PyArgs<[padding: IntOrTuple], [], { padding: IntOrTuple }>;
type ConstantPadArgs = PyArgs<[padding: IntOrTuple, value: number], [], { padding: IntOrTuple; value: number }>;
export class ConstantPad1d extends T1 { constructor(...args: ConstantPadArgs); }
export class ConstantPad2d extends T1 { constructor(...args: ConstantPadArgs); }
export class ConstantPad3d extends T1 { constructor(...args: ConstantPadArgs); }
export class ZeroPad1d extends ConstantPad1d { constructor(...args: PadArgs); }
export class ZeroPad2d extends ConstantPad2d { constructor(...args: PadArgs); }
export class ZeroPad3d extends ConstantPad3d { constructor(...args: PadArgs); }
export class ReflectionPad1d extends T1 { constructor(...args: PadArgs); }
export class ReflectionPad2d extends T1 { constructor(...args: PadArgs); }
export class ReflectionPad3d extends T1 { constructor(...args: PadArgs); }
export class ReplicationPad1d extends T1 { constructor(...args: PadArgs); }
export class ReplicationPad2d extends T1 { constructor(...args: PadArgs); }
export class ReplicationPad3d extends T1 { constructor(...args: PadArgs); }

// ---- embedding -----------------------------------------------------------------------------

export interface EmbeddingArgs extends FactoryKwargs {
  num_embeddings: number; embedding_dim: number; padding_idx?: number | null; max_norm?: number | null;
  norm_type?: number; scale_grad_by_freq?: boolean; sparse?: boolean; _weight?: Tensor | null;
}
export class Embedding extends T1 {
  constructor(...args: PyArgs<[num_embeddings: number, embedding_dim: number], [padding_idx: number | null,
    max_norm: number | null, norm_type: number, scale_grad_by_freq: boolean, sparse: boolean, _weight: Tensor | null,
    device: Device, dtype: FactoryDtype], EmbeddingArgs>);
  num_embeddings: number;
  embedding_dim: number;
  padding_idx: number | null;
  weight: Parameter;
  reset_parameters(): void;
  static from_pretrained(embeddings: Tensor, ...args: PyArgs<[], [freeze: boolean, padding_idx: number | null,
    max_norm: number | null, norm_type: number, scale_grad_by_freq: boolean, sparse: boolean], {
    freeze: boolean; padding_idx: number | null; max_norm: number | null; norm_type: number;
    scale_grad_by_freq: boolean; sparse: boolean }>): Embedding;
}

type BagMode = 'sum' | 'mean' | 'max';
export interface EmbeddingBagArgs extends FactoryKwargs {
  num_embeddings: number; embedding_dim: number; max_norm?: number | null; norm_type?: number;
  scale_grad_by_freq?: boolean; mode?: BagMode; sparse?: boolean; _weight?: Tensor | null;
  include_last_offset?: boolean; padding_idx?: number | null;
}
export class EmbeddingBag extends Module<[input: Tensor, offsets?: Tensor | null | { offsets?: Tensor | null; per_sample_weights?: Tensor | null }, ...rest: any[]], Tensor> {
  constructor(...args: PyArgs<[num_embeddings: number, embedding_dim: number], [max_norm: number | null,
    norm_type: number, scale_grad_by_freq: boolean, mode: BagMode, sparse: boolean, _weight: Tensor | null,
    include_last_offset: boolean, padding_idx: number | null, device: Device, dtype: FactoryDtype], EmbeddingBagArgs>);
  weight: Parameter;
  reset_parameters(): void;
  static from_pretrained(embeddings: Tensor, ...args: PyArgs<[], [freeze: boolean, max_norm: number | null,
    norm_type: number, scale_grad_by_freq: boolean, mode: BagMode, sparse: boolean, include_last_offset: boolean,
    padding_idx: number | null], { freeze: boolean; max_norm: number | null; norm_type: number;
    scale_grad_by_freq: boolean; mode: BagMode; sparse: boolean; include_last_offset: boolean;
    padding_idx: number | null }>): EmbeddingBag;
}

// ---- losses --------------------------------------------------------------------------------

interface Legacy { size_average: boolean | null; reduce: boolean | null; reduction: Reduction }
type LegacyPos = [size_average: boolean | null, reduce: boolean | null, reduction: Reduction];
declare class Loss extends Module<[input: Tensor, target: Tensor], Tensor> {}
export class L1Loss extends Loss { constructor(...args: PyArgs<[], LegacyPos, Legacy>); reduction: Reduction }
export class MSELoss extends Loss { constructor(...args: PyArgs<[], LegacyPos, Legacy>); reduction: Reduction }
export class SmoothL1Loss extends Loss {
  constructor(...args: PyArgs<[], [...LegacyPos, beta: number], Legacy & { beta: number }>);
}
export class HuberLoss extends Loss {
  constructor(...args: PyArgs<[], [reduction: Reduction, delta: number], { reduction: Reduction; delta: number }>);
}
export class KLDivLoss extends Loss {
  constructor(...args: PyArgs<[], [size_average: boolean | null, reduce: boolean | null,
    reduction: Reduction | 'batchmean', log_target: boolean], Omit<Legacy, 'reduction'> & {
    reduction: Reduction | 'batchmean'; log_target: boolean }>);
}
export class BCELoss extends Loss {
  constructor(...args: PyArgs<[], [weight: Tensor | null, ...LegacyPos], Legacy & { weight: Tensor | null }>);
}
export class BCEWithLogitsLoss extends Loss {
  constructor(...args: PyArgs<[], [weight: Tensor | null, ...LegacyPos, pos_weight: Tensor | null],
    Legacy & { weight: Tensor | null; pos_weight: Tensor | null }>);
}
export class NLLLoss extends Loss {
  constructor(...args: PyArgs<[], [weight: Tensor | null, size_average: boolean | null, ignore_index: number,
    reduce: boolean | null, reduction: Reduction], Legacy & { weight: Tensor | null; ignore_index: number }>);
}
export class CrossEntropyLoss extends Loss {
  constructor(...args: PyArgs<[], [weight: Tensor | null, size_average: boolean | null, ignore_index: number,
    reduce: boolean | null, reduction: Reduction, label_smoothing: number],
    Legacy & { weight: Tensor | null; ignore_index: number; label_smoothing: number }>);
}

// ---- convolution, fold ---------------------------------------------------------------------

type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';
export interface ConvArgs extends FactoryKwargs {
  in_channels: number; out_channels: number; kernel_size: IntOrTuple; stride?: IntOrTuple;
  padding?: IntOrTuple | 'same' | 'valid'; dilation?: IntOrTuple; groups?: number; bias?: boolean;
  padding_mode?: PaddingMode;
}
type ConvCall = PyArgs<[in_channels: number, out_channels: number, kernel_size: IntOrTuple], [stride: IntOrTuple,
  padding: IntOrTuple | 'same' | 'valid', dilation: IntOrTuple, groups: number, bias: boolean,
  padding_mode: PaddingMode, device: Device, dtype: FactoryDtype], ConvArgs>;
declare class ConvNd extends T1 {
  in_channels: number;
  out_channels: number;
  kernel_size: number[];
  stride: number[];
  padding: number[] | 'same' | 'valid';
  dilation: number[];
  groups: number;
  padding_mode: PaddingMode;
  weight: Parameter;
  bias: Parameter | null;
  reset_parameters(): void;
}
export class Conv1d extends ConvNd { constructor(...args: ConvCall); }
export class Conv2d extends ConvNd { constructor(...args: ConvCall); }
export class Conv3d extends ConvNd { constructor(...args: ConvCall); }

export interface ConvTransposeArgs extends FactoryKwargs {
  in_channels: number; out_channels: number; kernel_size: IntOrTuple; stride?: IntOrTuple; padding?: IntOrTuple;
  output_padding?: IntOrTuple; groups?: number; bias?: boolean; dilation?: IntOrTuple; padding_mode?: 'zeros';
}
type ConvTransposeCall = PyArgs<[in_channels: number, out_channels: number, kernel_size: IntOrTuple],
  [stride: IntOrTuple, padding: IntOrTuple, output_padding: IntOrTuple, groups: number, bias: boolean,
    dilation: IntOrTuple, padding_mode: 'zeros', device: Device, dtype: FactoryDtype], ConvTransposeArgs>;
declare class ConvTransposeNd extends Module<[input: Tensor, output_size?: number[] | null | { output_size?: number[] | null }], Tensor> {
  in_channels: number;
  out_channels: number;
  weight: Parameter;
  bias: Parameter | null;
  reset_parameters(): void;
}
export class ConvTranspose1d extends ConvTransposeNd { constructor(...args: ConvTransposeCall); }
export class ConvTranspose2d extends ConvTransposeNd { constructor(...args: ConvTransposeCall); }
export class ConvTranspose3d extends ConvTransposeNd { constructor(...args: ConvTransposeCall); }

interface WindowArgs { kernel_size: IntOrTuple; dilation?: IntOrTuple; padding?: IntOrTuple; stride?: IntOrTuple }
type WindowPos = [dilation: IntOrTuple, padding: IntOrTuple, stride: IntOrTuple];
export class Unfold extends T1 { constructor(...args: PyArgs<[kernel_size: IntOrTuple], WindowPos, WindowArgs>); }
export class Fold extends T1 {
  constructor(...args: PyArgs<[output_size: IntOrTuple, kernel_size: IntOrTuple], WindowPos, WindowArgs & { output_size: IntOrTuple }>);
}

// ---- pooling -------------------------------------------------------------------------------

interface MaxPoolArgs { kernel_size: IntOrTuple; stride?: IntOrTuple | null; padding?: IntOrTuple; dilation?: IntOrTuple;
  return_indices?: boolean; ceil_mode?: boolean }
type MaxPoolCall = PyArgs<[kernel_size: IntOrTuple], [stride: IntOrTuple | null, padding: IntOrTuple,
  dilation: IntOrTuple, return_indices: boolean, ceil_mode: boolean], MaxPoolArgs>;
/** Returns [output, indices] when constructed with return_indices: true. */
declare class Pool extends Module<[input: Tensor], any> {}
export class MaxPool1d extends Pool { constructor(...args: MaxPoolCall); }
export class MaxPool2d extends Pool { constructor(...args: MaxPoolCall); }
export class MaxPool3d extends Pool { constructor(...args: MaxPoolCall); }

interface AvgPoolArgs { kernel_size: IntOrTuple; stride?: IntOrTuple | null; padding?: IntOrTuple; ceil_mode?: boolean;
  count_include_pad?: boolean }
type AvgPoolPos = [stride: IntOrTuple | null, padding: IntOrTuple, ceil_mode: boolean, count_include_pad: boolean];
export class AvgPool1d extends T1 { constructor(...args: PyArgs<[kernel_size: IntOrTuple], AvgPoolPos, AvgPoolArgs>); }
type AvgPoolNdCall = PyArgs<[kernel_size: IntOrTuple], [...AvgPoolPos, divisor_override: number | null],
  AvgPoolArgs & { divisor_override?: number | null }>;
export class AvgPool2d extends T1 { constructor(...args: AvgPoolNdCall); }
export class AvgPool3d extends T1 { constructor(...args: AvgPoolNdCall); }

type LPPoolCall = PyArgs<[norm_type: number, kernel_size: IntOrTuple], [stride: IntOrTuple | null, ceil_mode: boolean],
  { norm_type: number; kernel_size: IntOrTuple; stride?: IntOrTuple | null; ceil_mode?: boolean }>;
export class LPPool1d extends T1 { constructor(...args: LPPoolCall); }
export class LPPool2d extends T1 { constructor(...args: LPPoolCall); }

type AdaptiveAvgCall = PyArgs<[output_size: OutputSize], [], { output_size: OutputSize }>;
type AdaptiveMaxCall = PyArgs<[output_size: OutputSize], [return_indices: boolean], { output_size: OutputSize; return_indices?: boolean }>;
export class AdaptiveAvgPool1d extends T1 { constructor(...args: AdaptiveAvgCall); }
export class AdaptiveAvgPool2d extends T1 { constructor(...args: AdaptiveAvgCall); }
export class AdaptiveAvgPool3d extends T1 { constructor(...args: AdaptiveAvgCall); }
export class AdaptiveMaxPool1d extends Pool { constructor(...args: AdaptiveMaxCall); }
export class AdaptiveMaxPool2d extends Pool { constructor(...args: AdaptiveMaxCall); }
export class AdaptiveMaxPool3d extends Pool { constructor(...args: AdaptiveMaxCall); }

type FractionalCall = PyArgs<[kernel_size: IntOrTuple], [output_size: IntOrTuple | null, output_ratio: number | number[] | null,
  return_indices: boolean, _random_samples: Tensor | null], { kernel_size: IntOrTuple; output_size?: IntOrTuple | null;
  output_ratio?: number | number[] | null; return_indices?: boolean; _random_samples?: Tensor | null }>;
export class FractionalMaxPool2d extends Pool { constructor(...args: FractionalCall); }
export class FractionalMaxPool3d extends Pool { constructor(...args: FractionalCall); }

type MaxUnpoolCall = PyArgs<[kernel_size: IntOrTuple], [stride: IntOrTuple | null, padding: IntOrTuple],
  { kernel_size: IntOrTuple; stride?: IntOrTuple | null; padding?: IntOrTuple }>;
declare class Unpool extends Module<[input: Tensor, indices: Tensor, output_size?: number[] | null | { output_size?: number[] | null }], Tensor> {}
export class MaxUnpool1d extends Unpool { constructor(...args: MaxUnpoolCall); }
export class MaxUnpool2d extends Unpool { constructor(...args: MaxUnpoolCall); }
export class MaxUnpool3d extends Unpool { constructor(...args: MaxUnpoolCall); }

// ---- resampling ----------------------------------------------------------------------------

export type InterpolateMode = 'nearest' | 'nearest-exact' | 'linear' | 'bilinear' | 'bicubic' | 'trilinear' | 'area';
export interface UpsampleArgs {
  size: IntOrTuple | null; scale_factor: number | number[] | null; mode: InterpolateMode;
  align_corners: boolean | null; recompute_scale_factor: boolean | null;
}
export class Upsample extends T1 {
  constructor(...args: PyArgs<[], [size: IntOrTuple | null, scale_factor: number | number[] | null, mode: InterpolateMode,
    align_corners: boolean | null, recompute_scale_factor: boolean | null], UpsampleArgs>);
}
type Upsampling2dCall = PyArgs<[], [size: IntOrTuple | null, scale_factor: number | number[] | null],
  { size: IntOrTuple | null; scale_factor: number | number[] | null }>;
export class UpsamplingNearest2d extends Upsample { constructor(...args: Upsampling2dCall); }
export class UpsamplingBilinear2d extends Upsample { constructor(...args: Upsampling2dCall); }
export class PixelShuffle extends T1 { constructor(...args: PyArgs<[upscale_factor: number], [], { upscale_factor: number }>); }
export class PixelUnshuffle extends T1 { constructor(...args: PyArgs<[downscale_factor: number], [], { downscale_factor: number }>); }

// ---- normalization -------------------------------------------------------------------------

export interface NormArgs extends FactoryKwargs {
  num_features: number; eps?: number; momentum?: number | null; affine?: boolean; track_running_stats?: boolean;
}
type NormCall = PyArgs<[num_features: number], [eps: number, momentum: number | null, affine: boolean,
  track_running_stats: boolean, device: Device, dtype: FactoryDtype], NormArgs>;
declare class NormBase extends T1 {
  num_features: number;
  eps: number;
  momentum: number | null;
  affine: boolean;
  track_running_stats: boolean;
  weight: Parameter | null;
  bias: Parameter | null;
  running_mean: Tensor | null;
  running_var: Tensor | null;
  num_batches_tracked: Tensor | null;
  reset_running_stats(): void;
  reset_parameters(): void;
}
export class BatchNorm1d extends NormBase { constructor(...args: NormCall); }
export class BatchNorm2d extends NormBase { constructor(...args: NormCall); }
export class BatchNorm3d extends NormBase { constructor(...args: NormCall); }
export class InstanceNorm1d extends NormBase { constructor(...args: NormCall); }
export class InstanceNorm2d extends NormBase { constructor(...args: NormCall); }
export class InstanceNorm3d extends NormBase { constructor(...args: NormCall); }
export class LayerNorm extends T1 {
  constructor(...args: PyArgs<[normalized_shape: IntOrTuple], [eps: number, elementwise_affine: boolean, device: Device,
    dtype: FactoryDtype], FactoryKwargs & { normalized_shape: IntOrTuple; eps?: number; elementwise_affine?: boolean }>);
  normalized_shape: number[];
  eps: number;
  weight: Parameter | null;
  bias: Parameter | null;
}
export class GroupNorm extends T1 {
  constructor(...args: PyArgs<[num_groups: number, num_channels: number], [eps: number, affine: boolean, device: Device,
    dtype: FactoryDtype], FactoryKwargs & { num_groups: number; num_channels: number; eps?: number; affine?: boolean }>);
  weight: Parameter | null;
  bias: Parameter | null;
}
export class LocalResponseNorm extends T1 {
  constructor(...args: PyArgs<[size: number], [alpha: number, beta: number, k: number],
    { size: number; alpha?: number; beta?: number; k?: number }>);
}
/** Switchable Normalization (Luo et al. 2018): not in torch.nn. */
type SwitchableCall = PyArgs<[num_features: number], [eps: number, momentum: number],
  { num_features: number; eps?: number; momentum?: number }>;
export class SwitchableNorm1d extends T1 { constructor(...args: SwitchableCall); }
export class SwitchableNorm2d extends T1 { constructor(...args: SwitchableCall); }

// ---- recurrent -----------------------------------------------------------------------------

export interface RNNArgs extends FactoryKwargs {
  input_size: number; hidden_size: number; num_layers?: number; bias?: boolean; batch_first?: boolean;
  dropout?: number; bidirectional?: boolean;
}
type RNNPos = [num_layers: number, bias: boolean, batch_first: boolean, dropout: number, bidirectional: boolean];
/** forward(input, h0?) -> [output, h_n] */
export class RNN extends Module<[input: Tensor, hx?: Tensor | null], [output: Tensor, h_n: Tensor]> {
  constructor(...args: PyArgs<[input_size: number, hidden_size: number], [...RNNPos, nonlinearity: 'tanh' | 'relu'],
    RNNArgs & { nonlinearity?: 'tanh' | 'relu' }>);
  input_size: number;
  hidden_size: number;
  num_layers: number;
}
/** forward(input, [h0, c0]?) -> [output, [h_n, c_n]] */
export class LSTM extends Module<[input: Tensor, hx?: [h0: Tensor, c0: Tensor] | null],
  [output: Tensor, state: [h_n: Tensor, c_n: Tensor]]> {
  constructor(...args: PyArgs<[input_size: number, hidden_size: number], [...RNNPos, proj_size: number, device: Device,
    dtype: FactoryDtype], RNNArgs & { proj_size?: number }>);
  input_size: number;
  hidden_size: number;
  num_layers: number;
  proj_size: number;
}
export class GRU extends Module<[input: Tensor, hx?: Tensor | null], [output: Tensor, h_n: Tensor]> {
  constructor(...args: PyArgs<[input_size: number, hidden_size: number], RNNPos, RNNArgs>);
  input_size: number;
  hidden_size: number;
  num_layers: number;
}
interface CellArgs extends FactoryKwargs { input_size: number; hidden_size: number; bias?: boolean }
export class RNNCell extends Module<[input: Tensor, hx?: Tensor | null], Tensor> {
  constructor(...args: PyArgs<[input_size: number, hidden_size: number], [bias: boolean, nonlinearity: 'tanh' | 'relu',
    device: Device, dtype: FactoryDtype], CellArgs & { nonlinearity?: 'tanh' | 'relu' }>);
}
export class LSTMCell extends Module<[input: Tensor, hx?: [h: Tensor, c: Tensor] | null], [h: Tensor, c: Tensor]> {
  constructor(...args: PyArgs<[input_size: number, hidden_size: number], [bias: boolean, device: Device, dtype: FactoryDtype], CellArgs>);
}
export class GRUCell extends Module<[input: Tensor, hx?: Tensor | null], Tensor> {
  constructor(...args: PyArgs<[input_size: number, hidden_size: number], [bias: boolean, device: Device, dtype: FactoryDtype], CellArgs>);
}

// ---- attention, transformer ----------------------------------------------------------------

export interface MultiheadAttentionArgs extends FactoryKwargs {
  embed_dim: number; num_heads: number; dropout?: number; bias?: boolean; add_bias_kv?: boolean;
  add_zero_attn?: boolean; kdim?: number | null; vdim?: number | null; batch_first?: boolean;
}
export interface MultiheadAttentionForwardOptions {
  key_padding_mask?: Tensor | null; need_weights?: boolean; attn_mask?: Tensor | null; average_attn_weights?: boolean;
}
/** forward(query, key, value, options?) -> [attn_output, attn_weights | null] */
export class MultiheadAttention extends Module<[query: Tensor, key: Tensor, value: Tensor,
  ...rest: (Tensor | boolean | null | MultiheadAttentionForwardOptions)[]], [attn_output: Tensor, attn_weights: Tensor | null]> {
  constructor(...args: PyArgs<[embed_dim: number, num_heads: number], [dropout: number, bias: boolean,
    add_bias_kv: boolean, add_zero_attn: boolean, kdim: number | null, vdim: number | null, batch_first: boolean,
    device: Device, dtype: FactoryDtype], MultiheadAttentionArgs>);
  embed_dim: number;
  num_heads: number;
  batch_first: boolean;
}

export type Activation = 'relu' | 'gelu' | ((x: Tensor) => Tensor) | Module<[Tensor], Tensor>;
export interface TransformerLayerArgs extends FactoryKwargs {
  d_model: number; nhead: number; dim_feedforward?: number; dropout?: number; activation?: Activation;
  layer_norm_eps?: number; batch_first?: boolean; norm_first?: boolean;
}
type LayerCall = PyArgs<[d_model: number, nhead: number], [dim_feedforward: number, dropout: number,
  activation: Activation, layer_norm_eps: number, batch_first: boolean, norm_first: boolean, device: Device,
  dtype: FactoryDtype], TransformerLayerArgs>;
type Mask = Tensor | null;
export class TransformerEncoderLayer extends Module<[src: Tensor, ...rest: (Mask | { src_mask?: Mask; src_key_padding_mask?: Mask })[]], Tensor> {
  constructor(...args: LayerCall);
}
interface DecoderMasks { tgt_mask?: Mask; memory_mask?: Mask; tgt_key_padding_mask?: Mask; memory_key_padding_mask?: Mask }
export class TransformerDecoderLayer extends Module<[tgt: Tensor, memory: Tensor, ...rest: (Mask | DecoderMasks)[]], Tensor> {
  constructor(...args: LayerCall);
}
export class TransformerEncoder extends Module<[src: Tensor, ...rest: (Mask | { mask?: Mask; src_key_padding_mask?: Mask })[]], Tensor> {
  constructor(...args: PyArgs<[encoder_layer: TransformerEncoderLayer, num_layers: number], [norm: Module | null,
    enable_nested_tensor: boolean, mask_check: boolean], { encoder_layer: TransformerEncoderLayer; num_layers: number;
    norm?: Module | null; enable_nested_tensor?: boolean; mask_check?: boolean }>);
  layers: ModuleList<TransformerEncoderLayer>;
  num_layers: number;
  norm: Module | null;
}
export class TransformerDecoder extends Module<[tgt: Tensor, memory: Tensor, ...rest: (Mask | DecoderMasks)[]], Tensor> {
  constructor(...args: PyArgs<[decoder_layer: TransformerDecoderLayer, num_layers: number], [norm: Module | null],
    { decoder_layer: TransformerDecoderLayer; num_layers: number; norm?: Module | null }>);
  layers: ModuleList<TransformerDecoderLayer>;
  num_layers: number;
  norm: Module | null;
}
export interface TransformerArgs extends FactoryKwargs {
  d_model: number; nhead: number; num_encoder_layers: number; num_decoder_layers: number; dim_feedforward: number;
  dropout: number; activation: Activation; custom_encoder: Module | null; custom_decoder: Module | null;
  layer_norm_eps: number; batch_first: boolean; norm_first: boolean;
}
interface TransformerMasks {
  src_mask?: Mask; tgt_mask?: Mask; memory_mask?: Mask; src_key_padding_mask?: Mask; tgt_key_padding_mask?: Mask;
  memory_key_padding_mask?: Mask;
}
export class Transformer extends Module<[src: Tensor, tgt: Tensor, ...rest: (Mask | TransformerMasks)[]], Tensor> {
  constructor(...args: PyArgs<[], [d_model: number, nhead: number, num_encoder_layers: number,
    num_decoder_layers: number, dim_feedforward: number, dropout: number, activation: Activation,
    custom_encoder: Module | null, custom_decoder: Module | null, layer_norm_eps: number, batch_first: boolean,
    norm_first: boolean, device: Device, dtype: FactoryDtype], TransformerArgs>);
  encoder: Module;
  decoder: Module;
  d_model: number;
  nhead: number;
  batch_first: boolean;
  static generate_square_subsequent_mask(sz: number, device?: Device | string): Tensor;
  static generate_square_subsequent_mask(options: { sz: number; device?: Device | string }): Tensor;
}
