// Types of webtorch's tensors (js/tensor.js). See docs/tensor.md.

/** dtypes are strings: torch.float32 === 'float32'. */
export type Dtype = 'float32' | 'int64' | 'int32' | 'bool';

/** A shape as an array of sizes, e.g. [2, 3]. */
export type Shape = number[];

/** Values torch.tensor reads: a number/boolean/bigint, nested arrays of them, or a 1-D typed array. */
export type TensorData = number | boolean | bigint | NestedArray | Float32Array | Float64Array | Int32Array
  | BigInt64Array | Uint8Array | Int16Array | Int8Array | Uint16Array;
export interface NestedArray extends Array<number | boolean | bigint | NestedArray> {}

/** What toTypedArray() returns for each dtype. */
export type TypedArrayFor<D extends Dtype> = D extends 'float32' ? Float32Array : D extends 'int64' ? BigInt64Array
  : D extends 'int32' ? Int32Array : Uint8Array;

/** A nested array of JS numbers (booleans for bool tensors), as tolist() returns it. */
export type NestedList = number | boolean | NestedList[];

export interface DtypeOptions {
  dtype?: Dtype;
  requires_grad?: boolean;
}

/** Sizes as varargs (zeros(2, 3)) or one array (zeros([2, 3])), then optionally { dtype, requires_grad }. */
export type SizeArgs = [...sizes: number[]] | [...sizes: number[], options: DtypeOptions] | [size: Shape]
  | [size: Shape, options: DtypeOptions];

/** A tensor whose storage lives in the wasm heap. Free it with dispose() (or let a tidy scope do it). */
export class Tensor {
  /** Internal: make tensors with torch.tensor, torch.zeros, ... */
  protected constructor();
  readonly dtype: Dtype;
  requires_grad: boolean;
  grad: Tensor | null;
  /** A copy of the shape. */
  readonly shape: Shape;
  readonly ndim: number;
  readonly isDisposed: boolean;

  /** Free this handle's claim on the storage (idempotent); using the tensor afterwards throws. */
  dispose(): void;

  size(): Shape;
  size(dim: number): number;
  stride(): number[];
  stride(dim: number): number;
  dim(): number;
  numel(): number;
  is_contiguous(): boolean;

  view(...shape: number[]): Tensor;
  view(shape: Shape): Tensor;
  reshape(...shape: number[]): Tensor;
  reshape(shape: Shape): Tensor;
  transpose(dim0: number, dim1: number): Tensor;
  permute(...dims: number[]): Tensor;
  permute(dims: number[]): Tensor;
  unsqueeze(dim: number): Tensor;
  squeeze(dim?: number): Tensor;
  flatten(start_dim?: number, end_dim?: number): Tensor;
  unflatten(dim: number, sizes: Shape): Tensor;
  expand(...sizes: number[]): Tensor;
  expand(sizes: Shape): Tensor;
  contiguous(): Tensor;
  clone(): Tensor;
  detach(): Tensor;

  to(dtype: Dtype): Tensor;
  float(): Tensor;
  long(): Tensor;
  int(): Tensor;
  bool(): Tensor;

  /** A copy of the elements in row-major order (Float32Array, BigInt64Array, Int32Array or Uint8Array). */
  toTypedArray(): Float32Array | BigInt64Array | Int32Array | Uint8Array;
  tolist(): NestedList;
  item(): number | boolean;
  /** PyTorch's print format: tensor([[1., 2.]]). */
  toString(): string;

  copy_(src: Tensor): this;
  fill_(value: number | boolean | bigint): this;
  zero_(): this;
  uniform_(from?: number, to?: number): this;
  normal_(mean?: number, std?: number): this;
  requires_grad_(requires_grad?: boolean): this;

  add(other: Tensor | number, options?: { alpha?: number }): Tensor;
  sub(other: Tensor | number, options?: { alpha?: number }): Tensor;
  mul(other: Tensor | number): Tensor;
  div(other: Tensor | number): Tensor;
  pow(exponent: Tensor | number): Tensor;
  maximum(other: Tensor): Tensor;
  minimum(other: Tensor): Tensor;
  exp(): Tensor;
  log(): Tensor;
  neg(): Tensor;
  abs(): Tensor;
  sqrt(): Tensor;
  relu(): Tensor;
  sigmoid(): Tensor;
  tanh(): Tensor;
  matmul(other: Tensor): Tensor;

  sum(dim?: number | number[] | null, keepdim?: boolean): Tensor;
  sum(options: { dim?: number | number[] | null; keepdim?: boolean }): Tensor;
  mean(dim?: number | number[] | null, keepdim?: boolean): Tensor;
  mean(options: { dim?: number | number[] | null; keepdim?: boolean }): Tensor;
  /** max() -> 0-d tensor; max(other) -> elementwise maximum; max(dim, keepdim?) -> [values, indices]. */
  max(): Tensor;
  max(other: Tensor): Tensor;
  max(dim: number, keepdim?: boolean): [values: Tensor, indices: Tensor];
  min(): Tensor;
  min(other: Tensor): Tensor;
  min(dim: number, keepdim?: boolean): [values: Tensor, indices: Tensor];
  argmax(dim?: number | null, keepdim?: boolean): Tensor;
}

/** nn.Parameter(data, requires_grad = true): a Tensor a Module registers as a parameter (shares data's storage). */
export class Parameter extends Tensor {
  constructor(data?: Tensor | null, requires_grad?: boolean | { requires_grad?: boolean });
}
