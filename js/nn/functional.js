// torch.nn.functional. Every function validates in JS first (so bad input never reaches wasm),
// then runs one C entry point. The internal `_name(who, ...)` forms take `who` — a string or the
// calling Module — so errors name the module ("Conv1d(3, 16, kernel_size=(5,), stride=(1,)): ...").

import { C, withInt32 } from '../runtime.js';
import { Tensor, tidy, _empty, _prod, _fmtShape } from '../tensor.js';
import { bindArgs, describe, wrapDim, checkTuple, checkInt, checkBool, checkNumber, REQUIRED } from '../args.js';

const UNARY = { relu: 0, sigmoid: 1, tanh: 2 };
const PAD_MODES = { constant: 0, reflect: 1, replicate: 2, circular: 3 };

/** The prefix of an error message: a string, or a Module's one-line repr. */
export function label(who) {
  return typeof who === 'string' ? who : `${who._get_name()}(${who.extra_repr()})`;
}

export function checkTensor(who, name, t, { dtype = 'float32', optional = false } = {}) {
  if (t === null && optional) return null;
  if (!(t instanceof Tensor)) throw new Error(`${label(who)}: ${name} must be a Tensor, got ${describe(t)}`);
  t._check();
  if (dtype !== null) {
    const ok = Array.isArray(dtype) ? dtype.includes(t.dtype) : t.dtype === dtype;
    if (!ok) throw new Error(`${label(who)}: expected ${name} of dtype ${Array.isArray(dtype) ? dtype.join(' or ') : dtype}, got ${t.dtype}`);
  }
  return t;
}

function shapeErr(who, what, t) {
  return new Error(`${label(who)}: expected ${what}, got ${_fmtShape(t._shape)}`);
}

// ---- linear --------------------------------------------------------------------------------

export function _linear(who, input, weight, bias) {
  checkTensor(who, 'input', input);
  checkTensor(who, 'weight', weight);
  checkTensor(who, 'bias', bias, { optional: true });
  if (weight._shape.length === 1) {
    // PyTorch allows a 1-D weight: input @ weight (+ bias), without the out_features dim.
    return tidy(() => _linear(who, input, weight.unsqueeze(0), bias === null ? null : bias.reshape([1])).squeeze(-1));
  }
  if (weight._shape.length !== 2) throw shapeErr(who, 'a 1-D or 2-D weight [out_features, in_features]', weight);
  const [outF, inF] = weight._shape;
  if (input._shape.length === 0) throw shapeErr(who, `input with at least 1 dimension and last dimension ${inF}`, input);
  if (input._shape[input._shape.length - 1] !== inF) {
    throw shapeErr(who, `input with last dimension ${inF} (in_features)`, input);
  }
  if (bias !== null && (bias._shape.length !== 1 || bias._shape[0] !== outF)) {
    throw shapeErr(who, `bias of shape [${outF}]`, bias);
  }
  const lead = input._shape.slice(0, -1);
  const rows = _prod(lead);
  return tidy(() => {
    const out = _empty([...lead, outF]);
    if (rows === 0 || outF === 0) return out;
    if (inF === 0) return bias === null ? out.zero_() : out.copy_(bias.expand([...lead, outF]));
    const x = input.contiguous();
    const w = weight.contiguous();
    const b = bias === null ? null : bias.contiguous();
    C.wt_linear_forward_f32(out._ptr(), x._ptr(), w._ptr(), b ? b._ptr() : 0, rows, inF, outF);
    return out;
  });
}

export function linear(input, weight, bias = null) {
  return _linear('F.linear', input, weight, bias);
}

export function _bilinear(who, input1, input2, weight, bias) {
  checkTensor(who, 'input1', input1);
  checkTensor(who, 'input2', input2);
  checkTensor(who, 'weight', weight);
  checkTensor(who, 'bias', bias, { optional: true });
  if (weight._shape.length !== 3) throw shapeErr(who, 'a 3-D weight [out_features, in1_features, in2_features]', weight);
  const [outF, in1, in2] = weight._shape;
  if (input1._shape.length === 0 || input1._shape[input1._shape.length - 1] !== in1) {
    throw shapeErr(who, `input1 with last dimension ${in1} (in1_features)`, input1);
  }
  if (input2._shape.length === 0 || input2._shape[input2._shape.length - 1] !== in2) {
    throw shapeErr(who, `input2 with last dimension ${in2} (in2_features)`, input2);
  }
  const lead = input1._shape.slice(0, -1);
  const lead2 = input2._shape.slice(0, -1);
  if (lead.length !== lead2.length || lead.some((s, i) => s !== lead2[i])) {
    throw new Error(`${label(who)}: input1 and input2 batch dimensions do not match: got ${_fmtShape(input1._shape)} ` +
      `and ${_fmtShape(input2._shape)}`);
  }
  if (bias !== null && (bias._shape.length !== 1 || bias._shape[0] !== outF)) {
    throw shapeErr(who, `bias of shape [${outF}]`, bias);
  }
  const rows = _prod(lead);
  return tidy(() => {
    const out = _empty([...lead, outF]);
    if (rows === 0 || outF === 0) return out;
    if (in1 === 0 || in2 === 0) return bias === null ? out.zero_() : out.copy_(bias.expand([...lead, outF]));
    const x1 = input1.contiguous();
    const x2 = input2.contiguous();
    const w = weight.contiguous();
    const b = bias === null ? null : bias.contiguous();
    C.wt_bilinear_forward_f32(out._ptr(), x1._ptr(), x2._ptr(), w._ptr(), b ? b._ptr() : 0, rows, in1, in2, outF);
    return out;
  });
}

export function bilinear(input1, input2, weight, bias = null) {
  return _bilinear('F.bilinear', input1, input2, weight, bias);
}

// ---- activations ---------------------------------------------------------------------------

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

// ---- embedding -----------------------------------------------------------------------------

/** Wrap and check padding_idx against num_embeddings (shared by F.embedding and nn.Embedding). */
export function checkPaddingIdx(who, padding_idx, num) {
  if (padding_idx === null) return null;
  checkInt(label(who), 'padding_idx', padding_idx);
  if (padding_idx >= num || padding_idx < -num) {
    throw new Error(`${label(who)}: padding_idx must be within num_embeddings: expected ${-num} <= padding_idx < ${num}, ` +
      `got ${padding_idx}`);
  }
  return padding_idx < 0 ? padding_idx + num : padding_idx;
}

export function _embedding(who, input, weight, padding_idx, max_norm, norm_type) {
  checkTensor(who, 'input', input, { dtype: ['int64', 'int32'] });
  checkTensor(who, 'weight', weight);
  if (weight._shape.length !== 2) throw shapeErr(who, "'weight' to be 2-D [num_embeddings, embedding_dim]", weight);
  const [num, dim] = weight._shape;
  checkPaddingIdx(who, padding_idx, num);
  if (max_norm !== null) checkNumber(label(who), 'max_norm', max_norm);
  checkNumber(label(who), 'norm_type', norm_type);
  return tidy(() => {
    const idx = input.dtype === 'int64' ? input.contiguous() : input.long();
    const values = idx._view();
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < 0n || v >= BigInt(num)) {
        throw new Error(`${label(who)}: index ${v} is out of range: expected 0 <= index < ${num} (num_embeddings)`);
      }
    }
    const n = values.length;
    const out = _empty([...input._shape, dim]);
    if (n === 0 || dim === 0) return out;
    if (max_norm !== null) {
      if (!weight.is_contiguous()) throw new Error(`${label(who)}: max_norm needs a contiguous weight`);
      C.wt_embedding_renorm_f32(weight._ptr(), idx._ptr(), n, num, dim, max_norm, norm_type);
    }
    const w = weight.contiguous();
    C.wt_embedding_forward_f32(out._ptr(), w._ptr(), idx._ptr(), n, num, dim);
    return out;
  });
}

export function embedding(input, weight, ...args) {
  const o = bindArgs('F.embedding', args, [['padding_idx', null], ['max_norm', null], ['norm_type', 2.0],
    ['scale_grad_by_freq', false], ['sparse', false]]);
  return _embedding('F.embedding', input, weight, o.padding_idx, o.max_norm, o.norm_type);
}

// ---- padding -------------------------------------------------------------------------------

export function _pad(who, input, pad, mode, value) {
  checkTensor(who, 'input', input);
  if (!Array.isArray(pad) || pad.length % 2 !== 0) throw new Error(`${label(who)}: Padding length must be divisible by 2, got ${describe(pad)}`);
  pad.forEach((p) => checkInt(label(who), 'pad', p));
  const n = input._shape.length;
  if (pad.length / 2 > n) throw new Error(`${label(who)}: Padding length too large: ${pad.length} for a ${n}-D input`);
  if (!Object.prototype.hasOwnProperty.call(PAD_MODES, mode)) {
    throw new Error(`${label(who)}: Unrecognised padding mode ${describe(mode)} (expected constant, reflect, replicate or circular)`);
  }
  if (mode !== 'constant') {
    if (value !== null && value !== 0) throw new Error(`${label(who)}: Padding mode "${mode}" doesn't take in value argument`);
    const k = pad.length / 2;
    if (!(k >= 1 && k <= 3 && (n === k + 1 || n === k + 2))) {
      throw new Error(`${label(who)}: ${mode} padding of ${k} dimension(s) needs a ${k + 1}-D or ${k + 2}-D input, ` +
        `got ${_fmtShape(input._shape)}`);
    }
  }
  const before = new Array(n).fill(0);
  const after = new Array(n).fill(0);
  for (let i = 0; i < pad.length / 2; i++) {
    before[n - 1 - i] = pad[2 * i];
    after[n - 1 - i] = pad[2 * i + 1];
  }
  const outShape = input._shape.map((s, i) => s + before[i] + after[i]);
  for (let i = 0; i < n; i++) {
    const s = input._shape[i];
    if (outShape[i] < (mode === 'constant' ? 0 : 1)) {
      throw new Error(`${label(who)}: input size ${s} at dimension ${i} is too small for padding (${before[i]}, ${after[i]}): ` +
        `the result would have size ${outShape[i]}`);
    }
    if (mode === 'reflect' && (before[i] >= s || after[i] >= s)) {
      throw new Error(`${label(who)}: Padding size should be less than the corresponding input dimension, but got: ` +
        `padding (${before[i]}, ${after[i]}) at dimension ${i} of input ${_fmtShape(input._shape)}`);
    }
    if (mode === 'circular' && (before[i] > s || after[i] > s)) {
      throw new Error(`${label(who)}: Padding value causes wrapping around more than once: padding ` +
        `(${before[i]}, ${after[i]}) at dimension ${i} of input ${_fmtShape(input._shape)}`);
    }
  }
  return tidy(() => {
    const out = _empty(outShape);
    if (out.numel() === 0) return out;
    const x = input.contiguous();
    withInt32([input._shape, before, after], (ps, pb, pa) =>
      C.wt_pad_f32(PAD_MODES[mode], out._ptr(), x._ptr(), n, ps, pb, pa, value ?? 0));
    return out;
  });
}

export function pad(input, ...args) {
  const o = bindArgs('F.pad', args, [['pad', REQUIRED], ['mode', 'constant'], ['value', null]]);
  return _pad('F.pad', input, o.pad, o.mode, o.value);
}

// ---- convolution ---------------------------------------------------------------------------

/** Spatial output size of a convolution or pooling window (floor, or PyTorch's ceil_mode rule). */
export function windowOutSize(size, pad, dil, k, stride, ceil = false) {
  const span = size + 2 * pad - dil * (k - 1) - 1;
  let out = Math.floor((span + (ceil ? stride - 1 : 0)) / stride) + 1;
  if (ceil && (out - 1) * stride >= size + pad) out -= 1;
  return out;
}

/**
 * Convolution over nd spatial dims: input [N, C, *S] or unbatched [C, *S], weight
 * [out, C/groups, *K]. padding: int, tuple, 'same' or 'valid' (zeros).
 */
export function _conv(who, nd, input, weight, bias, stride, padding, dilation, groups) {
  const L = label(who);
  checkTensor(who, 'input', input);
  checkTensor(who, 'weight', weight);
  checkTensor(who, 'bias', bias, { optional: true });
  const fname = `conv${nd}d`;
  if (input._shape.length !== nd + 1 && input._shape.length !== nd + 2) {
    throw new Error(`${L}: Expected ${nd + 1}D (unbatched) or ${nd + 2}D (batched) input to ${fname}, but got input of ` +
      `size: ${_fmtShape(input._shape)}`);
  }
  if (weight._shape.length !== nd + 2) throw shapeErr(who, `a ${nd + 2}-D weight`, weight);
  checkInt(L, 'groups', groups, { min: 1 });
  const s = checkTuple(L, 'stride', stride, nd, { min: 1 });
  const d = checkTuple(L, 'dilation', dilation, nd, { min: 1 });
  const k = weight._shape.slice(2);
  let p;
  if (typeof padding === 'string') {
    if (padding !== 'same' && padding !== 'valid') {
      throw new Error(`${L}: Invalid padding string ${describe(padding)}, should be one of 'valid', 'same'`);
    }
    if (padding === 'same' && s.some((x) => x !== 1)) {
      throw new Error(`${L}: padding='same' is not supported for strided convolutions (stride ${describe(stride)})`);
    }
    p = padding === 'valid' ? new Array(nd).fill(0) : k.map((kk, i) => Math.floor(d[i] * (kk - 1) / 2));
  } else {
    p = checkTuple(L, 'padding', padding, nd, { min: 0 });
  }
  const batched = input._shape.length === nd + 2;
  const shape = batched ? input._shape : [1, ...input._shape];
  const [N, Cin] = shape;
  const outC = weight._shape[0];
  if (weight._shape[1] * groups !== Cin) {
    throw new Error(`${L}: Given groups=${groups}, weight of size ${_fmtShape(weight._shape)}, expected input` +
      `${_fmtShape(input._shape)} to have ${weight._shape[1] * groups} channels, but got ${Cin} channels instead`);
  }
  if (outC % groups !== 0) {
    throw new Error(`${L}: Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got ` +
      `weight of size ${_fmtShape(weight._shape)} instead`);
  }
  if (bias !== null && (bias._shape.length !== 1 || bias._shape[0] !== outC)) {
    throw new Error(`${L}: Given weight of size ${_fmtShape(weight._shape)}, expected bias to be 1-dimensional with ` +
      `${outC} elements, but got bias of size ${_fmtShape(bias._shape)} instead`);
  }
  const inSize = shape.slice(2);
  const same = padding === 'same';
  const padded = inSize.map((x, i) => x + (same ? d[i] * (k[i] - 1) : 2 * p[i]));
  if (padded.some((x, i) => x < d[i] * (k[i] - 1) + 1)) {
    throw new Error(`${L}: Calculated padded input size per channel: (${padded.join(' x ')}). Kernel size: ` +
      `(${k.map((kk, i) => d[i] * (kk - 1) + 1).join(' x ')}). Kernel size can't be greater than actual input size`);
  }
  const outSize = same ? inSize.slice() : inSize.map((x, i) => windowOutSize(x, p[i], d[i], k[i], s[i]));
  return tidy(() => {
    const out = _empty([N, outC, ...outSize]);
    if (out.numel() > 0) {
      const x = input.contiguous();
      const w = weight.contiguous();
      const b = bias === null ? null : bias.contiguous();
      const fill = (a) => [...a, ...new Array(3 - nd).fill(1)];
      const params = [nd, N, Cin, outC, groups, ...fill(inSize), ...fill(outSize), ...fill(k), ...fill(s),
        ...[...p, ...new Array(3 - nd).fill(0)], ...fill(d)];
      if (Cin === 0 || k.some((kk) => kk === 0)) out.fill_(0);
      else withInt32([params], (pp) => C.wt_conv_forward_f32(pp, out._ptr(), x._ptr(), w._ptr(), b ? b._ptr() : 0));
    }
    return batched ? out : out.squeeze(0);
  });
}

const CONV_ARGS = [['bias', null], ['stride', 1], ['padding', 0], ['dilation', 1], ['groups', 1]];

function convFn(nd) {
  return (input, weight, ...args) => {
    const o = bindArgs(`F.conv${nd}d`, args, CONV_ARGS);
    return _conv(`F.conv${nd}d`, nd, input, weight, o.bias, o.stride, o.padding, o.dilation, o.groups);
  };
}

export const conv1d = convFn(1);
export const conv2d = convFn(2);
export const conv3d = convFn(3);

// ---- max pooling ---------------------------------------------------------------------------

export function _maxPool(who, nd, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices) {
  const L = label(who);
  checkTensor(who, 'input', input);
  const k = checkTuple(L, 'kernel_size', kernel_size, nd, { min: 1 });
  const s = stride === null || (Array.isArray(stride) && stride.length === 0) ? k.slice()
    : checkTuple(L, 'stride', stride, nd, { min: 1 });
  const p = checkTuple(L, 'padding', padding, nd, { min: 0 });
  const d = checkTuple(L, 'dilation', dilation, nd, { min: 1 });
  checkBool(L, 'ceil_mode', ceil_mode);
  checkBool(L, 'return_indices', return_indices);
  if (input._shape.length !== nd + 1 && input._shape.length !== nd + 2) {
    throw new Error(`${L}: Expected ${nd + 1}D (unbatched) or ${nd + 2}D (batched) input to max_pool${nd}d, but got ` +
      `input of size: ${_fmtShape(input._shape)}`);
  }
  p.forEach((pp, i) => {
    if (pp > Math.floor(k[i] / 2)) {
      throw new Error(`${L}: pad should be at most half of effective kernel size, but got pad=${pp}, ` +
        `kernel_size=${k[i]} and dilation=${d[i]}`);
    }
  });
  const lead = input._shape.slice(0, -nd);
  const inSize = input._shape.slice(-nd);
  if (lead.some((x) => x === 0) && input._shape.length === nd + 2 && lead[1] === 0) {
    throw new Error(`${L}: Expected input's non-batch dimensions to have positive length, but input has a shape of ` +
      `${_fmtShape(input._shape)}`);
  }
  const outSize = inSize.map((x, i) => windowOutSize(x, p[i], d[i], k[i], s[i], ceil_mode));
  // PyTorch's max_pool1d (without indices) returns an empty result where the others reject.
  const emptyOk = nd === 1 && !return_indices && outSize[0] === 0;
  if ((outSize.some((x) => x < 1) && !emptyOk) || inSize.some((x) => x < 1)) {
    throw new Error(`${L}: Given input size: (${[lead[lead.length - 1], ...inSize].join('x')}). Calculated output size: ` +
      `(${[lead[lead.length - 1], ...outSize].join('x')}). Output size is too small`);
  }
  return tidy(() => {
    const out = _empty([...lead, ...outSize]);
    const idx = return_indices ? _empty([...lead, ...outSize], 'int64') : null;
    const planes = _prod(lead);
    if (planes > 0 && !emptyOk) {
      const x = input.contiguous();
      const fill = (a, v) => [...a, ...new Array(3 - nd).fill(v)];
      const params = [nd, planes, ...fill(inSize, 1), ...fill(outSize, 1), ...fill(k, 1), ...fill(s, 1), ...fill(p, 0),
        ...fill(d, 1)];
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

