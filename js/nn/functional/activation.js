// F.relu, F.sigmoid, F.tanh, F.softmax, F.log_softmax.

import { C } from '../../runtime.js';
import { tidy, _empty, _prod } from '../../tensor.js';
import { bindArgs, describe, wrapDim, checkBool } from '../../args.js';
import { label, checkTensor } from './utils.js';

const UNARY = { relu: 0, sigmoid: 1, tanh: 2 };

export function _unary(who, name, input, inplace = false) {
  checkTensor(who, 'input', input, { dtype: ['float32', 'int64', 'int32'] });
  checkBool(label(who), 'inplace', inplace);
  if (input.dtype !== 'float32') {
    // Like PyTorch: relu keeps integer dtypes; sigmoid and tanh compute in float32.
    if (name !== 'relu') return tidy(() => _unary(who, name, input.float()));
    return tidy(() => (inplace ? input.copy_(input.maximum(0)) : input.maximum(0)));
  }
  if (inplace) {
    return tidy(() => {
      const src = input.contiguous();
      C.wt_unary_f32(UNARY[name], src._ptr(), src._ptr(), src.numel(), 0, 0);
      if (!input.is_contiguous()) input.copy_(src);
      return input;
    });
  }
  return tidy(() => {
    const src = input.contiguous();
    const out = _empty(input.shape);
    if (out.numel() > 0) C.wt_unary_f32(UNARY[name], out._ptr(), src._ptr(), out.numel(), 0, 0);
    return out;
  });
}

export function relu(input, ...args) {
  const o = bindArgs('F.relu', args, [['inplace', false]]);
  return _unary('F.relu', 'relu', input, o.inplace);
}

export function sigmoid(input) {
  return _unary('F.sigmoid', 'sigmoid', input);
}

export function tanh(input) {
  return _unary('F.tanh', 'tanh', input);
}

/** PyTorch's implicit softmax dim (deprecated in PyTorch, kept for identical results). */
function implicitDim(ndim) {
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}

export function _softmax(who, input, dim, dtype, log) {
  checkTensor(who, 'input', input, { dtype: null });
  if (dtype !== null && dtype !== 'float32') throw new Error(`${label(who)}: dtype must be float32 or None, got ${describe(dtype)}`);
  if (input.dtype !== 'float32') {
    if (dtype === null) throw new Error(`${label(who)}: expected input of dtype float32, got ${input.dtype}`);
  }
  const n = input._shape.length;
  const d = wrapDim(label(who), dim === null ? implicitDim(n) : dim, n);
  return tidy(() => {
    const x = (input.dtype === 'float32' ? input : input.float()).contiguous();
    const shape = n === 0 ? [1] : input._shape;
    const out = _empty(input.shape);
    if (out.numel() === 0) return out;
    C.wt_softmax_f32(out._ptr(), x._ptr(), _prod(shape.slice(0, d)), shape[d], _prod(shape.slice(d + 1)), log ? 1 : 0);
    return out;
  });
}

const SOFTMAX_ARGS = [['dim', null], ['_stacklevel', 3], ['dtype', null]];

export function softmax(input, ...args) {
  const o = bindArgs('F.softmax', args, SOFTMAX_ARGS);
  return _softmax('F.softmax', input, o.dim, o.dtype, false);
}

export function log_softmax(input, ...args) {
  const o = bindArgs('F.log_softmax', args, SOFTMAX_ARGS);
  return _softmax('F.log_softmax', input, o.dim, o.dtype, true);
}
