// Activations and clipping: F.relu, F.sigmoid, F.tanh, F.softmax, F.log_softmax, F.softmin, F.gelu,
// F.leaky_relu, F.elu, F.selu, F.celu, F.silu, F.mish, F.softplus, F.softsign, F.hardsigmoid,
// F.hardswish, F.logsigmoid, F.hardshrink, F.softshrink, F.tanhshrink, F.prelu, F.glu, F.threshold,
// F.hardtanh, F.relu6 and the in-place `_` variants PyTorch's F has. Elementwise ones are one
// wt_unary_f32 call (the op's parameters travel as p0/p1, see wt_unary_op in webtorch.h).

import { C } from '../../runtime.js';
import { tidy, _empty, _prod } from '../../tensor.js';
import { bindArgs, describe, wrapDim, checkBool, checkNumber, nameOf, REQUIRED } from '../../args.js';
import { checkTensor } from './utils.js';

// wt_unary_op codes (include/webtorch.h).
const UNARY = {
  relu: 0, sigmoid: 1, tanh: 2, leaky_relu: 8, elu: 9, selu: 10, silu: 11, mish: 12, softplus: 13, softsign: 14,
  hardsigmoid: 15, hardswish: 16, hardtanh: 17, threshold: 18, gelu: 19, gelu_tanh: 20, logsigmoid: 21,
  hardshrink: 22, softshrink: 23, tanhshrink: 24,
};
// Integer inputs, as PyTorch 1.13 on CPU treats them: these keep the integer dtype...
const INT_KEEPS_DTYPE = new Set(['relu', 'hardtanh', 'threshold']);
// ...these compute in float32 (sigmoid/tanh promote; softsign and tanhshrink are Python compositions
// whose division or subtraction of a float promotes); every other activation rejects integers.
const INT_TO_FLOAT = new Set(['sigmoid', 'tanh', 'softsign', 'tanhshrink']);

/** min/max/threshold scalars applied to an integer tensor are cast to its dtype (toward zero). */
function integerActivation(name, input, p0, p1) {
  if (name === 'relu') return input.maximum(0);
  if (name === 'hardtanh') return input.maximum(Math.trunc(p0)).minimum(Math.trunc(p1));
  // threshold: x <= threshold ? value : x (no integer C kernel; integer activations are rare)
  const out = input.contiguous().clone();
  const v = out._view();
  const big = out.dtype === 'int64';
  const th = big ? BigInt(Math.trunc(p0)) : Math.trunc(p0);
  const value = big ? BigInt(Math.trunc(p1)) : Math.trunc(p1);
  for (let i = 0; i < v.length; i++) if (v[i] <= th) v[i] = value;
  return out;
}

/**
 * An elementwise activation `name` (a key of UNARY) with parameters p0/p1. inplace writes into
 * `input` and returns it, like PyTorch's in-place forms.
 */
export function _unary(who, name, input, inplace = false, p0 = 0, p1 = 0) {
  checkTensor(who, 'input', input, { dtype: ['float32', 'int64', 'int32'] });
  checkBool(who, 'inplace', inplace);
  if (input.dtype !== 'float32') {
    if (INT_TO_FLOAT.has(name)) {
      if (inplace) throw new Error(`${nameOf(who)}: result type Float can't be cast to the desired output type ${input.dtype}`);
      return tidy(() => _unary(who, name, input.float(), false, p0, p1));
    }
    if (!INT_KEEPS_DTYPE.has(name)) throw new Error(`${nameOf(who)}: expected input of dtype float32, got ${input.dtype}`);
    return tidy(() => {
      const out = integerActivation(name, input, p0, p1);
      return inplace ? input.copy_(out) : out;
    });
  }
  if (inplace) {
    return tidy(() => {
      const src = input.contiguous();
      C.wt_unary_f32(UNARY[name], src._ptr(), src._ptr(), src.numel(), p0, p1);
      if (input.is_contiguous()) input._bumpVersion();
      else input.copy_(src);
      return input;
    });
  }
  return tidy(() => {
    const src = input.contiguous();
    const out = _empty(input.shape);
    if (out.numel() > 0) C.wt_unary_f32(UNARY[name], out._ptr(), src._ptr(), out.numel(), p0, p1);
    return out;
  });
}

// ---- argument checks shared with the modules (js/nn/modules/activation.js) ---------------------

export function _checkHardtanh(who, minVal, maxVal) {
  checkNumber(who, 'min_val', minVal);
  checkNumber(who, 'max_val', maxVal);
}

/** CELU divides by alpha: PyTorch's "ZeroDivisionError: alpha cannot be 0 for CELU". */
export function _celuParams(who, alpha) {
  checkNumber(who, 'alpha', alpha);
  if (alpha === 0) throw new Error(`${who}: ZeroDivisionError: alpha cannot be 0 for CELU`);
  return [alpha, 1 / alpha];
}

export function _geluOp(who, approximate) {
  if (approximate !== 'none' && approximate !== 'tanh') {
    throw new Error(`${who}: approximate argument must be either none or tanh, got ${describe(approximate)}`);
  }
  return approximate === 'tanh' ? 'gelu_tanh' : 'gelu';
}

// ---- the F forms -------------------------------------------------------------------------------

/**
 * Make F.<fname>(input, ...args): `spec` lists the arguments after input (PyTorch's order and
 * defaults); params(o, who) checks them and returns [opName, p0, p1]. The `_` variants pass
 * alwaysInplace and have no inplace argument, as in PyTorch.
 */
function activation(fname, spec, params, alwaysInplace = false) {
  const who = `F.${fname}`;
  return (input, ...args) => {
    const o = bindArgs(who, args, spec);
    const [op, p0 = 0, p1 = 0] = params(o, who);
    return _unary(who, op, input, alwaysInplace || (o.inplace ?? false), p0, p1);
  };
}

const INPLACE = ['inplace', false];
const num = (who, o, name) => checkNumber(who, name, o[name]);
const plain = (op) => () => [op];

export const relu = activation('relu', [INPLACE], plain('relu'));
export const relu_ = activation('relu_', [], plain('relu'), true);
export const sigmoid = activation('sigmoid', [], plain('sigmoid'));
export const tanh = activation('tanh', [], plain('tanh'));

const THRESHOLD_ARGS = [['threshold', REQUIRED], ['value', REQUIRED]];
const thresholdParams = (o, who) => ['threshold', num(who, o, 'threshold'), num(who, o, 'value')];
export const threshold = activation('threshold', [...THRESHOLD_ARGS, INPLACE], thresholdParams);
export const threshold_ = activation('threshold_', THRESHOLD_ARGS, thresholdParams, true);

const HARDTANH_ARGS = [['min_val', -1.0], ['max_val', 1.0]];
const hardtanhParams = (o, who) => {
  _checkHardtanh(who, o.min_val, o.max_val);
  return ['hardtanh', o.min_val, o.max_val];
};
export const hardtanh = activation('hardtanh', [...HARDTANH_ARGS, INPLACE], hardtanhParams);
export const hardtanh_ = activation('hardtanh_', HARDTANH_ARGS, hardtanhParams, true);
export const relu6 = activation('relu6', [INPLACE], () => ['hardtanh', 0, 6]);

const eluParams = (o, who) => ['elu', num(who, o, 'alpha'), 1];
export const elu = activation('elu', [['alpha', 1.0], INPLACE], eluParams);
export const elu_ = activation('elu_', [['alpha', 1.0]], eluParams, true);
export const selu = activation('selu', [INPLACE], plain('selu'));
export const selu_ = activation('selu_', [], plain('selu'), true);
const celuParams = (o, who) => ['elu', ..._celuParams(who, o.alpha)];
export const celu = activation('celu', [['alpha', 1.0], INPLACE], celuParams);
export const celu_ = activation('celu_', [['alpha', 1.0]], celuParams, true);

const leakyParams = (o, who) => ['leaky_relu', num(who, o, 'negative_slope')];
export const leaky_relu = activation('leaky_relu', [['negative_slope', 0.01], INPLACE], leakyParams);
export const leaky_relu_ = activation('leaky_relu_', [['negative_slope', 0.01]], leakyParams, true);

export const gelu = activation('gelu', [['approximate', 'none']], (o, who) => [_geluOp(who, o.approximate)]);
export const silu = activation('silu', [INPLACE], plain('silu'));
export const mish = activation('mish', [INPLACE], plain('mish'));
export const hardsigmoid = activation('hardsigmoid', [INPLACE], plain('hardsigmoid'));
export const hardswish = activation('hardswish', [INPLACE], plain('hardswish'));
export const logsigmoid = activation('logsigmoid', [], plain('logsigmoid'));
export const softsign = activation('softsign', [], plain('softsign'));
export const tanhshrink = activation('tanhshrink', [], plain('tanhshrink'));
export const softplus = activation('softplus', [['beta', 1], ['threshold', 20]],
  (o, who) => ['softplus', num(who, o, 'beta'), num(who, o, 'threshold')]);
export const hardshrink = activation('hardshrink', [['lambd', 0.5]], (o, who) => ['hardshrink', num(who, o, 'lambd')]);
export const softshrink = activation('softshrink', [['lambd', 0.5]], (o, who) => ['softshrink', num(who, o, 'lambd')]);

// ---- PReLU and GLU -----------------------------------------------------------------------------

/** prelu: x > 0 ? x : weight * x, weight broadcast along dim 1 (the channels). */
export function _prelu(who, input, weight) {
  checkTensor(who, 'input', input);
  checkTensor(who, 'weight', weight);
  if (weight.dim() > 1) {
    throw new Error(`${nameOf(who)}: prelu: Expected \`weight\` to be a scalar or 1D tensor, but got ndim = ${weight.dim()}`);
  }
  const channels = input.dim() >= 2 ? input._shape[1] : 1;
  const np = weight.numel();
  if (np !== 1 && np !== channels) {
    throw new Error(`${nameOf(who)}: Mismatch of parameter numbers and input channel size. Found parameter numbers = ` +
      `${np} and channel size = ${channels}.`);
  }
  return tidy(() => {
    // relu(x) + w * min(x, 0) equals the select for every x (w*0 = 0 where x > 0, NaN stays NaN).
    const w = np === 1 || input.dim() < 2 ? weight.reshape(np === 1 ? [] : [np])
      : weight.reshape([np, ...new Array(input.dim() - 2).fill(1)]);
    return input.relu().add(input.minimum(0).mul(w));
  });
}

export function prelu(input, ...args) {
  const o = bindArgs('F.prelu', args, [['weight', REQUIRED]]);
  return _prelu('F.prelu', input, o.weight);
}

/** glu: the first half of `dim` times the sigmoid of the second half. */
export function _glu(who, input, dim) {
  checkTensor(who, 'input', input);
  if (input.dim() === 0) throw new Error(`${nameOf(who)}: glu does not support scalars because halving size must be even`);
  const d = wrapDim(who, dim, input.dim());
  const size = input._shape[d];
  if (size % 2 !== 0) {
    throw new Error(`${nameOf(who)}: Halving dimension must be even, but dimension ${d} is size ${size}`);
  }
  return tidy(() => {
    const shape = input._shape.slice();
    shape[d] = size / 2;
    const a = input._viewAs(shape, input._strides.slice());
    const b = input._viewAs(shape, input._strides.slice(), input._offset + (size / 2) * input._strides[d]);
    return a.mul(b.sigmoid());
  });
}

export function glu(input, ...args) {
  const o = bindArgs('F.glu', args, [['dim', -1]]);
  return _glu('F.glu', input, o.dim);
}

// ---- softmax family ----------------------------------------------------------------------------

/** PyTorch's implicit softmax dim (deprecated in PyTorch, kept for identical results). */
function implicitDim(ndim) {
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}

/** softmax (log = false) or log_softmax (log = true) over dim; negate: of -input (softmin). */
export function _softmax(who, input, dim, dtype, log, negate = false) {
  checkTensor(who, 'input', input, { dtype: null });
  if (dtype !== null && dtype !== 'float32') throw new Error(`${nameOf(who)}: dtype must be float32 or None, got ${describe(dtype)}`);
  if (input.dtype !== 'float32') {
    if (dtype === null) throw new Error(`${nameOf(who)}: expected input of dtype float32, got ${input.dtype}`);
  }
  const n = input._shape.length;
  const d = wrapDim(who, dim === null ? implicitDim(n) : dim, n);
  return tidy(() => {
    let x = (input.dtype === 'float32' ? input : input.float()).contiguous();
    if (negate) x = x.neg();
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

export function softmin(input, ...args) {
  const o = bindArgs('F.softmin', args, SOFTMAX_ARGS);
  return _softmax('F.softmin', input, o.dim, o.dtype, false, true);
}
