// Pooling: F.max_pool1d/2d/3d, F.avg_pool1d/2d/3d, F.lp_pool1d/2d, F.adaptive_max_pool1d/2d/3d,
// F.adaptive_avg_pool1d/2d/3d, F.fractional_max_pool2d/3d, F.max_unpool1d/2d/3d.
// Inputs are [N, C, *S] or unbatched [C, *S]; C runs them as planes = N*C (or C).

import { C, withInt32 } from '../../runtime.js';
import { tidy, _empty, _prod, _fmtShape, rand } from '../../tensor.js';
import { bindArgs, checkTuple, checkBool, checkInt, checkNumber, describe, nameOf, REQUIRED } from '../../args.js';
import { checkTensor, windowOutSize } from './utils.js';

function checkPoolRank(who, input, nd, fname) {
  if (input._shape.length !== nd + 1 && input._shape.length !== nd + 2) {
    throw new Error(`${nameOf(who)}: Expected ${nd + 1}D (unbatched) or ${nd + 2}D (batched) input to ${fname}, but got ` +
      `input of size: ${_fmtShape(input._shape)}`);
  }
}

/** kernel_size, stride (None or () means kernel_size, as in PyTorch) and padding as nd-tuples. */
function poolWindow(who, nd, kernel_size, stride, padding) {
  const k = checkTuple(who, 'kernel_size', kernel_size, nd, { min: 1 });
  const s = stride === null || (Array.isArray(stride) && stride.length === 0) ? k.slice()
    : checkTuple(who, 'stride', stride, nd, { min: 1 });
  return [k, s, checkTuple(who, 'padding', padding, nd, { min: 0 })];
}

// [..., *S] padded with 1s (or 0s) to the 3 spatial slots of the C params structs.
const fill3 = (a, v) => [...a, ...new Array(3 - a.length).fill(v)];

export function _maxPool(who, nd, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices) {
  checkTensor(who, 'input', input);
  const [k, s, p] = poolWindow(who, nd, kernel_size, stride, padding);
  const d = checkTuple(who, 'dilation', dilation, nd, { min: 1 });
  checkBool(who, 'ceil_mode', ceil_mode);
  checkBool(who, 'return_indices', return_indices);
  checkPoolRank(who, input, nd, `max_pool${nd}d`);
  p.forEach((pp, i) => {
    if (pp > Math.floor(k[i] / 2)) {
      throw new Error(`${nameOf(who)}: pad should be at most half of effective kernel size, but got pad=${pp}, ` +
        `kernel_size=${k[i]} and dilation=${d[i]}`);
    }
  });
  const lead = input._shape.slice(0, -nd);
  const inSize = input._shape.slice(-nd);
  if (lead.some((x) => x === 0) && input._shape.length === nd + 2 && lead[1] === 0) {
    throw new Error(`${nameOf(who)}: Expected input's non-batch dimensions to have positive length, but input has a shape of ` +
      `${_fmtShape(input._shape)}`);
  }
  const outSize = inSize.map((x, i) => windowOutSize(x, p[i], d[i], k[i], s[i], ceil_mode));
  // PyTorch's max_pool1d (without indices) returns an empty result where the others reject.
  const emptyOk = nd === 1 && !return_indices && outSize[0] === 0;
  if ((outSize.some((x) => x < 1) && !emptyOk) || inSize.some((x) => x < 1)) {
    throw new Error(`${nameOf(who)}: Given input size: (${[lead[lead.length - 1], ...inSize].join('x')}). Calculated output size: ` +
      `(${[lead[lead.length - 1], ...outSize].join('x')}). Output size is too small`);
  }
  return tidy(() => {
    const out = _empty([...lead, ...outSize]);
    const idx = return_indices ? _empty([...lead, ...outSize], 'int64') : null;
    const planes = _prod(lead);
    if (planes > 0 && !emptyOk) {
      const x = input.contiguous();
      const params = [nd, planes, ...fill3(inSize, 1), ...fill3(outSize, 1), ...fill3(k, 1), ...fill3(s, 1),
        ...fill3(p, 0), ...fill3(d, 1)];
      withInt32([params], (pp) => C.wt_maxpool_forward_f32(pp, out._ptr(), idx ? idx._ptr() : 0, x._ptr()));
    }
    return return_indices ? [out, idx] : out;
  });
}

const POOL_ARGS = [['kernel_size', REQUIRED], ['stride', null], ['padding', 0], ['dilation', 1], ['ceil_mode', false],
  ['return_indices', false]];

function maxPoolFn(nd) {
  return (input, ...args) => {
    const o = bindArgs(`F.max_pool${nd}d`, args, POOL_ARGS);
    return _maxPool(`F.max_pool${nd}d`, nd, input, o.kernel_size, o.stride, o.padding, o.dilation, o.ceil_mode,
      o.return_indices);
  };
}

export const max_pool1d = maxPoolFn(1);
export const max_pool2d = maxPoolFn(2);
export const max_pool3d = maxPoolFn(3);

/** Average pooling; divisor_override null or a nonzero int. */
export function _avgPool(who, nd, input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override) {
  checkTensor(who, 'input', input);
  const [k, s, p] = poolWindow(who, nd, kernel_size, stride, padding);
  checkBool(who, 'ceil_mode', ceil_mode);
  checkBool(who, 'count_include_pad', count_include_pad);
  if (divisor_override !== null) {
    checkInt(who, 'divisor_override', divisor_override);
    if (divisor_override === 0) throw new Error(`${nameOf(who)}: divisor must be not zero (divisor_override=0)`);
    if (divisor_override < 0) throw new Error(`${nameOf(who)}: divisor_override must be positive, got ${divisor_override}`);
  }
  checkPoolRank(who, input, nd, `avg_pool${nd}d`);
  p.forEach((pp, i) => {
    if (pp > Math.floor(k[i] / 2)) {
      throw new Error(`${nameOf(who)}: pad should be at most half of kernel size, but got pad=${pp} and kernel_size=${k[i]}`);
    }
  });
  const lead = input._shape.slice(0, -nd);
  const inSize = input._shape.slice(-nd);
  const outSize = inSize.map((x, i) => windowOutSize(x, p[i], 1, k[i], s[i], ceil_mode));
  if (outSize.some((x) => x < 1) || inSize.some((x) => x < 1)) {
    throw new Error(`${nameOf(who)}: Given input size: (${[lead[lead.length - 1], ...inSize].join('x')}). Calculated output size: ` +
      `(${[lead[lead.length - 1], ...outSize].join('x')}). Output size is too small`);
  }
  return tidy(() => {
    const out = _empty([...lead, ...outSize]);
    const planes = _prod(lead);
    if (planes > 0) {
      const x = input.contiguous();
      const params = [nd, planes, ...fill3(inSize, 1), ...fill3(outSize, 1), ...fill3(k, 1), ...fill3(s, 1),
        ...fill3(p, 0), ...fill3([], 1)];
      withInt32([params], (pp) => C.wt_avgpool_forward_f32(pp, out._ptr(), x._ptr(), count_include_pad ? 1 : 0,
        divisor_override ?? 0));
    }
    return out;
  });
}

/** LPPool: (sum over the window of x^p)^(1/p), computed as PyTorch does through avg pooling. */
export function _lpPool(who, nd, input, norm_type, kernel_size, stride, ceil_mode) {
  checkTensor(who, 'input', input);
  checkNumber(who, 'norm_type', norm_type);
  if (norm_type === 0) throw new Error(`${nameOf(who)}: norm_type must be nonzero, got 0`);
  const k = checkTuple(who, 'kernel_size', kernel_size, nd, { min: 1 });
  return tidy(() => {
    const out = _avgPool(who, nd, input.pow(norm_type), kernel_size, stride, 0, ceil_mode, true, null);
    return out.mul(_prod(k)).pow(1 / norm_type);
  });
}

const ADAPTIVE_OPS = { avg: 1, max: 2 }; // WT_MEAN, WT_MAX

/** Adaptive pooling; output_size entries may be null (= the input size). */
export function _adaptivePool(who, kind, nd, input, output_size, return_indices) {
  const fname = `adaptive_${kind}_pool${nd}d`;
  checkTensor(who, 'input', input);
  checkBool(who, 'return_indices', return_indices);
  const n = input._shape.length;
  if (n !== nd + 1 && n !== nd + 2) {
    throw new Error(`${nameOf(who)}: ${fname}(): Expected ${nd + 1}D or ${nd + 2}D tensor, but got ${_fmtShape(input._shape)}`);
  }
  const inSize = input._shape.slice(-nd);
  const given = Array.isArray(output_size) ? output_size : new Array(nd).fill(output_size);
  if (given.length !== nd) {
    throw new Error(`${nameOf(who)}: ${fname}: output_size must be an int or a tuple of ${nd} ints or None, got ` +
      `${describe(output_size)}`);
  }
  const outSize = given.map((v, i) => (v === null ? inSize[i] : checkInt(who, 'output_size', v)));
  if (outSize.some((v) => v < 0)) {
    throw new Error(`${nameOf(who)}: ${fname}: elements of output_size must be greater than or equal to 0 but received ` +
      `${describe(output_size)}`);
  }
  const firstEmpty = input._shape.findIndex((v, i) => v === 0 && i >= n - nd - 1);
  if (firstEmpty >= 0) {
    throw new Error(`${nameOf(who)}: ${fname}(): Expected input to have non-zero size for non-batch dimensions, but input has ` +
      `sizes ${_fmtShape(input._shape)} with dimension ${firstEmpty} being empty`);
  }
  const lead = input._shape.slice(0, -nd);
  return tidy(() => {
    const out = _empty([...lead, ...outSize]);
    const idx = return_indices ? _empty([...lead, ...outSize], 'int64') : null;
    if (out.numel() > 0) {
      const x = input.contiguous();
      withInt32([inSize, outSize], (pi, po) => C.wt_adaptive_pool_forward_f32(ADAPTIVE_OPS[kind], out._ptr(),
        idx ? idx._ptr() : 0, x._ptr(), nd, _prod(lead), pi, po));
    }
    return return_indices ? [out, idx] : out;
  });
}

const FRACTIONAL_DIMS = { 2: ['height', 'width'], 3: ['time', 'height', 'width'] };

/** Fractional max pooling; draws _random_samples [N, C, nd] from the generator when null. */
export function _fractionalMaxPool(who, nd, input, kernel_size, output_size, output_ratio, return_indices,
  _random_samples) {
  const fname = `fractional_max_pool${nd}d`;
  checkTensor(who, 'input', input);
  checkTensor(who, '_random_samples', _random_samples, { optional: true });
  checkBool(who, 'return_indices', return_indices);
  const k = checkTuple(who, 'kernel_size', kernel_size, nd, { min: 1 });
  checkPoolRank(who, input, nd, fname);
  const inSize = input._shape.slice(-nd);
  let outSize;
  if (output_size === null && output_ratio === null) {
    throw new Error(`${nameOf(who)}: ${fname} requires specifying either an output_size or an output_ratio`);
  } else if (output_size !== null) {
    outSize = checkTuple(who, 'output_size', output_size, nd, { min: 0 });
  } else {
    const r = Array.isArray(output_ratio) ? output_ratio : new Array(nd).fill(output_ratio);
    if (r.length !== nd) throw new Error(`${nameOf(who)}: output_ratio must be a number or a tuple of ${nd} numbers, got ${describe(output_ratio)}`);
    r.forEach((v) => checkNumber(who, 'output_ratio', v));
    outSize = inSize.map((x, i) => Math.trunc(x * r[i]));
  }
  const names = FRACTIONAL_DIMS[nd];
  outSize.forEach((o, i) => {
    if (o + k[i] - 1 > inSize[i]) {
      throw new Error(`${nameOf(who)}: ${fname}(): pool ${names[i]} ${k[i]} too large relative to input ${names[i]} ` +
        `${inSize[i]} (output ${names[i]} ${o})`);
    }
  });
  const batched = input._shape.length === nd + 2;
  const N = batched ? input._shape[0] : 1;
  const Cn = input._shape[batched ? 1 : 0];
  if (_random_samples !== null) {
    const want = [N, Cn, nd];
    if (_random_samples._shape.length !== 3 || _random_samples._shape.some((v, i) => v !== want[i])) {
      throw new Error(`${nameOf(who)}: expected _random_samples of shape ${_fmtShape(want)}, got ${_fmtShape(_random_samples._shape)}`);
    }
    const bad = Array.from(_random_samples.toTypedArray()).find((v) => !(v >= 0 && v < 1));
    if (bad !== undefined) throw new Error(`${nameOf(who)}: _random_samples must lie in [0, 1), got ${bad}`);
  }
  const lead = input._shape.slice(0, -nd);
  return tidy(() => {
    // Drawn even for an empty result, as PyTorch does, so the generator advances the same way.
    const samples = _random_samples === null ? rand(N, Cn, nd) : _random_samples.contiguous();
    const out = _empty([...lead, ...outSize]);
    const idx = return_indices ? _empty([...lead, ...outSize], 'int64') : null;
    if (out.numel() > 0) {
      const x = input.contiguous();
      withInt32([inSize, outSize, k], (pi, po, pk) => C.wt_fractional_maxpool_forward_f32(out._ptr(),
        idx ? idx._ptr() : 0, x._ptr(), samples._ptr(), nd, _prod(lead), pi, po, pk));
    }
    return return_indices ? [out, idx] : out;
  });
}

/** PyTorch's _unpool_output_size: the default size, or output_size checked against it. */
function unpoolOutputSize(who, inSize, k, s, p, output_size) {
  const nd = k.length;
  const dflt = inSize.map((x, i) => (x - 1) * s[i] + k[i] - 2 * p[i]);
  if (output_size === null) return dflt;
  if (!Array.isArray(output_size)) throw new Error(`${nameOf(who)}: output_size must be a tuple of ints, got ${describe(output_size)}`);
  let o = output_size;
  if (o.length === nd + 2) o = o.slice(2);
  if (o.length !== nd) {
    throw new Error(`${nameOf(who)}: output_size should be a sequence containing ${nd} or ${nd + 2} elements, but it has a ` +
      `length of '${output_size.length}'`);
  }
  o.forEach((v, d) => {
    checkInt(who, 'output_size', v);
    const lo = dflt[d] - s[d];
    const hi = dflt[d] + s[d];
    if (!(lo < v && v < hi)) {
      throw new Error(`${nameOf(who)}: invalid output_size "${describe(output_size)}" (dim ${d} must be between ${lo} and ${hi})`);
    }
  });
  return o.slice();
}

/** Max unpooling: scatters input into zeros at indices (flat positions in each output plane). */
export function _maxUnpool(who, nd, input, indices, kernel_size, stride, padding, output_size) {
  checkTensor(who, 'input', input);
  checkTensor(who, 'indices', indices, { dtype: null });
  const k = checkTuple(who, 'kernel_size', kernel_size, nd, { min: 1 });
  const s = stride === null ? k.slice() : checkTuple(who, 'stride', stride, nd, { min: 1 });
  const p = checkTuple(who, 'padding', padding, nd, { min: 0 });
  const n = input._shape.length;
  if (n !== nd + 1 && n !== nd + 2) {
    throw new Error(`${nameOf(who)}: Input to max_unpooling${nd}d should be a ${nd + 1}d or ${nd + 2}d Tensor, but got a tensor ` +
      `with ${n} dimensions.`);
  }
  if (indices.dtype !== 'int64') throw new Error(`${nameOf(who)}: elements in indices should be type int64 but got: ${indices.dtype}`);
  if (indices._shape.length !== n || indices._shape.some((v, i) => v !== input._shape[i])) {
    throw new Error(`${nameOf(who)}: Expected shape of indices to be same as that of the input tensor (${_fmtShape(input._shape)}) ` +
      `but got indices tensor with shape: ${_fmtShape(indices._shape)}`);
  }
  const inSize = input._shape.slice(-nd);
  const outSize = unpoolOutputSize(who, inSize, k, s, p, output_size);
  if (outSize.some((v) => v < 1)) throw new Error(`${nameOf(who)}: output sizes must be >= 1, got ${describe(outSize)}`);
  const outNumel = _prod(outSize);
  // Checked here so that the error names the module; PyTorch prints the plane size as HxW (1-d as Wx1).
  const shown = nd === 1 ? [outSize[0], 1] : outSize;
  const bad = Array.from(indices.toTypedArray()).find((v) => v < 0n || v >= BigInt(outNumel));
  if (bad !== undefined) {
    throw new Error(`${nameOf(who)}: Found an invalid max index: ${bad} (output volumes are of size ${shown.join('x')})`);
  }
  const lead = input._shape.slice(0, -nd);
  return tidy(() => {
    const out = _empty([...lead, ...outSize]);
    if (out.numel() > 0 && input.numel() > 0) {
      const x = input.contiguous();
      const ix = indices.contiguous();
      C.wt_maxunpool_forward_f32(out._ptr(), x._ptr(), ix._ptr(), _prod(lead), _prod(inSize), outNumel);
    } else if (out.numel() > 0) {
      out.fill_(0);
    }
    return out;
  });
}

function avgPoolFn(nd) {
  const spec = [['kernel_size', REQUIRED], ['stride', null], ['padding', 0], ['ceil_mode', false],
    ['count_include_pad', true], ...(nd === 1 ? [] : [['divisor_override', null]])];
  return (input, ...args) => {
    const o = bindArgs(`F.avg_pool${nd}d`, args, spec);
    return _avgPool(`F.avg_pool${nd}d`, nd, input, o.kernel_size, o.stride, o.padding, o.ceil_mode,
      o.count_include_pad, o.divisor_override ?? null);
  };
}

export const avg_pool1d = avgPoolFn(1);
export const avg_pool2d = avgPoolFn(2);
export const avg_pool3d = avgPoolFn(3);

function lpPoolFn(nd) {
  return (input, ...args) => {
    const o = bindArgs(`F.lp_pool${nd}d`, args, [['norm_type', REQUIRED], ['kernel_size', REQUIRED], ['stride', null],
      ['ceil_mode', false]]);
    return _lpPool(`F.lp_pool${nd}d`, nd, input, o.norm_type, o.kernel_size, o.stride, o.ceil_mode);
  };
}

export const lp_pool1d = lpPoolFn(1);
export const lp_pool2d = lpPoolFn(2);

function adaptiveFn(kind, nd) {
  const spec = [['output_size', REQUIRED], ...(kind === 'max' ? [['return_indices', false]] : [])];
  return (input, ...args) => {
    const o = bindArgs(`F.adaptive_${kind}_pool${nd}d`, args, spec);
    return _adaptivePool(`F.adaptive_${kind}_pool${nd}d`, kind, nd, input, o.output_size, o.return_indices ?? false);
  };
}

export const adaptive_avg_pool1d = adaptiveFn('avg', 1);
export const adaptive_avg_pool2d = adaptiveFn('avg', 2);
export const adaptive_avg_pool3d = adaptiveFn('avg', 3);
export const adaptive_max_pool1d = adaptiveFn('max', 1);
export const adaptive_max_pool2d = adaptiveFn('max', 2);
export const adaptive_max_pool3d = adaptiveFn('max', 3);

function fractionalFn(nd) {
  return (input, ...args) => {
    const o = bindArgs(`F.fractional_max_pool${nd}d`, args, [['kernel_size', REQUIRED], ['output_size', null],
      ['output_ratio', null], ['return_indices', false], ['_random_samples', null]]);
    return _fractionalMaxPool(`F.fractional_max_pool${nd}d`, nd, input, o.kernel_size, o.output_size, o.output_ratio,
      o.return_indices, o._random_samples);
  };
}

export const fractional_max_pool2d = fractionalFn(2);
export const fractional_max_pool3d = fractionalFn(3);

function maxUnpoolFn(nd) {
  return (input, indices, ...args) => {
    const o = bindArgs(`F.max_unpool${nd}d`, args, [['kernel_size', REQUIRED], ['stride', null], ['padding', 0],
      ['output_size', null]]);
    return _maxUnpool(`F.max_unpool${nd}d`, nd, input, indices, o.kernel_size, o.stride, o.padding, o.output_size);
  };
}

export const max_unpool1d = maxUnpoolFn(1);
export const max_unpool2d = maxUnpoolFn(2);
export const max_unpool3d = maxUnpoolFn(3);
