// webtorch: PyTorch's torch.nn for the web.
//
//   import torch, { nn, F } from 'webtorch';
//   await torch.ready();
//
// The default export is the `torch` namespace; every member is also a named export.

import { ready, backend, ensureReady, heapBuffer, setNumThreads, getNumThreads } from './runtime.js';
import * as T from './tensor.js';
import { manual_seed as seedGenerator, initial_seed } from './random.js';
import { parseSafetensors, serializeSafetensors } from './safetensors.js';
import * as nn from './nn/index.js';
import { _dropout } from './nn/functional/dropout.js';
import { summary } from './summary.js';
import { describe, bindArgs, REQUIRED } from './args.js';

const F = nn.functional;
const { Tensor, tensor, zeros, ones, full, empty, rand, randn, randint, arange, zeros_like, ones_like, cat, stack,
  matmul, tidy, keep, memory_allocated } = T;

export const float32 = 'float32';
export const int64 = 'int64';
export const int32 = 'int32';
export const bool = 'bool';
export const long = 'int64';
export const float = 'float32';

/** torch.manual_seed(seed): seeds rand/randn/randint, nn.init and every random layer. */
export function manual_seed(seed) {
  ensureReady();
  seedGenerator(seed);
}

export const relu = (input) => F.relu(input);
export const sigmoid = (input) => F.sigmoid(input);
export const tanh = (input) => F.tanh(input);
export const softmax = (input, ...args) => F.softmax(input, ...args);
export const log_softmax = (input, ...args) => F.log_softmax(input, ...args);
export const selu = (input) => F.selu(input);
export const selu_ = (input) => F.selu_(input);
export const celu = (input, ...args) => F.celu(input, ...args);
export const celu_ = (input, ...args) => F.celu_(input, ...args);
export const relu_ = (input) => F.relu_(input);
export const threshold = (input, ...args) => F.threshold(input, ...args);
export const threshold_ = (input, ...args) => F.threshold_(input, ...args);
export const prelu = (input, ...args) => F.prelu(input, ...args);
export const hardshrink = (input, ...args) => F.hardshrink(input, ...args);
// torch.dropout(input, p, train) and friends: p and train are required, as in PyTorch.
const torchDropout = (name, kind) => (input, ...args) => {
  const o = bindArgs(`torch.${name}`, args, [['p', REQUIRED], ['train', REQUIRED]]);
  return _dropout(`torch.${name}`, input, o.p, o.train, false, kind);
};
export const dropout = torchDropout('dropout', {});
export const alpha_dropout = torchDropout('alpha_dropout', { alpha: true });
export const feature_dropout = torchDropout('feature_dropout', { feature: true });
export const feature_alpha_dropout = torchDropout('feature_alpha_dropout', { feature: true, alpha: true });
export const flatten = (input, start_dim = 0, end_dim = -1) => input.flatten(start_dim, end_dim);

// A parsed file -> { name: Tensor } in file order. All or nothing: a malformed file throws and
// leaves nothing allocated.
function tensorsFromBytes(bytes) {
  const { tensors } = parseSafetensors(bytes);
  const out = {};
  const made = [];
  try {
    for (const { name, dtype, shape, bytes: data } of tensors) {
      const t = T._empty(shape, dtype);
      made.push(t);
      new Uint8Array(heapBuffer(), t._ptr(), data.length).set(data);
      Object.defineProperty(out, name, { value: t, writable: true, enumerable: true, configurable: true });
    }
  } catch (err) {
    for (const t of made) t.dispose();
    throw err;
  }
  return out;
}

// The body of a fetched file, read chunk by chunk so that onProgress(loaded, total) can report it.
// total is null when the server gives no Content-Length, or gives the compressed length.
async function readBody(who, res, where, onProgress) {
  if (!res.ok) throw new Error(`${who}: could not fetch ${where}: HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (/^text\/html/i.test(type)) {
    throw new Error(`${who}: ${where} is an HTML page (Content-Type ${type}), not a safetensors file; ` +
      'is the server returning an error page for a missing file?');
  }
  const length = res.headers.get('content-length');
  const total = length !== null && !res.headers.get('content-encoding') ? Number(length) : null;
  const chunks = [];
  let loaded = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      if (onProgress) onProgress(loaded, total);
    }
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/**
 * torch.load_safetensors(source, { onProgress }) -> { name: Tensor } in file order.
 *  - bytes (Uint8Array, ArrayBuffer or another typed array): parsed synchronously, the object is returned;
 *  - a URL string, a URL or a fetch Response: fetched (strings and URLs with fetch()) and read as a
 *    stream; returns a Promise of the object. onProgress(loaded, total) is called as bytes arrive.
 * A malformed file throws (or rejects) and leaves nothing allocated.
 */
export function load_safetensors(source, options = {}) {
  const who = 'torch.load_safetensors';
  ensureReady();
  const { onProgress } = bindArgs(who, [options], [['onProgress', null]]);
  if (onProgress !== null && typeof onProgress !== 'function') {
    throw new Error(`${who}: onProgress must be a function (loaded, total) => void, got ${describe(onProgress)}`);
  }
  const isResponse = typeof Response !== 'undefined' && source instanceof Response;
  if (typeof source === 'string' || source instanceof URL || isResponse) {
    const where = isResponse ? (source.url || 'the Response') : String(source);
    const response = isResponse ? Promise.resolve(source) : fetch(source).catch((err) => {
      throw new Error(`${who}: could not fetch ${where}: ${err.message}`);
    });
    return response.then((res) => readBody(who, res, where, onProgress)).then(tensorsFromBytes);
  }
  if (!(source instanceof ArrayBuffer || ArrayBuffer.isView(source))) {
    throw new Error(`${who}: expected a URL string, URL, Response, ArrayBuffer or Uint8Array, got ${describe(source)}`);
  }
  if (onProgress) onProgress(source.byteLength, source.byteLength);
  return tensorsFromBytes(source);
}

/** Serialize an object (or Map) of name -> Tensor, e.g. a state_dict, to safetensors bytes. */
export function save_safetensors(state_dict, metadata) {
  ensureReady();
  if (state_dict === null || typeof state_dict !== 'object') {
    throw new Error(`torch.save_safetensors: expected an object of name -> Tensor, got ${describe(state_dict)}`);
  }
  const entries = [];
  const pairs = state_dict instanceof Map ? [...state_dict] : Object.entries(state_dict);
  for (const [name, t] of pairs) {
    if (!(t instanceof Tensor)) throw new Error(`torch.save_safetensors: '${name}' is ${describe(t)}, expected a Tensor`);
    const arr = t.toTypedArray();
    entries.push({ name, dtype: t.dtype, shape: t.shape, bytes: new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength) });
  }
  return serializeSafetensors(entries, metadata);
}

/**
 * Sets the number of threads ops use, like torch.set_num_threads. The pthread build (Node, and
 * cross-origin isolated pages) runs up to the hardware threads it started with (at most 8); a
 * larger n uses them all. The single-thread builds stay at 1. Results never depend on n.
 */
export function set_num_threads(n) {
  ensureReady();
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new Error(`torch.set_num_threads: expects an int, but got ${describe(n)}`);
  }
  if (n < 1) throw new Error(`torch.set_num_threads: expects a positive integer, got ${n}`);
  setNumThreads(n);
}

/** The number of threads ops use (torch.get_num_threads). */
export function get_num_threads() {
  return getNumThreads();
}

export {
  ready, backend, initial_seed, Tensor, tensor, zeros, ones, full, empty, rand, randn, randint, arange, zeros_like,
  ones_like, cat, stack, matmul, tidy, keep, memory_allocated, nn, F, summary,
};

const torch = {
  ready, backend, set_num_threads, get_num_threads, manual_seed, initial_seed, Tensor, tensor, zeros, ones, full, empty, rand, randn, randint, arange,
  zeros_like, ones_like, cat, stack, matmul, flatten, relu, sigmoid, tanh, softmax, log_softmax, selu, selu_, celu,
  celu_, relu_, threshold, threshold_, prelu, hardshrink, dropout, alpha_dropout, feature_dropout, feature_alpha_dropout,
  tidy, keep,
  memory_allocated, load_safetensors, save_safetensors, summary, float32, int64, int32, bool, long, float, nn, F,
};

export default torch;
