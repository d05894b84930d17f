// webtorch: PyTorch's torch.nn for the web.
//
//   import torch, { nn, F } from 'webtorch';
//   await torch.ready();
//
// The default export is the `torch` namespace; every member is also a named export.

import { ready, backend, ensureReady, heapBuffer } from './runtime.js';
import * as T from './tensor.js';
import { manual_seed as seedGenerator, initial_seed } from './random.js';
import { parseSafetensors, serializeSafetensors } from './safetensors.js';
import * as nn from './nn/index.js';
import { describe } from './args.js';

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
export const flatten = (input, start_dim = 0, end_dim = -1) => input.flatten(start_dim, end_dim);

/**
 * Parse safetensors bytes (Uint8Array or ArrayBuffer) into an object of name -> Tensor, in file
 * order. All or nothing: a malformed file throws and leaves nothing allocated.
 */
export function load_safetensors(bytes) {
  ensureReady();
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

export {
  ready, backend, initial_seed, Tensor, tensor, zeros, ones, full, empty, rand, randn, randint, arange, zeros_like,
  ones_like, cat, stack, matmul, tidy, keep, memory_allocated, nn, F,
};

const torch = {
  ready, backend, manual_seed, initial_seed, Tensor, tensor, zeros, ones, full, empty, rand, randn, randint, arange,
  zeros_like, ones_like, cat, stack, matmul, flatten, relu, sigmoid, tanh, softmax, log_softmax, tidy, keep,
  memory_allocated, load_safetensors, save_safetensors, float32, int64, int32, bool, long, float, nn, F,
};

export default torch;
