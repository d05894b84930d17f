// Resampling: F.interpolate (nearest, nearest-exact, linear, bilinear, bicubic, trilinear, area),
// F.pixel_shuffle, F.pixel_unshuffle. interpolate follows PyTorch 1.13's Python checks in their
// order, then the C++ size checks, before anything reaches wasm.

import { C, withInt32 } from '../../runtime.js';
import { tidy, _empty, _prod, _fmtShape } from '../../tensor.js';
import { bindArgs, checkBool, checkInt, checkNumber, describe, nameOf, REQUIRED } from '../../args.js';
import { checkTensor } from './utils.js';
import { _adaptivePool } from './pooling.js';

const MODES = { nearest: 0, 'nearest-exact': 1, linear: 2, bilinear: 2, trilinear: 2, bicubic: 3 };
// The input rank each interpolating mode needs (the nearest modes and area take 3, 4 or 5).
const MODE_RANK = { linear: 3, bilinear: 4, bicubic: 4, trilinear: 5 };
const DIM_NAMES = { 1: ['W'], 2: ['H', 'W'], 3: ['D', 'H', 'W'] };

function pyList(v) {
  return Array.isArray(v) ? `(${v.map((x) => (typeof x === 'number' && !Number.isInteger(x) ? x : describe(x))).join(', ')}${v.length === 1 ? ',' : ''})` : describe(v);
}

export function _interpolate(who, input, size, scale_factor, mode, align_corners, recompute_scale_factor, antialias) {
  checkTensor(who, 'input', input);
  const nearestLike = mode === 'nearest' || mode === 'nearest-exact' || mode === 'area';
  if (nearestLike) {
    if (align_corners !== null) {
      throw new Error(`${nameOf(who)}: align_corners option can only be set with the interpolating modes: ` +
        'linear | bilinear | bicubic | trilinear');
    }
  } else if (align_corners === null) {
    align_corners = false;
  }
  if (!nearestLike) checkBool(who, 'align_corners', align_corners);
  if (recompute_scale_factor !== null) checkBool(who, 'recompute_scale_factor', recompute_scale_factor);
  checkBool(who, 'antialias', antialias);
  const rank = input._shape.length;
  const dim = rank - 2;
  const spatial = input._shape.slice(2);
  let outSize = null;
  let scales = null;
  if (size !== null && scale_factor !== null) {
    throw new Error(`${nameOf(who)}: only one of size or scale_factor should be defined`);
  } else if (size !== null) {
    if (Array.isArray(size) && size.length !== dim) {
      throw new Error(`${nameOf(who)}: Input and output must have the same number of spatial dimensions, but got input with ` +
        `spatial dimensions of ${describe(spatial)} and output size of ${pyList(size)}. Please provide input tensor in ` +
        '(N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.');
    }
    outSize = Array.isArray(size) ? size.slice() : new Array(Math.max(dim, 0)).fill(size);
    outSize.forEach((v) => checkInt(who, 'size', v));
  } else if (scale_factor !== null) {
    if (Array.isArray(scale_factor) && scale_factor.length !== dim) {
      throw new Error(`${nameOf(who)}: Input and scale_factor must have the same number of spatial dimensions, but got input ` +
        `with spatial dimensions of ${describe(spatial)} and scale_factor of shape ${pyList(scale_factor)}. Please ` +
        'provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.');
    }
    scales = Array.isArray(scale_factor) ? scale_factor.slice() : new Array(Math.max(dim, 0)).fill(scale_factor);
    scales.forEach((v) => checkNumber(who, 'scale_factor', v));
  } else {
    throw new Error(`${nameOf(who)}: either size or scale_factor should be defined`);
  }
  if (recompute_scale_factor && size !== null) {
    throw new Error(`${nameOf(who)}: recompute_scale_factor is not meaningful with an explicit size.`);
  }
  if (mode === 'area' && outSize === null) recompute_scale_factor = true;
  if (recompute_scale_factor) {
    outSize = spatial.map((x, i) => Math.floor(x * scales[i]));
    scales = null;
  }
  if (antialias) {
    if (!((mode === 'bilinear' || mode === 'bicubic') && rank === 4)) {
      throw new Error(`${nameOf(who)}: Anti-alias option is only supported for bilinear and bicubic modes`);
    }
    throw new Error(`${nameOf(who)}: antialias=True is not supported by webtorch`);
  }
  const known = nearestLike || mode in MODE_RANK;
  if (known && !nearestLike && rank >= 3 && rank <= 5 && rank !== MODE_RANK[mode] && mode !== 'bicubic') {
    throw new Error(`${nameOf(who)}: Got ${rank}D input, but ${mode} mode needs ${MODE_RANK[mode]}D input`);
  }
  if (!known || rank < 3 || rank > 5 || (mode === 'bicubic' && rank !== 4)) {
    throw new Error(`${nameOf(who)}: Input Error: Only 3D, 4D and 5D input Tensors supported (got ${rank}D) for the modes: ` +
      `nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got ${mode})`);
  }
  if (mode === 'area') return _adaptivePool(who, 'avg', dim, input, outSize, false);
  if (outSize === null) outSize = spatial.map((x, i) => Math.trunc(x * scales[i]));
  if (spatial.some((x) => x < 1) || outSize.some((x) => x < 1)) {
    const names = DIM_NAMES[dim];
    const fmt = (a) => a.map((v, i) => `${names[i]}: ${v}`).join(', ');
    throw new Error(`${nameOf(who)}: Input and output sizes should be greater than 0, but got input (${fmt(spatial)}) and ` +
      `output (${fmt(outSize)})`);
  }
  return tidy(() => {
    const out = _empty([...input._shape.slice(0, 2), ...outSize]);
    const planes = _prod(input._shape.slice(0, 2));
    if (planes > 0) {
      const x = input.contiguous();
      const sc = [0, 1, 2].map((i) => (scales !== null && i < dim ? scales[i] : 0));
      withInt32([spatial, outSize], (pi, po) => C.wt_interpolate_f32(MODES[mode], out._ptr(), x._ptr(), dim, planes,
        pi, po, align_corners ? 1 : 0, sc[0], sc[1], sc[2]));
    }
    return out;
  });
}

export function interpolate(input, ...args) {
  const o = bindArgs('F.interpolate', args, [['size', null], ['scale_factor', null], ['mode', 'nearest'],
    ['align_corners', null], ['recompute_scale_factor', null], ['antialias', false]]);
  return _interpolate('F.interpolate', input, o.size, o.scale_factor, o.mode, o.align_corners,
    o.recompute_scale_factor, o.antialias);
}

/** pixel_shuffle (up = true): [*, C*r*r, H, W] -> [*, C, H*r, W*r]; pixel_unshuffle the inverse. */
export function _pixelShuffle(who, input, factor, up) {
  const fname = up ? 'pixel_shuffle' : 'pixel_unshuffle';
  const arg = up ? 'upscale_factor' : 'downscale_factor';
  checkTensor(who, 'input', input, { dtype: null });
  checkInt(who, arg, factor);
  const n = input._shape.length;
  if (n < 3) {
    throw new Error(`${nameOf(who)}: ${fname} expects input to have at least 3 dimensions, but got input with ${n} dimension(s)`);
  }
  if (factor <= 0) throw new Error(`${nameOf(who)}: ${fname} expects a positive ${arg}, but got ${factor}`);
  const lead = input._shape.slice(0, -3);
  const [c, h, w] = input._shape.slice(-3);
  const r = factor;
  const b = lead.length;
  if (up && c % (r * r) !== 0) {
    throw new Error(`${nameOf(who)}: pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of ` +
      `upscale_factor, but input.size(-3)=${c} is not divisible by ${r * r}`);
  }
  if (!up && h % r !== 0) {
    throw new Error(`${nameOf(who)}: pixel_unshuffle expects height to be divisible by downscale_factor, but ` +
      `input.size(-2)=${h} is not divisible by ${r}`);
  }
  if (!up && w % r !== 0) {
    throw new Error(`${nameOf(who)}: pixel_unshuffle expects width to be divisible by downscale_factor, but ` +
      `input.size(-1)=${w} is not divisible by ${r}`);
  }
  const dims = (...a) => [...lead.map((_, i) => i), ...a.map((x) => x + b)];
  return tidy(() => {
    if (up) {
      const oc = c / (r * r);
      return input.reshape(...lead, oc, r, r, h, w).permute(...dims(0, 3, 1, 4, 2)).contiguous()
        .reshape(...lead, oc, h * r, w * r);
    }
    return input.reshape(...lead, c, h / r, r, w / r, r).permute(...dims(0, 2, 4, 1, 3)).contiguous()
      .reshape(...lead, c * r * r, h / r, w / r);
  });
}

export function pixel_shuffle(input, ...args) {
  const { upscale_factor } = bindArgs('F.pixel_shuffle', args, [['upscale_factor', REQUIRED]]);
  return _pixelShuffle('F.pixel_shuffle', input, upscale_factor, true);
}

export function pixel_unshuffle(input, ...args) {
  const { downscale_factor } = bindArgs('F.pixel_unshuffle', args, [['downscale_factor', REQUIRED]]);
  return _pixelShuffle('F.pixel_unshuffle', input, downscale_factor, false);
}
