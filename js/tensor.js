// Tensors: typed, strided views onto reference-counted storage in the wasm heap.
//
// Memory rules (see README "Memory"):
//  * A Storage is one wasm allocation; every Tensor handle on it holds one reference.
//  * t.dispose() drops the handle's reference; the storage is freed with its last handle.
//  * A FinalizationRegistry drops the reference of a handle that is garbage-collected undisposed.
//    Only handles outside every tidy() scope are registered: a scope frees its own handles, and
//    registering (with the GC work it brings) was the largest JS cost of a small forward pass.
//  * Tensors created inside tidy() (every Module.forward runs in one) are disposed when it ends,
//    except those it returns and those kept with keep() or registered as parameters/buffers.
//  * Views (view, transpose, permute, ...) are new handles on the same storage; they stay valid
//    across wasm memory growth because they hold offsets, never typed-array views.

import { C, ensureReady, malloc, free, heapBuffer, withInt32 } from './runtime.js';
import { formatTensor } from './tensor_str.js';
import { defaultGenerator } from './random.js';
import { bindArgs, isOptions, describe, wrapDim, checkInt, checkNumber, nameOf } from './args.js';

export const DTYPES = Object.freeze({
  float32: { size: 4, Array: Float32Array, code: 0, isFloat: true },
  int64: { size: 8, Array: BigInt64Array, code: 1, isFloat: false },
  int32: { size: 4, Array: Int32Array, code: 2, isFloat: false },
  bool: { size: 1, Array: Uint8Array, code: 3, isFloat: false },
});

const BINARY = { add: 0, sub: 1, mul: 2, div: 3, maximum: 4, minimum: 5, pow: 6 };
const UNARY = { relu: 0, sigmoid: 1, tanh: 2, exp: 3, log: 4, neg: 5, abs: 6, sqrt: 7 };
const REDUCE = { sum: 0, mean: 1, max: 2, min: 3 };

let allocatedBytes = 0;

class Storage {
  constructor(nbytes) {
    this.ptr = malloc(nbytes);
    this.nbytes = nbytes;
    this.refs = 0;
    // Bumped by every in-place write (_setValues, copy_): caches derived from the values
    // (a layer's packed weights) compare it to know they are stale.
    this.version = 0;
    allocatedBytes += nbytes;
  }

  release() {
    this.refs -= 1;
    if (this.refs === 0) {
      free(this.ptr);
      allocatedBytes -= this.nbytes;
      this.ptr = 0;
    }
  }
}

const registry = new FinalizationRegistry((storage) => storage.release());

// ---- scopes ------------------------------------------------------------------------------

const scopes = [];

function collect(value, into, depth = 0) {
  if (depth > 16 || value == null) return;
  if (value instanceof Tensor) into.add(value);
  else if (Array.isArray(value)) for (const v of value) collect(v, into, depth + 1);
  else if (isOptions(value)) for (const v of Object.values(value)) collect(v, into, depth + 1);
}

/**
 * Run fn() and dispose every tensor it created, except the tensors in its result (a Tensor, or
 * arrays/plain objects of them) and those kept. Nested tidy() calls hand their results outwards.
 */
export function tidy(fn) {
  const scope = new Set();
  scopes.push(scope);
  let result;
  let ok = false;
  try {
    result = fn();
    ok = true;
    return result;
  } finally {
    scopes.pop();
    const keepSet = new Set();
    if (ok) collect(result, keepSet);
    const parent = scopes.length ? scopes[scopes.length - 1] : null;
    for (const t of scope) {
      if (t._scope !== scope) continue;
      if (keepSet.has(t)) {
        if (parent) {
          t._scope = parent;
          parent.add(t);
        } else {
          unscope(t);
        }
      } else {
        t.dispose();
      }
    }
  }
}

/** t has left its last scope: from now on the FinalizationRegistry frees it if it is dropped undisposed. */
function unscope(t) {
  t._scope = null;
  registry.register(t, t._storage, t);
}

/** Exempt a tensor from the enclosing tidy()/forward scope: the caller now owns it. */
export function keep(t) {
  if (t instanceof Tensor && t._scope) {
    t._scope.delete(t);
    unscope(t);
  }
  return t;
}

/** Bytes held by live tensor storage. */
export function memory_allocated() {
  return allocatedBytes;
}

// ---- helpers -----------------------------------------------------------------------------

function contiguousStrides(shape) {
  const strides = new Array(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

function prod(shape) {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

function fmtShape(shape) {
  return `[${shape.join(', ')}]`;
}

function checkDtype(who, dtype) {
  if (!(typeof dtype === 'string' && Object.prototype.hasOwnProperty.call(DTYPES, dtype))) {
    throw new Error(`${who}: unknown dtype ${describe(dtype)} (expected one of: ${Object.keys(DTYPES).join(', ')})`);
  }
  return dtype;
}

function checkShape(who, shape) {
  for (const s of shape) {
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 0) {
      throw new Error(`${who}: sizes must be non-negative integers, got ${describe(shape)}`);
    }
  }
  const n = prod(shape);
  if (n > 2 ** 32) throw new Error(`${who}: ${fmtShape(shape)} has ${n} elements, more than a wasm heap can hold`);
  return shape;
}

/** Parse `(2, 3)`, `([2, 3])` with an optional trailing options object. */
function parseSize(who, args, defaults) {
  let opts = {};
  if (args.length && isOptions(args[args.length - 1])) {
    opts = args[args.length - 1];
    args = args.slice(0, -1);
  }
  const shape = args.length === 1 && Array.isArray(args[0]) ? args[0].slice() : args.slice();
  checkShape(who, shape);
  const o = bindArgs(who, [opts], Object.entries(defaults));
  return { shape, ...o };
}

function newTensor(shape, dtype) {
  ensureReady();
  const storage = new Storage(prod(shape) * DTYPES[dtype].size);
  return new Tensor(storage, shape, contiguousStrides(shape), 0, dtype);
}

/** The broadcast shape of a and b; `who` names the caller in the message (see nameOf). */
export function broadcastShapes(who, a, b) {
  const n = Math.max(a.length, b.length);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) {
      throw new Error(`${nameOf(who)}: The size of tensor a (${x}) must match the size of tensor b (${y}) at ` +
        `non-singleton dimension ${i}; shapes ${fmtShape(a)} and ${fmtShape(b)}`);
    }
    out[i] = x === 1 ? y : x;
  }
  return out;
}

/** Strides of t read as `shape` (right-aligned broadcast: 0 where t has size 1 or no dim). */
function broadcastStrides(t, shape) {
  const n = shape.length;
  const k = t._shape.length;
  const out = new Array(n).fill(0);
  for (let i = 0; i < k; i++) {
    if (t._shape[i] !== 1) out[n - k + i] = t._strides[i];
  }
  return out;
}

// PyTorch's promoteTypes restricted to our dtypes, which form a chain: bool < int32 < int64 < float32.
const PROMOTION_RANK = { bool: 0, int32: 1, int64: 2, float32: 3 };

function promote(a, b) {
  return PROMOTION_RANK[a] >= PROMOTION_RANK[b] ? a : b;
}

function category(dtype) {
  return dtype === 'bool' ? 0 : DTYPES[dtype].isFloat ? 2 : 1;
}

/**
 * PyTorch's result_type for two operands: a 0-d tensor (or a number, already a 0-d tensor here)
 * next to a dimensioned one only decides the dtype when it is of a higher category
 * (bool < integer < float), so int32 + tensor(7) stays int32.
 */
function resultType(a, b) {
  if ((a._shape.length === 0) !== (b._shape.length === 0)) {
    const [dimmed, zeroDim] = a._shape.length === 0 ? [b, a] : [a, b];
    if (category(zeroDim.dtype) <= category(dimmed.dtype)) return dimmed.dtype;
  }
  return promote(a.dtype, b.dtype);
}

function toBig(v) {
  return typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
}

/** A float32 or integer scalar as a 0-d tensor, dtype following PyTorch's wrapped-number rule. */
function scalarFor(t, value, who) {
  if (typeof value === 'boolean') value = value ? 1 : 0;
  if (typeof value !== 'number' && typeof value !== 'bigint') {
    throw new Error(`${who}: expected a Tensor or a number, got ${describe(value)}`);
  }
  const isInt = typeof value === 'bigint' || Number.isInteger(value);
  const dtype = DTYPES[t.dtype].isFloat || !isInt ? 'float32' : (t.dtype === 'bool' ? 'int64' : t.dtype);
  return tensor(value, { dtype });
}

// Iterate the flat row-major positions of `shape`, yielding the element offsets of strided operands.
function* stridedOffsets(shape, stridesList, offsets) {
  const n = prod(shape);
  const ndim = shape.length;
  const idx = new Array(ndim).fill(0);
  const cur = offsets.slice();
  for (let i = 0; i < n; i++) {
    yield cur;
    for (let d = ndim - 1; d >= 0; d--) {
      idx[d] += 1;
      for (let k = 0; k < cur.length; k++) cur[k] += stridesList[k][d];
      if (idx[d] < shape[d]) break;
      for (let k = 0; k < cur.length; k++) cur[k] -= stridesList[k][d] * shape[d];
      idx[d] = 0;
    }
  }
}

// ---- Tensor ------------------------------------------------------------------------------

export class Tensor {
  /** Internal: use torch.tensor / torch.zeros / ... to make tensors. */
  constructor(storage, shape, strides, offset, dtype) {
    this._storage = storage;
    this._shape = shape;
    this._strides = strides;
    this._offset = offset;
    this.dtype = dtype;
    this.requires_grad = false;
    this.grad = null;
    this._disposed = false;
    this._scope = null;
    storage.refs += 1;
    if (scopes.length) {
      this._scope = scopes[scopes.length - 1];
      this._scope.add(this);
    } else {
      registry.register(this, storage, this);
    }
  }

  // -- lifetime --

  /** Free this handle's claim on the storage (idempotent). */
  dispose() {
    if (this._disposed) return;
    this._disposed = true;
    if (this._scope) this._scope.delete(this);
    else registry.unregister(this);
    this._scope = null;
    this._storage.release();
  }

  get isDisposed() {
    return this._disposed;
  }

  _check() {
    if (this._disposed) throw new Error('webtorch: this tensor was disposed; it can no longer be used');
    ensureReady();
    return this;
  }

  /** Byte address of the first element (valid until the next allocation moves nothing: wasm never moves). */
  _ptr() {
    return this._storage.ptr + this._offset * DTYPES[this.dtype].size;
  }

  /** A typed-array view of a contiguous tensor's elements (internal; invalid after heap growth). */
  _view() {
    return new DTYPES[this.dtype].Array(heapBuffer(), this._ptr(), prod(this._shape));
  }

  _viewAs(shape, strides, offset = this._offset) {
    return new Tensor(this._storage, shape, strides, offset, this.dtype);
  }

  // -- shape --

  get shape() {
    return this._shape.slice();
  }

  get ndim() {
    return this._shape.length;
  }

  size(dim) {
    if (dim === undefined) return this._shape.slice();
    return this._shape[wrapDim('Tensor.size', dim, this._shape.length)];
  }

  stride(dim) {
    if (dim === undefined) return this._strides.slice();
    return this._strides[wrapDim('Tensor.stride', dim, this._shape.length)];
  }

  dim() {
    return this._shape.length;
  }

  numel() {
    return prod(this._shape);
  }

  is_contiguous() {
    let expected = 1;
    for (let i = this._shape.length - 1; i >= 0; i--) {
      if (this._shape[i] !== 1 && this._strides[i] !== expected) return false;
      expected *= this._shape[i];
    }
    return true;
  }

  // -- views --

  _resolveShape(who, args) {
    const shape = args.length === 1 && Array.isArray(args[0]) ? args[0].slice() : args.slice();
    const n = this.numel();
    let infer = -1;
    let known = 1;
    shape.forEach((s, i) => {
      if (s === -1 && infer < 0) infer = i;
      else if (typeof s !== 'number' || !Number.isInteger(s) || s < 0) {
        throw new Error(`${who}: invalid shape ${describe(shape)}: sizes must be non-negative integers (one may be -1)`);
      } else known *= s;
    });
    if (infer >= 0) {
      if (known === 0 || n % known !== 0) {
        throw new Error(`${who}: shape ${fmtShape(shape)} is invalid for input of size ${n}`);
      }
      shape[infer] = n / known;
    }
    if (prod(shape) !== n) throw new Error(`${who}: shape ${fmtShape(shape)} is invalid for input of size ${n}`);
    return shape;
  }

  // Strides for viewing this tensor as `shape` without copying, or null (PyTorch's computeStride).
  _viewStrides(shape) {
    const oldShape = this._shape;
    const oldStrides = this._strides;
    if (prod(oldShape) === 0) return contiguousStrides(shape);
    const newStrides = new Array(shape.length);
    let viewD = shape.length - 1;
    let chunkBase = oldStrides[oldStrides.length - 1];
    let tensorNumel = 1;
    let viewNumel = 1;
    for (let d = oldShape.length - 1; d >= 0; d--) {
      tensorNumel *= oldShape[d];
      if (d === 0 || (oldShape[d - 1] !== 1 && oldStrides[d - 1] !== tensorNumel * chunkBase)) {
        while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] === 1)) {
          newStrides[viewD] = viewNumel * chunkBase;
          viewNumel *= shape[viewD];
          viewD -= 1;
        }
        if (viewNumel !== tensorNumel) return null;
        if (d > 0) {
          chunkBase = oldStrides[d - 1];
          tensorNumel = 1;
          viewNumel = 1;
        }
      }
    }
    if (viewD !== -1) return null;
    return newStrides;
  }

  view(...args) {
    this._check();
    const shape = this._resolveShape('Tensor.view', args);
    const strides = oldShapeIsScalar(this) ? contiguousStrides(shape) : this._viewStrides(shape);
    if (!strides) {
      throw new Error(`Tensor.view: view size ${fmtShape(shape)} is not compatible with input tensor's size ` +
        `${fmtShape(this._shape)} and stride [${this._strides.join(', ')}] (at least one dimension spans across ` +
        'two contiguous subspaces). Use .reshape(...) instead.');
    }
    return this._viewAs(shape, strides);
  }

  reshape(...args) {
    this._check();
    const shape = this._resolveShape('Tensor.reshape', args);
    const strides = oldShapeIsScalar(this) ? contiguousStrides(shape) : this._viewStrides(shape);
    if (strides) return this._viewAs(shape, strides);
    const c = this.contiguous();
    const out = c._viewAs(shape, contiguousStrides(shape));
    c.dispose();
    return out;
  }

  transpose(dim0, dim1) {
    this._check();
    const n = this._shape.length;
    const a = wrapDim('Tensor.transpose', dim0, n);
    const b = wrapDim('Tensor.transpose', dim1, n);
    const shape = this._shape.slice();
    const strides = this._strides.slice();
    if (n > 0) {
      [shape[a], shape[b]] = [shape[b], shape[a]];
      [strides[a], strides[b]] = [strides[b], strides[a]];
    }
    return this._viewAs(shape, strides);
  }

  permute(...dims) {
    this._check();
    dims = dims.length === 1 && Array.isArray(dims[0]) ? dims[0] : dims;
    const n = this._shape.length;
    if (dims.length !== n) {
      throw new Error(`Tensor.permute: number of dims don't match in permute: got ${dims.length}, expected ${n}`);
    }
    const seen = new Set();
    const order = dims.map((d) => {
      const w = wrapDim('Tensor.permute', d, n);
      if (seen.has(w)) throw new Error(`Tensor.permute: repeated dim ${d} in ${describe(dims)}`);
      seen.add(w);
      return w;
    });
    return this._viewAs(order.map((d) => this._shape[d]), order.map((d) => this._strides[d]));
  }

  unsqueeze(dim) {
    this._check();
    const n = this._shape.length;
    const d = wrapDim('Tensor.unsqueeze', dim, n + 1);
    const shape = this._shape.slice();
    const strides = this._strides.slice();
    const st = d < n ? shape[d] * strides[d] : 1;
    shape.splice(d, 0, 1);
    strides.splice(d, 0, st);
    return this._viewAs(shape, strides);
  }

  squeeze(dim) {
    this._check();
    const n = this._shape.length;
    if (dim === undefined) {
      const keepDims = this._shape.map((s, i) => i).filter((i) => this._shape[i] !== 1);
      return this._viewAs(keepDims.map((i) => this._shape[i]), keepDims.map((i) => this._strides[i]));
    }
    const d = wrapDim('Tensor.squeeze', dim, n);
    if (n === 0 || this._shape[d] !== 1) return this._viewAs(this._shape.slice(), this._strides.slice());
    const shape = this._shape.slice();
    const strides = this._strides.slice();
    shape.splice(d, 1);
    strides.splice(d, 1);
    return this._viewAs(shape, strides);
  }

  flatten(start_dim = 0, end_dim = -1) {
    this._check();
    const n = this._shape.length;
    if (n === 0) return this.reshape([1]);
    const s = wrapDim('Tensor.flatten', start_dim, n);
    const e = wrapDim('Tensor.flatten', end_dim, n);
    if (s > e) throw new Error('Tensor.flatten: flatten() has invalid args: start_dim cannot come after end_dim');
    const shape = [...this._shape.slice(0, s), prod(this._shape.slice(s, e + 1)), ...this._shape.slice(e + 1)];
    return this.reshape(shape);
  }

  unflatten(dim, sizes) {
    this._check();
    const n = this._shape.length;
    const d = wrapDim('Tensor.unflatten', dim, n);
    if (!Array.isArray(sizes) || sizes.length === 0) {
      throw new Error(`Tensor.unflatten: sizes must be a non-empty tuple of ints, got ${describe(sizes)}`);
    }
    const sub = this._viewAs([this._shape[d]], [1]);
    let resolved;
    try {
      resolved = sub._resolveShape('Tensor.unflatten', [sizes]);
    } catch (err) {
      throw new Error(`Tensor.unflatten: provided sizes ${describe(sizes)} don't multiply up to the size of dim ` +
        `${dim} (${this._shape[d]}) in the input tensor`);
    } finally {
      sub.dispose();
    }
    return this.reshape([...this._shape.slice(0, d), ...resolved, ...this._shape.slice(d + 1)]);
  }

  expand(...sizes) {
    this._check();
    sizes = sizes.length === 1 && Array.isArray(sizes[0]) ? sizes[0] : sizes;
    const n = sizes.length;
    const k = this._shape.length;
    if (n < k) {
      throw new Error(`Tensor.expand: the number of sizes provided (${n}) must be greater or equal to the number of ` +
        `dimensions in the tensor (${k})`);
    }
    const shape = new Array(n);
    const strides = new Array(n);
    for (let i = n - 1; i >= 0; i--) {
      const j = i - (n - k);
      const want = sizes[i];
      if (j < 0) {
        checkInt('Tensor.expand', 'size', want, { min: 0 });
        shape[i] = want;
        strides[i] = 0;
      } else if (want === -1 || want === this._shape[j]) {
        shape[i] = this._shape[j];
        strides[i] = this._strides[j];
      } else if (this._shape[j] === 1) {
        checkInt('Tensor.expand', 'size', want, { min: 0 });
        shape[i] = want;
        strides[i] = 0;
      } else {
        throw new Error(`Tensor.expand: the expanded size of the tensor (${want}) must match the existing size ` +
          `(${this._shape[j]}) at non-singleton dimension ${i}. Target sizes: ${fmtShape(sizes)}. ` +
          `Tensor sizes: ${fmtShape(this._shape)}`);
      }
    }
    return this._viewAs(shape, strides);
  }

  /** A contiguous tensor with this one's values (a new handle; shares storage if already contiguous). */
  contiguous() {
    this._check();
    if (this.is_contiguous()) return this._viewAs(this._shape.slice(), contiguousStrides(this._shape));
    const out = newTensor(this._shape.slice(), this.dtype);
    // The C copy takes sizes >= 1; an empty tensor has nothing to copy.
    if (out.numel() === 0) return out;
    withInt32([this._shape, this._strides], (ps, pst) =>
      C.wt_copy_strided(out._ptr(), this._ptr(), DTYPES[this.dtype].size, this._shape.length, ps, pst));
    return out;
  }

  /**
   * Internal: this tensor itself when contiguous, else a contiguous copy (owned by the enclosing
   * scope). For kernel arguments inside tidy(): unlike contiguous(), no new handle to register and
   * dispose on every call, so the caller must not dispose the result.
   */
  _contiguous() {
    return this.is_contiguous() ? this : this.contiguous();
  }

  clone() {
    this._check();
    if (!this.is_contiguous()) return this.contiguous();
    const out = newTensor(this._shape.slice(), this.dtype);
    out._view().set(this._view());
    return out;
  }

  detach() {
    this._check();
    return this._viewAs(this._shape.slice(), this._strides.slice());
  }

  // -- dtype --

  to(dtype) {
    this._check();
    checkDtype('Tensor.to', dtype);
    if (dtype === this.dtype) return this.detach();
    const src = this.contiguous();
    const out = newTensor(this._shape.slice(), dtype);
    try {
      C.wt_cast(out._ptr(), DTYPES[dtype].code, src._ptr(), DTYPES[this.dtype].code, this.numel());
    } finally {
      src.dispose();
    }
    return out;
  }

  float() {
    return this.to('float32');
  }

  long() {
    return this.to('int64');
  }

  int() {
    return this.to('int32');
  }

  bool() {
    return this.to('bool');
  }

  // -- data out --

  /** A copy of the elements in row-major order as a typed array (Float32Array, BigInt64Array, Int32Array, Uint8Array). */
  toTypedArray() {
    this._check();
    const c = this.contiguous();
    const out = c._view().slice();
    c.dispose();
    return out;
  }

  tolist() {
    const flat = this.toTypedArray();
    const conv = this.dtype === 'int64' ? Number : this.dtype === 'bool' ? (v) => v !== 0 : (v) => v;
    const shape = this._shape;
    let pos = 0;
    const build = (d) => {
      if (d === shape.length) return conv(flat[pos++]);
      const arr = new Array(shape[d]);
      for (let i = 0; i < shape[d]; i++) arr[i] = build(d + 1);
      return arr;
    };
    return build(0);
  }

  item() {
    this._check();
    const n = this.numel();
    if (n !== 1) throw new Error(`Tensor.item: a Tensor with ${n} elements cannot be converted to Scalar`);
    const v = this.toTypedArray()[0];
    return this.dtype === 'int64' ? Number(v) : this.dtype === 'bool' ? v !== 0 : v;
  }

  toString() {
    this._check();
    return formatTensor({ shape: this._shape, dtype: this.dtype, values: this.toTypedArray(),
      requires_grad: this.requires_grad }, { parameter: this instanceof Parameter });
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this._disposed ? 'tensor(<disposed>)' : this.toString();
  }

  // -- in-place writes --

  /**
   * Record an in-place write to this tensor's storage: caches derived from it (a layer's packed
   * weights, js/nn/packed.js) compare the version and rebuild. Every writer into an existing
   * tensor calls this, the C ops that write in place included.
   */
  _bumpVersion() {
    this._storage.version += 1;
  }

  /** Write values (row-major, any array-like matching numel) into this tensor, in place. */
  _setValues(values) {
    this._check();
    this._bumpVersion();
    const n = this.numel();
    if (values.length !== n) throw new Error(`webtorch: internal: ${values.length} values for ${n} elements`);
    if (this.is_contiguous()) {
      this._view().set(values);
      return this;
    }
    const tmp = newTensor(this._shape.slice(), this.dtype);
    try {
      tmp._view().set(values);
      this._copyStridedFrom(tmp);
    } finally {
      tmp.dispose();
    }
    return this;
  }

  _copyStridedFrom(src) {
    const dst = new DTYPES[this.dtype].Array(heapBuffer());
    const s = src._view();
    let i = 0;
    for (const [off] of stridedOffsets(this._shape, [this._strides], [this._ptr() / DTYPES[this.dtype].size])) {
      dst[off] = s[i++];
    }
  }

  copy_(src) {
    this._check();
    if (!(src instanceof Tensor)) throw new Error(`Tensor.copy_: expected a Tensor, got ${describe(src)}`);
    src._check();
    this._bumpVersion();
    const shape = broadcastShapes('Tensor.copy_', this._shape, src._shape);
    if (shape.length !== this._shape.length || shape.some((s, i) => s !== this._shape[i])) {
      throw new Error(`Tensor.copy_: cannot copy a tensor of shape ${fmtShape(src._shape)} into one of shape ` +
        `${fmtShape(this._shape)}`);
    }
    return tidy(() => {
      const expanded = src._viewAs(shape, broadcastStrides(src, shape));
      const typed = expanded.dtype === this.dtype ? expanded.contiguous() : expanded.contiguous().to(this.dtype);
      if (this.is_contiguous()) this._view().set(typed._view());
      else this._copyStridedFrom(typed);
      return this;
    });
  }

  fill_(value) {
    this._check();
    const v = this.dtype === 'int64' ? toBig(value) : this.dtype === 'bool' ? (value ? 1 : 0) : Number(value);
    return this._setValues(new DTYPES[this.dtype].Array(this.numel()).fill(v));
  }

  zero_() {
    return this.fill_(0);
  }

  uniform_(from = 0, to = 1) {
    this._requireFloat('Tensor.uniform_');
    return this._setValues(defaultGenerator.fillUniform(new Float32Array(this.numel()), from, to));
  }

  normal_(mean = 0, std = 1) {
    this._requireFloat('Tensor.normal_');
    if (!(std >= 0)) throw new Error(`Tensor.normal_: normal expects std >= 0.0, but found std ${std}`);
    return this._setValues(defaultGenerator.fillNormal(new Float32Array(this.numel()), mean, std));
  }

  requires_grad_(requires_grad = true) {
    this.requires_grad = requires_grad;
    return this;
  }

  _requireFloat(who) {
    this._check();
    if (this.dtype !== 'float32') throw new Error(`${who}: expected a float32 tensor, got ${this.dtype}`);
  }

  // -- arithmetic --

  _binary(name, other) {
    this._check();
    const who = `Tensor.${name}`;
    return tidy(() => {
      const b = other instanceof Tensor ? other._check() : scalarFor(this, other, who);
      if (name === 'sub' && (this.dtype === 'bool' || b.dtype === 'bool')) {
        throw new Error(`${who}: Subtraction, the \`-\` operator, with a bool tensor is not supported. ` +
          'If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
      }
      const dtype = name === 'div' ? 'float32' : resultType(this, b);
      const shape = broadcastShapes(who, this._shape, b._shape);
      const x = this.dtype === dtype ? this : this.to(dtype);
      const y = b.dtype === dtype ? b : b.to(dtype);
      const out = newTensor(shape, dtype);
      const sa = broadcastStrides(x, shape);
      const sb = broadcastStrides(y, shape);
      // The C kernel takes sizes >= 1: an empty result has nothing to compute.
      if (out.numel() === 0) return out;
      if (dtype === 'float32') {
        withInt32([shape, sa, sb], (ps, pa, pb) =>
          C.wt_binary_f32(BINARY[name], out._ptr(), x._ptr(), y._ptr(), shape.length, ps, pa, pb));
      } else {
        integerBinary(name, out, x, y, shape, sa, sb);
      }
      return out;
    });
  }

  // PyTorch's add/sub(other, *, alpha=1): this +- alpha * other.
  _addSub(name, other, rest) {
    const who = `Tensor.${name}`;
    const { alpha } = bindArgs(who, rest, [['alpha', 1]]);
    checkNumber(who, 'alpha', alpha);
    if (alpha === 1) return this._binary(name, other);
    this._check();
    return tidy(() => {
      const b = other instanceof Tensor ? other._check() : scalarFor(this, other, who);
      if (!Number.isInteger(alpha) && !DTYPES[this.dtype].isFloat && !DTYPES[b.dtype].isFloat) {
        throw new Error(`${who}: For integral input tensors, argument alpha must not be a floating point number, ` +
          `got ${alpha}`);
      }
      return this._binary(name, b.mul(alpha));
    });
  }

  add(other, ...rest) { return this._addSub('add', other, rest); }

  sub(other, ...rest) { return this._addSub('sub', other, rest); }

  mul(other) { return this._binary('mul', other); }

  div(other) { return this._binary('div', other); }

  pow(exponent) { return this._binary('pow', exponent); }

  maximum(other) { return this._binary('maximum', other); }

  minimum(other) { return this._binary('minimum', other); }

  _unary(name) {
    this._requireFloat(`Tensor.${name}`);
    const src = this.contiguous();
    const out = newTensor(this._shape.slice(), 'float32');
    try {
      C.wt_unary_f32(UNARY[name], out._ptr(), src._ptr(), out.numel(), 0, 0);
    } catch (err) {
      out.dispose();
      throw err;
    } finally {
      src.dispose();
    }
    return out;
  }

  exp() { return this._unary('exp'); }

  log() { return this._unary('log'); }

  neg() { return this._unary('neg'); }

  abs() { return this._unary('abs'); }

  sqrt() { return this._unary('sqrt'); }

  relu() { return this._unary('relu'); }

  sigmoid() { return this._unary('sigmoid'); }

  tanh() { return this._unary('tanh'); }

  matmul(other) {
    return matmul(this, other);
  }

  // -- reductions --

  _reduce(name, args, { indices = false } = {}) {
    this._check();
    const who = `Tensor.${name}`;
    const o = bindArgs(who, args, [['dim', null], ['keepdim', false]]);
    if (name === 'mean' && this.dtype !== 'float32') {
      throw new Error(`${who}: could not infer output dtype. Input dtype must be a floating point dtype, got ${this.dtype}`);
    }
    const n = this._shape.length;
    let dims;
    // dim=None and, as in PyTorch 1.13, an empty list of dims reduce over every dim.
    if (o.dim === null || (Array.isArray(o.dim) && o.dim.length === 0)) dims = this._shape.map((_, i) => i);
    else dims = (Array.isArray(o.dim) ? o.dim : [o.dim]).map((d) => wrapDim(who, d, n));
    if (new Set(dims).size !== dims.length) throw new Error(`${who}: dim ${describe(o.dim)} appears multiple times`);
    if ((name === 'max' || name === 'min') && this.numel() === 0) {
      throw new Error(`${who}: cannot reduce an empty tensor of shape ${fmtShape(this._shape)}`);
    }
    return tidy(() => {
      let cur = this.contiguous();
      let idx = null;
      const sorted = dims.slice().sort((a, b) => b - a);
      for (const d of sorted) {
        const shape = cur._shape.length ? cur._shape : [1];
        const outer = prod(shape.slice(0, d));
        const size = shape[d];
        const inner = prod(shape.slice(d + 1));
        const outShape = [...shape.slice(0, d), 1, ...shape.slice(d + 1)];
        const outDtype = cur.dtype === 'float32' || name === 'max' || name === 'min' ? cur.dtype : 'int64';
        const out = newTensor(outShape, outDtype);
        const ind = indices ? newTensor(outShape, 'int64') : null;
        // The C kernel takes sizes >= 1: over an empty dim a sum is 0 and a mean NaN, as in PyTorch
        // (max/min of an empty tensor were rejected above), and an empty result needs no call.
        if (size === 0) {
          out.fill_(name === 'mean' ? NaN : 0);
        } else if (cur.dtype !== 'float32') {
          integerReduce(name, out, ind, cur, outer, size, inner);
        } else if (out.numel() > 0) {
          C.wt_reduce_f32(REDUCE[name], out._ptr(), ind ? ind._ptr() : 0, cur._ptr(), outer, size, inner);
        }
        cur = out;
        idx = ind;
      }
      let outShape;
      if (o.keepdim) outShape = this._shape.map((s, i) => (dims.includes(i) ? 1 : s));
      else outShape = this._shape.filter((_, i) => !dims.includes(i));
      if (indices) return [cur.reshape(outShape), idx.reshape(outShape)];
      return cur.reshape(outShape);
    });
  }

  sum(...args) {
    return this._reduce('sum', args);
  }

  mean(...args) {
    return this._reduce('mean', args);
  }

  /** max() -> 0-d tensor; max(dim, keepdim) -> [values, indices]; max(tensor) -> elementwise maximum. */
  max(...args) {
    if (args[0] instanceof Tensor) return this.maximum(args[0]);
    if (args.length === 0) return this._reduce('max', [], {});
    return this._reduce('max', args, { indices: true });
  }

  min(...args) {
    if (args[0] instanceof Tensor) return this.minimum(args[0]);
    if (args.length === 0) return this._reduce('min', [], {});
    return this._reduce('min', args, { indices: true });
  }

  argmax(...args) {
    this._check();
    const o = bindArgs('Tensor.argmax', args, [['dim', null], ['keepdim', false]]);
    return tidy(() => {
      if (o.dim === null) {
        const flat = this.reshape([-1]);
        const [, idx] = flat._reduce('max', [0, false], { indices: true });
        return o.keepdim ? idx.reshape(this._shape.map(() => 1)) : idx;
      }
      const [, idx] = this._reduce('max', [o.dim, o.keepdim], { indices: true });
      return idx;
    });
  }
}

function oldShapeIsScalar(t) {
  return t._shape.length === 0;
}

// Integer a ** b as PyTorch's powi: by squaring with wrapping multiplies (Math.pow and BigInt **
// lose the low bits or blow up), and for b < 0 the truncated 1 / a ** |b|: only 1 and -1 survive.
function powInt32(a, b) {
  if (b < 0) return a === 1 ? 1 : a === -1 ? (b & 1 ? -1 : 1) : 0;
  let result = 1;
  for (let base = a, e = b; e > 0; e >>>= 1) {
    if (e & 1) result = Math.imul(result, base);
    base = Math.imul(base, base);
  }
  return result;
}

function powInt64(a, b) {
  if (b < 0n) return a === 1n ? 1n : a === -1n ? (b & 1n ? -1n : 1n) : 0n;
  let result = 1n;
  for (let base = a, e = b; e > 0n; e >>= 1n) {
    if (e & 1n) result = BigInt.asIntN(64, result * base);
    base = BigInt.asIntN(64, base * base);
  }
  return result;
}

function integerBinary(name, out, x, y, shape, sa, sb) {
  const big = out.dtype === 'int64';
  const xs = new DTYPES[x.dtype].Array(heapBuffer());
  const ys = new DTYPES[y.dtype].Array(heapBuffer());
  const o = out._view();
  const size = DTYPES[x.dtype].size;
  const ops = big ? {
    add: (a, b) => BigInt.asIntN(64, a + b), sub: (a, b) => BigInt.asIntN(64, a - b),
    mul: (a, b) => BigInt.asIntN(64, a * b), maximum: (a, b) => (a > b ? a : b), minimum: (a, b) => (a < b ? a : b),
    pow: powInt64,
  } : {
    add: (a, b) => (a + b) | 0, sub: (a, b) => (a - b) | 0, mul: (a, b) => Math.imul(a, b),
    maximum: Math.max, minimum: Math.min, pow: powInt32,
  };
  // bool results are 0/1 (True + True is True), not the integer sum a Uint8Array would keep.
  const f = out.dtype === 'bool' ? (a, b) => (ops[name](a, b) !== 0 ? 1 : 0) : ops[name];
  let i = 0;
  for (const [ox, oy] of stridedOffsets(shape, [sa, sb], [x._ptr() / size, y._ptr() / size])) {
    o[i++] = f(xs[ox], ys[oy]);
  }
}

function integerReduce(name, out, ind, cur, outer, size, inner) {
  const src = cur._view();
  const dst = out._view();
  const idx = ind ? ind._view() : null;
  const big = cur.dtype === 'int64';
  for (let a = 0; a < outer; a++) {
    for (let c = 0; c < inner; c++) {
      let acc = name === 'sum' ? (out.dtype === 'int64' ? 0n : 0) : src[a * size * inner + c];
      let at = 0;
      for (let k = 0; k < size; k++) {
        const v = src[(a * size + k) * inner + c];
        if (name === 'sum') acc += big || out.dtype !== 'int64' ? v : BigInt(v);
        else if ((name === 'max' && v > acc) || (name === 'min' && v < acc)) { acc = v; at = k; }
      }
      dst[a * inner + c] = out.dtype === 'int64' && typeof acc !== 'bigint' ? BigInt(acc) : acc;
      if (idx) idx[a * inner + c] = BigInt(at);
    }
  }
}

/** nn.Parameter: a tensor that a Module registers as a parameter; shares `data`'s storage. */
export class Parameter extends Tensor {
  constructor(data = null, requires_grad = true) {
    if (isOptions(requires_grad)) requires_grad = bindArgs('Parameter', [requires_grad], [['requires_grad', true]]).requires_grad;
    const src = data === null ? tensor([]) : data;
    if (!(src instanceof Tensor)) throw new Error(`Parameter: expected a Tensor, got ${describe(data)}`);
    src._check();
    super(src._storage, src._shape.slice(), src._strides.slice(), src._offset, src.dtype);
    if (data === null) src.dispose();
    keep(this);
    this.requires_grad = requires_grad;
  }
}

// ---- creation ------------------------------------------------------------------------------

function inferNested(who, data) {
  const shape = [];
  let level = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  const flat = [];
  let kind = null;
  const walk = (node, d, path) => {
    if (d === shape.length) {
      if (Array.isArray(node)) throw new Error(`${who}: ragged nested array: unexpected array at ${path}`);
      const t = typeof node;
      if (t !== 'number' && t !== 'boolean' && t !== 'bigint') {
        throw new Error(`${who}: expected numbers, booleans or bigints, got ${describe(node)} at ${path}`);
      }
      kind = kind === null || kind === t ? t : 'number';
      flat.push(node);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[d]) {
      throw new Error(`${who}: ragged nested array: expected a sequence of length ${shape[d]} at ${path}, got ` +
        `${Array.isArray(node) ? `length ${node.length}` : describe(node)}`);
    }
    node.forEach((child, i) => walk(child, d + 1, `${path}[${i}]`));
  };
  walk(data, 0, 'data');
  return { shape, flat, kind };
}

function fillFromNumbers(t, values) {
  const view = t._view();
  const who = 'torch.tensor';
  for (let i = 0; i < values.length; i++) {
    let v = values[i];
    if (typeof v === 'boolean') v = v ? 1 : 0;
    if (t.dtype === 'float32') view[i] = Number(v);
    else if (t.dtype === 'bool') view[i] = v ? 1 : 0;
    else {
      if (typeof v === 'number' && !Number.isFinite(v)) {
        throw new Error(`${who}: cannot convert ${v} to ${t.dtype}`);
      }
      view[i] = t.dtype === 'int64' ? toBig(v) : Number(toBig(v));
    }
  }
}

/** torch.tensor(data, { dtype, requires_grad }) */
export function tensor(data, options = {}) {
  ensureReady();
  const o = bindArgs('torch.tensor', [options], [['dtype', null], ['requires_grad', false]]);
  if (o.dtype !== null) checkDtype('torch.tensor', o.dtype);
  let out;
  if (data instanceof Tensor) {
    out = data.to(o.dtype ?? data.dtype).clone();
  } else if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    const byType = data instanceof BigInt64Array ? 'int64' : data instanceof Int32Array ? 'int32' : 'float32';
    const dtype = o.dtype ?? byType;
    out = newTensor([data.length], dtype);
    if (dtype === byType && (dtype !== 'float32' || data instanceof Float32Array)) out._view().set(data);
    else fillFromNumbers(out, Array.from(data));
  } else {
    const { shape, flat, kind } = Array.isArray(data) ? inferNested('torch.tensor', data)
      : inferNested('torch.tensor', [data]);
    const dtype = o.dtype ?? (kind === 'boolean' ? 'bool' : kind === 'bigint' ? 'int64' : 'float32');
    out = newTensor(Array.isArray(data) ? shape : [], dtype);
    fillFromNumbers(out, flat);
  }
  out.requires_grad = o.requires_grad;
  return out;
}

function filled(who, args, value, dtype = 'float32') {
  const o = parseSize(who, args, { dtype, requires_grad: false });
  checkDtype(who, o.dtype);
  const t = newTensor(o.shape, o.dtype);
  if (value !== null) t.fill_(value);
  t.requires_grad = o.requires_grad;
  return t;
}

export function zeros(...args) { return filled('torch.zeros', args, 0); }

export function ones(...args) { return filled('torch.ones', args, 1); }

export function empty(...args) { return filled('torch.empty', args, null); }

/** torch.full(size, fill_value, { dtype }) */
export function full(size, fill_value, options = {}) {
  if (!Array.isArray(size)) throw new Error(`torch.full: size must be an array of ints, got ${describe(size)}`);
  if (typeof fill_value !== 'number' && typeof fill_value !== 'boolean' && typeof fill_value !== 'bigint') {
    throw new Error(`torch.full: fill_value must be a number, got ${describe(fill_value)}`);
  }
  // Like PyTorch, a bool fill_value makes a bool tensor (a JS number cannot tell 7 from 7.0, so
  // numbers keep the float32 default).
  return filled('torch.full', [size, options], fill_value, typeof fill_value === 'boolean' ? 'bool' : 'float32');
}

export function zeros_like(t, options = {}) {
  return zeros(t.shape, { dtype: t.dtype, ...options });
}

export function ones_like(t, options = {}) {
  return ones(t.shape, { dtype: t.dtype, ...options });
}

export function rand(...args) {
  const t = filled('torch.rand', args, null);
  if (t.dtype !== 'float32') { t.dispose(); throw new Error('torch.rand: only float32 is supported'); }
  return t.uniform_(0, 1);
}

export function randn(...args) {
  const t = filled('torch.randn', args, null);
  if (t.dtype !== 'float32') { t.dispose(); throw new Error('torch.randn: only float32 is supported'); }
  return t.normal_(0, 1);
}

/** torch.randint(low = 0, high, size, { dtype = 'int64' }) */
export function randint(...args) {
  let opts = {};
  if (args.length && isOptions(args[args.length - 1])) opts = args.pop();
  if (args.length === 2) args.unshift(0);
  if (args.length !== 3) throw new Error('torch.randint: expected (low = 0, high, size)');
  const [low, high, size] = args;
  checkInt('torch.randint', 'low', low);
  checkInt('torch.randint', 'high', high);
  if (!(high > low)) throw new Error(`torch.randint: random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  const t = filled('torch.randint', [size, { dtype: 'int64', ...opts }], null);
  const n = t.numel();
  const vals = new Array(n);
  for (let i = 0; i < n; i++) vals[i] = defaultGenerator.randint(low, high);
  fillFromNumbers(t, vals);
  return t;
}

/** torch.arange(start = 0, end, step = 1, { dtype }); integer arguments give int64 like PyTorch. */
export function arange(...args) {
  let opts = {};
  if (args.length && isOptions(args[args.length - 1])) opts = args.pop();
  if (args.length === 1) args.unshift(0);
  const [start, end, step = 1] = args;
  for (const [n, v] of [['start', start], ['end', end], ['step', step]]) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`torch.arange: ${n} must be a finite number, got ${describe(v)}`);
  }
  if (step === 0) throw new Error('torch.arange: step must be nonzero');
  if ((end - start) / step < 0) throw new Error('torch.arange: upper bound and larger bound inconsistent with step sign');
  const allInt = [start, end, step].every(Number.isInteger);
  const o = bindArgs('torch.arange', [opts], [['dtype', allInt ? 'int64' : 'float32'], ['requires_grad', false]]);
  const n = Math.ceil((end - start) / step);
  const t = newTensor([n], checkDtype('torch.arange', o.dtype));
  const vals = new Array(n);
  for (let i = 0; i < n; i++) vals[i] = start + i * step;
  fillFromNumbers(t, vals);
  return t;
}

function checkTensorList(who, tensors) {
  if (!Array.isArray(tensors) || tensors.length === 0) {
    throw new Error(`${who}: expected a non-empty array of tensors, got ${describe(tensors)}`);
  }
  tensors.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw new Error(`${who}: expected a Tensor at index ${i}, got ${describe(t)}`);
    t._check();
  });
}

/** torch.cat(tensors, dim = 0) */
export function cat(tensors, dim = 0) {
  const who = 'torch.cat';
  checkTensorList(who, tensors);
  tensors.forEach((t, i) => {
    if (t._shape.length === 0) throw new Error(`${who}: zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  });
  const parts = tensors.filter((t) => !(t._shape.length === 1 && t._shape[0] === 0));
  if (parts.length === 0) return tensors[0].clone();
  const ref = parts[0]._shape;
  const d = wrapDim(who, dim, ref.length);
  let dtype = parts[0].dtype;
  parts.forEach((t, i) => {
    dtype = promote(dtype, t.dtype);
    if (t._shape.length !== ref.length || t._shape.some((s, k) => k !== d && s !== ref[k])) {
      throw new Error(`${who}: Sizes of tensors must match except in dimension ${d}. Expected ${fmtShape(ref)} but got ` +
        `${fmtShape(t._shape)} for tensor number ${i} in the list`);
    }
  });
  const outShape = ref.slice();
  outShape[d] = parts.reduce((s, t) => s + t._shape[d], 0);
  const outer = prod(ref.slice(0, d));
  const inner = prod(ref.slice(d + 1));
  return tidy(() => {
    const out = newTensor(outShape, dtype);
    const srcs = parts.map((t) => (t.dtype === dtype ? t.contiguous() : t.to(dtype)));
    const o = out._view();
    let col = 0;
    for (const s of srcs) {
      const v = s._view();
      const chunk = s._shape[d] * inner;
      for (let a = 0; a < outer; a++) o.set(v.subarray(a * chunk, (a + 1) * chunk), a * outShape[d] * inner + col);
      col += chunk;
    }
    return out;
  });
}

/** torch.stack(tensors, dim = 0) */
export function stack(tensors, dim = 0) {
  const who = 'torch.stack';
  checkTensorList(who, tensors);
  const ref = tensors[0]._shape;
  tensors.forEach((t, i) => {
    if (t._shape.length !== ref.length || t._shape.some((s, k) => s !== ref[k])) {
      throw new Error(`${who}: stack expects each tensor to be equal size, but got ${fmtShape(ref)} at entry 0 and ` +
        `${fmtShape(t._shape)} at entry ${i}`);
    }
  });
  const d = wrapDim(who, dim, ref.length + 1);
  return tidy(() => cat(tensors.map((t) => t.unsqueeze(d)), d));
}

/** torch.matmul(a, b) with PyTorch's 1-D and batch-broadcasting rules (float32). */
export function matmul(a, b) {
  const who = 'torch.matmul';
  for (const [n, t] of [['input', a], ['other', b]]) {
    if (!(t instanceof Tensor)) throw new Error(`${who}: ${n} must be a Tensor, got ${describe(t)}`);
    t._check();
    if (t.dtype !== 'float32') throw new Error(`${who}: expected float32 tensors, got ${t.dtype} for ${n}`);
    if (t._shape.length === 0) throw new Error(`${who}: both arguments to matmul need to be at least 1D, got ${n} of shape []`);
  }
  return tidy(() => {
    const x = a._shape.length === 1 ? a.unsqueeze(0) : a;
    const y = b._shape.length === 1 ? b.unsqueeze(-1) : b;
    const M = x._shape[x._shape.length - 2];
    const K = x._shape[x._shape.length - 1];
    const K2 = y._shape[y._shape.length - 2];
    const N = y._shape[y._shape.length - 1];
    if (K !== K2) {
      throw new Error(`${who}: shapes ${fmtShape(a._shape)} and ${fmtShape(b._shape)} cannot be multiplied (${K} != ${K2})`);
    }
    const batch = broadcastShapes(who, x._shape.slice(0, -2), y._shape.slice(0, -2));
    const xs = x.expand([...batch, M, K]).contiguous();
    const ys = y.expand([...batch, K, N]).contiguous();
    const out = newTensor([...batch, M, N], 'float32');
    // The C kernel takes sizes >= 1: an empty product is all zeros, an empty result needs no call.
    if (K === 0) out.fill_(0);
    else if (out.numel() > 0) C.wt_matmul_f32(out._ptr(), xs._ptr(), ys._ptr(), prod(batch), M, K, N);
    let shape = [...batch, M, N];
    if (a._shape.length === 1) shape = [...batch, N];
    if (b._shape.length === 1) shape = a._shape.length === 1 ? batch : [...batch, M];
    return out.reshape(shape);
  });
}

/** Internal: a fresh contiguous float32/... tensor of `shape` (values undefined). */
export function _empty(shape, dtype = 'float32') {
  return newTensor(shape, dtype);
}

export { contiguousStrides as _contiguousStrides, prod as _prod, fmtShape as _fmtShape };
