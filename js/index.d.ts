// TypeScript declarations of webtorch's public API (js/index.js). The reference is docs/.
//
//   import torch, { nn, F, Tensor } from 'webtorch';
//   await torch.ready();

import { Tensor, Parameter, Dtype, Shape, TensorData, DtypeOptions, SizeArgs } from './tensor.js';
import * as nn from './nn/index.js';
import * as F from './nn/functional.js';
import { Module, PyArgs } from './nn/module.js';

export { Tensor, nn, F };
export type { Parameter, Dtype, Shape, TensorData, NestedArray, NestedList, DtypeOptions, SizeArgs, TypedArrayFor } from './tensor.js';
export type { PyArgs, IntOrTuple } from './nn/module.js';

// ---- start-up ------------------------------------------------------------------------------

export interface ReadyOptions {
  /** Where the selected build's .wasm file is (a path in Node, a URL in browsers). Default: next to the JS, in dist/. */
  wasmPath?: string | URL;
  /** The .wasm file's bytes, when the caller fetched or bundled them. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** false forces the scalar build; true requires SIMD128. Default: SIMD128 wherever the engine supports it. */
  simd?: boolean;
  /**
   * false forces the single-thread build; true requires the pthread build (SharedArrayBuffer: Node, or a page
   * served cross-origin isolated). Default: threads wherever they can run.
   */
  threads?: boolean;
}
export interface Backend {
  simd: boolean;
  threads: number;
  version: string;
}
/** Instantiate the wasm module (idempotent). Every other call throws until this has resolved. */
export function ready(options?: ReadyOptions): Promise<void>;
export function backend(): Backend;
/** Threads ops use from now on (torch.set_num_threads); capped at the threads the build started with. */
export function set_num_threads(n: number): void;
/** The number of threads ops use (torch.get_num_threads); 1 in the single-thread builds. */
export function get_num_threads(): number;

// ---- dtypes, random ------------------------------------------------------------------------

export const float32: 'float32';
export const float: 'float32';
export const int64: 'int64';
export const long: 'int64';
export const int32: 'int32';
export const bool: 'bool';
/** Seeds rand/randn/randint, nn.init and every random layer: the same draws as PyTorch's CPU generator. */
export function manual_seed(seed: number | bigint): void;
export function initial_seed(): number | bigint;

// ---- creation ------------------------------------------------------------------------------

export function tensor(data: TensorData | Tensor, options?: DtypeOptions): Tensor;
export function zeros(...args: SizeArgs): Tensor;
export function ones(...args: SizeArgs): Tensor;
export function empty(...args: SizeArgs): Tensor;
export function rand(...args: SizeArgs): Tensor;
export function randn(...args: SizeArgs): Tensor;
export function full(size: Shape, fill_value: number | boolean | bigint, options?: DtypeOptions): Tensor;
export function zeros_like(t: Tensor, options?: DtypeOptions): Tensor;
export function ones_like(t: Tensor, options?: DtypeOptions): Tensor;
/** randint(high, size) or randint(low, high, size); int64 by default. */
export function randint(high: number, size: Shape, options?: DtypeOptions): Tensor;
export function randint(low: number, high: number, size: Shape, options?: DtypeOptions): Tensor;
/** arange(end), arange(start, end, step?); integer arguments give int64, as in PyTorch. */
export function arange(end: number, options?: DtypeOptions): Tensor;
export function arange(start: number, end: number, options?: DtypeOptions): Tensor;
export function arange(start: number, end: number, step: number, options?: DtypeOptions): Tensor;
export function cat(tensors: Tensor[], dim?: number): Tensor;
export function stack(tensors: Tensor[], dim?: number): Tensor;
export function matmul(input: Tensor, other: Tensor): Tensor;
export function flatten(input: Tensor, start_dim?: number, end_dim?: number): Tensor;

// ---- torch.<activation> --------------------------------------------------------------------

export const relu: (input: Tensor) => Tensor;
export const relu_: (input: Tensor) => Tensor;
export const sigmoid: (input: Tensor) => Tensor;
export const tanh: (input: Tensor) => Tensor;
export const selu: (input: Tensor) => Tensor;
export const selu_: (input: Tensor) => Tensor;
export const softmax: typeof F.softmax;
export const log_softmax: typeof F.log_softmax;
export const celu: typeof F.celu;
export const celu_: typeof F.celu_;
export const threshold: typeof F.threshold;
export const threshold_: typeof F.threshold_;
export const prelu: typeof F.prelu;
export const hardshrink: typeof F.hardshrink;
type TorchDropout = (input: Tensor, ...args: PyArgs<[p: number, train: boolean], [], { p: number; train: boolean }>) => Tensor;
/** torch.dropout(input, p, train): p and train are required, as in PyTorch. */
export const dropout: TorchDropout;
export const alpha_dropout: TorchDropout;
export const feature_dropout: TorchDropout;
export const feature_alpha_dropout: TorchDropout;

// ---- memory --------------------------------------------------------------------------------

/** Run fn and dispose every tensor it created except those in its result (and those kept). */
export function tidy<R>(fn: () => R): R;
/** Take a tensor out of the enclosing tidy()/forward scope: the caller now owns it. */
export function keep<T extends Tensor>(t: T): T;
/** Bytes held by live tensors in the wasm heap. */
export function memory_allocated(): number;

// ---- weights -------------------------------------------------------------------------------

export type StateDict = Record<string, Tensor>;
export interface LoadSafetensorsOptions {
  /** Called as bytes arrive: loaded so far, and the total (null when the server does not say). */
  onProgress?: ((loaded: number, total: number | null) => void) | null;
}
/** Bytes in: the tensors, synchronously. All or nothing: a malformed file throws and allocates nothing. */
export function load_safetensors(bytes: ArrayBuffer | ArrayBufferView, options?: LoadSafetensorsOptions): StateDict;
/** A URL (string or URL) is fetched, a Response read, as a stream: a Promise of the tensors. */
export function load_safetensors(source: string | URL | Response, options?: LoadSafetensorsOptions): Promise<StateDict>;
/** A state_dict (object or Map of name -> Tensor) as the bytes of a .safetensors file. */
export function save_safetensors(state_dict: StateDict | Map<string, Tensor>, metadata?: Record<string, string> | null): Uint8Array;

// ---- summary -------------------------------------------------------------------------------

export interface SummaryOptions {
  /** One dtype per input (default float32 for each). */
  dtypes?: Dtype[] | null;
  /** The deepest level of modules shown (default 3); deeper modules count in their ancestor's row. */
  depth?: number;
}
/**
 * A torchinfo-style table: each module's output shape (one forward pass in eval mode on zeros) and
 * parameter count, the totals, trainable vs frozen. input_size: one shape, or one shape per input.
 */
export function summary(model: Module, input_size: Shape | Shape[], options?: SummaryOptions): string;

// ---- the namespace -------------------------------------------------------------------------

declare const torch: {
  ready: typeof ready; backend: typeof backend; set_num_threads: typeof set_num_threads;
  get_num_threads: typeof get_num_threads; manual_seed: typeof manual_seed; initial_seed: typeof initial_seed;
  Tensor: typeof Tensor; tensor: typeof tensor; zeros: typeof zeros; ones: typeof ones; full: typeof full;
  empty: typeof empty; rand: typeof rand; randn: typeof randn; randint: typeof randint; arange: typeof arange;
  zeros_like: typeof zeros_like; ones_like: typeof ones_like; cat: typeof cat; stack: typeof stack;
  matmul: typeof matmul; flatten: typeof flatten; relu: typeof relu; sigmoid: typeof sigmoid; tanh: typeof tanh;
  softmax: typeof softmax; log_softmax: typeof log_softmax; selu: typeof selu; selu_: typeof selu_; celu: typeof celu;
  celu_: typeof celu_; relu_: typeof relu_; threshold: typeof threshold; threshold_: typeof threshold_;
  prelu: typeof prelu; hardshrink: typeof hardshrink; dropout: typeof dropout; alpha_dropout: typeof alpha_dropout;
  feature_dropout: typeof feature_dropout; feature_alpha_dropout: typeof feature_alpha_dropout; tidy: typeof tidy;
  keep: typeof keep; memory_allocated: typeof memory_allocated; load_safetensors: typeof load_safetensors;
  save_safetensors: typeof save_safetensors; summary: typeof summary; float32: 'float32'; int64: 'int64';
  int32: 'int32'; bool: 'bool'; long: 'int64'; float: 'float32'; nn: typeof nn; F: typeof F;
};
export default torch;
