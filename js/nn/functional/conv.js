// F.conv1d, F.conv2d, F.conv3d, F.conv_transpose1d, F.conv_transpose2d, F.conv_transpose3d.

import { C, withInt32 } from '../../runtime.js';
import { tidy, _empty, _fmtShape } from '../../tensor.js';
import { bindArgs, describe, checkTuple, checkInt, nameOf } from '../../args.js';
import { checkTensor, shapeErr, windowOutSize } from './utils.js';

/** PyTorch's rank rule for (transposed) convolutions: [C, *S] unbatched or [N, C, *S]. */
export function checkConvRank(who, nd, input, fname) {
  if (input._shape.length !== nd + 1 && input._shape.length !== nd + 2) {
    throw new Error(`${nameOf(who)}: Expected ${nd + 1}D (unbatched) or ${nd + 2}D (batched) input to ${fname}, but ` +
      `got input of size: ${_fmtShape(input._shape)}`);
  }
}

/** The checks conv and conv_transpose share: the tensors, their ranks, groups >= 1. */
function checkConvArgs(who, nd, input, weight, bias, groups, fname) {
  checkTensor(who, 'input', input);
  checkTensor(who, 'weight', weight);
  checkTensor(who, 'bias', bias, { optional: true });
  checkConvRank(who, nd, input, fname);
  if (weight._shape.length !== nd + 2) throw shapeErr(who, `a ${nd + 2}-D weight`, weight);
  checkInt(who, 'groups', groups, { min: 1 });
}

/** The int32 parameter block of wt_conv_params (see include/webtorch.h), spatial dims padded to 3. */
function convParams(nd, N, Cin, Cout, groups, inSize, outSize, k, s, p, d) {
  const fill = (a, v = 1) => [...a, ...new Array(3 - nd).fill(v)];
  return [nd, N, Cin, Cout, groups, ...fill(inSize), ...fill(outSize), ...fill(k), ...fill(s), ...fill(p, 0), ...fill(d)];
}

/**
 * A new output of outShape filled by run(params pointer, out, x, weight, bias pointers (0 for no
 * bias)) on contiguous copies of the tensors, squeezed back for unbatched input; an empty output
 * runs nothing.
 */
function runConv(batched, outShape, input, weight, bias, params, run) {
  return tidy(() => {
    const out = _empty(outShape);
    if (out.numel() > 0) {
      const x = input._contiguous();
      const w = weight._contiguous();
      const b = bias === null ? null : bias._contiguous();
      withInt32([params], (pp) => run(pp, out, x._ptr(), w._ptr(), b ? b._ptr() : 0));
    }
    return batched ? out : out.squeeze(0);
  });
}

/**
 * Convolution over nd spatial dims: input [N, C, *S] or unbatched [C, *S], weight
 * [out, C/groups, *K]. padding: int, tuple, 'same' or 'valid' (zeros).
 */
export function _conv(who, nd, input, weight, bias, stride, padding, dilation, groups) {
  checkConvArgs(who, nd, input, weight, bias, groups, `conv${nd}d`);
  const s = checkTuple(who, 'stride', stride, nd, { min: 1 });
  const d = checkTuple(who, 'dilation', dilation, nd, { min: 1 });
  const k = weight._shape.slice(2);
  let p;
  if (typeof padding === 'string') {
    if (padding !== 'same' && padding !== 'valid') {
      throw new Error(`${nameOf(who)}: Invalid padding string ${describe(padding)}, should be one of 'valid', 'same'`);
    }
    if (padding === 'same' && s.some((x) => x !== 1)) {
      throw new Error(`${nameOf(who)}: padding='same' is not supported for strided convolutions (stride ${describe(stride)})`);
    }
    p = padding === 'valid' ? new Array(nd).fill(0) : k.map((kk, i) => Math.floor(d[i] * (kk - 1) / 2));
  } else {
    p = checkTuple(who, 'padding', padding, nd, { min: 0 });
  }
  const batched = input._shape.length === nd + 2;
  const shape = batched ? input._shape : [1, ...input._shape];
  const [N, Cin] = shape;
  const outC = weight._shape[0];
  if (weight._shape[1] * groups !== Cin) {
    throw new Error(`${nameOf(who)}: Given groups=${groups}, weight of size ${_fmtShape(weight._shape)}, expected input` +
      `${_fmtShape(input._shape)} to have ${weight._shape[1] * groups} channels, but got ${Cin} channels instead`);
  }
  if (outC % groups !== 0) {
    throw new Error(`${nameOf(who)}: Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got ` +
      `weight of size ${_fmtShape(weight._shape)} instead`);
  }
  if (bias !== null && (bias._shape.length !== 1 || bias._shape[0] !== outC)) {
    throw new Error(`${nameOf(who)}: Given weight of size ${_fmtShape(weight._shape)}, expected bias to be 1-dimensional with ` +
      `${outC} elements, but got bias of size ${_fmtShape(bias._shape)} instead`);
  }
  const inSize = shape.slice(2);
  const same = padding === 'same';
  const padded = inSize.map((x, i) => x + (same ? d[i] * (k[i] - 1) : 2 * p[i]));
  if (padded.some((x, i) => x < d[i] * (k[i] - 1) + 1)) {
    throw new Error(`${nameOf(who)}: Calculated padded input size per channel: (${padded.join(' x ')}). Kernel size: ` +
      `(${k.map((kk, i) => d[i] * (kk - 1) + 1).join(' x ')}). Kernel size can't be greater than actual input size`);
  }
  const outSize = same ? inSize.slice() : inSize.map((x, i) => windowOutSize(x, p[i], d[i], k[i], s[i]));
  const params = convParams(nd, N, Cin, outC, groups, inSize, outSize, k, s, p, d);
  // An empty reduction (no input channels or a zero-size kernel) sums to zero.
  const empty = Cin === 0 || k.some((kk) => kk === 0);
  return runConv(batched, [N, outC, ...outSize], input, weight, bias, params,
    (pp, out, x, w, b) => (empty ? out.fill_(0) : C.wt_conv_forward_f32(pp, out._ptr(), x, w, b)));
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

/**
 * Transposed convolution over nd spatial dims: input [N, Cin, *S] or unbatched [Cin, *S], weight
 * [Cin, out/groups, *K]; output size (S - 1)*stride - 2*padding + dilation*(K - 1) + output_padding + 1.
 */
export function _conv_transpose(who, nd, input, weight, bias, stride, padding, output_padding, groups, dilation) {
  checkConvArgs(who, nd, input, weight, bias, groups, `conv_transpose${nd}d`);
  const s = checkTuple(who, 'stride', stride, nd, { min: 1 });
  const p = checkTuple(who, 'padding', padding, nd, { min: 0 });
  const op = checkTuple(who, 'output_padding', output_padding, nd, { min: 0 });
  const d = checkTuple(who, 'dilation', dilation, nd, { min: 1 });
  if (op.some((x, i) => x >= s[i] && x >= d[i])) {
    throw new Error(`${nameOf(who)}: output padding must be smaller than either stride or dilation, but got ` +
      `output_padding=${describe(op)}, stride=${describe(s)}, dilation=${describe(d)}`);
  }
  const batched = input._shape.length === nd + 2;
  const shape = batched ? input._shape : [1, ...input._shape];
  const [N, Cin] = shape;
  const [wIn, wOut] = weight._shape;
  const k = weight._shape.slice(2);
  if (wIn === 0 || k.some((kk) => kk === 0)) {
    throw new Error(`${nameOf(who)}: expected weight with non-zero sizes, but got weight of size ${_fmtShape(weight._shape)}`);
  }
  if (wIn % groups !== 0) {
    throw new Error(`${nameOf(who)}: Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got ` +
      `weight of size ${_fmtShape(weight._shape)} instead`);
  }
  if (wIn !== Cin) {
    throw new Error(`${nameOf(who)}: Given transposed=1, weight of size ${_fmtShape(weight._shape)}, expected input` +
      `${_fmtShape(input._shape)} to have ${wIn} channels, but got ${Cin} channels instead`);
  }
  const outC = wOut * groups;
  if (bias !== null && (bias._shape.length !== 1 || bias._shape[0] !== outC)) {
    throw new Error(`${nameOf(who)}: Given transposed=1, weight of size ${_fmtShape(weight._shape)}, expected bias to be ` +
      `1-dimensional with ${outC} elements, but got bias of size ${_fmtShape(bias._shape)} instead`);
  }
  const inSize = shape.slice(2);
  const outSize = inSize.map((x, i) => (x - 1) * s[i] - 2 * p[i] + d[i] * (k[i] - 1) + op[i] + 1);
  if (outSize.some((x) => x < 1)) {
    throw new Error(`${nameOf(who)}: Given input size per channel: (${inSize.join(' x ')}). Calculated output size per channel: ` +
      `(${outSize.join(' x ')}). Output size is too small`);
  }
  if (inSize.some((x) => x === 0)) {
    throw new Error(`${nameOf(who)}: Only zero batch or zero channel inputs are supported, but got input shape: ` +
      `${_fmtShape(input._shape)}`);
  }
  const params = convParams(nd, N, Cin, outC, groups, inSize, outSize, k, s, p, d);
  return runConv(batched, [N, outC, ...outSize], input, weight, bias, params,
    (pp, out, x, w, b) => C.wt_conv_transpose_forward_f32(pp, out._ptr(), x, w, b));
}

const CONV_TRANSPOSE_ARGS = [['bias', null], ['stride', 1], ['padding', 0], ['output_padding', 0], ['groups', 1],
  ['dilation', 1]];

function convTransposeFn(nd) {
  return (input, weight, ...args) => {
    const o = bindArgs(`F.conv_transpose${nd}d`, args, CONV_TRANSPOSE_ARGS);
    return _conv_transpose(`F.conv_transpose${nd}d`, nd, input, weight, o.bias, o.stride, o.padding, o.output_padding,
      o.groups, o.dilation);
  };
}

export const conv_transpose1d = convTransposeFn(1);
export const conv_transpose2d = convTransposeFn(2);
export const conv_transpose3d = convTransposeFn(3);
